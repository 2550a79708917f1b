package io.portcullis.projection.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

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
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects the journal into Redis as the live state the console reads: each symbol's top of book and daily
 * statistics, one-minute bars, the trade tape, and every position (see {@link LiveKeys}). Each poll's changes are
 * written by one Lua script together with the journal offset they reach, and only if Redis's offset is still where
 * the batch started: a crash anywhere repeats nothing and loses nothing, and two projectors on the same keys never
 * apply a record twice. On start the projector resumes at the stored offset, and with no stored offset (a new or
 * emptied Redis) it rebuilds from the start of the journal. After each applied batch it publishes a
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
    private final AtomicLong conflicts = new AtomicLong();
    private volatile LongConsumer appliedListener = offset -> { };
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
        // Live, but batched: up to 50 ms of records per Redis script (the console redraws at most that often).
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
                    final String moved = apply(changes, nextOffset.get(), last + 1);
                    if (moved != null) {
                        // Another projector applied these records, or Redis was emptied: continue from Redis.
                        conflicts.incrementAndGet();
                        LOG.info("live-state projector: Redis holds offset {} where this batch expected {}; "
                            + "continuing from Redis's", moved, nextOffset.get());
                        changes.reset();
                        positioned = false;
                        continue;
                    }
                    applied.addAndGet(batch.count());
                    nextOffset.set(last + 1);
                    appliedListener.accept(last + 1);
                    publish(changes);
                    changes.clear();
                    if (problem != null) {
                        LOG.info("live-state projector: Redis answers again; resumed at offset {}", last + 1);
                        problem = null;
                    }
                    backoffMs = 100;
                } catch (final org.redisson.client.RedisException ex) {
                    // Nothing of the failed batch is in Redis (one atomic script): start over from Redis's offset.
                    Throwable root = ex;
                    while (root.getCause() != null && root.getCause() != root) {
                        root = root.getCause();
                    }
                    problem = "Redis does not answer the live-state projector: " + (root == ex ? ex.getMessage()
                        : ex.getMessage() + " (" + root + ")");
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

    /**
     * Writes a batch's changes and its offset in one Lua script, only if Redis's offset is still {@code from} (where
     * this projector's batch started): a record is applied once even when two projectors write the same keys (two
     * gateway processes on one database) or Redis was emptied meanwhile. Keys other than the offset hash are
     * computed in the script's arguments, so the live state needs a single Redis, not a cluster.
     *
     * @return null when applied, else the offset Redis holds (the batch was not applied)
     */
    private String apply(final LiveCollector changes, final long from, final long next) {
        final List<Object> args = new ArrayList<>();
        args.add(journal.topic());
        args.add(Long.toString(from));
        args.add(Long.toString(next));
        final Set<String> symbols = new LinkedHashSet<>(changes.symbolFields().keySet());
        for (final Map.Entry<String, Map<String, String>> entry : changes.symbolFields().entrySet()) {
            hset(args, keys.symbol(entry.getKey()), entry.getValue());
        }
        for (final LiveCollector.Bar bar : changes.dirtyBars()) {
            final String key = keys.bars(bar.symbol, bar.minute);
            hset(args, key, Map.of(Long.toString(bar.minute), bar.encode()));
            op(args, "PEXPIRE", key, List.of(Long.toString(BAR_TTL.toMillis())));
        }
        final Map<String, List<String>> tapes = new LinkedHashMap<>();
        for (final LiveUpdate.Trade trade : changes.trades()) {
            tapes.computeIfAbsent(trade.symbol(), s -> new ArrayList<>()).add(trade.tapeEntry());
            symbols.add(trade.symbol());
        }
        for (final Map.Entry<String, List<String>> tape : tapes.entrySet()) {
            // LPUSH in journal order leaves the newest trade first.
            for (final List<String> chunk : chunks(tape.getValue())) {
                op(args, "LPUSH", keys.trades(tape.getKey()), chunk);
            }
            op(args, "LTRIM", keys.trades(tape.getKey()), List.of("0", Integer.toString(LiveKeys.TRADES_KEPT - 1)));
        }
        for (final List<String> chunk : chunks(new ArrayList<>(symbols))) {
            op(args, "SADD", keys.symbols(), chunk);
        }
        hset(args, keys.positions(), changes.positions());
        return redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, APPLY, RScript.ReturnType.VALUE,
            List.of(keys.offset()), args.toArray());
    }

    /** The batch script: KEYS[1] the offset hash; ARGV topic, from, next, then operations (command, key, n, args). */
    private static final String APPLY = String.join("\n",
        "local stored = redis.call('HGET', KEYS[1], ARGV[1]) or '0'",
        "if stored ~= ARGV[2] then return stored end",
        "local i = 4",
        "while i <= #ARGV do",
        "  local n = tonumber(ARGV[i + 2])",
        "  redis.call(ARGV[i], ARGV[i + 1], unpack(ARGV, i + 3, i + 2 + n))",
        "  i = i + 3 + n",
        "end",
        "redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])",
        "return nil");

    /** Arguments per Redis command in the script (Lua's unpack has a limit of a few thousand). */
    private static final int CHUNK = 500;

    private static void hset(final List<Object> args, final String key, final Map<String, String> fields) {
        final List<String> flat = new ArrayList<>(fields.size() * 2);
        fields.forEach((field, value) -> {
            flat.add(field);
            flat.add(value);
        });
        for (final List<String> chunk : chunks(flat)) {
            op(args, "HSET", key, chunk);
        }
    }

    private static List<List<String>> chunks(final List<String> values) {
        final List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            out.add(values.subList(from, Math.min(values.size(), from + CHUNK)));
        }
        return out;
    }

    private static void op(final List<Object> args, final String command, final String key,
                           final List<String> values) {
        args.add(command);
        args.add(key);
        args.add(Integer.toString(values.size()));
        args.addAll(values);
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

    /**
     * Tells {@code listener} the next offset to apply after each applied batch (on the projector thread): every record
     * below it is in Redis. For measurements; must be quick.
     */
    public void onApplied(final LongConsumer listener) {
        this.appliedListener = listener;
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

    /** Batches not applied because Redis's offset had moved (another projector, or an emptied Redis). */
    public long conflicts() {
        return conflicts.get();
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
