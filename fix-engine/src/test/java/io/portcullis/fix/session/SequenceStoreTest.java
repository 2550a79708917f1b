package io.portcullis.fix.session;

import static io.portcullis.sql.schema.Tables.QFJ_SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;
import quickfix.Session;

/** Sequence numbers and sent messages live in MySQL (MySqlMessageStore): they survive an acceptor restart. */
@Timeout(120)
class SequenceStoreTest {
    private static final String SESSION = "FIX.4.4:PORTCULLIS->SEQBROKER";
    private static SessionTestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = SessionTestGateway.start(SequenceStoreTest.class, Map.of());
        gateway.addSession("SEQBROKER", null, null);
        gateway.addCredential("seq", "SEQBROKER", "sequence-password");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void sequenceNumbersSurviveARestartAndAResendRequestIsServedFromTheStore() throws Exception {
        try (TestInitiator broker = new TestInitiator("SEQBROKER", gateway.port, "seq", "sequence-password", false)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.loggedOn);
            for (int i = 0; i < 3; i++) {
                assertThat(Session.lookupSession(gateway.sessionOf("SEQBROKER")).send(applicationMessage(i)))
                    .isTrue();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.received.size() == 3);
            final SessionStatus before = gateway.gateway.admin().status(SESSION);
            assertThat(before.nextSenderSeqNum()).isGreaterThanOrEqualTo(5);

            gateway.restartGateway();
            broker.loggedOn = false;
            await().atMost(Duration.ofSeconds(30)).until(() -> broker.loggedOn && broker.logons == 2);

            final SessionStatus after = gateway.gateway.admin().status(SESSION);
            assertThat(after.nextSenderSeqNum()).isGreaterThan(before.nextSenderSeqNum());
            assertThat(after.nextTargetSeqNum()).isGreaterThan(before.nextTargetSeqNum());
            assertThat(gateway.database.dsl().fetchCount(QFJ_SESSIONS)).isEqualTo(1);

            final Message resendRequest = new Message();
            resendRequest.getHeader().setString(35, "2");
            resendRequest.setInt(7, 1);
            resendRequest.setInt(16, 0);
            broker.send(resendRequest);
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.incomingRaw.stream()
                .filter(raw -> raw.contains("\u000135=j\u0001") && raw.contains("\u000143=Y\u0001")).count() == 3);
            assertThat(broker.incomingRaw).anyMatch(raw -> raw.contains("\u000135=4\u0001")
                && raw.contains("\u0001123=Y\u0001"));
        }
    }

    private static Message applicationMessage(final int i) {
        final Message message = new Message();
        message.getHeader().setString(35, "j");
        message.setInt(45, 1);
        message.setString(372, "D");
        message.setInt(380, 0);
        message.setString(58, "store test " + i);
        return message;
    }
}
