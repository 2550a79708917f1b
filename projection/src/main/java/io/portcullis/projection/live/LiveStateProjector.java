package io.portcullis.projection.live;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.JournalRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects the journal into Redis as the live state the console reads: each symbol's top of book and daily
 * statistics, one-minute bars, the trade tape, and every position (see {@link LiveKeys}). Each poll's changes are
 * written in one MULTI/EXEC transaction together with the journal offset they reach, so a crash anywhere repeats
 * nothing and loses nothing; on start the projector resumes at the stored offset, and with no stored offset (a new
 * or emptied Redis) it rebuilds from the start of the journal. After each transaction it publishes a
 * {@link LiveUpdate} for the console's live feed.
 *
 * <p>Redis is a cache here (MySQL stays the book of record): when Redis does not answer, the projector does not stop.
 * It retries with backoff (100 ms doubling to 5 s) from the offset Redis holds, and {@link #problem()} says so
 * meanwhile. Runs on its own thread ({@link #start()}); the accessors may be read from any thread.
 */
public final class LiveStateProjector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStateProjector.class);
    private static final Duration BAR_TTL = Duration.ofDays(LiveKeys.BAR_DAYS_KEPT);

    private final JournalConfiguration journal;
    private final RedissonClient redis;
    private final LiveKeys keys;
    private final AtomicLong nextOffset = new AtomicLong(-1);
    private final AtomicLong endOffset = new AtomicLong(0);
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private volatile String problem;
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param journal the journal to read
     * @param redis   the Redis client (string codec)
     * @param keys    where the state lives
     */
    public LiveStateProjector(final JournalConfiguration journal, final RedissonClient redis, final LiveKeys keys) {
        this.journal = journal;
        this.redis = redis;
        this.keys = keys;
    }

    /** Starts the projector thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, journal.bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // Live, but batched: up to 50 ms of records per Redis transaction (the console redraws at most that often).
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "projector-live-" + journal.topic());
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "projector-live");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        final TopicPartition partition = new TopicPartition(journal.topic(), 0);
        final LiveCollector changes = new LiveCollector(this::storedBar);
        long backoffMs = 100;
        try {
            consumer.assign(List.of(partition));
            boolean positioned = false;
            while (running) {
                try {
                    if (!positioned) {
                        final long start = storedOffset();
                        consumer.seek(partition, start);
                        nextOffset.set(start);
                        LOG.info("live-state projector resumes {} at offset {}", journal.topic(), start);
                        positioned = true;
                    }
                    final ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                    trackEnd(partition, batch.isEmpty());
                    if (batch.isEmpty()) {
                        continue;
                    }
                    long last = -1;
                    for (final ConsumerRecord<byte[], byte[]> record : batch) {
                        final JournalRecord entry = JournalRecord.decode(record.value());
                        EventDecoder.decode(entry.events(), 0, entry.events().length, changes);
                        last = record.offset();
                    }
                    apply(changes, last + 1);
                    applied.addAndGet(batch.count());
                    nextOffset.set(last + 1);
                    publish(changes);
                    changes.clear();
                    if (problem != null) {
                        LOG.info("live-state projector: Redis answers again; resumed at offset {}", last + 1);
                        problem = null;
                    }
                    backoffMs = 100;
                } catch (final org.redisson.client.RedisException ex) {
                    // Nothing of the failed batch is in Redis (one transaction): start over from Redis's offset.
                    problem = "Redis does not answer the live-state projector: " + ex.getMessage();
                    retries.incrementAndGet();
                    LOG.warn("{}; retrying in {} ms", problem, backoffMs);
                    changes.reset();
                    positioned = false;
                    Thread.sleep(backoffMs);
                    backoffMs = Math.min(5_000, backoffMs * 2);
                }
            }
        } catch (final WakeupException ex) {
            if (running) {
                problem = "the live-state projector stopped: " + ex;
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (final RuntimeException ex) {
            problem = "the live-state projector stopped: " + ex;
            LOG.error("live-state projector stopped: {}", ex.toString(), ex);
        } finally {
            consumer.close();
        }
    }

    private void trackEnd(final TopicPartition partition, final boolean empty) {
        final OptionalLong lag = consumer.currentLag(partition);
        if (lag.isPresent()) {
            endOffset.set(consumer.position(partition) + lag.getAsLong());
        } else if (empty) {
            endOffset.set(consumer.endOffsets(List.of(partition)).get(partition));
        }
    }

    private long storedOffset() {
        final String stored = redis.<String, String>getMap(keys.offset()).get(journal.topic());
        return stored == null ? 0 : Long.parseLong(stored);
    }

    private LiveCollector.Bar storedBar(final String symbol, final Long minute) {
        final String stored = redis.<String, String>getMap(keys.bars(symbol, minute)).get(Long.toString(minute));
        return stored == null ? null : LiveCollector.Bar.decode(symbol, minute, stored);
    }

    private void apply(final LiveCollector changes, final long next) {
        final RBatch batch = redis.createBatch(BatchOptions.defaults()
            .executionMode(BatchOptions.ExecutionMode.IN_MEMORY_ATOMIC));
        final Set<String> symbols = new LinkedHashSet<>(changes.symbolFields().keySet());
        for (final Map.Entry<String, Map<String, String>> entry : changes.symbolFields().entrySet()) {
            batch.<String, String>getMap(keys.symbol(entry.getKey())).putAllAsync(entry.getValue());
        }
        for (final LiveCollector.Bar bar : changes.dirtyBars()) {
            final String key = keys.bars(bar.symbol, bar.minute);
            batch.<String, String>getMap(key).fastPutAsync(Long.toString(bar.minute), bar.encode());
            batch.getMap(key).expireAsync(BAR_TTL);
        }
        final Map<String, Integer> tradesPerSymbol = new LinkedHashMap<>();
        for (final LiveUpdate.Trade trade : changes.trades()) {
            batch.<String>getDeque(keys.trades(trade.symbol())).addFirstAsync(trade.tapeEntry());
            tradesPerSymbol.merge(trade.symbol(), 1, Integer::sum);
            symbols.add(trade.symbol());
        }
        for (final String symbol : tradesPerSymbol.keySet()) {
            batch.getList(keys.trades(symbol)).trimAsync(0, LiveKeys.TRADES_KEPT - 1);
        }
        if (!symbols.isEmpty()) {
            batch.<String>getSet(keys.symbols()).addAllAsync(symbols);
        }
        if (!changes.positions().isEmpty()) {
            batch.<String, String>getMap(keys.positions()).putAllAsync(changes.positions());
        }
        batch.<String, String>getMap(keys.offset()).fastPutAsync(journal.topic(), Long.toString(next));
        batch.execute();
    }

    private void publish(final LiveCollector changes) {
        if (changes.symbolFields().isEmpty() && changes.trades().isEmpty() && changes.positions().isEmpty()) {
            return;
        }
        final LiveUpdate update = new LiveUpdate(List.copyOf(changes.symbolFields().keySet()),
            List.copyOf(changes.trades()), List.copyOf(changes.positions().keySet()));
        try {
            redis.getTopic(keys.updates()).publish(update.encode());
        } catch (final org.redisson.client.RedisException ex) {
            // The state is applied; subscribers catch up at their next read.
            LOG.debug("live update not published: {}", ex.toString());
        }
    }

    /** The next journal offset to apply (-1 before the projector has positioned itself). */
    public long nextOffset() {
        return nextOffset.get();
    }

    /** Journal records not yet in Redis. */
    public long lag() {
        return Math.max(0, endOffset.get() - nextOffset.get());
    }

    /** Journal records applied since start (a record applied again after a Redis failure counts again). */
    public long appliedRecords() {
        return applied.get();
    }

    /** Batches retried because Redis did not answer. */
    public long retries() {
        return retries.get();
    }

    /** Why the live state is behind or stopped, or null while it keeps up. */
    public String problem() {
        return problem;
    }

    /** Stops the thread and waits for it. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(30_000);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
