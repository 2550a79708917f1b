package io.portcullis.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.sql.schema.tables.records.AdminAuditRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The risk desk over HTTP on a real gateway: four eyes between two risk officers, self-approval refused as
 * problem+json, bad input answered 400 naming the field with nothing changed, version conflicts 409, other roles 403,
 * and every change audited with its reason and the state before and after.
 */
@Timeout(300)
class RiskDeskApiTest {
    @TempDir
    static Path temp;

    private static AdminGateway api;
    private static String alice;
    private static String bob;

    @BeforeAll
    static void startGateway() throws Exception {
        api = AdminGateway.start(RiskDeskApiTest.class, temp);
        api.accounts().create("alice", Set.of(Role.RISK_OFFICER), AdminGateway.PASSWORD.toCharArray(), "test");
        api.accounts().create("bob", Set.of(Role.RISK_OFFICER), AdminGateway.PASSWORD.toCharArray(), "test");
        alice = api.tokens().issue("alice", Duration.ofMinutes(10)).token();
        bob = api.tokens().issue("bob", Duration.ofMinutes(10)).token();
    }

    @AfterAll
    static void stopGateway() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void anIncreaseByOneOfficerAppliesOnlyWhenAnotherApprovesIt() throws Exception {
        final AdminGateway.Answer first = setLimit(alice, "GROSS_NOTIONAL", "1000000.50", 0);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("status").asText()).isEqualTo("APPLIED");
        assertThat(first.json().get("limit").get("value").decimalValue()).isEqualByComparingTo("1000000.5");
        assertThat(first.json().get("engineApplied").asBoolean()).isTrue();

        final AdminGateway.Answer increase = setLimit(alice, "GROSS_NOTIONAL", "2000000", 1);
        assertThat(increase.json().get("status").asText()).as(increase.toString()).isEqualTo("PENDING_APPROVAL");
        final long changeId = increase.json().get("change").get("changeId").asLong();
        assertThat(pendingIds()).contains(changeId);

        final AdminGateway.Answer self = api.call("POST", "/api/risk/approvals/" + changeId + "/approve", alice,
            "{\"reason\":\"mine\"}");
        assertThat(self.status()).as(self.toString()).isEqualTo(403);
        assertThat(self.header("Content-Type")).startsWith("application/problem+json");
        assertThat(self.json().get("type").asText()).isEqualTo("urn:portcullis:problem:four-eyes");
        assertThat(limitValue("GROSS_NOTIONAL")).isEqualByComparingTo("1000000.5");

        final AdminGateway.Answer approved = api.call("POST", "/api/risk/approvals/" + changeId + "/approve", bob,
            "{\"reason\":\"collateral posted\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("change").get("decidedBy").asText()).isEqualTo("bob");
        final AdminAuditRecord audit = api.lastAudit();
        assertThat(audit.getUsername()).isEqualTo("bob");
        assertThat(audit.getAction()).isEqualTo("RISK_LIMIT_APPROVED");
        assertThat(audit.getReason()).isEqualTo("collateral posted");
        assertThat(audit.getAfterState()).contains("\"status\":\"APPLIED\"").contains("2000000");
        assertThat(limitValue("GROSS_NOTIONAL")).isEqualByComparingTo("2000000");

        final AdminGateway.Answer history = api.call("GET",
            "/api/risk/limits/history?scope=FIRM&name=GROSS_NOTIONAL", bob, null);
        assertThat(history.json().get("versions").findValuesAsText("action")).containsExactly("APPLIED", "APPROVED");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() throws Exception {
        final int limitsBefore = api.call("GET", "/api/risk/limits", alice, null).json().get("limits").size();

        assertProblem(setLimit(alice, "MAX_ORDER_QTY", "-5", 0), 400, "value");
        assertProblem(setLimit(alice, "MAX_ORDER_QTY", "100000000000", 0), 400, "value");
        assertProblem(api.call("PUT", "/api/risk/limits", alice, "{\"scope\":\"ACCOUNT\",\"key\":\"NOPE\","
            + "\"name\":\"MAX_ORDER_QTY\",\"value\":5,\"expectedVersion\":0,\"reason\":\"x\"}"), 400, "key");
        assertProblem(api.call("PUT", "/api/risk/limits", alice, "{\"scope\":\"SYMBOL\",\"key\":\"B1-CUST-001\","
            + "\"symbol\":\"ZZZZ\",\"name\":\"MAX_ORDER_QTY\",\"value\":5,\"expectedVersion\":0,\"reason\":\"x\"}"),
            400, "symbol");
        assertProblem(api.call("PUT", "/api/risk/limits", alice, "{\"scope\":\"GALAXY\",\"name\":\"MAX_ORDER_QTY\","
            + "\"value\":5,\"expectedVersion\":0,\"reason\":\"x\"}"), 400, "scope");
        assertProblem(api.call("PUT", "/api/risk/limits", alice, "{\"scope\":\"FIRM\",\"name\":\"MAX_ORDER_QTY\","
            + "\"value\":5,\"expectedVersion\":0}"), 400, "reason");
        assertProblem(api.call("PUT", "/api/risk/limits", alice, "{\"scope\":\"FIRM\",\"name\":\"MAX_ORDER_QTY\","
            + "\"value\":5,\"expectedVersion\":0,\"reason\":\"x\",\"approver\":\"me\"}"), 400, "approver");
        assertProblem(api.call("POST", "/api/risk/locates", alice, "{\"account\":\"B1-CUST-001\",\"symbol\":\"AAPL\","
            + "\"quantity\":0,\"reason\":\"x\"}"), 400, "quantity");
        assertProblem(api.call("POST", "/api/risk/kill-switches/engage", alice, "{\"scope\":\"ACCOUNT\","
            + "\"key\":\"NOPE\",\"reason\":\"x\"}"), 400, "key");

        assertThat(api.lastAudit().getHttpStatus()).isEqualTo(400);
        assertThat(api.lastAudit().getDetail()).contains("unknown account 'NOPE'");
        assertThat(api.call("GET", "/api/risk/limits", alice, null).json().get("limits").size())
            .isEqualTo(limitsBefore);
    }

    @Test
    void aStaleVersionIsAConflict() throws Exception {
        assertThat(setLimit(alice, "MAX_SHORT_POSITION", "5000", 0).status()).isEqualTo(200);

        assertProblem(setLimit(bob, "MAX_SHORT_POSITION", "4000", 0), 409, null);
    }

    @Test
    void otherRolesGetNothingHere() throws Exception {
        for (final Role role : Set.of(Role.BROKER_VIEWER, Role.OPERATIONS, Role.ADMIN)) {
            final AdminGateway.Answer answer = api.call("GET", "/api/risk/limits", api.token(role), null);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.json().get("detail").asText()).contains("requires role RISK_OFFICER");
        }
        assertThat(api.call("GET", "/api/risk/exposure", null, null).status()).isEqualTo(401);
    }

    @Test
    void listsLocatesAndKillSwitchesWorkAndAreAudited() throws Exception {
        final AdminGateway.Answer added = api.call("POST", "/api/risk/lists/hard-to-borrow", alice,
            "{\"symbol\":\"NVDA\",\"account\":\"B2-CUST-001\",\"reason\":\"lender recall\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(api.lastAudit().getAction()).isEqualTo("RISK_LIST_ADDED");
        assertThat(api.call("GET", "/api/risk/lists/hard-to-borrow?account=B2-CUST-001", alice, null).json()
            .get("entries").findValuesAsText("symbol")).containsExactly("NVDA");
        final AdminGateway.Answer removed = api.call("DELETE", "/api/risk/lists/hard-to-borrow/B2-CUST-001/NVDA",
            bob, "{\"reason\":\"returned\"}");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("present").asBoolean()).isFalse();

        final AdminGateway.Answer locate = api.call("POST", "/api/risk/locates", alice, "{\"locateId\":\"LEND-7\","
            + "\"account\":\"B1-CUST-001\",\"symbol\":\"AAPL\",\"quantity\":1500,\"reason\":\"lender conf 7\"}");
        assertThat(locate.status()).as(locate.toString()).isEqualTo(201);
        assertThat(api.call("GET", "/api/risk/locates?account=B1-CUST-001", alice, null).json().get("locates")
            .findValuesAsText("locateId")).contains("LEND-7");

        final AdminGateway.Answer engaged = api.call("POST", "/api/risk/kill-switches/engage", alice,
            "{\"scope\":\"BROKER_FIRM\",\"key\":\"BROKER2\",\"reason\":\"connectivity incident\"}");
        assertThat(engaged.status()).as(engaged.toString()).isEqualTo(200);
        assertThat(engaged.json().get("engaged").asBoolean()).isTrue();
        final AdminAuditRecord audit = api.lastAudit();
        assertThat(audit.getAction()).isEqualTo("RISK_KILL_SWITCH_ENGAGED");
        assertThat(audit.getReason()).isEqualTo("connectivity incident");
        assertThat(audit.getBeforeState()).contains("\"engaged\":false");
        assertProblem(api.call("POST", "/api/risk/kill-switches/engage", bob,
            "{\"scope\":\"BROKER_FIRM\",\"key\":\"BROKER2\",\"reason\":\"again\"}"), 409, null);
        assertThat(api.call("POST", "/api/risk/kill-switches/release", bob,
            "{\"scope\":\"BROKER_FIRM\",\"key\":\"BROKER2\",\"reason\":\"resolved\"}").status()).isEqualTo(200);
        assertThat(api.gateway().riskDesk().sync().problem()).isNull();
    }

    @Test
    void exposureShowsUtilisationOfTheCreditLimitInForce() throws Exception {
        assertThat(api.call("PUT", "/api/risk/limits", alice, "{\"scope\":\"ACCOUNT\",\"key\":\"B2-CUST-002\","
            + "\"name\":\"NET_NOTIONAL\",\"value\":40000,\"expectedVersion\":0,\"reason\":\"new client\"}").status())
            .isEqualTo(200);

        final JsonNode accounts = api.call("GET", "/api/risk/exposure?account=B2-CUST-002", alice, null).json()
            .get("accounts");

        assertThat(accounts).hasSize(1);
        assertThat(accounts.get(0).get("netLimit").decimalValue()).isEqualByComparingTo("40000");
        assertThat(accounts.get(0).get("netUtilisationPct").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.call("GET", "/api/risk/rejects?limit=5", alice, null).status()).isEqualTo(200);
        assertProblem(api.call("GET", "/api/risk/exposure?account=NOPE", alice, null), 400, "account");
    }

    private static AdminGateway.Answer setLimit(final String token, final String name, final String value,
                                                final long version) throws Exception {
        return api.call("PUT", "/api/risk/limits", token, "{\"scope\":\"FIRM\",\"name\":\"" + name + "\",\"value\":"
            + value + ",\"expectedVersion\":" + version + ",\"reason\":\"test " + name + "\"}");
    }

    private static java.math.BigDecimal limitValue(final String name) throws Exception {
        return api.call("GET", "/api/risk/limits?scope=FIRM&name=" + name, alice, null).json().get("limits").get(0)
            .get("value").decimalValue();
    }

    private static java.util.List<Long> pendingIds() throws Exception {
        final java.util.List<Long> ids = new java.util.ArrayList<>();
        api.call("GET", "/api/risk/approvals", bob, null).json().get("changes")
            .forEach(change -> ids.add(change.get("changeId").asLong()));
        return ids;
    }

    private static void assertProblem(final AdminGateway.Answer answer, final int status, final String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(answer.json().get("field").asText()).as(answer.toString()).isEqualTo(field);
        }
    }
}
