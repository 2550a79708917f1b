package io.portcullis.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.app.demo.DemoSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * FIX session administration over the admin API on a real gateway with a logged-on counterparty (the demo's DEMO1
 * over FIX 4.4): the list shows state and sequence numbers, session ids travel percent-encoded in URLs, logout
 * disconnects the counterparty, sequence numbers change with a mandatory reason, and each change is audited with the
 * state before and after.
 */
@Timeout(180)
class SessionAdministrationTest {
    private static final String LOGGED_ON = "FIX.4.4:PORTCULLIS->DEMO1";
    private static final String IDLE = "FIX.4.4:PORTCULLIS->BROKER1";

    @TempDir
    static Path temp;

    private static AdminGateway api;
    private static FixClient client;
    private static String operator;

    @BeforeAll
    static void startGatewayAndLogOn() throws Exception {
        api = AdminGateway.start(SessionAdministrationTest.class, temp);
        client = new FixClient(DemoSessions.TRADER_COMP_ID, DemoSessions.TRADER_PASSWORD, api.fixPort());
        await().atMost(Duration.ofSeconds(30)).until(client::loggedOn);
        operator = api.token(Role.OPERATIONS);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theListShowsTheLoggedOnSessionWithItsSequenceNumbers() throws Exception {
        final AdminGateway.Answer answer = api.call("GET", "/api/sessions", operator, null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        final JsonNode session = find(answer.json().get("sessions"), LOGGED_ON);
        assertThat(session.get("loggedOn").asBoolean()).isTrue();
        assertThat(session.get("enabled").asBoolean()).isTrue();
        assertThat(session.get("source").asText()).isEqualTo("DATABASE");
        assertThat(session.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(session.get("nextSenderSeqNum").asInt()).as("after our Logon").isGreaterThanOrEqualTo(2);
        assertThat(session.get("nextTargetSeqNum").asInt()).as("after their Logon").isGreaterThanOrEqualTo(2);
        assertThat(session.get("path").asText()).isEqualTo("/api/sessions/FIX.4.4%3APORTCULLIS-%3EDEMO1");
    }

    @Test
    void aSessionIsAddressedByItsPercentEncodedSessionId() throws Exception {
        final AdminGateway.Answer answer = api.call("GET", "/api/sessions/FIX.4.4%3APORTCULLIS-%3EBROKER1",
            operator, null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("sessionId").asText()).isEqualTo(IDLE);
        assertThat(answer.json().get("loggedOn").asBoolean()).isFalse();
    }

    @Test
    void anUnknownSessionIsNotFound() throws Exception {
        final AdminGateway.Answer answer = api.call("POST", path("FIX.4.4:PORTCULLIS->NOBODY") + "/reset-seqnums",
            operator, "{\"reason\":\"test\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("detail").asText()).contains("FIX.4.4:PORTCULLIS->NOBODY");
    }

    @Test
    void aLogoutDisconnectsTheCounterpartyAndIsAuditedWithBeforeAndAfter() throws Exception {
        final int logoutsBefore = client.logouts();

        final AdminGateway.Answer answer = api.call("POST", path(LOGGED_ON) + "/logout", operator,
            "{\"reason\":\"counterparty asked for a fresh start\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("loggedOut").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> client.logouts() > logoutsBefore);
        final var row = api.lastAudit();
        assertThat(row.getAction()).isEqualTo("SESSION_LOGOUT");
        assertThat(row.getTarget()).isEqualTo(LOGGED_ON);
        assertThat(row.getUsername()).isEqualTo(api.user(Role.OPERATIONS));
        assertThat(row.getRoles()).isEqualTo("OPERATIONS");
        assertThat(row.getReason()).isEqualTo("counterparty asked for a fresh start");
        assertThat(row.getBeforeState()).contains("\"loggedOn\":true");
        assertThat(row.getPath()).isEqualTo("/api/sessions/FIX.4.4%3APORTCULLIS-%3EDEMO1/logout");
        await("the counterparty logs on again").atMost(Duration.ofSeconds(20)).until(client::loggedOn);
    }

    @Test
    void aResetWithoutAReasonIsABadRequestNamingReason() throws Exception {
        final AdminGateway.Answer answer = api.call("POST", path(IDLE) + "/reset-seqnums", operator, "{}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("field").asText()).isEqualTo("reason");
    }

    @Test
    void aResetWithoutABodyIsABadRequestNamingTheBody() throws Exception {
        final AdminGateway.Answer answer = api.call("POST", path(IDLE) + "/reset-seqnums", operator, null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asText()).isEqualTo("body");
    }

    @Test
    void settingSequenceNumbersChangesThemAndAuditsTheReasonBeforeAndAfter() throws Exception {
        final AdminGateway.Answer answer = api.call("PUT", path(IDLE) + "/seqnums", operator,
            "{\"nextSenderSeqNum\":42,\"nextTargetSeqNum\":17,\"reason\":\"align with BROKER1 after their restore\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("nextSenderSeqNum").asInt()).isEqualTo(42);
        assertThat(answer.json().get("nextTargetSeqNum").asInt()).isEqualTo(17);
        final var row = api.lastAudit();
        assertThat(row.getAction()).isEqualTo("SESSION_SET_SEQNUMS");
        assertThat(row.getReason()).isEqualTo("align with BROKER1 after their restore");
        assertThat(row.getAfterState()).contains("\"nextSenderSeqNum\":42", "\"nextTargetSeqNum\":17");
        assertThat(row.getBeforeState()).doesNotContain("\"nextSenderSeqNum\":42");

        final AdminGateway.Answer reset = api.call("POST", path(IDLE) + "/reset-seqnums", operator,
            "{\"reason\":\"start of day\"}");

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.json().get("nextSenderSeqNum").asInt()).isEqualTo(1);
        assertThat(reset.json().get("nextTargetSeqNum").asInt()).isEqualTo(1);
    }

    @Test
    void aSequenceNumberBelowOneIsABadRequestNamingIt() throws Exception {
        final AdminGateway.Answer answer = api.call("PUT", path(IDLE) + "/seqnums", operator,
            "{\"nextTargetSeqNum\":0,\"reason\":\"typo\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asText()).isEqualTo("nextTargetSeqNum");
    }

    @Test
    void anUnknownMemberIsABadRequestNamingIt() throws Exception {
        final AdminGateway.Answer answer = api.call("POST", path(IDLE) + "/logout", operator,
            "{\"reason\":\"x\",\"reasn\":\"typo\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asText()).isEqualTo("reasn");
    }

    @Test
    void aDisabledSessionIsListedDisabledUntilEnabledAgain() throws Exception {
        final AdminGateway.Answer disabled = api.call("POST", path(IDLE) + "/disable", operator,
            "{\"reason\":\"firm suspended\"}");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();

        final AdminGateway.Answer enabled = api.call("POST", path(IDLE) + "/enable", operator,
            "{\"reason\":\"suspension lifted\"}");

        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
        assertThat(api.lastAudit().getAction()).isEqualTo("SESSION_ENABLE");
    }

    private static String path(final String sessionId) {
        return "/api/sessions/" + SessionRoutes.encode(sessionId);
    }

    private static JsonNode find(final JsonNode sessions, final String sessionId) {
        for (final JsonNode session : sessions) {
            if (sessionId.equals(session.get("sessionId").asText())) {
                return session;
            }
        }
        throw new AssertionError(sessionId + " is not listed: " + sessions);
    }
}
