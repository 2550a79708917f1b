package io.portcullis.risk.desk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.RiskCommandSink;
import org.jooq.DSLContext;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk officers' desk on one gateway node: limits ({@link #limits()}), lists, locates and kill switches, held in
 * MySQL (the authority), mirrored in Redis, and applied to this node's engine by its {@link LimitSync}.
 *
 * <p>A change on any node: one MySQL transaction, then {@link LimitDistributor#publish} (skipped while Redis is known
 * to be down: the sync re-publishes when it is back), then this node's sync applies it to the engine (the call waits
 * up to {@code risk.engine-wait-ms} for that); other nodes apply it from the Redis announcement, or from MySQL when
 * Redis is down. Effective-dated changes are applied by a scheduler on every node (one wins each change).
 *
 * <p>Start with {@link #start}; close stops the sync and the scheduler (not the Redisson client, which the caller
 * owns). Thread-safe.
 */
public final class RiskDesk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RiskDesk.class);

    private final LimitService limits;
    private final ListService lists;
    private final LocateService locates;
    private final KillSwitchService killSwitches;
    private final LimitSync sync;
    private final LimitDistributor distributor;
    private final ExposureSource exposure;
    private final RejectSource rejects;
    private final ReferenceCheck reference;
    private final ScheduledExecutorService scheduler;

    private RiskDesk(final DeskConfiguration configuration, final DSLContext dsl, final RedissonClient redisson,
                     final RiskCommandSink sink, final Predicate<String> knownSymbol, final ExposureSource exposure,
                     final RejectSource rejects, final InstantSource clock) {
        this.exposure = Objects.requireNonNull(exposure, "exposure");
        this.rejects = Objects.requireNonNull(rejects, "rejects");
        this.reference = new ReferenceCheck(dsl, knownSymbol);
        this.distributor = new LimitDistributor(redisson, configuration.keyPrefix());
        this.sync = new LimitSync(dsl, distributor, Objects.requireNonNull(sink, "sink"),
            () -> LocalDate.ofInstant(clock.instant(), LocateService.TRADING_ZONE), configuration.syncInterval(),
            configuration.authorityEvery());
        final Publisher publisher = committed -> {
            if (sync.redisUsable()) {
                try {
                    for (final DeskEntry entry : committed) {
                        if (!distributor.publish(entry)) {
                            break;
                        }
                    }
                } catch (final RuntimeException ex) {
                    sync.redisFailed(ex);
                }
            }
            return sync.offer(committed, configuration.engineWait());
        };
        this.limits = new LimitService(dsl, reference, clock, publisher);
        this.lists = new ListService(dsl, reference, clock, publisher);
        this.locates = new LocateService(dsl, reference, clock, publisher);
        this.killSwitches = new KillSwitchService(dsl, reference, clock, publisher);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread t = new Thread(runnable, "risk-desk-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Builds the desk, loads the authority's state into this node's engine (blocking), and starts the sync and the
     * effective-date scheduler.
     *
     * @param configuration Redis prefix and intervals
     * @param dsl           the book of record (migrated)
     * @param redisson      the Redis client (may be unreachable: the node then follows MySQL)
     * @param sink          this node's engine
     * @param knownSymbol   whether the engine trades a symbol
     * @param exposure      live exposure per account
     * @param rejects       recent rejects
     * @param clock         wall clock (UTC instants)
     * @throws IllegalStateException when the state cannot be loaded into the engine
     */
    public static RiskDesk start(final DeskConfiguration configuration, final DSLContext dsl,
                                 final RedissonClient redisson, final RiskCommandSink sink,
                                 final Predicate<String> knownSymbol, final ExposureSource exposure,
                                 final RejectSource rejects, final InstantSource clock) {
        final RiskDesk desk = new RiskDesk(configuration, dsl, redisson, sink, knownSymbol, exposure, rejects, clock);
        desk.sync.start();
        final long every = configuration.syncInterval().toMillis();
        desk.scheduler.scheduleWithFixedDelay(desk::applyDue, every, every, TimeUnit.MILLISECONDS);
        return desk;
    }

    /** Limits: set, approve, reject, list, history. */
    public LimitService limits() {
        return limits;
    }

    /** Restricted and hard-to-borrow lists. */
    public ListService lists() {
        return lists;
    }

    /** Locates. */
    public LocateService locates() {
        return locates;
    }

    /** Kill switches. */
    public KillSwitchService killSwitches() {
        return killSwitches;
    }

    /** This node's sync (applied sequence, mode, problems). */
    public LimitSync sync() {
        return sync;
    }

    /** The Redis mirror (for checks). */
    public LimitDistributor distributor() {
        return distributor;
    }

    /**
     * Exposure with utilisation of the credit limits in force.
     *
     * @param account null for every account
     * @throws DeskRefusal INVALID naming {@code account} when it is unknown
     */
    public List<AccountUtilisation> exposure(final String account) {
        if (account != null) {
            reference.account("account", account);
        }
        final List<AccountUtilisation> out = new ArrayList<>();
        for (final AccountExposure e : exposure.exposures(account)) {
            final BigDecimal gross = limits.effective(e.account(), LimitName.GROSS_NOTIONAL);
            final BigDecimal net = limits.effective(e.account(), LimitName.NET_NOTIONAL);
            out.add(new AccountUtilisation(e, gross, percent(e.grossNotional(), gross), net,
                percent(e.netNotional(), net)));
        }
        return out;
    }

    /**
     * Recent rejects, newest first.
     *
     * @param account null for every account
     * @param limit   1..1000
     * @throws DeskRefusal INVALID naming {@code account} when it is unknown
     */
    public List<RecentReject> rejects(final String account, final int limit) {
        if (account != null) {
            reference.account("account", account);
        }
        return rejects.recent(account, limit);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        sync.close();
    }

    private void applyDue() {
        try {
            final int applied = limits.applyDue();
            if (applied > 0) {
                LOG.info("risk desk: {} effective-dated limit changes applied", applied);
            }
        } catch (final RuntimeException ex) {
            LOG.warn("risk desk: applying due limit changes failed; retrying", ex);
        }
    }

    static BigDecimal percent(final BigDecimal used, final BigDecimal limit) {
        if (limit == null) {
            return null;
        }
        if (limit.signum() == 0) {
            return used.signum() == 0 ? BigDecimal.ZERO : null;
        }
        return used.multiply(BigDecimal.valueOf(100)).divide(limit, 2, RoundingMode.HALF_UP);
    }
}
