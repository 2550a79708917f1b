package io.portcullis.app;

import static io.portcullis.sql.schema.Tables.ORDERS;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.portcullis.app.admin.AdminApi;
import io.portcullis.app.admin.EngineRoutes;
import io.portcullis.app.console.Console;
import io.portcullis.app.console.ConsoleFeed;
import io.portcullis.app.console.ConsoleFiles;
import io.portcullis.app.console.PriceAlerts;
import io.portcullis.app.http.GatewayHttpServer;
import io.portcullis.app.http.HealthCheck;
import io.portcullis.app.http.Metric;
import io.portcullis.app.reference.ReferenceData;
import io.portcullis.config.Settings;
import io.portcullis.fix.audit.AuditPublisher;
import io.portcullis.fix.order.EnginePort;
import io.portcullis.fix.order.FixSender;
import io.portcullis.fix.order.OrderFlowHandler;
import io.portcullis.fix.order.Outbound;
import io.portcullis.fix.session.GatewaySessions;
import io.portcullis.fix.session.LoggingSessionAudit;
import io.portcullis.fix.session.SessionConfigFile;
import quickfix.ConfigError;
import io.portcullis.oms.engine.EngineConfig;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.reporting.audit.AuditCheckpoints;
import io.portcullis.reporting.audit.AuditIndexer;
import io.portcullis.reporting.audit.AuditIndexerConfiguration;
import io.portcullis.reporting.audit.AuditStream;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.oms.recovery.SnapshotStore;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.runner.CommandCallback;
import io.portcullis.oms.runner.DurableRecordListener;
import io.portcullis.oms.runner.EngineRunner;
import io.portcullis.projection.live.LiveKeys;
import io.portcullis.projection.live.LiveState;
import io.portcullis.projection.live.LiveStateProjector;
import io.portcullis.projection.mysql.MysqlProjector;
import io.portcullis.risk.check.EngineRiskCommandSink;
import io.portcullis.risk.check.RiskConfig;
import io.portcullis.risk.check.RiskEngine;
import io.portcullis.risk.desk.DeskConfiguration;
import io.portcullis.risk.desk.ExposureSource;
import io.portcullis.risk.desk.LimitSync;
import io.portcullis.risk.desk.MysqlExposureSource;
import io.portcullis.risk.desk.RecentReject;
import io.portcullis.risk.desk.RejectSource;
import io.portcullis.risk.desk.RiskDesk;
import io.portcullis.risk.model.RiskCommandSink;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import org.redisson.api.RedissonClient;

/**
 * One gateway node: the book-of-record database, the engine recovered from its snapshot and journal, the engine
 * runner journaling to Kafka, the MySQL projector, the risk desk (limits from MySQL into the engine, kept in step
 * through Redis), the FIX acceptors (session layer and order layer), and the HTTP endpoint. Internal flows such as
 * the demo's market simulator submit through {@link #enginePort()}.
 *
 * <p>Start-up order follows the data flow (database, journal, recovery, engine, projections, risk desk, FIX, HTTP);
 * shutdown runs
 * it backwards. Every step reports progress to the given consumer. Start-up thread only.
 */
public final class Gateway implements AutoCloseable {
    private final GatewayConfiguration configuration;
    private final Database database;
    private final ReferenceData reference;
    private final KafkaJournal journal;
    private final EngineRunner runner;
    private final MysqlProjector projector;
    private final DurableFanOut fanOut;
    private final GatewayHttpServer http;
    private final List<AutoCloseable> attached = new ArrayList<>();
    private final int httpPort;
    private final GatewaySessions sessions;
    private final Outbound outbound;
    private final RiskDesk riskDesk;
    private AuditPublisher auditPublisher;
    private List<AuditIndexer> auditIndexers = List.of();

    private Gateway(final GatewayConfiguration configuration, final Database database, final ReferenceData reference,
                    final KafkaJournal journal, final EngineRunner runner, final MysqlProjector projector,
                    final DurableFanOut fanOut, final GatewayHttpServer http, final int httpPort,
                    final GatewaySessions sessions, final Outbound outbound, final RiskDesk riskDesk) {
        this.riskDesk = riskDesk;
        this.sessions = sessions;
        this.outbound = outbound;
        this.configuration = configuration;
        this.database = database;
        this.reference = reference;
        this.journal = journal;
        this.runner = runner;
        this.projector = projector;
        this.fanOut = fanOut;
        this.http = http;
        this.httpPort = httpPort;
    }

    /**
     * Starts a node.
     *
     * @param settings  every setting of the process
     * @param beforeEngine run after the database is migrated and before reference data is loaded (the demo seeds its
     *                  accounts here); may be null
     * @param progress  told each step, one line each
     */
    public static Gateway start(final Settings settings, final Consumer<Database> beforeEngine,
                                final Consumer<String> progress) {
        final GatewayConfiguration configuration = GatewayConfiguration.from(settings);
        final DatabaseConfiguration dbConfiguration = DatabaseConfiguration.from(settings);
        final JournalConfiguration journalConfiguration = JournalConfiguration.from(settings);
        progress.accept(configuration.describe().toString());
        progress.accept(dbConfiguration.describe().toString());
        progress.accept(journalConfiguration.describe().toString());

        final Database database = Database.open(dbConfiguration);
        final int migrations = database.migrate();
        progress.accept("database ready (" + migrations + " migrations applied)");
        if (beforeEngine != null) {
            beforeEngine.accept(database);
        }
        final ReferenceData reference = ReferenceData.load(database, configuration.instruments());
        progress.accept("reference data: " + reference.instruments().size() + " instruments, "
            + reference.accounts().size() + " accounts");

        final KafkaJournal journal = KafkaJournal.open(journalConfiguration);
        final SnapshotStore snapshots = new SnapshotStore(configuration.dataDir().resolve("snapshots"));
        final EngineConfig engineConfig = new EngineConfig().instruments(reference.instruments())
            .accounts(reference.accounts()).preTradeCheck(new RiskEngine(reference.accounts(),
                reference.instruments(), new RiskConfig().enforceTradingHours(configuration.enforceTradingHours())
                    .presumeEasyToBorrow(configuration.presumeEasyToBorrow())))
            .expectedLiveOrders(1 << 16);
        final Recovery.Result recovered = Recovery.recover(engineConfig, snapshots, journalConfiguration);
        if (recovered.mismatches() > 0) {
            throw new IllegalStateException("recovery replayed " + recovered.mismatches() + " journal records whose "
                + "events differ from what the engine produces now: the engine configuration (instruments, accounts) "
                + "or the engine version differs from the one that wrote the journal. Refusing to start.");
        }
        progress.accept("engine recovered: last sequence " + recovered.lastSequence() + ", snapshot "
            + (recovered.snapshotSequence() < 0 ? "none" : "at " + recovered.snapshotSequence()) + ", "
            + recovered.replayed() + " journal records replayed");
        final DurableFanOut fanOut = new DurableFanOut();
        final FixMetrics fixMetrics = new FixMetrics();
        final FixSender sender = fixMetrics.counting(FixSender.QUICKFIXJ);
        final Outbound outbound = new Outbound(reference::firmOf, symbol -> reference.instruments().find(symbol) != null,
            journalConfiguration, database.dataSource(), sender, 65_536);
        fanOut.register(outbound);
        final EngineRunner runner = new EngineRunner(recovered, journal, snapshots, configuration.queueCapacity(),
            configuration.snapshotEvery(), fanOut);
        outbound.start(recovered.nextOffset());
        final MysqlProjector projector = new MysqlProjector(journalConfiguration, database);
        projector.start();
        progress.accept("engine running; MySQL projector started");

        // The audit trail: FIX messages and admin actions on the audit topic; both streams indexed into
        // Elasticsearch off the order path (Elasticsearch down: records wait in Kafka).
        final AuditIndexerConfiguration auditConfiguration = AuditIndexerConfiguration.from(settings);
        final AuditPublisher auditPublisher = AuditPublisher.open(journalConfiguration.bootstrap(),
            auditConfiguration.forStream(AuditStream.AUDIT_TOPIC).topic(), journalConfiguration.replicationFactor());
        final List<AuditIndexer> auditIndexers = new ArrayList<>();
        if (configuration.auditIndex()) {
            for (final AuditStream stream : AuditStream.values()) {
                final AuditIndexer indexer = new AuditIndexer(auditConfiguration.forStream(stream),
                    new AuditCheckpoints(database.dsl()));
                indexer.start();
                auditIndexers.add(indexer);
            }
        }
        progress.accept("audit: FIX messages and admin actions to " + auditPublisher.topic() + "; "
            + (auditIndexers.isEmpty() ? "indexing off in this process (audit.index=false)"
            : "indexing into " + auditIndexers.getFirst().alias() + " at " + auditConfiguration.elasticsearchUrl()));

        // The risk desk loads the authority's limits, lists, locates and kill switches into the engine before any FIX
        // session takes an order, then keeps them in step (Redis announcements, MySQL when Redis is down).
        final DeskConfiguration deskConfiguration = DeskConfiguration.from(settings,
            DeskConfiguration.prefixFor(dbConfiguration.url()));
        progress.accept(deskConfiguration.describe().toString());
        final RedissonClient redisson = deskConfiguration.connect();
        final RiskDesk riskDesk;
        try {
            riskDesk = RiskDesk.start(deskConfiguration, database.dsl(), redisson, riskCommandSink(runner),
                symbol -> reference.instruments().find(symbol) != null, exposureSource(database),
                rejectSource(outbound), InstantSource.system());
        } catch (final RuntimeException ex) {
            redisson.shutdown();
            auditIndexers.forEach(AuditIndexer::close);
            auditPublisher.close();
            runner.close();
            outbound.close();
            projector.close();
            journal.close();
            database.close();
            throw ex;
        }
        progress.accept("risk desk: the authority's state applied to the engine up to desk sequence "
            + riskDesk.sync().appliedSeq());

        final OrderFlowHandler orderFlow = new OrderFlowHandler(runner::submit, outbound, reference::firmOf,
            InstantSource.system(), sender);
        final int remembered = rememberTodaysClOrdIds(database, projector, recovered.nextOffset(), orderFlow);
        progress.accept("duplicate ClOrdID check: " + remembered + " ClOrdIDs of today restored from MySQL");
        final List<Long> liveGtd = database.dsl().select(ORDERS.ORDER_ID).from(ORDERS)
            .where(ORDERS.TIME_IN_FORCE.eq("6"), ORDERS.ORD_STATUS.in("0", "1", "A", "E", "5", "6"))
            .fetch(ORDERS.ORDER_ID);
        outbound.knownLiveGtdOrders(liveGtd);
        final GatewaySessions sessions;
        try {
            sessions = new GatewaySessions(SessionConfigFile.load(configuration.fixConfig()), database,
                fixMetrics.counting(orderFlow), new LoggingSessionAudit());
            sessions.auditLog(auditPublisher.logFactory());
            sessions.start();
        } catch (final ConfigError ex) {
            riskDesk.close();
            redisson.shutdown();
            auditIndexers.forEach(AuditIndexer::close);
            auditPublisher.close();
            runner.close();
            outbound.close();
            projector.close();
            journal.close();
            database.close();
            throw new IllegalStateException("FIX session file " + configuration.fixConfig() + ": " + ex.getMessage(),
                ex);
        }
        progress.accept("FIX sessions listening: " + sessions.admin().list().size() + " configured");

        final AdminApi adminApi = AdminApi.create(settings, database, sessions::admin, () -> riskDesk,
            auditPublisher);
        adminApi.engine(dayOrderExpiry(runner));
        progress.accept(adminApi.describe().toString());

        // The console's live state: the journal into Redis (quotes, bars, tape, positions), pushed to browsers.
        final LiveKeys liveKeys = new LiveKeys(deskConfiguration.keyPrefix() + "live:");
        final LiveStateProjector liveProjector = new LiveStateProjector(journalConfiguration, redisson, liveKeys);
        liveProjector.start();
        final Console console = new Console(new LiveState(redisson, liveKeys),
            new PriceAlerts(database.dsl(), InstantSource.system()), reference::firmOf);
        adminApi.console(console);
        final ConsoleFeed feed = new ConsoleFeed(console, redisson, adminApi::authenticate,
            Duration.ofSeconds(settings.integer("console.token-recheck-seconds", 30, 1, 3_600)));
        feed.start();
        progress.accept("live state: journal into Redis under " + liveKeys.prefix() + "; console at /console/, "
            + "live feed at " + ConsoleFeed.PATH + " (tokens rechecked every "
            + settings.integer("console.token-recheck-seconds", 30, 1, 3_600) + " s)");
        final GatewayHttpServer http = new GatewayHttpServer(adminApi, feed, new ConsoleFiles());
        http.check(check("database", () -> {
            try (var connection = database.dataSource().getConnection()) {
                return connection.isValid(2) ? null : "the database does not answer";
            } catch (final java.sql.SQLException ex) {
                return "the database does not answer: " + ex.getMessage();
            }
        }));
        http.check(check("engine", () -> runner.isRunning() ? null : "the engine stopped: " + runner.stopReason()));
        http.check(check("projector", () -> projector.failure() == null ? null
            : "the MySQL projector stopped: " + projector.failure()));
        http.metrics(fixMetrics);
        http.metric(new Metric("portcullis_engine_queue_depth", "Commands waiting for the engine thread", "gauge",
            runner::queueDepth));
        http.metric(new Metric("portcullis_engine_commands_total", "Commands applied and journaled", "counter",
            runner::processed));
        http.metric(new Metric("portcullis_journal_in_flight", "Journal records awaiting durability", "gauge",
            journal::inFlight));
        http.metric(new Metric("portcullis_journal_durable_records_total", "Journal records made durable", "counter",
            fanOut::records));
        http.metric(new Metric("portcullis_fix_store_queue_depth", "FIX message store writes queued for MySQL",
            "gauge", sessions::storeQueueDepth));
        http.metric(new Metric("portcullis_fix_store_commits_total", "FIX message store group commits", "counter",
            sessions::storeCommits));
        http.metric(new Metric("portcullis_projector_lag_records", "Journal records not yet in MySQL", "gauge",
            projector::lag));
        http.metric(new Metric("portcullis_live_state_lag_records", "Journal records not yet in the live state "
            + "(Redis)", "gauge", liveProjector::lag));
        http.metric(new Metric("portcullis_live_state_retries_total", "Live-state batches retried because Redis did "
            + "not answer", "counter", liveProjector::retries));
        http.metric(new Metric("portcullis_live_state_conflicts_total", "Live-state batches not applied because "
            + "Redis's offset had moved (another projector, or an emptied Redis)", "counter",
            liveProjector::conflicts));
        http.metric(new Metric("portcullis_console_clients", "Console WebSocket clients logged in", "gauge",
            feed::clients));
        http.metric(new Metric("portcullis_price_alerts_fired_total", "Price alerts this node fired", "counter",
            feed::alertsFired));
        http.check(check("risk-desk", () -> riskDesk.sync().problem()));
        http.check(check("audit-index", () -> auditIndexers.stream().filter(i -> i.failure() != null).findFirst()
            .map(i -> "the audit indexer stopped: " + i.failure().getMessage()).orElse(null)));
        http.metric(new Metric("portcullis_audit_records_published_total", "FIX messages and admin actions written "
            + "to the audit topic", "counter", auditPublisher::sent));
        http.metric(new Metric("portcullis_audit_publish_failures_total", "Audit records Kafka did not take "
            + "(each logged)", "counter", auditPublisher::failed));
        http.metric(new Metric("portcullis_audit_index_lag_records", "Kafka records (journal and audit topic) not "
            + "yet in the audit index", "gauge", () -> auditIndexers.stream().mapToLong(AuditIndexer::lag).sum()));
        http.metric(new Metric("portcullis_audit_indexed_documents_total", "Audit documents created in "
            + "Elasticsearch since start", "counter",
            () -> auditIndexers.stream().mapToLong(AuditIndexer::createdDocuments).sum()));
        http.metric(new Metric("portcullis_risk_desk_applied_sequence", "Desk sequence up to which the engine has the "
            + "risk authority's state", "gauge", () -> riskDesk.sync().appliedSeq()));
        http.metric(new Metric("portcullis_risk_desk_redis_down", "1 while Redis does not answer and the node follows "
            + "MySQL", "gauge", () -> riskDesk.sync().mode() == LimitSync.Mode.MYSQL_FALLBACK ? 1 : 0));
        http.metric(new Metric("portcullis_risk_desk_catch_ups_total", "Catch-ups from MySQL (missed announcements, "
            + "Redis down, retries)", "counter", () -> riskDesk.sync().catchUps()));
        final int port = configuration.httpPort() < 0 ? -1 : http.start("127.0.0.1", configuration.httpPort());
        if (port > 0) {
            progress.accept("HTTP on http://127.0.0.1:" + port
                + " (/health/live, /health/ready, /metrics, admin API /api/)");
        }
        final Gateway gateway = new Gateway(configuration, database, reference, journal, runner, projector, fanOut,
            http, port, sessions, outbound, riskDesk);
        gateway.auditPublisher = auditPublisher;
        gateway.auditIndexers = List.copyOf(auditIndexers);
        auditIndexers.forEach(gateway::attach);
        gateway.attach(redisson::shutdown);
        gateway.attach(liveProjector);
        gateway.attach(feed);
        gateway.attach(riskDesk);
        gateway.attach(GtdExpiry.start(runner, outbound::hasLiveGtdOrders, InstantSource.system()));
        gateway.attach(adminApi); // closes the audit search's Elasticsearch client, if a search opened it
        http.check(check("fix-sessions", () -> sessions.admin().list().isEmpty() ? "no FIX session is configured"
            : null));
        http.metric(new Metric("portcullis_fix_outbound_overflows_total", "Durable records the FIX outbound queue "
            + "could not take (re-read from the journal)", "counter", outbound::overflows));
        return gateway;
    }

    /**
     * The back office's trade-date close: ExpireDayOrders through the engine runner, answered once durable with the
     * number of orders expired (counted from the journal record's events).
     */
    private static EngineRoutes.DayOrderExpiry dayOrderExpiry(final EngineRunner runner) {
        return () -> {
            final java.util.concurrent.CompletableFuture<EngineRoutes.Expired> done =
                new java.util.concurrent.CompletableFuture<>();
            final CommandCallback callback = new CommandCallback() {
                @Override
                public void onDurable(final long sequence, final long offset, final byte[] record) {
                    final int[] expired = new int[1];
                    final io.portcullis.oms.journal.JournalRecord decoded =
                        io.portcullis.oms.journal.JournalRecord.decode(record);
                    io.portcullis.oms.journal.EventDecoder.decode(decoded.events(), 0, decoded.events().length,
                        new io.portcullis.oms.event.EngineListener() {
                            @Override
                            public void onExecutionReport(final io.portcullis.oms.event.ExecutionReport r) {
                                if (r.execType() == io.portcullis.oms.domain.ExecType.EXPIRED) {
                                    expired[0]++;
                                }
                            }
                        });
                    done.complete(new EngineRoutes.Expired(expired[0], offset));
                }

                @Override
                public void onLost(final long sequence, final String reason) {
                    done.completeExceptionally(new IllegalStateException("the engine did not journal the command: "
                        + reason));
                }
            };
            if (!runner.submit(new io.portcullis.oms.command.ExpireDayOrders(0, nowNanos()), callback)) {
                throw new IllegalStateException("the engine's queue is full; try again");
            }
            try {
                return done.get(60, TimeUnit.SECONDS);
            } catch (final java.util.concurrent.ExecutionException ex) {
                throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
            } catch (final java.util.concurrent.TimeoutException ex) {
                throw new IllegalStateException("the engine did not journal the command within 60 s", ex);
            }
        };
    }

    /**
     * How the risk desk's changes reach this node's engine: journaled commands through the engine runner (a lost
     * command means the engine stopped; the desk's sync re-applies from MySQL after a restart).
     */
    private static RiskCommandSink riskCommandSink(final EngineRunner runner) {
        return new EngineRiskCommandSink(runner::submit, new CommandCallback() {
            @Override
            public void onDurable(final long sequence, final long offset, final byte[] record) {
            }

            @Override
            public void onLost(final long sequence, final String reason) {
                org.slf4j.LoggerFactory.getLogger(Gateway.class).error("risk command {} lost: {}", sequence, reason);
            }
        });
    }

    /** Live exposure per account for the risk desk: MySQL's projection until the engine's view is plugged in here. */
    private static ExposureSource exposureSource(final Database database) {
        return new MysqlExposureSource(database.dsl(), InstantSource.system());
    }

    /**
     * Recent rejects for the risk desk, with the engine's reason code and text: every order the engine rejected
     * since this node started (the outbound path keeps the last 1,000).
     */
    private static RejectSource rejectSource(final Outbound outbound) {
        return (account, limit) -> outbound.recentRejects(account, limit).stream()
            .map(r -> new RecentReject(r.at(), r.sessionId(), r.clOrdId(), r.account(), r.symbol(),
                String.valueOf(r.side()), r.quantity(),
                r.price() == Prices.NONE ? null : BigDecimal.valueOf(r.price(), 4),
                r.code() + ": " + r.text()))
            .toList();
    }

    private static HealthCheck check(final String name, final java.util.function.Supplier<String> problem) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String problem() {
                return problem.get();
            }
        };
    }

    /** Where FIX sessions and the simulator submit commands. */
    public EnginePort enginePort() {
        return runner::submit;
    }

    /** Registers a listener for every durable journal record (the FIX outbound path). */
    public void onDurable(final DurableRecordListener listener) {
        fanOut.register(listener);
    }

    /** Closes {@code resource} when the gateway stops, before the engine (FIX sessions, simulator). */
    public void attach(final AutoCloseable resource) {
        attached.add(resource);
    }

    /** The HTTP server, for more checks and metrics. */
    public GatewayHttpServer http() {
        return http;
    }

    /** The port HTTP listens on, or -1. */
    public int httpPort() {
        return httpPort;
    }

    /** Reference data loaded at start. */
    public ReferenceData reference() {
        return reference;
    }

    /** The database. */
    public Database database() {
        return database;
    }

    /** The journal's configuration. */
    public JournalConfiguration journalConfiguration() {
        return journal.configuration();
    }

    /** The gateway's configuration. */
    public GatewayConfiguration configuration() {
        return configuration;
    }

    /** The engine runner (metrics, state). */
    public EngineRunner runner() {
        return runner;
    }

    /** The FIX sessions: admin operations and credentials. */
    public GatewaySessions sessions() {
        return sessions;
    }

    /**
     * Waits (up to a minute) for the projector to reach the journal's end as recovered, then loads the ClOrdIDs each
     * session used today from the orders table into the duplicate check, so that after a restart a reused ClOrdID or
     * a PossDup copy of an order taken before it is still recognised.
     */
    private static int rememberTodaysClOrdIds(final Database database, final MysqlProjector projector,
                                              final long journalEnd, final OrderFlowHandler orderFlow) {
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (projector.nextOffset() < journalEnd && projector.failure() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the MySQL projector", ex);
            }
        }
        if (projector.nextOffset() < journalEnd) {
            throw new IllegalStateException("the MySQL projector did not catch up with the journal within a minute ("
                + (projector.failure() == null ? "at offset " + projector.nextOffset() + " of " + journalEnd
                : projector.failure().getMessage()) + "); the duplicate ClOrdID check needs it. Check MySQL.");
        }
        final LocalDateTime dayStart = OrderFlowHandler.tradingDayStartUtc(Instant.now());
        final Map<String, List<String>> bySession = new HashMap<>();
        database.dsl().select(ORDERS.SESSION_ID, ORDERS.CL_ORD_ID, ORDERS.ORIG_CL_ORD_ID).from(ORDERS)
            .where(ORDERS.UPDATED_AT.ge(dayStart)).fetch().forEach(row -> {
                final List<String> ids = bySession.computeIfAbsent(row.value1(),
                    s -> new ArrayList<>());
                ids.add(row.value2());
                if (row.value3() != null) {
                    ids.add(row.value3());
                }
            });
        bySession.forEach(orderFlow::rememberClOrdIds);
        return bySession.values().stream().mapToInt(List::size).sum();
    }

    /** The audit indexers running in this process (journal, audit topic), empty with {@code audit.index=false}. */
    public List<AuditIndexer> auditIndexers() {
        return auditIndexers;
    }

    /** Where this node publishes FIX messages and admin actions. */
    public AuditPublisher auditPublisher() {
        return auditPublisher;
    }

    /** The risk desk of this node. */
    public RiskDesk riskDesk() {
        return riskDesk;
    }

    /** The MySQL projector. */
    public MysqlProjector projector() {
        return projector;
    }

    /** Epoch nanos UTC from the system clock: the ingress timestamp of commands. */
    public static long nowNanos() {
        final Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Stops FIX and attached resources, then the engine (flushing the journal), the projector and the database. */
    @Override
    public void close() {
        for (int i = attached.size() - 1; i >= 0; i--) {
            try {
                attached.get(i).close();
            } catch (final Exception ex) {
                org.slf4j.LoggerFactory.getLogger(Gateway.class).warn("error while stopping {}", attached.get(i), ex);
            }
        }
        http.close();
        sessions.stop();
        if (auditPublisher != null) {
            auditPublisher.close();
        }
        runner.close();
        outbound.close();
        journal.close();
        projector.close();
        database.close();
    }
}
