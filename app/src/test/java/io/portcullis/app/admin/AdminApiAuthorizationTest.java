package io.portcullis.app.admin;

import static io.portcullis.app.admin.Role.ADMIN;
import static io.portcullis.app.admin.Role.BACK_OFFICE;
import static io.portcullis.app.admin.Role.BROKER_VIEWER;
import static io.portcullis.app.admin.Role.COMPLIANCE;
import static io.portcullis.app.admin.Role.OPERATIONS;
import static io.portcullis.app.admin.Role.RISK_OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.portcullis.reporting.runs.ReportRuns;
import io.portcullis.reporting.runs.ReportType;
import io.portcullis.reporting.runs.RunStatus;
import io.portcullis.risk.desk.LimitRequest;
import io.portcullis.risk.desk.RiskDesk;
import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.risk.model.ListName;
import io.portcullis.testsupport.LocalStack;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may call what, on a real gateway: every route of the admin API against every role (2xx when the route declares
 * the role, 403 naming the required role otherwise), no token, an expired or revoked token, a failed login; and an
 * audit row for every single call. The expected matrix is written out here, independently of the route table.
 */
@Timeout(300)
class AdminApiAuthorizationTest {
    private static final String SESSION = "/api/sessions/" + SessionRoutes.encode("FIX.4.4:PORTCULLIS->BROKER2");
    private static final String TARGET_USER = "/api/users/matrix-target";
    private static final String REASON = "{\"reason\":\"authorization matrix test\"}";
    private static final Set<Role> ANYONE = EnumSet.allOf(Role.class);
    private static final AtomicInteger CREATED = new AtomicInteger();

    @TempDir
    static Path temp;

    private static AdminGateway api;
    private static long toApprove;
    private static long toReject;
    private static long reportRun;
    private static long surveillanceAlert;
    private static final java.util.Map<Role, Long> PRICE_ALERTS = new java.util.EnumMap<>(Role.class);

    /** One row of the expected matrix: a call that succeeds for an allowed role. */
    private record Expectation(String method, String path, Set<Role> allowed, Function<Role, String> body,
                               boolean open) {
        String route() {
            return method + " " + path;
        }
    }

    private static final List<Expectation> MATRIX = new ArrayList<>();

    @BeforeAll
    static void startGateway() throws Exception {
        LocalStack.require(LocalStack.Service.ELASTICSEARCH); // the audit search routes ask it
        api = AdminGateway.start(AdminApiAuthorizationTest.class, temp);
        api.accounts().create("matrix-target", Set.of(Role.BROKER_VIEWER), AdminGateway.PASSWORD.toCharArray(),
            "test");
        open("GET", "/api/openapi.yaml", role -> null);
        open("POST", "/api/auth/token", role -> "{\"username\":\"" + api.user(role) + "\",\"password\":\""
            + AdminGateway.PASSWORD + "\"}");
        expect("DELETE", "/api/auth/token", ANYONE, role -> null);
        expect("GET", "/api/audit", Set.of(COMPLIANCE), role -> null);
        expect("GET", "/api/sessions", Set.of(OPERATIONS), role -> null);
        expect("GET", "/api/sessions/{id}", Set.of(OPERATIONS), role -> null);
        expect("POST", "/api/sessions/{id}/logout", Set.of(OPERATIONS), role -> REASON);
        expect("POST", "/api/sessions/{id}/disable", Set.of(OPERATIONS), role -> REASON);
        expect("POST", "/api/sessions/{id}/enable", Set.of(OPERATIONS), role -> REASON);
        expect("PUT", "/api/sessions/{id}/seqnums", Set.of(OPERATIONS),
            role -> "{\"nextSenderSeqNum\":1,\"nextTargetSeqNum\":1,\"reason\":\"matrix\"}");
        expect("POST", "/api/sessions/{id}/reset-seqnums", Set.of(OPERATIONS), role -> REASON);
        expect("GET", "/api/users", Set.of(ADMIN), role -> null);
        expect("POST", "/api/users", Set.of(ADMIN), role -> "{\"username\":\"created-" + CREATED.incrementAndGet()
            + "\",\"roles\":[\"BROKER_VIEWER\"],\"password\":\"" + AdminGateway.PASSWORD + "\"}");
        expect("GET", "/api/users/{username}", Set.of(ADMIN), role -> null);
        expect("PUT", "/api/users/{username}/roles", Set.of(ADMIN), role -> "{\"roles\":[\"BROKER_VIEWER\"]}");
        expect("PUT", "/api/users/{username}/firm", Set.of(ADMIN), role -> "{\"firm\":\"BROKER1\"}");
        expect("POST", "/api/users/{username}/disable", Set.of(ADMIN), role -> null);
        expect("POST", "/api/users/{username}/enable", Set.of(ADMIN), role -> null);
        expect("DELETE", "/api/users/{username}/tokens", Set.of(ADMIN), role -> null);
        final RiskDesk desk = api.gateway().riskDesk();
        desk.limits().set(new LimitRequest(LimitScope.FIRM, "*", null, LimitName.MAX_ADV_PCT,
            new BigDecimal("10"), 0, null, "matrix setup", "matrix-proposer"));
        toApprove = desk.limits().set(new LimitRequest(LimitScope.FIRM, "*", null, LimitName.MAX_ADV_PCT,
            new BigDecimal("20"), 1, null, "matrix setup", "matrix-proposer")).change().changeId();
        toReject = desk.limits().set(new LimitRequest(LimitScope.FIRM, "*", null, LimitName.MAX_ADV_PCT,
            new BigDecimal("30"), 1, null, "matrix setup", "matrix-proposer")).change().changeId();
        desk.lists().set(ListName.RESTRICTED, "*", "MSFT", true, "matrix setup", "matrix-proposer");
        desk.killSwitches().set(KillScope.SYMBOL, "AMZN", true, "matrix setup", "matrix-proposer");
        expect("GET", "/api/risk/limits", Set.of(RISK_OFFICER), role -> null);
        expect("PUT", "/api/risk/limits", Set.of(RISK_OFFICER), role -> "{\"scope\":\"FIRM\",\"name\":"
            + "\"MAX_ORDER_QTY\",\"value\":1000,\"expectedVersion\":0,\"reason\":\"matrix\"}");
        expect("GET", "/api/risk/limits/history", Set.of(RISK_OFFICER), role -> null);
        expect("GET", "/api/risk/approvals", Set.of(RISK_OFFICER), role -> null);
        expect("POST", "/api/risk/approvals/{id}/approve", Set.of(RISK_OFFICER), role -> REASON);
        expect("POST", "/api/risk/approvals/{id}/reject", Set.of(RISK_OFFICER), role -> REASON);
        expect("GET", "/api/risk/lists/{list}", Set.of(RISK_OFFICER), role -> null);
        expect("POST", "/api/risk/lists/{list}", Set.of(RISK_OFFICER),
            role -> "{\"symbol\":\"AAPL\",\"reason\":\"matrix\"}");
        expect("DELETE", "/api/risk/lists/{list}/{account}/{symbol}", Set.of(RISK_OFFICER), role -> REASON);
        expect("GET", "/api/risk/locates", Set.of(RISK_OFFICER), role -> null);
        expect("POST", "/api/risk/locates", Set.of(RISK_OFFICER), role -> "{\"account\":\"B1-CUST-001\","
            + "\"symbol\":\"AAPL\",\"quantity\":100,\"reason\":\"matrix\"}");
        expect("GET", "/api/risk/kill-switches", Set.of(RISK_OFFICER), role -> null);
        expect("POST", "/api/risk/kill-switches/engage", Set.of(RISK_OFFICER),
            role -> "{\"scope\":\"SYMBOL\",\"key\":\"NVDA\",\"reason\":\"matrix\"}");
        expect("POST", "/api/risk/kill-switches/release", Set.of(RISK_OFFICER),
            role -> "{\"scope\":\"SYMBOL\",\"key\":\"AMZN\",\"reason\":\"matrix\"}");
        expect("GET", "/api/risk/exposure", Set.of(RISK_OFFICER), role -> null);
        expect("GET", "/api/risk/rejects", Set.of(RISK_OFFICER), role -> null);
        expect("POST", "/api/engine/expire-day-orders", EnumSet.of(OPERATIONS, BACK_OFFICE),
            role -> "{\"reason\":\"matrix\"}");
        // Trade-history search over Elasticsearch (an audit index that may be empty: empty pages, 404 lineage).
        // The matrix's BROKER_VIEWER belongs to BROKER1: it searches that firm's accounts; the lineage is staff only.
        final Set<Role> searchers = EnumSet.of(OPERATIONS, COMPLIANCE, BROKER_VIEWER);
        for (final String search : List.of("/api/audit/orders", "/api/audit/orders/export", "/api/audit/executions",
            "/api/audit/executions/export", "/api/audit/aggregations")) {
            expect("GET", search, searchers, role -> null);
        }
        expect("GET", "/api/audit/lineage", EnumSet.of(OPERATIONS, COMPLIANCE), role -> null);
        // Report runs: a blue sheet of a symbol nobody trades (recorded NO_DATA), and a recorded run with one file.
        final ReportRuns runs = new ReportRuns(api.gateway().database().dsl(), InstantSource.system());
        reportRun = runs.start(ReportType.BLUESHEET, "{}", "matrix", temp);
        Files.writeString(temp.resolve("matrix.txt"), "matrix");
        runs.file(reportRun, temp.resolve("matrix.txt"));
        runs.finish(reportRun, RunStatus.SUCCEEDED, 0L, 0L, null);
        expect("POST", "/api/reports/runs", Set.of(COMPLIANCE), role -> "{\"type\":\"BLUESHEET\",\"symbol\":"
            + "\"ZZZZ\",\"from\":\"2026-10-15\",\"to\":\"2026-10-15\"}");
        expect("GET", "/api/reports/runs", Set.of(COMPLIANCE), role -> null);
        expect("GET", "/api/reports/runs/{id}", Set.of(COMPLIANCE), role -> null);
        expect("GET", "/api/reports/runs/{id}/files/{name}", Set.of(COMPLIANCE), role -> null);
        // Surveillance alerts: one seeded alert, assigned and decided by the one role allowed.
        final io.portcullis.reporting.surveillance.AlertStore alerts = new io.portcullis.reporting.surveillance
            .AlertStore(api.gateway().database().dsl(), java.time.InstantSource.system());
        alerts.save(java.time.LocalDate.of(2026, 9, 15), List.of(new io.portcullis.reporting.surveillance.Alert(
            io.portcullis.reporting.surveillance.AlertPattern.WASH_TRADE, "B1-CUST-001", "AAPL",
            java.time.Instant.parse("2026-09-15T15:00:00Z"), java.time.Instant.parse("2026-09-15T15:01:00Z"),
            BigDecimal.ONE, java.util.Map.of("washTrades", 1), java.util.Map.of("orderIds", List.of("1")))),
            "matrix setup");
        surveillanceAlert = alerts.list(null, null, null, "B1-CUST-001", 1).get(0).id();
        // The console: market data and one's own price alerts for every role; positions for the firm-wide roles.
        expect("GET", "/api/market", ANYONE, role -> null);
        expect("GET", "/api/market/{symbol}/bars", ANYONE, role -> null);
        expect("GET", "/api/market/{symbol}/trades", ANYONE, role -> null);
        expect("GET", "/api/positions", EnumSet.of(OPERATIONS, RISK_OFFICER, BACK_OFFICE, COMPLIANCE, BROKER_VIEWER),
            role -> null);
        expect("GET", "/api/alerts", ANYONE, role -> null);
        expect("POST", "/api/alerts", ANYONE, role -> "{\"symbol\":\"AAPL\",\"condition\":\"ABOVE\","
            + "\"price\":\"999\"}");
        final io.portcullis.app.console.PriceAlerts priceAlerts = new io.portcullis.app.console.PriceAlerts(
            api.gateway().database().dsl(), InstantSource.system());
        for (final Role role : Role.values()) {
            PRICE_ALERTS.put(role, priceAlerts.create(api.user(role), "MSFT", io.portcullis.app.console.PriceAlerts
                .Condition.BELOW, 10_000).id());
        }
        expect("DELETE", "/api/alerts/{id}", ANYONE, role -> null);
        expect("GET", "/api/surveillance/alerts", Set.of(COMPLIANCE), role -> null);
        expect("GET", "/api/surveillance/alerts/{id}", Set.of(COMPLIANCE), role -> null);
        expect("POST", "/api/surveillance/alerts/{id}/assign", Set.of(COMPLIANCE),
            role -> "{\"assignee\":\"reviewer\",\"reason\":\"matrix\"}");
        expect("POST", "/api/surveillance/alerts/{id}/decide", Set.of(COMPLIANCE),
            role -> "{\"decision\":\"ESCALATED\",\"comment\":\"matrix\"}");
    }

    @AfterAll
    static void stopGateway() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theMatrixCoversExactlyTheRegisteredRoutes() {
        assertThat(api.apiRoutes()).containsExactlyInAnyOrderElementsOf(
            MATRIX.stream().map(Expectation::route).toList());
    }

    @Test
    void everyRouteAnswersEveryRoleAsDeclaredAndEveryCallIsAudited() throws Exception {
        final SoftAssertions softly = new SoftAssertions();
        for (final Expectation expectation : MATRIX) {
            for (final Role role : Role.values()) {
                final int auditBefore = api.auditRows();
                final AdminGateway.Answer answer = api.call(expectation.method(), concrete(expectation.path(), role),
                    expectation.open() ? null : api.token(role), expectation.body().apply(role));
                final boolean allowed = expectation.open() || expectation.allowed().contains(role);
                if (allowed && expectation.path().equals("/api/audit/lineage")) {
                    softly.assertThat(answer.status()).as(role + " " + answer).isIn(200, 404);
                } else if (allowed) {
                    softly.assertThat(answer.status()).as(role + " " + answer).isBetween(200, 299);
                } else {
                    softly.assertThat(answer.status()).as(role + " " + answer).isEqualTo(403);
                    softly.assertThat(answer.json().get("detail").asText()).as(role + " " + answer)
                        .contains("requires role " + expectation.allowed().iterator().next().name());
                }
                softly.assertThat(api.auditRows()).as("audit rows after " + role + " " + answer)
                    .isEqualTo(auditBefore + 1);
                softly.assertThat(api.lastAudit().getHttpStatus()).as("audited status of " + answer)
                    .isEqualTo(answer.status());
            }
        }
        softly.assertAll();
    }

    @Test
    void everyProtectedRouteRefusesACallWithoutATokenAsUnauthorizedBearer() throws Exception {
        final SoftAssertions softly = new SoftAssertions();
        for (final Expectation expectation : MATRIX) {
            if (expectation.open()) {
                continue;
            }
            final int auditBefore = api.auditRows();
            final AdminGateway.Answer answer = api.call(expectation.method(),
                concrete(expectation.path(), OPERATIONS), null, expectation.body().apply(OPERATIONS));
            softly.assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            softly.assertThat(answer.header("WWW-Authenticate")).as(answer.toString()).startsWith("Bearer");
            softly.assertThat(answer.header("Content-Type")).as(answer.toString())
                .startsWith("application/problem+json");
            softly.assertThat(api.auditRows()).as("audited: " + answer).isEqualTo(auditBefore + 1);
        }
        softly.assertAll();
    }

    @Test
    void aGarbageAuthorizationHeaderIsUnauthorized() throws Exception {
        assertThat(api.call("GET", "/api/sessions", "not-a-token", null).status()).isEqualTo(401);
        assertThat(api.call("GET", "/api/sessions", "pct_" + "A".repeat(43), null).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsUnauthorized() throws Exception {
        final String token = api.tokens().issue(api.user(OPERATIONS), Duration.ofMillis(1)).token();
        Thread.sleep(20);

        final AdminGateway.Answer answer = api.call("GET", "/api/sessions", token, null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void aTokenRevokedByItsUserIsUnauthorizedAfterwards() throws Exception {
        final String token = api.token(OPERATIONS);
        assertThat(api.call("GET", "/api/sessions", token, null).status()).isEqualTo(200);

        assertThat(api.call("DELETE", "/api/auth/token", token, null).status()).isEqualTo(204);

        assertThat(api.call("GET", "/api/sessions", token, null).status()).isEqualTo(401);
    }

    @Test
    void tokensRevokedByAnAdministratorAreUnauthorizedAfterwards() throws Exception {
        final String token = api.token(COMPLIANCE);

        final AdminGateway.Answer revoked = api.call("DELETE", "/api/users/" + api.user(COMPLIANCE) + "/tokens",
            api.token(ADMIN), null);

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("tokensRevoked").asInt()).isPositive();
        assertThat(api.call("GET", "/api/audit", token, null).status()).isEqualTo(401);
    }

    @Test
    void aLoginWithTheRightPasswordReturnsABearerTokenThatWorks() throws Exception {
        final AdminGateway.Answer login = login(api.user(OPERATIONS), AdminGateway.PASSWORD);

        assertThat(login.status()).as(login.toString()).isEqualTo(201);
        assertThat(login.json().get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(login.json().get("roles").toString()).isEqualTo("[\"OPERATIONS\"]");
        assertThat(api.call("GET", "/api/sessions", login.json().get("token").asText(), null).status())
            .isEqualTo(200);
    }

    @Test
    void aLoginWithAWrongPasswordIsUnauthorizedAndAudited() throws Exception {
        final int auditBefore = api.auditRows();

        final AdminGateway.Answer login = login(api.user(COMPLIANCE), "wrong-password-123");

        assertThat(login.status()).isEqualTo(401);
        assertThat(login.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(login.response().body()).doesNotContain("wrong-password-123");
        assertThat(api.auditRows()).isEqualTo(auditBefore + 1);
        final var row = api.lastAudit();
        assertThat(row.getUsername()).isEqualTo(api.user(COMPLIANCE));
        assertThat(row.getHttpStatus()).isEqualTo(401);
        assertThat(row.getAction()).isEqualTo("LOGIN_FAILED");
        assertThat(row.getAfterState()).contains("BAD_CREDENTIALS").doesNotContain("wrong-password-123");
    }

    @Test
    void aLoginForAnUnknownUserIsTheSameUnauthorized() throws Exception {
        final AdminGateway.Answer unknown = login("nobody-here", "whatever-password");
        final AdminGateway.Answer wrong = login(api.user(Role.BACK_OFFICE), "whatever-password");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("detail")).isEqualTo(wrong.json().get("detail"));
    }

    @Test
    void malformedJsonIsABadRequestNamingTheBody() throws Exception {
        final AdminGateway.Answer answer = api.call("POST", "/api/auth/token", null, "{\"username\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("field").asText()).isEqualTo("body");
    }

    @Test
    void aMissingLoginFieldIsABadRequestNamingIt() throws Exception {
        final AdminGateway.Answer answer = api.call("POST", "/api/auth/token", null, "{\"username\":\"x\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asText()).isEqualTo("password");
    }

    @Test
    void anUnknownApiPathIsNotFoundAsProblemJson() throws Exception {
        final AdminGateway.Answer answer = api.call("GET", "/api/nowhere", api.token(ADMIN), null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void healthAndMetricsStayOpen() throws Exception {
        assertThat(api.call("GET", "/health/live", null, null).status()).isEqualTo(200);
        assertThat(api.call("GET", "/metrics", null, null).status()).isEqualTo(200);
    }

    private static AdminGateway.Answer login(final String username, final String password) throws Exception {
        return api.call("POST", "/api/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\""
            + password + "\"}");
    }

    /** The path with its parameters filled in for a call by {@code role}. */
    private static String concrete(final String path, final Role role) {
        if (path.equals("/api/alerts/{id}")) {
            return "/api/alerts/" + PRICE_ALERTS.get(role);
        }
        if (path.startsWith("/api/market/{symbol}")) {
            return path.replace("{symbol}", "AAPL");
        }
        if (path.startsWith("/api/surveillance/alerts/{id}")) {
            return path.replace("{id}", Long.toString(surveillanceAlert));
        }
        if (path.equals("/api/risk/limits/history")) {
            return path + "?scope=FIRM&name=MAX_ADV_PCT";
        }
        if (path.equals("/api/audit/lineage")) {
            return path + "?orderId=1";
        }
        return path.replace("/api/reports/runs/{id}", "/api/reports/runs/" + reportRun)
            .replace("{name}", "matrix.txt").replace("/api/sessions/{id}", SESSION).replace("/api/users/{username}", TARGET_USER)
            .replace("/api/risk/approvals/{id}/approve", "/api/risk/approvals/" + toApprove + "/approve")
            .replace("/api/risk/approvals/{id}/reject", "/api/risk/approvals/" + toReject + "/reject")
            .replace("/{list}/{account}/{symbol}", "/restricted/%2A/MSFT").replace("{list}", "restricted");
    }

    private static void open(final String method, final String path, final Function<Role, String> body) {
        MATRIX.add(new Expectation(method, path, ANYONE, body, true));
    }

    private static void expect(final String method, final String path, final Set<Role> allowed,
                               final Function<Role, String> body) {
        MATRIX.add(new Expectation(method, path, allowed, body, false));
    }
}
