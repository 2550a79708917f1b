package io.portcullis.fix.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The script runner itself, against a canned peer: what passes, what fails and how a failure reads. */
@Timeout(30)
class ScriptRunnerTest {
    private static final String LOGON = "I8=FIX.4.4|35=A|34=1|49=TW|52=<TIME>|56=PORTCULLIS|98=0|108=30|";
    private static final String ANSWER = FixWire.complete(FixWire.expand(
        "8=FIX.4.4|35=A|34=1|49=PORTCULLIS|52=<TIME>|56=TW|98=0|108=30|58=Welcome to the gateway|", Instant.now()));

    @TempDir
    Path temp;

    @Test
    void shouldFillInBodyLengthAndCheckSumLikeTheSpecExample() {
        assertThat(FixWire.readable(FixWire.complete("8=FIX.4.2\u000135=0\u000134=2\u000149=A\u000156=B\u0001")))
            .isEqualTo("8=FIX.4.2|9=20|35=0|34=2|49=A|56=B|10=" + FixWire.checksum(
                "8=FIX.4.2\u00019=20\u000135=0\u000134=2\u000149=A\u000156=B\u0001") + "|");
        assertThat(FixWire.complete("8=FIX.4.4|9=5|35=0|10=999|".replace('|', FixWire.SOH)))
            .as("a given 9= and 10= are sent as written").isEqualTo("8=FIX.4.4|9=5|35=0|10=999|"
                .replace('|', FixWire.SOH));
    }

    @Test
    void shouldReplaceTimePlaceholdersWithUtcTimestampsShiftedBySeconds() {
        final Instant now = Instant.parse("2026-11-25T14:00:00.123Z");

        assertThat(FixWire.expand("52=<TIME>|122=<TIME-60>|60=<TIME+2>", now))
            .isEqualTo("52=20261125-14:00:00.123\u0001122=20261125-13:59:00.123\u000160=20261125-14:00:02.123");
    }

    @Test
    void shouldPassWhenEveryListedFieldArrivesIgnoringTimesExtraFieldsAndTheRestOfTheText() throws Exception {
        final Path script = script(LOGON, "E8=FIX.4.4|35=A|34=1|49=PORTCULLIS|52=<TIME>|56=TW|58=Welcome|");

        try (Peer peer = new Peer(ANSWER, true)) {
            runner(peer).run(ConformanceScript.read(script));
        }
    }

    @Test
    void shouldFailAtTheLineWhoseFieldDiffersShowingExpectedAndArrived() throws Exception {
        final Path script = script(LOGON, "E8=FIX.4.4|35=A|34=1|49=PORTCULLIS|108=60|");

        try (Peer peer = new Peer(ANSWER, true)) {
            assertThatThrownBy(() -> runner(peer).run(ConformanceScript.read(script)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed at line 4")
                .hasMessageContaining("field 108 is '30', not '60'")
                .hasMessageContaining("arrived  8=FIX.4.4|9=")
                .hasMessageContaining(">>  4 E8=FIX.4.4|35=A|34=1|49=PORTCULLIS|108=60|");
        }
    }

    @Test
    void shouldFailWhenAListedFieldIsMissingOrTheMsgTypeDiffers() throws Exception {
        try (Peer peer = new Peer(ANSWER, true)) {
            assertThatThrownBy(() -> runner(peer).run(ConformanceScript.read(script(LOGON, "E8=FIX.4.4|35=A|141=Y|"))))
                .hasMessageContaining("field 141 is missing");
        }
        try (Peer peer = new Peer(ANSWER, true)) {
            assertThatThrownBy(() -> runner(peer).run(ConformanceScript.read(script(LOGON, "E8=FIX.4.4|35=5|"))))
                .hasMessageContaining("MsgType(35) is A, not 5");
        }
    }

    @Test
    void shouldFailWhenThePeersCheckSumIsWrong() throws Exception {
        final String corrupt = ANSWER.substring(0, ANSWER.length() - 4) + "999" + FixWire.SOH;

        try (Peer peer = new Peer(corrupt, true)) {
            assertThatThrownBy(() -> runner(peer).run(ConformanceScript.read(script(LOGON, "E8=FIX.4.4|35=A|"))))
                .hasMessageContaining("CheckSum(10)=999 is wrong");
        }
    }

    @Test
    void shouldExpectADisconnectAndFailWhenAMessageArrivesInstead() throws Exception {
        try (Peer peer = new Peer(null, true)) {
            runner(peer).run(ConformanceScript.read(script(LOGON, "eDISCONNECT")));
        }
        try (Peer peer = new Peer(ANSWER, false)) {
            assertThatThrownBy(() -> runner(peer).run(ConformanceScript.read(script(LOGON, "eDISCONNECT"))))
                .hasMessageContaining("expected the gateway to close the connection")
                .hasMessageContaining("but a message arrived: 8=FIX.4.4");
        }
    }

    @Test
    void shouldTimeOutAStepWhenNothingArrives() throws Exception {
        try (Peer peer = new Peer(null, false)) {
            assertThatThrownBy(() -> new ScriptRunner("127.0.0.1", peer.port(), Duration.ofMillis(300))
                .run(ConformanceScript.read(script(LOGON, "E8=FIX.4.4|35=A|"))))
                .hasMessageContaining("nothing arrived within");
        }
    }

    @Test
    void shouldReadTheDeviationMarker() throws Exception {
        final ConformanceScript script = ConformanceScript.read(script("# DEVIATION: the gateway does X", LOGON));

        assertThat(script.deviation()).isEqualTo("the gateway does X");
        assertThat(script.steps()).hasSize(2);
    }

    private static ScriptRunner runner(final Peer peer) {
        return new ScriptRunner("127.0.0.1", peer.port(), Duration.ofSeconds(5));
    }

    private Path script(final String... steps) throws IOException {
        final Path file = Files.createTempFile(temp, "self", ".script");
        final List<String> lines = new java.util.ArrayList<>(List.of("# a self-test", "iCONNECT"));
        lines.addAll(List.of(steps));
        Files.write(file, lines, StandardCharsets.US_ASCII);
        return file;
    }

    /** Accepts one connection, reads one message, answers {@code reply} (if any), then closes or stays. */
    private static final class Peer implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;

        Peer(final String reply, final boolean closeAfter) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> serve(reply, closeAfter), "script-runner-test-peer");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(final String reply, final boolean closeAfter) {
            try (Socket socket = server.accept()) {
                final InputStream in = socket.getInputStream();
                final StringBuilder seen = new StringBuilder();
                int b;
                while ((b = in.read()) >= 0) {
                    seen.append((char) b);
                    if (b == FixWire.SOH && seen.lastIndexOf(FixWire.SOH + "10=") >= 0
                        && seen.indexOf(String.valueOf(FixWire.SOH), seen.lastIndexOf(FixWire.SOH + "10=") + 1)
                        == seen.length() - 1) {
                        break;
                    }
                }
                if (reply != null) {
                    socket.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                }
                if (!closeAfter) {
                    Thread.sleep(10_000);
                }
            } catch (final IOException | InterruptedException ignored) {
                // the test is over
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            thread.interrupt();
        }
    }
}
