package io.portcullis.system.audit;

import static io.portcullis.sql.schema.Tables.EXECUTIONS;
import static io.portcullis.sql.schema.Tables.ORDERS;
import static io.portcullis.sql.schema.Tables.QFJ_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.portcullis.app.Gateway;
import io.portcullis.app.demo.DemoData;
import io.portcullis.app.demo.DemoSessions;
import io.portcullis.config.Settings;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalReader;
import io.portcullis.reporting.audit.AuditCheckpoints;
import io.portcullis.reporting.audit.AuditIndexer;
import io.portcullis.reporting.audit.AuditIndexerConfiguration;
import io.portcullis.reporting.audit.AuditStream;
import io.portcullis.reporting.audit.AuditVerifier;
import io.portcullis.reporting.search.AuditSearch;
import io.portcullis.reporting.search.AuditSearchConfiguration;
import io.portcullis.reporting.search.Lineage;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail of a trading session under load, with the stack's real Elasticsearch killed (SIGKILL) for 60
 * seconds in the middle of it and started again with {@code ./portcullis stack up elasticsearch}:
 * <ul>
 *   <li>two brokers' FIX 4.4 sessions send crossing orders at a fixed rate through a real gateway (engine, Kafka
 *       journal, MySQL projector, audit topic, both audit indexers) until more than 100,000 FIX messages have
 *       crossed the wire;</li>
 *   <li>order-to-ack latency is measured before, during and after the outage: the order path does not wait on
 *       Elasticsearch, so acknowledgements never stop during the outage (no gap of 5 s; a path waiting on
 *       Elasticsearch would have one of 60 s) and the outage's p99 is no worse than the baseline's (within a
 *       tolerance for a 2-core machine's noise); how many orders each phase acknowledges depends on the machine's
 *       speed at the time and is printed, not asserted; the figures go to docs/audit.md;</li>
 *   <li>afterwards: Kafka, MySQL and Elasticsearch agree exactly (FIX messages, execution reports, executions,
 *       orders, each session's outgoing messages), and {@code audit verify} re-walks both hash chains with no
 *       missing, duplicated or altered document;</li>
 *   <li>the lineage of an order that was partially filled, replaced, then cancelled is complete and in order.</li>
 * </ul>
 */
@Timeout(1200)
class AuditTrailUnderLoadTest {
    private static final int ORDERS_PER_SECOND = 300; // in crossing pairs, every 10 ms
    private static final long WARM_UP_S = 15;
    private static final String PRICE = "268.47";
    private static final long BASELINE_S = 30;
    private static final long OUTAGE_S = 60;
    private static final long AFTER_S = 30;
    private static final long FIX_MESSAGES = 100_000;

    @TempDir
    Path dataDir;

    @Test
    void theAuditTrailIsExactAfterElasticsearchIsKilledUnderLoad() throws Exception {
        LocalStack.require(LocalStack.Service.MYSQL, LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH,
            LocalStack.Service.REDIS);
        final Path repository = Path.of("..").toAbsolutePath().normalize();
        final Path launcher = repository.resolve("portcullis");
        assertThat(launcher).as("the launcher, to restart Elasticsearch").isRegularFile();
        final Path esPidFile = Path.of(System.getenv().getOrDefault("PORTCULLIS_VAR",
            repository.resolve("var").toString())).resolve("elasticsearch/elasticsearch.pid");
        assertThat(esPidFile).as("the local stack's Elasticsearch pid file").isRegularFile();

        final int fix44 = freePort();
        System.setProperty("PORTCULLIS_FIX44_PORT", Integer.toString(fix44));
        System.setProperty("PORTCULLIS_FIX42_PORT", Integer.toString(freePort()));
        System.setProperty("PORTCULLIS_FIXT11_PORT", Integer.toString(freePort()));
        final String journalTopic = Isolation.topicName(AuditTrailUnderLoadTest.class, "journal");
        try (TestDatabase db = TestDatabase.create(AuditTrailUnderLoadTest.class);
             RestClient rest = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build()) {
            final Map<String, String> values = new HashMap<>();
            values.put("gateway.fix-config", repository.resolve("etc/demo/gateway.cfg").toString());
            values.put("gateway.http-port", "-1");
            values.put("gateway.data-dir", dataDir.toString());
            values.put("risk.enforce-trading-hours", "false");
            values.put("db.url", db.jdbcUrl());
            values.put("db.user", db.user());
            values.put("db.password", db.password());
            values.put("kafka.bootstrap", LocalStack.kafkaBootstrap());
            values.put("es.url", LocalStack.elasticsearchUrl());
            values.put("journal.topic", journalTopic);
            values.put("redis.url", LocalStack.redisUrl());
            final Settings settings = Settings.of(values, Map.of(), Map.of());
            final ElasticsearchClient es = new ElasticsearchClient(new RestClientTransport(rest,
                new JacksonJsonpMapper()));
            final AuditIndexerConfiguration audit = AuditIndexerConfiguration.from(settings);

            final Gateway gateway = Gateway.start(settings, database -> {
                DemoData.seed(database);
                DemoSessions.seed(database);
            }, line -> { });
            final Map<String, Acks> latencies = new HashMap<>();
            final OrderStory lineage;
            try (LoadSession broker1 = new LoadSession("BROKER1", "broker1-demo", fix44);
                 LoadSession broker2 = new LoadSession("BROKER2", "broker2-demo", fix44)) {
                broker1.start();
                broker2.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> broker1.loggedOn() && broker2.loggedOn());
                final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
                final AtomicLong ticks = new AtomicLong();
                final AtomicLong sequence = new AtomicLong();
                timer.scheduleAtFixedRate(() -> crossingPairs(broker1, broker2, ticks, sequence), 0, 10,
                    TimeUnit.MILLISECONDS);
                try {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(WARM_UP_S));
                    latencies.put("baseline", phase(broker1, broker2, BASELINE_S));
                    final long esPid = Long.parseLong(Files.readString(esPidFile).trim());
                    final Phase outage = new Phase(broker1, broker2);
                    ProcessHandle.of(esPid).ifPresent(ProcessHandle::destroyForcibly);
                    await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(esPid).isEmpty()
                        || !ProcessHandle.of(esPid).get().isAlive());
                    System.out.printf("Elasticsearch (pid %d) killed%n", esPid);
                    lineage = OrderStory.play(broker1, broker2);
                    Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_S));
                    latencies.put("outage", outage.end());
                    final long indexedAtOutageEnd = gateway.auditIndexers().stream()
                        .mapToLong(AuditIndexer::createdDocuments).sum();
                    final long lagAtOutageEnd = gateway.auditIndexers().stream().mapToLong(AuditIndexer::lag).sum();
                    System.out.printf("after %d s without Elasticsearch: %,d records waiting in Kafka%n", OUTAGE_S,
                        lagAtOutageEnd);
                    assertThat(lagAtOutageEnd).as("records waiting in Kafka").isPositive();
                    final Phase after = new Phase(broker1, broker2);
                    final Process restart = new ProcessBuilder(launcher.toString(), "stack", "up", "elasticsearch")
                        .directory(repository.toFile()).redirectErrorStream(true)
                        .redirectOutput(dataDir.resolve("es-restart.log").toFile()).start();
                    assertThat(restart.waitFor(300, TimeUnit.SECONDS)).as("Elasticsearch restarted").isTrue();
                    assertThat(restart.exitValue()).as(Files.readString(dataDir.resolve("es-restart.log")))
                        .isZero();
                    Thread.sleep(TimeUnit.SECONDS.toMillis(AFTER_S));
                    // A trading day's worth of FIX messages, however fast this machine is today: the load goes on
                    // until the audit topic holds them.
                    final String auditTopic = audit.forStream(AuditStream.AUDIT_TOPIC).topic();
                    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> endOffset(auditTopic) >= FIX_MESSAGES);
                    latencies.put("after", after.end());
                    assertThat(gateway.auditIndexers().stream().mapToLong(AuditIndexer::createdDocuments).sum())
                        .as("indexing resumed").isGreaterThan(indexedAtOutageEnd);
                } finally {
                    timer.shutdownNow();
                    timer.awaitTermination(10, TimeUnit.SECONDS);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> broker1.executionReports.get()
                    + broker2.executionReports.get() > 0 && settled(broker1, broker2));
                System.out.printf("rejects: %d and %d%n", broker1.rejects.get(), broker2.rejects.get());
            }
            // Sessions closed: the audit topic stops growing. Wait for both indexers to reach the end.
            final long auditEnd = endOffset(audit.forStream(AuditStream.AUDIT_TOPIC).topic());
            final long journalEnd = endOffset(journalTopic);
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                for (final AuditIndexer indexer : gateway.auditIndexers()) {
                    assertThat(indexer.failure()).isNull();
                }
                assertThat(gateway.auditIndexers().get(0).nextOffset()).isEqualTo(journalEnd);
                assertThat(gateway.auditIndexers().get(1).nextOffset()).isEqualTo(auditEnd);
            });
            es.indices().refresh(r -> r.index(audit.indexPrefix() + "-audit"));
            try {
                report(latencies);
                checkCounts(es, audit, gateway, journalTopic, auditEnd);
                lineage.check(es, audit);
                for (final AuditStream stream : AuditStream.values()) {
                    final AuditVerifier.Result result = new AuditVerifier(audit.forStream(stream), es,
                        new AuditCheckpoints(gateway.database().dsl())).verify(null, null, (s, e) -> { });
                    System.out.printf("audit verify %s: %,d documents, %,d checkpoints, mismatch %s%n", stream,
                        result.documentsCompared(), result.checkpointsCompared(), result.mismatch());
                    assertThat(result.mismatch()).as("audit verify " + stream).isNull();
                    assertThat(result.documentsCompared()).isEqualTo(result.endSeq());
                }
            } finally {
                gateway.close();
            }
        }
    }

    /** Two crossing orders per pair, sides alternating so that positions stay flat. */
    private static void crossingPairs(final LoadSession broker1, final LoadSession broker2, final AtomicLong ticks,
                                      final AtomicLong sequence) {
        try {
            // ORDERS_PER_SECOND / 200 pairs per 10 ms tick on average (1.5 at 300/s: 1, 2, 1, 2, ...).
            final long tick = ticks.getAndIncrement();
            final int pairs = (int) ((tick + 1) * ORDERS_PER_SECOND / 200 - tick * ORDERS_PER_SECOND / 200);
            for (int i = 0; i < pairs; i++) {
                final long n = sequence.incrementAndGet();
                final boolean buyFirst = (n & 1) == 0;
                broker1.order("L1-" + n, buyFirst ? '1' : '2', DemoData.BROKER1_DEFAULT_ACCOUNT, 100, PRICE);
                broker2.order("L2-" + n, buyFirst ? '2' : '1', DemoData.BROKER2_DEFAULT_ACCOUNT, 100, PRICE);
            }
        } catch (final quickfix.SessionNotFound ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean settled(final LoadSession... sessions) {
        final long before = Arrays.stream(sessions).mapToLong(s -> s.executionReports.get()).sum();
        try {
            Thread.sleep(1_000);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return Arrays.stream(sessions).mapToLong(s -> s.executionReports.get()).sum() == before;
    }

    private static Acks phase(final LoadSession broker1, final LoadSession broker2, final long seconds)
        throws InterruptedException {
        final Phase phase = new Phase(broker1, broker2);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        return phase.end();
    }

    /** Collects the order-to-ack latencies of both sessions from its creation to {@link #end()}. */
    private static final class Phase {
        private final List<Long> samples = new ArrayList<>();
        private final LoadSession[] sessions;
        private long lastAck = System.nanoTime();
        private long longestGap;

        Phase(final LoadSession... sessions) {
            this.sessions = sessions;
            for (final LoadSession session : sessions) {
                session.latencies(nanos -> {
                    final long now = System.nanoTime();
                    synchronized (samples) {
                        samples.add(nanos);
                        longestGap = Math.max(longestGap, now - lastAck);
                        lastAck = now;
                    }
                });
            }
        }

        Acks end() {
            for (final LoadSession session : sessions) {
                session.latencies(nanos -> { });
            }
            final long now = System.nanoTime();
            synchronized (samples) {
                return new Acks(samples.stream().mapToLong(Long::longValue).sorted().toArray(),
                    Math.max(longestGap, now - lastAck));
            }
        }
    }

    /**
     * The acknowledgements of one phase: order-to-ack latencies in nanoseconds, sorted, and the longest time in
     * nanoseconds the phase went without one (from its start, between two, or up to its end).
     */
    private record Acks(long[] sorted, long longestGap) {
    }

    private static void report(final Map<String, Acks> latencies) {
        System.out.println("order-to-ack latency by phase (ms): orders, p50, p90, p99, p99.9, max; longest time "
            + "without an ack (ms)");
        for (final String phase : List.of("baseline", "outage", "after")) {
            final long[] sorted = latencies.get(phase).sorted();
            System.out.printf("  %-8s %,7d %8.2f %8.2f %8.2f %8.2f %8.2f; %8.2f%n", phase, sorted.length,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 99.9),
                sorted[sorted.length - 1] / 1e6, latencies.get(phase).longestGap() / 1e6);
        }
        final long[] baseline = latencies.get("baseline").sorted();
        final Acks outage = latencies.get("outage");
        // How many orders a phase acknowledges depends on how fast this machine is at the time, which is not what
        // this test is about; enough samples for a p99 is. What it is about: acknowledgements never stopped while
        // Elasticsearch was down. A path that waited on Elasticsearch would go the whole 60 s outage without one.
        assertThat(outage.sorted().length).as("orders acknowledged during the outage").isGreaterThan(1_000);
        assertThat(outage.longestGap() / 1e6).as("longest time without an ack during the outage (ms)")
            .isLessThan(5_000);
        // The outage is no worse than the baseline, within the noise of a shared 2-core machine (twice the
        // baseline's p99 or 10 ms more, whichever is larger).
        final double base = percentile(baseline, 99);
        assertThat(percentile(outage.sorted(), 99)).as("outage p99 vs baseline p99 %.2f ms", base)
            .isLessThanOrEqualTo(Math.max(base * 2, base + 10));
    }

    private static double percentile(final long[] sorted, final double p) {
        final int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static void checkCounts(final ElasticsearchClient es, final AuditIndexerConfiguration audit,
                                    final Gateway gateway, final String journalTopic, final long auditRecords)
        throws IOException {
        final String alias = audit.indexPrefix() + "-audit";
        final String auditTopic = audit.forStream(AuditStream.AUDIT_TOPIC).topic();
        // FIX messages: one document per audit-topic record.
        final long fixDocs = count(es, alias, Query.of(q -> q.bool(b -> b
            .filter(f -> f.term(t -> t.field("chainStream").value(auditTopic)))
            .filter(f -> f.term(t -> t.field("event").value("FIX_MESSAGE"))))));
        System.out.printf("FIX messages: %,d on the audit topic, %,d in Elasticsearch%n", auditRecords, fixDocs);
        assertThat(fixDocs).isEqualTo(auditRecords);
        assertThat(fixDocs).as("a trading day's worth of FIX messages").isGreaterThanOrEqualTo(FIX_MESSAGES);

        // Execution reports and executions: journal vs Elasticsearch vs MySQL.
        final long[] journal = new long[3]; // execution reports, trades, new orders
        final Set<Long> orders = new HashSet<>();
        final EngineListener counter = new EngineListener() {
            @Override
            public void onExecutionReport(final ExecutionReport r) {
                journal[0]++;
                if (r.execType() == ExecType.TRADE) {
                    journal[1]++;
                }
                if (r.orderId() != 0 && orders.add(r.orderId())) {
                    journal[2]++;
                }
            }
        };
        JournalReader.readToEnd(gateway.journalConfiguration(), 0, (record, offset) ->
            EventDecoder.decode(record.events(), 0, record.events().length, counter));
        final Query journalStream = Query.of(q -> q.term(t -> t.field("chainStream").value(journalTopic)));
        final long esReports = count(es, alias, Query.of(q -> q.bool(b -> b.filter(journalStream)
            .filter(f -> f.term(t -> t.field("event").value("EXECUTION_REPORT"))))));
        final long esTrades = count(es, alias, Query.of(q -> q.bool(b -> b.filter(journalStream)
            .filter(f -> f.term(t -> t.field("event").value("EXECUTION_REPORT")))
            .filter(f -> f.term(t -> t.field("execType").value("TRADE"))))));
        final int mysqlExecutions = gateway.database().dsl().fetchCount(EXECUTIONS);
        final int mysqlOrders = gateway.database().dsl().fetchCount(ORDERS);
        System.out.printf("execution reports: journal %,d, Elasticsearch %,d; fills: journal %,d, Elasticsearch %,d, "
            + "MySQL %,d; orders: journal %,d, MySQL %,d%n", journal[0], esReports, journal[1], esTrades,
            mysqlExecutions, journal[2], mysqlOrders);
        assertThat(esReports).isEqualTo(journal[0]);
        assertThat(esTrades).isEqualTo(journal[1]).isEqualTo(mysqlExecutions);
        assertThat((long) mysqlOrders).isEqualTo(journal[2]);

        // Each session's outgoing messages: the MySQL message store vs Elasticsearch.
        for (final String broker : List.of("BROKER1", "BROKER2")) {
            final int stored = gateway.database().dsl().fetchCount(QFJ_MESSAGES,
                QFJ_MESSAGES.BEGINSTRING.eq("FIX.4.4").and(QFJ_MESSAGES.TARGETCOMPID.eq(broker)));
            final long indexed = count(es, alias, Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("event").value("FIX_MESSAGE")))
                .filter(f -> f.term(t -> t.field("direction").value("OUT")))
                .filter(f -> f.term(t -> t.field("sessionId").value("FIX.4.4:PORTCULLIS->" + broker))))));
            System.out.printf("%s outgoing FIX messages: MySQL store %,d, Elasticsearch %,d%n", broker, stored,
                indexed);
            assertThat(indexed).isEqualTo(stored);
        }
    }

    private static long count(final ElasticsearchClient es, final String alias, final Query query)
        throws IOException {
        return es.count(c -> c.index(alias).query(query)).count();
    }

    private static long endOffset(final String topic) {
        final TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
            LocalStack.kafkaBootstrap()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** An order partially filled, replaced, then cancelled, and the story the audit index must tell of it. */
    private record OrderStory(String session, String orderId) {
        static OrderStory play(final LoadSession owner, final LoadSession other) throws Exception {
            // MSFT: away from the load's AAPL flow, so the sell can only fill this order.
            owner.order("LIN-1", "MSFT", '1', DemoData.BROKER1_DEFAULT_ACCOUNT, 1_000, "478.40");
            await().atMost(Duration.ofSeconds(10)).until(() -> owner.orderIds.containsKey("LIN-1"));
            other.order("LIN-SELL", "MSFT", '2', DemoData.BROKER2_DEFAULT_ACCOUNT, 300, "478.40");
            Thread.sleep(500);
            owner.replace("LIN-2", "LIN-1", "MSFT", '1', 800, "478.39");
            Thread.sleep(500);
            owner.cancel("LIN-3", "LIN-2", "MSFT", '1');
            Thread.sleep(500);
            return new OrderStory("FIX.4.4:PORTCULLIS->" + owner.sessionId.getSenderCompID(),
                owner.orderIds.get("LIN-1"));
        }

        /** Through the product's lineage search (what {@code GET /api/audit/lineage} answers). */
        void check(final ElasticsearchClient es, final AuditIndexerConfiguration audit) throws IOException {
            final AuditSearch search = new AuditSearch(es, new AuditSearchConfiguration(audit.elasticsearchUrl(),
                audit.indexPrefix(), 60), firm -> Set.of());
            final Lineage lineage = search.lineage(Map.of("orderId", List.of(orderId)));
            assertThat(lineage.clOrdIds()).contains("LIN-1", "LIN-2", "LIN-3");
            assertThat(lineage.truncated()).isFalse();
            final List<String> story = new ArrayList<>();
            for (final ObjectNode entry : lineage.entries()) {
                story.add(switch (entry.path("event").asText()) {
                    case "FIX_MESSAGE" -> "FIX " + entry.path("direction").asText() + " "
                        + entry.path("msgType").asText() + " " + entry.path("clOrdId").asText();
                    case "EXECUTION_REPORT" -> "ER " + entry.path("execType").asText() + " "
                        + entry.path("clOrdId").asText();
                    case "RISK_DECISION" -> "RISK " + entry.path("riskDecision").asText() + " "
                        + entry.path("clOrdId").asText();
                    default -> entry.path("event").asText();
                });
            }
            System.out.println("lineage of order " + orderId + ":\n  " + String.join("\n  ", story));
            assertThat(story.stream().filter(line -> !line.equals("TRADE") && !line.equals("POSITION"))
                .collect(Collectors.toList())).containsSubsequence(
                "FIX IN D LIN-1", "ER NEW LIN-1", "RISK PASS LIN-1", "FIX OUT 8 LIN-1",
                "ER TRADE LIN-1", "FIX OUT 8 LIN-1",
                "FIX IN G LIN-2", "ER REPLACED LIN-2", "RISK PASS LIN-2", "FIX OUT 8 LIN-2",
                "FIX IN F LIN-3", "ER CANCELED LIN-3", "FIX OUT 8 LIN-3");
        }
    }
}
