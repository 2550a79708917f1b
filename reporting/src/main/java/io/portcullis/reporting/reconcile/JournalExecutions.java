package io.portcullis.reporting.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the executions of a trading day from the engine journal (partition 0 of the journal topic, read_committed):
 * every EXECUTION_REPORT event with ExecType TRADE whose TransactTime falls in the day.
 *
 * <p>By default the whole journal is scanned, from its first offset to its end as it was when the scan began:
 * exact whatever the record timestamps say. With a seek margin, the scan starts at the first record whose Kafka
 * timestamp is at or after the day's start minus the margin ({@code offsetsForTimes}) and stops at the first record
 * stamped after the day's end plus the margin; the engine stamps commands at ingress, moments before the journal
 * producer stamps the record, so a margin of minutes is plenty, but a journal written with another clock (a replay,
 * a simulation) needs the full scan.
 *
 * <p>Progress goes to the given sink every two seconds. One thread; allocates an {@link Execution} per trade.
 */
public final class JournalExecutions {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    /**
     * What a scan read.
     *
     * @param fromOffset the first offset read
     * @param endOffset  the offset the scan stopped at (exclusive)
     * @param records    journal records read
     * @param executions executions of the day found
     */
    public record Scan(long fromOffset, long endOffset, long records, long executions) {
    }

    private JournalExecutions() {
    }

    /**
     * Scans the journal.
     *
     * @param bootstrap  Kafka bootstrap servers
     * @param topic      the journal topic
     * @param day        the trading day
     * @param seekMargin null to scan from the first offset; otherwise seek by timestamp with this margin
     * @param progress   given a progress line now and then (e.g. standard error); never null
     * @param sink       given each execution of the day, in journal order
     * @return what was read, never null
     * @throws SourceUnavailableException when Kafka does not answer or the topic does not exist
     */
    public static Scan read(final String bootstrap, final String topic, final TradingDay day,
                            final Duration seekMargin, final Consumer<String> progress,
                            final Consumer<Execution> sink) {
        final TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(properties(bootstrap),
            new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            requireTopic(kafka, bootstrap, topic);
            kafka.assign(List.of(partition));
            final long end = kafka.endOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
            final long from = firstOffset(kafka, partition, day, seekMargin, end);
            final long stopAfter = seekMargin == null ? Long.MAX_VALUE : day.end().plus(seekMargin).toEpochMilli();
            kafka.seek(partition, from);
            final Collector collector = new Collector(day, sink);
            long next = from;
            long records = 0;
            long lastProgress = System.nanoTime();
            while (next < end) {
                boolean stop = false;
                for (final ConsumerRecord<byte[], byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end || record.timestamp() > stopAfter) {
                        stop = true;
                        break;
                    }
                    collector.offset = record.offset();
                    final JournalRecord entry = JournalRecord.decode(record.value());
                    EventDecoder.decode(entry.events(), 0, entry.events().length, collector);
                    next = record.offset() + 1;
                    records++;
                }
                if (stop) {
                    break;
                }
                next = Math.max(next, kafka.position(partition));
                if (System.nanoTime() - lastProgress > PROGRESS_EVERY.toNanos()) {
                    lastProgress = System.nanoTime();
                    progress.accept(String.format("journal %s: offset %,d of %,d (%d%%), %,d executions of the day so"
                        + " far", topic, next, end, end == 0 ? 100 : 100 * (next - from) / Math.max(1, end - from),
                        collector.found));
                }
            }
            return new Scan(from, Math.min(next, end), records, collector.found);
        } catch (final KafkaException ex) {
            throw new SourceUnavailableException("cannot read the journal " + topic + " from Kafka at " + bootstrap
                + ": " + ex.getMessage() + ". Is the stack running? ./portcullis stack up", ex);
        }
    }

    private static Properties properties(final String bootstrap) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024));
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reconcile");
        return props;
    }

    private static void requireTopic(final KafkaConsumer<byte[], byte[]> kafka, final String bootstrap,
                                     final String topic) {
        final List<PartitionInfo> partitions;
        try {
            partitions = kafka.partitionsFor(topic, Duration.ofSeconds(10));
        } catch (final org.apache.kafka.common.errors.TimeoutException ex) {
            throw new SourceUnavailableException("Kafka does not answer at " + bootstrap + " (setting "
                + "kafka.bootstrap). Is the stack running? ./portcullis stack up", ex);
        }
        if (partitions == null || partitions.isEmpty()) {
            throw new SourceUnavailableException("the journal topic " + topic + " does not exist on " + bootstrap
                + " (setting journal.topic)", null);
        }
    }

    private static long firstOffset(final KafkaConsumer<byte[], byte[]> kafka, final TopicPartition partition,
                                    final TradingDay day, final Duration seekMargin, final long end) {
        if (seekMargin == null) {
            return kafka.beginningOffsets(List.of(partition)).get(partition);
        }
        final Instant from = day.start().minus(seekMargin);
        final Map<TopicPartition, OffsetAndTimestamp> found =
            kafka.offsetsForTimes(Map.of(partition, from.toEpochMilli()));
        final OffsetAndTimestamp offset = found.get(partition);
        return offset == null ? end : offset.offset();
    }

    /** Copies the day's trades out of the engine's flyweight reports. */
    private static final class Collector implements EngineListener {
        private final TradingDay day;
        private final Consumer<Execution> sink;
        private long offset;
        private long found;

        Collector(final TradingDay day, final Consumer<Execution> sink) {
            this.day = day;
            this.sink = sink;
        }

        @Override
        public void onExecutionReport(final ExecutionReport r) {
            if (r.execType() != ExecType.TRADE || !day.contains(r.transactTime())) {
                return;
            }
            found++;
            sink.accept(new Execution(Long.toString(r.execId()), r.orderId(), text(r.symbol()),
                r.side() == null ? null : r.side().name(), r.lastQty(),
                r.lastPx() == Prices.NONE ? null : Prices.toBigDecimal(r.lastPx()), text(r.account()),
                r.transactTime(), "offset " + offset));
        }

        private static String text(final CharSequence value) {
            return value == null ? null : value.toString();
        }
    }
}
