package io.portcullis.reporting.reconcile;

import static io.portcullis.sql.schema.Tables.EXECUTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.portcullis.config.Settings;
import io.portcullis.oms.domain.Prices;
import io.portcullis.reporting.audit.AuditIndexer;
import io.portcullis.reporting.audit.AuditIndexerConfiguration;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./portcullis reconcile} against the real services: a real engine's journal in Kafka, indexed by the real
 * audit indexer into Elasticsearch and its fills written into MySQL, agrees on a clean day; then each kind of break
 * made by hand (a row deleted, a document deleted, a document indexed twice, a field changed in each) is reported
 * with its ExecID and the exit status says broken. The breaks test runs last: it damages the day.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconcileTest {
    private static final String PREFIX = Isolation.indexPrefix(ReconcileTest.class) + "reconcile";

    private static TradingJournal journal;
    private static List<TradingJournal.Fill> fills;
    private static TestDatabase testDatabase;
    private static Database database;
    private static RestClient restClient;
    private static ElasticsearchClient es;

    @BeforeAll
    static void tradeADayAndProjectIt() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.MYSQL, LocalStack.Service.ELASTICSEARCH);
        journal = new TradingJournal(Isolation.topicName(ReconcileTest.class, "journal"), 2026);
        final long end = journal.journal(1_500);
        fills = journal.fills();
        assertThat(fills).as("fills in the flow").hasSizeGreaterThan(100);

        try (AuditIndexer indexer = new AuditIndexer(AuditIndexerConfiguration.from(Settings.of(Map.of(
                "kafka.bootstrap", LocalStack.kafkaBootstrap(), "es.url", LocalStack.elasticsearchUrl()),
            Map.of(), Map.of())).with(journal.topic(), PREFIX))) {
            indexer.start();
            await().atMost(Duration.ofSeconds(120)).failFast("the indexer stopped", () -> indexer.failure() != null)
                .until(() -> indexer.nextOffset() == end);
        }
        restClient = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        es = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
        es.indices().refresh(r -> r.index(PREFIX + "-audit"));

        testDatabase = TestDatabase.create(ReconcileTest.class);
        database = Database.open(DatabaseConfiguration.from(settings()));
        database.migrate();
        TradingJournal.project(database.dsl(), fills);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (es != null) {
            final var indices = es.indices().get(g -> g.index(PREFIX + "-audit*").allowNoIndices(true)).result();
            if (!indices.isEmpty()) {
                es.indices().delete(d -> d.index(new ArrayList<>(indices.keySet())));
            }
            es.indices().deleteIndexTemplate(d -> d.name(PREFIX + "-audit," + PREFIX + "-audit-offsets"));
            restClient.close();
        }
        if (database != null) {
            database.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
        if (journal != null) {
            journal.close();
        }
    }

    @Test
    @Order(1)
    void aCleanDayHasNoBreak() {
        final Run run = reconcile("--date", "2026-01-05");
        System.out.println(run.out);

        assertThat(run.status).as(run.out + run.err).isZero();
        final String count = String.format("%,d", fills.size());
        assertThat(run.out).contains("Executions of trading day 2026-01-05 (America/New_York: "
            + "2026-01-05T05:00:00Z to 2026-01-06T05:00:00Z)");
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).matches(" +mysql +" + count + " .*"))
            .anySatisfy(line -> assertThat(line).matches(" +elasticsearch +" + count + " .*"))
            .anySatisfy(line -> assertThat(line).matches(" +journal +" + count + " .*"));
        assertThat(run.out).contains("OK: all three sources agree on " + count + " executions");
    }

    @Test
    @Order(2)
    void aDayWithoutTradingAgreesOnNothing() {
        final Run run = reconcile("--date", "2026-01-04");

        assertThat(run.status).isZero();
        assertThat(run.out).contains("OK: all three sources agree on 0 executions");
    }

    @Test
    @Order(3)
    void everyBreakIsReportedWithItsExecIdAndTheDayIsBroken() throws IOException {
        final TradingJournal.Fill deletedRow = fills.get(10);
        final TradingJournal.Fill deletedDocument = fills.get(20);
        final TradingJournal.Fill indexedTwice = fills.get(30);
        final TradingJournal.Fill otherPriceRow = fills.get(40);
        final TradingJournal.Fill otherAccountDocument = fills.get(50);

        database.dsl().deleteFrom(EXECUTIONS).where(EXECUTIONS.EXEC_ID.eq(deletedRow.execId())).execute();
        final BigDecimal px = Prices.toBigDecimal(otherPriceRow.lastPx());
        database.dsl().update(EXECUTIONS).set(EXECUTIONS.LAST_PX, px.add(new BigDecimal("0.01")))
            .where(EXECUTIONS.EXEC_ID.eq(otherPriceRow.execId())).execute();
        final Hit<JsonData> deleted = document(deletedDocument.execId());
        es.delete(d -> d.index(deleted.index()).id(deleted.id()).refresh(Refresh.True));
        final Hit<JsonData> original = document(indexedTwice.execId());
        es.index(i -> i.index(original.index()).id("copy-of-" + original.id()).document(original.source())
            .refresh(Refresh.True));
        final Hit<JsonData> edited = document(otherAccountDocument.execId());
        es.update(u -> u.index(edited.index()).id(edited.id()).doc(Map.of("account", "MALLORY"))
            .refresh(Refresh.True), Void.class);

        final Run run = reconcile("--date", "2026-01-05");
        System.out.println(run.out);

        assertThat(run.status).as("exit status").isEqualTo(1);
        assertThat(run.lines()).filteredOn(line -> line.startsWith("  ExecID ")).as(run.out).satisfiesExactlyInAnyOrder(
            line -> assertThat(line).startsWith("  ExecID " + deletedRow.execId() + ": missing in MYSQL ("),
            line -> assertThat(line).startsWith("  ExecID " + deletedDocument.execId()
                + ": missing in ELASTICSEARCH ("),
            line -> assertThat(line).startsWith("  ExecID " + indexedTwice.execId()
                + ": duplicate in ELASTICSEARCH, 2 times (").contains("copy-of-" + original.id()),
            line -> assertThat(line).startsWith("  ExecID " + otherPriceRow.execId() + ": lastPx differs in MYSQL: "
                + px.add(new BigDecimal("0.01")).stripTrailingZeros().toPlainString() + ", JOURNAL has "
                + px.stripTrailingZeros().toPlainString() + " ("),
            line -> assertThat(line).startsWith("  ExecID " + otherAccountDocument.execId()
                + ": account differs in ELASTICSEARCH: MALLORY, JOURNAL has " + otherAccountDocument.account()));
        assertThat(run.out).contains("BROKEN: 2 missing, 1 duplicate, 2 field differences");
    }

    @Test
    void aBadCommandLineNamesTheOptionAndExitsWithTwo() {
        assertThat(reconcile()).satisfies(r -> {
            assertThat(r.status).isEqualTo(2);
            assertThat(r.err).contains("--date YYYY-MM-DD is required");
        });
        assertThat(reconcile("--date", "2026-02-30").err).contains("--date", "2026-02-30");
        assertThat(reconcile("--date", "2026-01-05", "--seek-margin-minutes", "0").status).isEqualTo(2);
        assertThat(reconcile("--date", "2026-01-05", "--sources", "all").err).contains("unknown option '--sources'");
        assertThat(reconcile("--help").out).contains("America/New_York", "Exit status");
    }

    @Test
    void anUnreachableSourceIsNamedAndTheDayIsNotReconciled() {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = ReconcileMain.run(List.of("--date", "2026-01-05"), new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8),
            Settings.of(Map.of("db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password",
                testDatabase.password(), "es.url", "http://127.0.0.1:1", "audit.index-prefix", PREFIX), Map.of(),
                Map.of()));

        assertThat(status).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Elasticsearch does not answer at "
            + "http://127.0.0.1:1", "./portcullis stack up");
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The outcome of one run of the command. */
    private record Run(int status, String out, String err) {
        List<String> lines() {
            return List.of(out.split("\n"));
        }
    }

    private static Run reconcile(final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = ReconcileMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), settings());
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Settings settings() {
        return Settings.of(Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap(), "journal.topic", journal.topic(),
            "es.url", LocalStack.elasticsearchUrl(), "audit.index-prefix", PREFIX, "db.url", testDatabase.jdbcUrl(),
            "db.user", testDatabase.user(), "db.password", testDatabase.password()), Map.of(), Map.of());
    }

    /** The one TRADE execution report document of an ExecID. */
    private static Hit<JsonData> document(final String execId) throws IOException {
        final List<Hit<JsonData>> hits = es.search(s -> s.index(PREFIX + "-audit").query(q -> q.bool(b -> b
            .filter(f -> f.term(t -> t.field("execId").value(execId)))
            .filter(f -> f.term(t -> t.field("execType").value("TRADE"))))), JsonData.class).hits().hits();
        assertThat(hits).as("documents of ExecID %s", execId).hasSize(1);
        return hits.get(0);
    }
}
