package io.portcullis.fix.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections that never log on are closed: idle ones after the logon timeout, oversized ones at the byte cap. */
@Timeout(120)
class PreLogonGuardTest {
    private static SessionTestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = SessionTestGateway.start(PreLogonGuardTest.class, Map.of(
            "PortcullisLogonTimeoutSeconds", "2", "PortcullisMaxPreLogonBytes", "65536"));
        gateway.addSession("GOODBROKER", null, null);
        gateway.addCredential("good", "GOODBROKER", "good-broker-password");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheLogonTimeoutWhileALoggedOnSessionKeepsWorking()
        throws Exception {
        try (TestInitiator broker = new TestInitiator("GOODBROKER", gateway.port, "good", "good-broker-password")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.loggedOn);
            final Socket idle = new Socket("127.0.0.1", gateway.port);
            final long started = System.nanoTime();
            idle.setSoTimeout(8_000);
            assertThat(readUntilClosed(idle.getInputStream())).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1_000),
                Duration.ofMillis(5_000));
            idle.close();
            assertThat(broker.loggedOn).isTrue();
            assertStillWorks(broker);
        }
    }

    @Test
    void aHugeBodyLengthFollowedByGarbageIsCutOffAtTheCapWhileALoggedOnSessionKeepsWorking() throws Exception {
        try (TestInitiator broker = new TestInitiator("GOODBROKER", gateway.port, "good", "good-broker-password")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.loggedOn);
            final Socket attacker = new Socket("127.0.0.1", gateway.port);
            final long started = System.nanoTime();
            final OutputStream out = attacker.getOutputStream();
            out.write("8=FIX.4.4\u00019=2147483647\u0001".getBytes(StandardCharsets.US_ASCII));
            final byte[] garbage = new byte[16 * 1024];
            Arrays.fill(garbage, (byte) 'x');
            int sent = 0;
            boolean cut = false;
            try {
                for (int i = 0; i < 64; i++) {
                    out.write(garbage);
                    out.flush();
                    sent += garbage.length;
                    Thread.sleep(5);
                }
            } catch (final IOException closed) {
                cut = true;
            }
            attacker.setSoTimeout(8_000);
            cut |= readUntilClosed(attacker.getInputStream());
            assertThat(cut).as("connection closed after %d bytes", sent).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_900));
            attacker.close();
            assertThat(gateway.allLogText()).contains("bytes before logon, more than the 65536 allowed");
            assertThat(broker.loggedOn).isTrue();
            assertStillWorks(broker);
        }
    }

    private static void assertStillWorks(final TestInitiator broker) {
        final int before = gateway.events.messages.size();
        final quickfix.Message order = new quickfix.Message();
        order.getHeader().setString(35, "D");
        order.setString(11, "STILL-" + before);
        order.setChar(21, '1');
        order.setString(55, "MSFT");
        order.setChar(54, '1');
        order.setString(60, "20261125-14:30:00.000");
        order.setString(38, "10");
        order.setChar(40, '1');
        broker.send(order);
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.events.messages.size() > before);
    }

    /** True when the peer closed the connection (EOF or reset) before the socket timeout. */
    private static boolean readUntilClosed(final InputStream in) {
        final byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // discard
            }
            return true;
        } catch (final SocketTimeoutException ex) {
            return false;
        } catch (final IOException reset) {
            return true;
        }
    }
}
