package io.portcullis.fix.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;

/** Application messages above a session's rate get a BusinessMessageReject and never reach the order layer. */
@Timeout(120)
class MessageThrottleTest {
    private static SessionTestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = SessionTestGateway.start(MessageThrottleTest.class, Map.of());
        gateway.addSession("FASTBROKER", null, 5);
        gateway.addCredential("fast", "FASTBROKER", "fast-broker-password");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aBurstAboveTheLimitGetsBusinessRejectsForTheExcessAndTheRestPass() throws Exception {
        try (TestInitiator broker = new TestInitiator("FASTBROKER", gateway.port, "fast", "fast-broker-password")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.loggedOn);
            for (int i = 0; i < 20; i++) {
                broker.send(order("ORD-" + i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() ->
                gateway.events.messages.size() + rejects(broker).size() == 20);

            final List<Message> rejects = rejects(broker);
            assertThat(gateway.events.messages.size()).isBetween(5, 8);
            assertThat(rejects).hasSizeGreaterThanOrEqualTo(12);
            for (final Message reject : rejects) {
                assertThat(reject.getInt(380)).isZero();
                assertThat(reject.getString(372)).isEqualTo("D");
                assertThat(reject.getString(379)).startsWith("ORD-");
                assertThat(reject.getString(58)).contains("5 messages per second");
            }
        }
    }

    private static List<Message> rejects(final TestInitiator broker) {
        return broker.received.stream().filter(m -> "j".equals(m.getHeader().getOptionalString(35).orElse("")))
            .toList();
    }

    private static Message order(final String clOrdId) {
        final Message order = new Message();
        order.getHeader().setString(35, "D");
        order.setString(11, clOrdId);
        order.setChar(21, '1');
        order.setString(55, "AAPL");
        order.setChar(54, '1');
        order.setString(60, "20261125-14:30:00.000");
        order.setString(38, "100");
        order.setChar(40, '2');
        order.setString(44, "190.25");
        return order;
    }
}
