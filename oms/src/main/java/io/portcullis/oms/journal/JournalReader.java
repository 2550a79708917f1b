package io.portcullis.oms.journal;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.ObjLongConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the journal from a given offset up to its end as it was when the read began: recovery replays the tail
 * after a snapshot this way. Reads only what is durable (the high watermark). Not thread-safe; one use per thread.
 */
public final class JournalReader {
    private JournalReader() {
    }

    /**
     * Reads every record at or after {@code fromOffset} that exists now.
     *
     * @param configuration the journal
     * @param fromOffset    first Kafka offset to read (0 = from the beginning)
     * @param consumer      given each record and its offset, in order
     * @return the offset after the last record read (the end offset)
     */
    public static long readToEnd(final JournalConfiguration configuration, final long fromOffset,
                                 final ObjLongConsumer<JournalRecord> consumer) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, configuration.bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024));
        final TopicPartition partition = new TopicPartition(configuration.topic(), 0);
        try (KafkaConsumer<byte[], byte[]> kafka =
                 new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            if (kafka.partitionsFor(configuration.topic(), Duration.ofSeconds(15)).isEmpty()) {
                throw new IllegalStateException("journal topic " + configuration.topic() + " does not exist on "
                    + configuration.bootstrap() + "; open the journal (which creates it) before recovering, or check "
                    + "the journal.topic setting");
            }
            kafka.assign(List.of(partition));
            final long end = kafka.endOffsets(List.of(partition), Duration.ofSeconds(15)).get(partition);
            kafka.seek(partition, fromOffset);
            long next = fromOffset;
            while (next < end) {
                for (final ConsumerRecord<byte[], byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end) {
                        return end;
                    }
                    consumer.accept(JournalRecord.decode(record.value()), record.offset());
                    next = record.offset() + 1;
                }
                next = Math.max(next, kafka.position(partition));
            }
            return end;
        }
    }
}
