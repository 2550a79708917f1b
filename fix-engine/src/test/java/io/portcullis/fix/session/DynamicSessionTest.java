package io.portcullis.fix.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A counterparty inserted into fix_session while the acceptor runs logs on without a restart. */
@Timeout(120)
class DynamicSessionTest {
    private static SessionTestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = SessionTestGateway.start(DynamicSessionTest.class, Map.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aSessionInsertedAtRunTimeLogsOnWithoutARestart() throws Exception {
        try (TestInitiator broker = new TestInitiator("LATECOMER", gateway.port, "late", "late-comer-password")) {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> !broker.loggedOn);

            gateway.addSession("LATECOMER", "127.0.0.1", 50);
            gateway.addCredential("late", "LATECOMER", "late-comer-password");

            await().atMost(Duration.ofSeconds(20)).until(() -> broker.loggedOn);
            final SessionStatus status = gateway.gateway.admin().status("FIX.4.4:PORTCULLIS->LATECOMER");
            assertThat(status.loggedOn()).isTrue();
            assertThat(status.source()).isEqualTo("DATABASE");
            assertThat(status.remoteAddress()).isEqualTo("127.0.0.1");
            assertThat(gateway.events.logons).anyMatch(p -> p.sessionId().endsWith("LATECOMER")
                && p.maxMessagesPerSecond() == 50);
        }
    }
}
