package io.portcullis.reporting.surveillance;

import static io.portcullis.sql.schema.Tables.SURVEILLANCE_ALERT;
import static io.portcullis.sql.schema.Tables.SURVEILLANCE_ALERT_HISTORY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.config.Settings;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The surveillance run on the real stack: the seeded day of {@link SurveillanceScenario} (through the real engine,
 * journal and indexer) raises exactly its three alerts with the right account, symbol and evidence; the clean day
 * raises none; a rerun adds nothing; bad usage and an unreachable service have their exit codes.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurveillanceRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SurveillanceScenario scenario;
    private static TestDatabase testDatabase;
    private static Database database;
    private static Settings settings;

    @BeforeAll
    static void runTheScenario() throws Exception {
        LocalStack.require(LocalStack.Service.MYSQL, LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH);
        testDatabase = TestDatabase.create(SurveillanceRunTest.class);
        scenario = SurveillanceScenario.run(SurveillanceRunTest.class);
        final Map<String, String> values = new HashMap<>(Map.of("es.url", LocalStack.elasticsearchUrl(),
            "audit.index-prefix", scenario.prefix, "kafka.bootstrap", LocalStack.kafkaBootstrap(),
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password",
            testDatabase.password()));
        settings = Settings.of(values, Map.of(), Map.of());
        database = Database.open(DatabaseConfiguration.from(settings));
        database.migrate();
        accountsAreOnFile();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try {
            if (scenario != null) {
                scenario.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
            if (testDatabase != null) {
                testDatabase.close();
            }
        }
    }

    @Test
    @Order(1)
    void theSeededDayRaisesExactlyOneAlertPerSeededPattern() throws Exception {
        final Run run = surveillance("--date", SurveillanceScenario.SEEDED.toString());

        assertThat(run.status()).as(run.toString()).isEqualTo(SurveillanceMain.ALERTS);
        assertThat(alerts()).as(run.toString()).containsExactlyInAnyOrder(
            "LAYERING SPOOF AAPL", "WASH_TRADE W1 MSFT", "MARKING_THE_CLOSE MC NVDA");
    }

    @Test
    @Order(2)
    void theLayeringAlertCarriesTheRatiosAndEveryOrderInvolved() throws Exception {
        final JsonNode values = values("LAYERING");
        final JsonNode evidence = evidence("LAYERING");

        assertThat(values.get("orders").asLong()).isEqualTo(13);
        assertThat(values.get("fills").asLong()).isEqualTo(1);
        assertThat(values.get("cancels").asLong()).isEqualTo(12);
        assertThat(values.get("orderToTradeRatio").decimalValue()).isEqualByComparingTo("13");
        assertThat(values.get("cancelRatioPct").decimalValue()).isEqualByComparingTo("92.31");
        assertThat(values.get("largeCancelsAfterOppositeFill").asLong()).isEqualTo(12);
        assertThat(evidence.get("cancelledLargeOrderIds")).hasSize(12);
        assertThat(evidence.get("oppositeSideFilledOrderIds")).hasSize(1);
        assertThat(evidence.get("lineage")).hasSize(13);
        evidence.get("lineage").forEach(link -> assertThat(link.asText()).startsWith("/api/audit/lineage?orderId="));
        assertThat(window("LAYERING")).isEqualTo("2026-09-15T14:00:13Z 2026-09-15T14:00:19.500Z");
        for (final JsonNode orderId : evidence.get("cancelledLargeOrderIds")) {
            assertThat(story(orderId.asText())).as(orderId.asText()).contains("SPOOF SELL 2000 CANCELED");
        }
        assertThat(story(evidence.get("oppositeSideFilledOrderIds").get(0).asText()))
            .contains("SPOOF BUY 100 TRADE");
    }

    @Test
    @Order(3)
    void theWashTradeAlertNamesTheOwnerBothAccountsAndBothTrades() throws Exception {
        final JsonNode values = values("WASH_TRADE");
        final JsonNode evidence = evidence("WASH_TRADE");

        assertThat(values.get("washTrades").asLong()).isEqualTo(2);
        assertThat(values.get("washQty").asLong()).isEqualTo(500);
        assertThat(evidence.get("beneficialOwner").asText()).isEqualTo("OWNER-W");
        assertThat(evidence.get("accounts").toString()).isEqualTo("[\"W1\",\"W2\"]");
        assertThat(evidence.get("trades")).hasSize(2);
        assertThat(evidence.get("trades").get(0).get("sellAccount").asText()).isEqualTo("W1");
        assertThat(evidence.get("trades").get(0).get("buyAccount").asText()).isEqualTo("W2");
        assertThat(evidence.get("trades").get(1).get("price").decimalValue()).isEqualByComparingTo("478.01");
        assertThat(evidence.get("lineage")).hasSize(4);
    }

    @Test
    @Order(4)
    void theMarkingTheCloseAlertShowsThePositionAndTheMove() throws Exception {
        final JsonNode values = values("MARKING_THE_CLOSE");
        final JsonNode evidence = evidence("MARKING_THE_CLOSE");

        assertThat(values.get("positionAtWindowStart").asLong()).isEqualTo(500);
        assertThat(values.get("lastPriceBeforeWindow").decimalValue()).isEqualByComparingTo("180");
        assertThat(values.get("closingPrice").decimalValue()).isEqualByComparingTo("180.60");
        assertThat(values.get("favourableMoveBps").decimalValue()).isEqualByComparingTo("33.33");
        assertThat(evidence.get("orderIds")).hasSize(3);
        assertThat(evidence.get("close").asText()).isEqualTo("2026-09-15T20:00:00Z");
        for (final JsonNode orderId : evidence.get("orderIds")) {
            assertThat(story(orderId.asText())).as(orderId.asText()).contains("MC BUY 100 TRADE");
        }
    }

    @Test
    @Order(5)
    void runningTheDayAgainAddsNoAlertAndNoHistory() throws Exception {
        final int alerts = database.dsl().fetchCount(SURVEILLANCE_ALERT);
        final int history = database.dsl().fetchCount(SURVEILLANCE_ALERT_HISTORY);

        final Run run = surveillance("--date", SurveillanceScenario.SEEDED.toString());

        assertThat(run.status()).as(run.toString()).isEqualTo(SurveillanceMain.ALERTS);
        assertThat(run.err()).contains("3 alerts (0 new, 0 updated, 3 unchanged)");
        assertThat(database.dsl().fetchCount(SURVEILLANCE_ALERT)).isEqualTo(alerts);
        assertThat(database.dsl().fetchCount(SURVEILLANCE_ALERT_HISTORY)).isEqualTo(history);
    }

    @Test
    @Order(6)
    void aCleanDayOfCrossingOrdersBetweenUnrelatedAccountsRaisesNothing() throws Exception {
        final Run run = surveillance("--date", SurveillanceScenario.CLEAN.toString());

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.err()).contains("0 alerts");
        assertThat(database.dsl().fetchCount(SURVEILLANCE_ALERT,
            SURVEILLANCE_ALERT.TRADING_DAY.eq(SurveillanceScenario.CLEAN))).isZero();
    }

    @Test
    void aBadDateIsBadUsageNamingIt() throws Exception {
        final Run run = surveillance("--date", "2026-13-01");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("2026-13-01");
    }

    @Test
    void aMissingDateIsBadUsage() throws Exception {
        assertThat(surveillance().status()).isEqualTo(2);
    }

    @Test
    void theHelpListsEveryOption() throws Exception {
        final Run run = surveillance("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--date", "--config", "--help");
    }

    @Test
    void anUnreachableElasticsearchIsExitThree() {
        final Map<String, String> values = new HashMap<>(Map.of("es.url", "http://127.0.0.1:1",
            "audit.index-prefix", scenario.prefix, "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(),
            "db.password", testDatabase.password()));
        final Run run = run(List.of("--date", SurveillanceScenario.SEEDED.toString()),
            Settings.of(values, Map.of(), Map.of()));

        assertThat(run.status()).as(run.toString()).isEqualTo(3);
    }

    private static void accountsAreOnFile() {
        final var dsl = database.dsl();
        for (final String firm : List.of("FIRMA", "FIRMB")) {
            dsl.execute("INSERT INTO broker_firm (firm_id, name, created_at) VALUES (?, ?, UTC_TIMESTAMP(6))", firm,
                firm);
        }
        SurveillanceScenario.ACCOUNTS.forEach((account, firm) -> dsl.execute("INSERT INTO account (account_id, "
            + "firm_id, name, account_type, fdid, created_at) VALUES (?, ?, ?, 'CUSTOMER', ?, UTC_TIMESTAMP(6))",
            account, firm, account, "FDID-" + account));
        for (final String account : List.of("W1", "W2")) {
            dsl.execute("INSERT INTO account_beneficial_owner (account_id, owner_id, created_at) "
                + "VALUES (?, 'OWNER-W', UTC_TIMESTAMP(6))", account);
        }
    }

    private static List<String> alerts() {
        return database.dsl().selectFrom(SURVEILLANCE_ALERT)
            .where(SURVEILLANCE_ALERT.TRADING_DAY.eq(SurveillanceScenario.SEEDED))
            .fetch(r -> r.getPattern() + " " + r.getAccountId() + " " + r.getSymbol());
    }

    private static JsonNode values(final String pattern) throws Exception {
        return JSON.readTree(row(pattern).getAlertValues());
    }

    private static JsonNode evidence(final String pattern) throws Exception {
        return JSON.readTree(row(pattern).getEvidence());
    }

    private static String window(final String pattern) {
        final var row = row(pattern);
        return row.getWindowStart().toInstant(java.time.ZoneOffset.UTC) + " "
            + row.getWindowEnd().toInstant(java.time.ZoneOffset.UTC);
    }

    private static io.portcullis.sql.schema.tables.records.SurveillanceAlertRecord row(final String pattern) {
        return database.dsl().selectFrom(SURVEILLANCE_ALERT)
            .where(SURVEILLANCE_ALERT.TRADING_DAY.eq(SurveillanceScenario.SEEDED),
                SURVEILLANCE_ALERT.PATTERN.eq(pattern)).fetchSingle();
    }

    /** @return the order's execution reports in the index, "account side orderQty execType" each */
    private static List<String> story(final String orderId) throws Exception {
        return scenario.es.search(s -> s.index(scenario.prefix + "-audit").size(100)
            .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("event").value("EXECUTION_REPORT")))
                .filter(f -> f.term(t -> t.field("orderId").value(orderId))))), JsonNode.class)
            .hits().hits().stream().map(h -> h.source().get("account").asText() + " " + h.source().get("side")
                .asText() + " " + h.source().get("orderQty").asLong() + " " + h.source().get("execType").asText())
            .toList();
    }

    private static Run surveillance(final String... args) {
        return run(List.of(args), settings);
    }

    private static Run run(final List<String> args, final Settings effective) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = SurveillanceMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), effective);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A finished command. */
    private record Run(int status, String out, String err) {
    }
}
