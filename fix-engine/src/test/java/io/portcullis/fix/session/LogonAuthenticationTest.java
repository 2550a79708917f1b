package io.portcullis.fix.session;

import static io.portcullis.fix.session.SessionAudit.LogonRefusal.ADDRESS_NOT_ALLOWED;
import static io.portcullis.fix.session.SessionAudit.LogonRefusal.BAD_PASSWORD;
import static io.portcullis.fix.session.SessionAudit.LogonRefusal.LOCKED_OUT;
import static io.portcullis.fix.session.SessionAudit.LogonRefusal.UNKNOWN_USER;
import static io.portcullis.fix.session.SessionAudit.LogonRefusal.WRONG_COMP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.portcullis.fix.session.SessionAudit.LogonRefusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Logon with Username(553)/Password(554) against fix_credential, over real QuickFIX/J sessions on loopback. */
@Timeout(180)
class LogonAuthenticationTest {
    private static final String RIGHT = "correct-horse-battery-1";
    private static SessionTestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = SessionTestGateway.start(LogonAuthenticationTest.class, Map.of("PortcullisLockoutFailures", "3"));
        gateway.addSession("BROKER1", null, null);
        gateway.addSession("BROKER2", null, null);
        gateway.addSession("BROKER3", "10.9.9.9, 192.168.0.0/16", null);
        gateway.addSession("BROKER4", null, null);
        gateway.addSession("BROKER5", null, null);
        gateway.addCredential("broker1", "BROKER1", RIGHT);
        gateway.addCredential("broker2", "BROKER2", "broker-two-password");
        gateway.addCredential("broker3", "BROKER3", "broker-three-password");
        gateway.addCredential("broker4", "BROKER4", "broker-four-password");
        gateway.addCredential("broker5", "BROKER5", "broker-five-password");
        gateway.gateway.refreshFromDatabase();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theRightCredentialsLogOnAndTheOrderLayerIsToldWithTheProfile() throws Exception {
        try (TestInitiator broker = new TestInitiator("BROKER1", gateway.port, "broker1", RIGHT)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.loggedOn);
            await().atMost(Duration.ofSeconds(5)).until(() -> gateway.events.logons.stream()
                .anyMatch(p -> p.sessionId().endsWith("BROKER1")));
            final SessionProfile profile = gateway.events.logons.stream()
                .filter(p -> p.sessionId().endsWith("BROKER1")).findFirst().orElseThrow();
            assertThat(profile.sessionId()).isEqualTo("FIX.4.4:PORTCULLIS->BROKER1");
            assertThat(profile.firmId()).isEqualTo("BRK1");
            assertThat(profile.role()).isEqualTo(SessionProfile.Role.ORDER_ENTRY);
            assertThat(profile.cancelOnDisconnect()).isTrue();
            assertThat(gateway.audit.accepted).anyMatch(line -> line.contains("BROKER1 broker1 127.0.0.1"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.events.logouts.stream()
            .anyMatch(p -> p.sessionId().endsWith("BROKER1")));
        assertThat(gateway.allLogText()).contains("554=" + MaskingLogFactory.MASK).doesNotContain(RIGHT);
    }

    @Test
    void aWrongPasswordIsRefusedWithALogoutAndAudited() throws Exception {
        assertRefused("BROKER2", "broker2", "not-the-password", BAD_PASSWORD);
        assertThat(gateway.allLogText()).doesNotContain("not-the-password").doesNotContain("broker-two-password");
    }

    @Test
    void anUnknownUserIsRefused() throws Exception {
        assertRefused("BROKER2", "nobody", "whatever-password", UNKNOWN_USER);
        assertThat(gateway.allLogText()).doesNotContain("whatever-password");
    }

    @Test
    void aCredentialBoundToAnotherCompIdIsRefused() throws Exception {
        assertRefused("BROKER1", "broker2", "broker-two-password", WRONG_COMP_ID);
        assertThat(gateway.allLogText()).doesNotContain("broker-two-password");
    }

    @Test
    void aSourceAddressOffTheAllowlistIsRefused() throws Exception {
        assertRefused("BROKER3", "broker3", "broker-three-password", ADDRESS_NOT_ALLOWED);
    }

    @Test
    void threeFailuresLockTheCredentialEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertRefused("BROKER4", "broker4", "wrong-" + i, BAD_PASSWORD);
        }
        assertRefused("BROKER4", "broker4", "broker-four-password", LOCKED_OUT);
        assertThat(gateway.gateway.credentials().unlock("broker4", "test")).isTrue();
        try (TestInitiator broker = new TestInitiator("BROKER4", gateway.port, "broker4", "broker-four-password")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.loggedOn);
        }
    }

    @Test
    void aSessionDisabledByAnOperatorRefusesLogonsUntilEnabled() throws Exception {
        final String id = "FIX.4.4:PORTCULLIS->BROKER5";
        gateway.gateway.admin().disable(id, "client asked", "ops1");
        try (TestInitiator broker = new TestInitiator("BROKER5", gateway.port, "broker5", "broker-five-password")) {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !broker.loggedOn);
            gateway.gateway.admin().enable(id, "client ready", "ops1");
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.loggedOn);
            assertThat(gateway.gateway.admin().status(id).loggedOn()).isTrue();
        }
        assertThat(gateway.audit.actions).anyMatch(a -> a.contains("DISABLE") && a.contains("ops1"));
    }

    private static void assertRefused(final String compId, final String username, final String password,
                                      final LogonRefusal reason) throws Exception {
        final int before = (int) gateway.audit.refusals.stream().filter(r -> r.reason() == reason).count();
        try (TestInitiator broker = new TestInitiator(compId, gateway.port, username, password)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !broker.logoutTexts.isEmpty());
            assertThat(broker.logoutTexts.getFirst()).isEqualTo(LogonAuthenticator.REFUSED_TEXT);
            assertThat(broker.loggedOn).isFalse();
        }
        await().atMost(Duration.ofSeconds(5)).until(() ->
            gateway.audit.refusals.stream().filter(r -> r.reason() == reason).count() > before);
        final SessionTestGateway.RecordingAudit.Refusal refusal = gateway.audit.refusals.stream()
            .filter(r -> r.reason() == reason).toList().getLast();
        assertThat(refusal.sessionId()).isEqualTo(gateway.sessionOf(compId));
        assertThat(refusal.username()).isEqualTo(username);
        assertThat(refusal.address()).isEqualTo("127.0.0.1");
    }
}
