package io.portcullis.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.app.admin.account.Accounts;
import io.portcullis.app.admin.account.Tokens;
import io.portcullis.app.demo.DemoData;
import io.portcullis.app.http.GatewayHttpServer;
import io.portcullis.config.Settings;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The trade-history search through the admin HTTP API, against the real Elasticsearch and MySQL of the local stack:
 * the admin API built from settings ({@code es.url}, {@code audit.index-prefix}) as the gateway builds it, an audit
 * index of its own with the indexer's mapping and a few documents, and for every kind of bad input a 400
 * problem+json naming the parameter.
 */
@Timeout(120)
class AuditSearchApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = "FIX.4.4:PORTCULLIS->BROKER1";
    private static final String PREFIX = Isolation.indexPrefix(AuditSearchApiTest.class) + "api";
    private static final String INDEX = PREFIX + "-audit-2026.01.05";

    private static TestDatabase testDatabase;
    private static Database database;
    private static AdminApi adminApi;
    private static GatewayHttpServer http;
    private static int port;
    private static RestClient rest;
    private static ElasticsearchClient es;
    private static Tokens tokens;
    private static Accounts accounts;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<Role, String> TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        LocalStack.require(LocalStack.Service.MYSQL, LocalStack.Service.ELASTICSEARCH);
        testDatabase = TestDatabase.create(AuditSearchApiTest.class);
        database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of("db.url", testDatabase.jdbcUrl(),
            "db.user", testDatabase.user(), "db.password", testDatabase.password()), Map.of(), Map.of())));
        database.migrate();
        DemoData.seed(database);
        adminApi = AdminApi.create(Settings.of(Map.of("es.url", LocalStack.elasticsearchUrl(),
            "audit.index-prefix", PREFIX, "audit.search.keep-alive-seconds", "60"), Map.of(), Map.of()), database,
            () -> {
                throw new IllegalStateException("no FIX sessions in this test");
            }, () -> {
                throw new IllegalStateException("no risk desk in this test");
            });
        http = new GatewayHttpServer(adminApi);
        port = http.start("127.0.0.1", 0);
        accounts = new Accounts(database.dsl(), InstantSource.system());
        tokens = new Tokens(database.dsl(), InstantSource.system());
        rest = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        indexTrades();
    }

    @AfterAll
    static void stop() throws Exception {
        if (es != null) {
            es.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
            rest.close();
        }
        if (http != null) {
            http.close();
        }
        if (adminApi != null) {
            adminApi.close();
        }
        if (database != null) {
            database.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @Test
    void executionsAreFilteredAndPricedInDecimalUsd() throws Exception {
        final JsonNode page = get("/api/audit/executions?symbol=AAPL&sort=price&order=asc", Role.COMPLIANCE)
            .json(200);

        assertThat(page.get("executions")).hasSize(2);
        assertThat(page.get("executions").get(0).get("lastPx").asText()).isEqualTo("187.25");
        assertThat(page.get("executions").get(1).get("lastPx").asText()).isEqualTo("187.30");
        assertThat(page.get("executions").get(1).get("lastNotional").asText()).isEqualTo("56190.00");
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(get("/api/audit/executions?brokerFirm=BROKER2", Role.OPERATIONS).json(200).get("executions"))
            .extracting(r -> r.get("account").asText()).containsExactly("B2-CUST-001");
    }

    @Test
    void pagesFollowTheCursorToTheEnd() throws Exception {
        final List<String> execIds = new ArrayList<>();
        String next = null;
        do {
            final JsonNode page = get("/api/audit/executions?size=1&sort=execId&order=asc" + (next == null ? ""
                : "&cursor=" + next), Role.OPERATIONS).json(200);
            page.get("executions").forEach(r -> execIds.add(r.get("execId").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        assertThat(execIds).containsExactly("11", "12", "21");
    }

    @Test
    void ordersAggregationsAndLineageAnswer() throws Exception {
        final JsonNode orders = get("/api/audit/orders?account=B1-CUST-001", Role.COMPLIANCE).json(200);
        assertThat(orders.get("orders")).extracting(r -> r.get("orderId").asText() + " " + r.get("ordStatus")
            .asText()).containsExactly("1 FILLED");

        final JsonNode volumes = get("/api/audit/aggregations?groupBy=symbol", Role.COMPLIANCE).json(200);
        assertThat(volumes.get("buckets").get(0).get("key").asText()).isEqualTo("AAPL");
        assertThat(volumes.get("buckets").get(0).get("volume").asLong()).isEqualTo(400);
        assertThat(volumes.get("buckets").get(0).get("notional").asText()).isEqualTo("74915.00");

        final JsonNode lineage = get("/api/audit/lineage?sessionId=" + enc(SESSION) + "&clOrdId=C1",
            Role.COMPLIANCE).json(200);
        assertThat(lineage.get("orderId").asText()).isEqualTo("1");
        assertThat(lineage.get("entries")).extracting(e -> e.get("event").asText() + e.path("execType").asText(""))
            .containsExactly("FIX_MESSAGE", "EXECUTION_REPORTNEW", "EXECUTION_REPORTTRADE", "EXECUTION_REPORTTRADE");
        assertThat(get("/api/audit/lineage?orderId=404404", Role.COMPLIANCE).status()).isEqualTo(404);
    }

    @Test
    void theCsvExportIsStreamedTextCsvWithAHeader() throws Exception {
        final Answer answer = get("/api/audit/executions/export?sort=execId&order=asc", Role.COMPLIANCE);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("text/csv"));
        assertThat(answer.response().headers().firstValue("Content-Disposition"))
            .hasValue("attachment; filename=\"executions.csv\"");
        final String[] lines = answer.response().body().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("transactTime,execId,orderId,");
        assertThat(lines[1]).contains(",11,1,C1,").contains(",187.25,");
        assertThat(lines[2]).contains("\"partly, at last\"");
        assertThat(get("/api/audit/orders/export", Role.OPERATIONS).response().body().split("\r\n")).hasSize(3);
    }

    @Test
    void everyKindOfBadInputIsAProblemNamingTheParameter() throws Exception {
        final Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/api/audit/executions?sybmol=AAPL", "sybmol");
        cases.put("/api/audit/executions?minQty=ten", "minQty");
        cases.put("/api/audit/executions?minPrice=1.23456", "minPrice");
        cases.put("/api/audit/executions?from=yesterday", "from");
        cases.put("/api/audit/executions?from=2026-01-06T00:00:00Z&to=2026-01-05T00:00:00Z", "from");
        cases.put("/api/audit/orders?minPrice=200&maxPrice=100", "minPrice");
        cases.put("/api/audit/orders?minQty=500&maxQty=100", "minQty");
        cases.put("/api/audit/executions?sort=password", "sort");
        cases.put("/api/audit/executions?size=1001", "size");
        cases.put("/api/audit/executions?size=0", "size");
        cases.put("/api/audit/executions?cursor=bm90LWEtY3Vyc29y", "cursor");
        cases.put("/api/audit/executions?side=buy", "side");
        cases.put("/api/audit/orders?brokerFirm=NOSUCHFIRM", "brokerFirm");
        cases.put("/api/audit/aggregations?groupBy=day", "groupBy");
        cases.put("/api/audit/aggregations?timeZone=Mars%2FOlympus", "timeZone");
        cases.put("/api/audit/lineage", "orderId");
        cases.put("/api/audit/lineage?sessionId=S", "clOrdId");
        cases.put("/api/audit/executions/export?size=10", "size");
        cases.put("/api/audit/orders/export?to=2026-13-01T00:00:00Z", "to");
        for (final Map.Entry<String, String> bad : cases.entrySet()) {
            get(bad.getKey(), Role.COMPLIANCE).problem(400, bad.getValue());
        }
    }

    @Test
    void aCursorWhosePointInTimeIsGoneIsAProblemNamingTheCursor() throws Exception {
        final String next = get("/api/audit/executions?size=1", Role.COMPLIANCE).json(200).get("next").asText();
        final String pitId = JSON.readTree(Base64.getUrlDecoder().decode(next)).get("p").asText();
        es.closePointInTime(c -> c.id(pitId));

        final JsonNode problem = get("/api/audit/executions?size=1&cursor=" + next, Role.COMPLIANCE)
            .problem(400, "cursor");
        assertThat(problem.get("detail").asText()).contains("expired");
        get("/api/audit/executions?size=1&symbol=MSFT&cursor=" + next, Role.COMPLIANCE).problem(400, "cursor");
    }

    @Test
    void onlyComplianceAndOperationsSearchEveryFirm() throws Exception {
        // (the BROKER_VIEWER here belongs to no firm: 403; one of a firm is the test above)
        for (final Role role : Role.values()) {
            final int expected = Set.of(Role.COMPLIANCE, Role.OPERATIONS).contains(role) ? 200 : 403;
            assertThat(get("/api/audit/executions", role).status()).as(role.name()).isEqualTo(expected);
            assertThat(get("/api/audit/executions/export", role).status()).as(role.name()).isEqualTo(expected);
        }
        final HttpResponse<String> anonymous = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + port + "/api/audit/orders")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aBrokerFirmsViewerSearchesItsOwnFirmsAccountsOnly() throws Exception {
        accounts.create("b2.viewer", Set.of(Role.BROKER_VIEWER), "BROKER2", "correct-horse-battery".toCharArray(),
            "test");
        final String viewer = tokens.issue("b2.viewer", Duration.ofMinutes(10)).token();

        assertThat(get("/api/audit/executions", viewer).json(200).get("executions"))
            .extracting(r -> r.get("account").asText()).containsExactly("B2-CUST-001");
        assertThat(get("/api/audit/orders", viewer).json(200).get("orders"))
            .extracting(r -> r.get("account").asText()).containsOnly("B2-CUST-001");
        assertThat(get("/api/audit/executions?account=B1-CUST-001", viewer).json(200).get("executions"))
            .as("another firm's account, asked by name").isEmpty();
        assertThat(get("/api/audit/executions/export", viewer).response().body()).contains("B2-CUST-001")
            .doesNotContain("B1-CUST-001");
        final Answer other = get("/api/audit/executions?brokerFirm=BROKER1", viewer);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.response().body()).contains("BROKER2 only");
        assertThat(get("/api/audit/lineage?orderId=1", viewer).status()).as("lineage is for the staff")
            .isEqualTo(403);
        // A BROKER_VIEWER of no firm sees no account.
        assertThat(get("/api/audit/executions", Role.BROKER_VIEWER).status()).isEqualTo(403);
    }

    private static Answer get(final String path, final Role role) throws Exception {
        final String token = TOKENS.computeIfAbsent(role, r -> {
            final String name = "search-" + r.name().toLowerCase(java.util.Locale.ROOT);
            accounts.create(name, Set.of(r), "correct-horse-battery".toCharArray(), "test");
            return tokens.issue(name, Duration.ofMinutes(10)).token();
        });
        return get(path, token);
    }

    private static Answer get(final String path, final String token) throws Exception {
        return new Answer(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString()));
    }

    private static String enc(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An HTTP answer. */
    private record Answer(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        JsonNode json(final int status) throws Exception {
            assertThat(status()).as(response.uri() + " " + response.body()).isEqualTo(status);
            return JSON.readTree(response.body());
        }

        JsonNode problem(final int status, final String field) throws Exception {
            assertThat(status()).as(response.uri() + " " + response.body()).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            final JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("field").asText()).as(response.uri() + " " + response.body()).isEqualTo(field);
            assertThat(body.get("detail").asText()).startsWith(field + ": ");
            return body;
        }
    }

    /** Two orders on BROKER1 (one filled in two fills), one on BROKER2, and the FIX message of the first. */
    private static void indexTrades() throws Exception {
        try (InputStream template = AuditSearchApiTest.class.getClassLoader()
            .getResourceAsStream("io/portcullis/reporting/audit/audit-template.json")) {
            es.indices().create(c -> c.index(INDEX).withJson(template).aliases(PREFIX + "-audit", a -> a));
        }
        int offset = 0;
        document(offset++, er("1", "C1", "B1-CUST-001", "AAPL", "NEW", "NEW", null, 0, 0, 400, 0,
            "2026-01-05T08:00:00.000000100Z"));
        document(offset++, er("11", "C1", "B1-CUST-001", "AAPL", "TRADE", "PARTIALLY_FILLED", 1_872_500L, 100, 100,
            300, 1, "2026-01-05T08:00:01Z"));
        final Map<String, Object> last = er("12", "C1", "B1-CUST-001", "AAPL", "TRADE", "FILLED", 1_873_000L, 300,
            400, 0, 2, "2026-01-05T08:00:02Z");
        last.put("text", "partly, at last");
        document(offset++, last);
        document(offset++, er("2", "C2", "B2-CUST-001", "MSFT", "NEW", "NEW", null, 0, 0, 100, 3,
            "2026-01-05T09:00:00Z"));
        final Map<String, Object> msft = er("21", "C2", "B2-CUST-001", "MSFT", "TRADE", "FILLED", 4_784_300L, 100,
            100, 0, 4, "2026-01-05T09:00:01Z");
        msft.put("orderId", "2");
        msft.put("sessionId", "FIX.4.4:PORTCULLIS->BROKER2");
        document(offset++, msft);
        final Map<String, Object> fix = new LinkedHashMap<>();
        fix.put("event", "FIX_MESSAGE");
        fix.put("transactTime", "2026-01-05T08:00:00Z");
        fix.put("journalTopic", "audit");
        fix.put("journalPartition", 0);
        fix.put("journalOffset", 0);
        fix.put("eventIndex", 0);
        fix.put("sessionId", SESSION);
        fix.put("direction", "IN");
        fix.put("msgType", "D");
        fix.put("clOrdId", "C1");
        fix.put("message", "8=FIX.4.4|35=D|11=C1|10=000|");
        es.index(i -> i.index(INDEX).id("audit-0-0-0").document(fix).refresh(Refresh.True));
        es.indices().refresh(r -> r.index(PREFIX + "-audit"));
    }

    private static Map<String, Object> er(final String execId, final String clOrdId, final String account,
                                          final String symbol, final String execType, final String ordStatus,
                                          final Long lastPx, final long lastQty, final long cumQty,
                                          final long leavesQty, final long sequence, final String time) {
        final Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("event", "EXECUTION_REPORT");
        doc.put("transactTime", time);
        doc.put("journalTopic", "journal");
        doc.put("journalPartition", 0);
        doc.put("eventIndex", 0);
        doc.put("sequence", sequence);
        doc.put("execId", execId);
        doc.put("orderId", account.startsWith("B1") ? "1" : "2");
        doc.put("sessionId", account.startsWith("B1") ? SESSION : "FIX.4.4:PORTCULLIS->BROKER2");
        doc.put("clOrdId", clOrdId);
        doc.put("account", account);
        doc.put("symbol", symbol);
        doc.put("side", "BUY");
        doc.put("execType", execType);
        doc.put("ordStatus", ordStatus);
        doc.put("price", 1_873_000L);
        doc.put("orderQty", cumQty + leavesQty);
        doc.put("cumQty", cumQty);
        doc.put("leavesQty", leavesQty);
        if (lastPx != null) {
            doc.put("lastPx", lastPx);
            doc.put("lastQty", lastQty);
            doc.put("lastNotional", lastPx * lastQty);
        }
        return doc;
    }

    private static void document(final int offset, final Map<String, Object> doc) throws Exception {
        doc.put("journalOffset", offset);
        es.index(i -> i.index(INDEX).id("journal-0-" + offset + "-0").document(doc));
    }
}
