package io.portcullis.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.reporting.surveillance.Alert;
import io.portcullis.reporting.surveillance.AlertPattern;
import io.portcullis.reporting.surveillance.AlertStore;
import io.portcullis.sql.schema.tables.records.AdminAuditRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compliance desk's review of surveillance alerts over HTTP on a real gateway: list with filters, one alert with
 * its evidence and history, assign, decide, each change in the history and in the admin audit with before and after;
 * bad input is 400 naming the field, a closed alert 409, another role 403.
 */
@Timeout(300)
class SurveillanceApiTest {
    private static final LocalDate DAY = LocalDate.of(2026, 9, 15);

    @TempDir
    static Path temp;

    private static AdminGateway api;
    private static AlertStore store;

    @BeforeAll
    static void startGateway() throws Exception {
        api = AdminGateway.start(SurveillanceApiTest.class, temp);
        store = new AlertStore(api.gateway().database().dsl(), InstantSource.system());
        store.save(DAY, List.of(alert(AlertPattern.LAYERING, "B1-CUST-001", "AAPL"),
            alert(AlertPattern.WASH_TRADE, "B1-CUST-002", "MSFT"),
            alert(AlertPattern.MARKING_THE_CLOSE, "B1-CUST-003", "NVDA")), "surveillance");
    }

    @AfterAll
    static void stopGateway() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theListFiltersByDayPatternAndAccount() throws Exception {
        final JsonNode all = get("/api/surveillance/alerts?date=" + DAY).json().get("alerts");
        final JsonNode wash = get("/api/surveillance/alerts?pattern=WASH_TRADE&account=B1-CUST-002").json()
            .get("alerts");
        final JsonNode otherDay = get("/api/surveillance/alerts?date=2026-09-16").json().get("alerts");

        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        assertThat(wash).hasSize(1);
        assertThat(wash.get(0).get("symbol").asText()).isEqualTo("MSFT");
        assertThat(otherDay).isEmpty();
    }

    @Test
    void oneAlertShowsItsEvidenceWithLineageLinksAndItsHistory() throws Exception {
        final long id = id(AlertPattern.LAYERING);

        final JsonNode alert = get("/api/surveillance/alerts/" + id).json();

        assertThat(alert.get("pattern").asText()).isEqualTo("LAYERING");
        assertThat(alert.get("values").get("orders").asLong()).isEqualTo(13);
        assertThat(alert.get("evidence").get("lineage").get(0).asText())
            .isEqualTo("/api/audit/lineage?orderId=42");
        assertThat(alert.get("history").get(0).get("action").asText()).isEqualTo("RAISED");
    }

    @Test
    void assignAndDecideAreRecordedInTheHistoryAndTheAdminAudit() throws Exception {
        final long id = id(AlertPattern.WASH_TRADE);

        final AdminGateway.Answer assigned = post("/api/surveillance/alerts/" + id + "/assign",
            "{\"assignee\":\"analyst-1\",\"reason\":\"first look\"}");
        final AdminAuditRecord assignAudit = api.lastAudit();
        final AdminGateway.Answer escalated = post("/api/surveillance/alerts/" + id + "/decide",
            "{\"decision\":\"ESCALATED\",\"comment\":\"same owner, twice\"}");
        final AdminGateway.Answer referred = post("/api/surveillance/alerts/" + id + "/decide",
            "{\"decision\":\"CLOSED_REFERRED\",\"comment\":\"referred to FINRA\"}");
        final AdminAuditRecord decideAudit = api.lastAudit();

        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("assignee").asText()).isEqualTo("analyst-1");
        assertThat(assignAudit.getAction()).isEqualTo("SURVEILLANCE_ALERT_ASSIGNED");
        assertThat(assignAudit.getReason()).isEqualTo("first look");
        assertThat(assignAudit.getBeforeState()).contains("\"assignee\":null");
        assertThat(assignAudit.getAfterState()).contains("\"assignee\":\"analyst-1\"");
        assertThat(escalated.json().get("status").asText()).isEqualTo("ESCALATED");
        assertThat(referred.status()).as(referred.toString()).isEqualTo(200);
        assertThat(referred.json().get("status").asText()).isEqualTo("CLOSED_REFERRED");
        assertThat(referred.json().get("decidedBy").asText()).isEqualTo(api.user(Role.COMPLIANCE));
        assertThat(decideAudit.getAction()).isEqualTo("SURVEILLANCE_ALERT_DECIDED");
        assertThat(decideAudit.getBeforeState()).contains("\"status\":\"ESCALATED\"");
        assertThat(decideAudit.getAfterState()).contains("\"status\":\"CLOSED_REFERRED\"");
        final JsonNode history = get("/api/surveillance/alerts/" + id).json().get("history");
        assertThat(history).hasSize(4);
        assertThat(history.get(1).get("action").asText()).isEqualTo("ASSIGNED");
        assertThat(history.get(2).get("toStatus").asText()).isEqualTo("ESCALATED");
        assertThat(history.get(3).get("comment").asText()).isEqualTo("referred to FINRA");
        assertThat(history.get(3).get("actor").asText()).isEqualTo(api.user(Role.COMPLIANCE));
    }

    @Test
    void aClosedAlertCannotBeDecidedOrAssignedAgain() throws Exception {
        final long id = id(AlertPattern.MARKING_THE_CLOSE);
        assertThat(post("/api/surveillance/alerts/" + id + "/decide",
            "{\"decision\":\"CLOSED_NO_ACTION\",\"comment\":\"index rebalance day\"}").status()).isEqualTo(200);

        assertThat(post("/api/surveillance/alerts/" + id + "/decide",
            "{\"decision\":\"CLOSED_REFERRED\",\"comment\":\"again\"}").status()).isEqualTo(409);
        assertThat(post("/api/surveillance/alerts/" + id + "/assign",
            "{\"assignee\":\"analyst-2\",\"reason\":\"again\"}").status()).isEqualTo(409);
    }

    @Test
    void badInputIsABadRequestNamingTheField() throws Exception {
        final long id = id(AlertPattern.LAYERING);

        assertField(post("/api/surveillance/alerts/" + id + "/decide", "{\"decision\":\"MAYBE\",\"comment\":\"x\"}"),
            "decision");
        assertField(post("/api/surveillance/alerts/" + id + "/decide", "{\"decision\":\"OPEN\",\"comment\":\"x\"}"),
            "decision");
        assertField(post("/api/surveillance/alerts/" + id + "/decide", "{\"decision\":\"ESCALATED\"}"), "comment");
        assertField(post("/api/surveillance/alerts/" + id + "/assign", "{\"reason\":\"x\"}"), "assignee");
        assertField(post("/api/surveillance/alerts/" + id + "/assign", "{\"assignee\":\"a\"}"), "reason");
        assertField(post("/api/surveillance/alerts/" + id + "/assign",
            "{\"assignee\":\"a\",\"reason\":\"x\",\"typo\":1}"), "typo");
        assertField(post("/api/surveillance/alerts/abc/assign", "{\"assignee\":\"a\",\"reason\":\"x\"}"), "id");
        assertField(get("/api/surveillance/alerts?status=SHUT"), "status");
        assertField(get("/api/surveillance/alerts?pattern=FRONT_RUNNING"), "pattern");
        assertField(get("/api/surveillance/alerts?date=15.09.2026"), "date");
        assertField(get("/api/surveillance/alerts?limit=0"), "limit");
        assertThat(get("/api/surveillance/alerts/999999").status()).isEqualTo(404);
        assertThat(get("/api/surveillance/alerts/" + id).json().get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void anotherRoleIsForbidden() throws Exception {
        final long id = id(AlertPattern.LAYERING);
        for (final Role role : List.of(Role.OPERATIONS, Role.RISK_OFFICER, Role.ADMIN)) {
            final AdminGateway.Answer answer = api.call("POST", "/api/surveillance/alerts/" + id + "/decide",
                api.token(role), "{\"decision\":\"CLOSED_NO_ACTION\",\"comment\":\"not mine\"}");

            assertThat(answer.status()).as(role + " " + answer).isEqualTo(403);
            assertThat(answer.json().get("detail").asText()).contains("requires role COMPLIANCE");
        }
        assertThat(get("/api/surveillance/alerts/" + id).json().get("status").asText()).isEqualTo("OPEN");
    }

    private static Alert alert(final AlertPattern pattern, final String account, final String symbol) {
        return new Alert(pattern, account, symbol, Instant.parse("2026-09-15T14:00:13Z"),
            Instant.parse("2026-09-15T14:00:19.500Z"), new BigDecimal("2.6"), Map.of("orders", 13, "fills", 1),
            Map.of("orderIds", List.of("42", "43"), "lineage",
                List.of(Alert.LINEAGE + "42", Alert.LINEAGE + "43")));
    }

    private static long id(final AlertPattern pattern) {
        return store.list(DAY, null, pattern, null, 1).get(0).id();
    }

    private static AdminGateway.Answer get(final String path) throws Exception {
        return api.call("GET", path, api.token(Role.COMPLIANCE), null);
    }

    private static AdminGateway.Answer post(final String path, final String body) throws Exception {
        return api.call("POST", path, api.token(Role.COMPLIANCE), body);
    }

    private static void assertField(final AdminGateway.Answer answer, final String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("field").asText()).as(answer.toString()).isEqualTo(field);
    }
}
