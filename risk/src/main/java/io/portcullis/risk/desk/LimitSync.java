package io.portcullis.risk.desk;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.portcullis.risk.model.RiskCommandSink;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one gateway node's engine at the authority's desk state, through its {@link RiskCommandSink}.
 *
 * <p>Rules:
 * <ol>
 *   <li><b>Start-up:</b> {@link #start} sends the authority's whole state (MySQL, one snapshot) to the sink before it
 *       returns, so the node's engine checks orders against it from its first order; "applied" is then that
 *       snapshot's desk sequence.</li>
 *   <li><b>Order:</b> the sink sees entries in strictly increasing desk sequence. An entry is applied when it is the
 *       next one (applied + 1); one further ahead means something was missed, and the node catches up from MySQL:
 *       every state row with a sequence above applied, in one snapshot, in sequence order. Older entries are ignored.
 *       </li>
 *   <li><b>Sources:</b> this node's own commits ({@link #offer}), Redis announcements of every node's commits (applied
 *       within milliseconds), and a tick every {@code interval}.</li>
 *   <li><b>Tick, Redis reachable:</b> no desk state in Redis (lost or never built): rebuild it from MySQL. Redis's
 *       version above applied: catch up from MySQL. Applied above Redis's version: Redis missed changes (made while it
 *       was down): re-publish them from MySQL. Redis's version above MySQL's: Redis holds another database's state:
 *       replace it.</li>
 *   <li><b>Tick, Redis unreachable (MySQL fallback):</b> catch up from MySQL whenever its sequence is ahead, so a
 *       decrease or a kill switch made on any node lands here within about one interval plus the Redis timeout.
 *       The engine keeps checking orders against what it has (its own copy); nothing waits for Redis.</li>
 *   <li><b>Safety net:</b> every {@code authorityEvery} ticks the node also compares with MySQL's sequence whatever
 *       Redis says (a node that died between its commit and its publish).</li>
 *   <li><b>Failures:</b> a sink that refuses (engine stopped or full) leaves applied where it was; the next tick
 *       retries from MySQL. A locate past its date is not sent (the sink has no way to remove one).</li>
 * </ol>
 *
 * <p>Threads: one thread of its own applies everything (so the sink is called by one thread at a time); {@link #offer}
 * and the status getters may be called from any thread.
 */
public final class LimitSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LimitSync.class);

    /** Where the node takes changes from. */
    public enum Mode {
        /** Loading the authority's state. */
        STARTING,
        /** Redis announcements, reconciled against Redis's version every tick. */
        REDIS,
        /** Redis does not answer: MySQL, polled every tick. */
        MYSQL_FALLBACK,
        /** Closed. */
        STOPPED
    }

    private final DSLContext dsl;
    private final LimitDistributor redis;
    private final RiskCommandSink sink;
    private final Supplier<LocalDate> today;
    private final Duration interval;
    private final int authorityEvery;
    private final ScheduledExecutorService thread;
    private final Object progress = new Object();
    private final AtomicLong sinkCalls = new AtomicLong();
    private final AtomicLong catchUps = new AtomicLong();
    private final AtomicLong rebuilds = new AtomicLong();

    private volatile long applied;
    private volatile Mode mode = Mode.STARTING;
    private volatile String problem;
    private Integer listenerId;
    private long ticks;

    /**
     * @param dsl            the authority
     * @param redis          the Redis mirror
     * @param sink           this node's engine
     * @param today          today's US trading date (locate expiry)
     * @param interval       time between ticks
     * @param authorityEvery ticks between comparisons with MySQL's sequence while Redis answers
     */
    LimitSync(final DSLContext dsl, final LimitDistributor redis, final RiskCommandSink sink,
              final Supplier<LocalDate> today, final Duration interval, final int authorityEvery) {
        this.dsl = dsl;
        this.redis = redis;
        this.sink = sink;
        this.today = today;
        this.interval = interval;
        this.authorityEvery = authorityEvery;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread t = new Thread(runnable, "risk-desk-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Loads the authority's state into the engine (blocking), then listens to Redis and starts the tick.
     *
     * @throws IllegalStateException when MySQL cannot be read or the engine refuses the state: the node must not
     *                               take orders without its limits
     */
    void start() {
        final Future<?> loaded = thread.submit(() -> {
            final DeskLedger.Snapshot all = DeskLedger.since(dsl, 0);
            for (final DeskEntry entry : all.entries()) {
                if (!apply(entry)) {
                    throw new IllegalStateException(problem);
                }
            }
            advance(all.seq());
            LOG.info("risk desk: {} entries of the authority applied to the engine (desk sequence {})",
                all.entries().size(), all.seq());
        });
        try {
            loaded.get();
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while loading the risk desk state", ex);
        } catch (final ExecutionException ex) {
            close();
            throw new IllegalStateException("cannot load the risk desk state from MySQL into the engine: "
                + ex.getCause().getMessage(), ex.getCause());
        }
        mode = Mode.REDIS;
        thread.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Hands this node's committed entries to the sync and waits (up to {@code wait}) until the engine took them.
     *
     * @return whether the engine took them in time
     */
    boolean offer(final List<DeskEntry> entries, final Duration wait) {
        if (entries.isEmpty()) {
            return true;
        }
        try {
            thread.execute(() -> entries.forEach(this::receive));
        } catch (final RejectedExecutionException ex) {
            return false;
        }
        return awaitApplied(entries.get(entries.size() - 1).seq(), wait);
    }

    /** Waits until the engine has the authority's state up to {@code seq}; false on timeout. */
    public boolean awaitApplied(final long seq, final Duration wait) {
        final long deadline = System.nanoTime() + wait.toNanos();
        synchronized (progress) {
            while (applied < seq) {
                final long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (final InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** A publisher found Redis unreachable: skip it until a tick finds it again. */
    void redisFailed(final RuntimeException ex) {
        if (mode == Mode.REDIS) {
            LOG.warn("risk desk: Redis does not answer ({}); following MySQL every {} ms", ex.getMessage(),
                interval.toMillis());
            mode = Mode.MYSQL_FALLBACK;
        }
    }

    /** Whether publishers should try Redis. */
    boolean redisUsable() {
        return mode != Mode.MYSQL_FALLBACK;
    }

    /** The desk sequence up to which this node's engine has the authority's state. */
    public long appliedSeq() {
        return applied;
    }

    /** Where the node takes changes from now. */
    public Mode mode() {
        return mode;
    }

    /** The last failure (engine refusal, MySQL error), or null once things work again. */
    public String problem() {
        return problem;
    }

    /** Calls made to the sink since start. */
    public long sinkCalls() {
        return sinkCalls.get();
    }

    /** Catch-ups from MySQL since start (a missed announcement, Redis down, or a retry). */
    public long catchUps() {
        return catchUps.get();
    }

    /** Times this node rebuilt or replaced Redis's desk state. */
    public long rebuilds() {
        return rebuilds.get();
    }

    @Override
    public void close() {
        mode = Mode.STOPPED;
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (listenerId != null) {
            try {
                redis.unsubscribe(listenerId);
            } catch (final RuntimeException ex) {
                LOG.debug("risk desk: could not unsubscribe from Redis", ex);
            }
        }
    }

    private void announced(final String text) {
        try {
            final DeskEntry entry = DeskEntry.decode(text);
            thread.execute(() -> receive(entry));
        } catch (final IllegalArgumentException ex) {
            LOG.error("risk desk: ignoring a malformed announcement from Redis ({}); catching up from MySQL",
                ex.getMessage());
            thread.execute(this::catchUpQuietly);
        } catch (final RejectedExecutionException ex) {
            LOG.debug("risk desk: announcement after close ignored");
        }
    }

    private void receive(final DeskEntry entry) {
        if (entry.seq() <= applied) {
            return;
        }
        if (entry.seq() == applied + 1) {
            apply(entry);
            return;
        }
        catchUpQuietly();
    }

    private void tick() {
        try {
            ticks++;
            final long redisVersion;
            try {
                redisVersion = redis.version();
            } catch (final RuntimeException ex) {
                redisFailed(ex);
                mode = Mode.MYSQL_FALLBACK;
                if (DeskLedger.current(dsl) > applied) {
                    catchUp();
                }
                return;
            }
            if (mode != Mode.REDIS) {
                LOG.info("risk desk: Redis answers again; taking changes from its announcements");
                mode = Mode.REDIS;
            }
            subscribe();
            reconcile(redisVersion);
            if (ticks % authorityEvery == 0 && DeskLedger.current(dsl) > applied) {
                catchUp();
            }
        } catch (final RuntimeException ex) {
            problem = "sync tick failed: " + ex;
            LOG.warn("risk desk: sync tick failed; retrying in {} ms", interval.toMillis(), ex);
        }
    }

    private void reconcile(final long redisVersion) {
        if (redisVersion < 0) {
            replaceRedis(-1, "Redis holds no desk state (lost or never built)");
            return;
        }
        long authority = -1;
        if (redisVersion > applied) {
            authority = catchUp();
        }
        if (authority >= 0 && redisVersion > authority) {
            replaceRedis(redisVersion, "Redis is at desk sequence " + redisVersion + " but MySQL only at "
                + authority + " (state of another database)");
        } else if (applied > redisVersion) {
            final DeskLedger.Snapshot missed = DeskLedger.since(dsl, redisVersion);
            for (final DeskEntry entry : missed.entries()) {
                if (!redis.publish(entry)) {
                    return;
                }
            }
            LOG.info("risk desk: Redis was at desk sequence {}; re-published {} entries from MySQL (now {})",
                redisVersion, missed.entries().size(), missed.seq());
        }
    }

    private void replaceRedis(final long expected, final String why) {
        final DeskLedger.Snapshot all = DeskLedger.since(dsl, 0);
        if (redis.replace(all, expected)) {
            rebuilds.incrementAndGet();
            LOG.warn("risk desk: {}; rebuilt it from MySQL: {} entries at desk sequence {}", why,
                all.entries().size(), all.seq());
        }
        if (all.seq() > applied) {
            catchUp();
        }
    }

    private void subscribe() {
        if (listenerId == null) {
            listenerId = redis.subscribe(this::announced);
        }
    }

    private void catchUpQuietly() {
        try {
            catchUp();
        } catch (final RuntimeException ex) {
            problem = "catch-up from MySQL failed: " + ex;
            LOG.warn("risk desk: catch-up from MySQL failed; the next tick retries", ex);
        }
    }

    /**
     * Applies every state row above applied, in sequence order.
     *
     * @return MySQL's sequence when all applied, -1 when the engine refused one
     */
    private long catchUp() {
        catchUps.incrementAndGet();
        final DeskLedger.Snapshot snapshot = DeskLedger.since(dsl, applied);
        for (final DeskEntry entry : snapshot.entries()) {
            if (entry.seq() > applied && !apply(entry)) {
                return -1;
            }
        }
        if (snapshot.seq() > applied) {
            advance(snapshot.seq());
        }
        problem = null;
        return snapshot.seq();
    }

    private boolean apply(final DeskEntry entry) {
        if (!(entry instanceof DeskEntry.LocateEntry locate) || !locate.expiresOn().isBefore(today.get())) {
            try {
                entry.applyTo(sink);
                sinkCalls.incrementAndGet();
            } catch (final RuntimeException ex) {
                problem = "the engine refused desk change " + entry.seq() + ": " + ex.getMessage();
                LOG.warn("risk desk: the engine refused {}; retrying from MySQL in {} ms", entry.encode(),
                    interval.toMillis(), ex);
                return false;
            }
        }
        advance(entry.seq());
        return true;
    }

    private void advance(final long seq) {
        applied = seq;
        synchronized (progress) {
            progress.notifyAll();
        }
    }
}
