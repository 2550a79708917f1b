package io.portcullis.fix.conformance;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.portcullis.fix.conformance.ConformanceScript.Step;
import io.portcullis.fix.conformance.FixWire.Field;

/**
 * Plays one {@link ConformanceScript} against a FIX acceptor over a real TCP socket, step by step, each step with its
 * own timeout. A failure is an {@link AssertionError} that shows the script with the failing line marked, what was
 * expected, what arrived and the conversation so far.
 *
 * <p>Not thread-safe; one runner per script.
 */
final class ScriptRunner {
    /** Fields whose value changes from run to run: compared for presence only. */
    private static final Set<Integer> PRESENCE_ONLY = Set.of(9, 10, 52, 60, 122);
    private static final int TEXT = 58;
    private static final int MAX_MESSAGE_BYTES = 1 << 20;

    private final String host;
    private final int port;
    private final Duration stepTimeout;
    private final List<String> transcript = new ArrayList<>();
    private Socket socket;
    private InputStream in;

    ScriptRunner(final String host, final int port, final Duration stepTimeout) {
        this.host = host;
        this.port = port;
        this.stepTimeout = stepTimeout;
    }

    /** Runs every step; the connection is closed at the end whatever happens. */
    void run(final ConformanceScript script) {
        try {
            for (final Step step : script.steps()) {
                try {
                    play(step);
                } catch (final StepFailure failure) {
                    throw new AssertionError(report(script, step, failure.getMessage()), failure.getCause());
                } catch (final IOException ex) {
                    throw new AssertionError(report(script, step, "I/O error: " + ex), ex);
                }
            }
        } finally {
            close();
        }
    }

    private void play(final Step step) throws IOException, StepFailure {
        switch (step.kind()) {
            case CONNECT -> connect();
            case SEND -> send(step.text());
            case EXPECT -> expect(step.text());
            case EXPECT_DISCONNECT -> expectDisconnect();
            default -> throw new IllegalStateException(step.kind().toString());
        }
    }

    private void connect() throws IOException {
        close();
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), (int) stepTimeout.toMillis());
        in = new BufferedInputStream(socket.getInputStream());
        transcript.add("-- connected to " + host + ":" + port + " from local port " + socket.getLocalPort());
    }

    private void send(final String scriptText) throws IOException, StepFailure {
        requireConnected();
        String wire = FixWire.expand(scriptText, Instant.now());
        if (wire.startsWith("8=")) {
            wire = FixWire.complete(wire);
        }
        final OutputStream out = socket.getOutputStream();
        out.write(wire.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        transcript.add("> " + FixWire.readable(wire));
    }

    private void expect(final String scriptText) throws IOException, StepFailure {
        requireConnected();
        final String expectedText = FixWire.expand(scriptText, Instant.now());
        final List<Field> expected = FixWire.fields(expectedText);
        final String arrived = readMessage(expectedText);
        if (arrived == null) {
            throw new StepFailure("expected " + FixWire.readable(expectedText) + "\n  but the gateway closed the "
                + "connection");
        }
        final List<Field> received;
        try {
            received = FixWire.fields(arrived);
        } catch (final IllegalArgumentException ex) {
            throw new StepFailure("expected " + FixWire.readable(expectedText) + "\n  but an unparsable message "
                + "arrived: " + FixWire.readable(arrived));
        }
        final String problem = compare(expected, received, arrived);
        if (problem != null) {
            throw new StepFailure("expected " + FixWire.readable(expectedText) + "\n  arrived  "
                + FixWire.readable(arrived) + "\n  problem  " + problem);
        }
    }

    private void expectDisconnect() throws IOException, StepFailure {
        requireConnected();
        final String arrived = readMessage("DISCONNECT");
        if (arrived != null) {
            throw new StepFailure("expected the gateway to close the connection\n  but a message arrived: "
                + FixWire.readable(arrived));
        }
        close();
    }

    /** The problem, or null when {@code received} has every expected field. */
    private static String compare(final List<Field> expected, final List<Field> received, final String arrived) {
        final String expectedType = valueOf(expected, 35, 0);
        final String receivedType = valueOf(received, 35, 0);
        if (expectedType != null && !expectedType.equals(receivedType)) {
            return "MsgType(35) is " + receivedType + ", not " + expectedType;
        }
        final String integrity = checkFraming(received, arrived);
        if (integrity != null) {
            return integrity;
        }
        final java.util.Map<Integer, Integer> seen = new java.util.HashMap<>();
        for (final Field field : expected) {
            final int occurrence = seen.merge(field.tag(), 1, Integer::sum) - 1;
            final String value = valueOf(received, field.tag(), occurrence);
            final String which = occurrence == 0 ? "" : " (occurrence " + (occurrence + 1) + ")";
            if (value == null) {
                return "field " + field.tag() + which + " is missing";
            }
            if (PRESENCE_ONLY.contains(field.tag())) {
                continue;
            }
            if (field.tag() == TEXT ? !value.startsWith(field.value()) : !value.equals(field.value())) {
                return "field " + field.tag() + which + " is '" + value + "', not '" + field.value() + "'"
                    + (field.tag() == TEXT ? " (prefix)" : "");
            }
        }
        return null;
    }

    /** The gateway's own BodyLength and CheckSum must be right. */
    private static String checkFraming(final List<Field> received, final String arrived) {
        final int bodyStart = arrived.indexOf(FixWire.SOH, arrived.indexOf("9=")) + 1;
        final int trailer = arrived.lastIndexOf(FixWire.SOH + "10=") + 1;
        final String length = valueOf(received, 9, 0);
        if (length == null || trailer <= 0
            || Integer.parseInt(length) != arrived.substring(bodyStart, trailer).length()) {
            return "the gateway's BodyLength(9)=" + length + " is wrong";
        }
        final String checksum = valueOf(received, 10, 0);
        if (!FixWire.checksum(arrived.substring(0, trailer)).equals(checksum)) {
            return "the gateway's CheckSum(10)=" + checksum + " is wrong";
        }
        return null;
    }

    private static String valueOf(final List<Field> fields, final int tag, final int occurrence) {
        int n = 0;
        for (final Field field : fields) {
            if (field.tag() == tag && n++ == occurrence) {
                return field.value();
            }
        }
        return null;
    }

    /**
     * The next whole message (up to and including the SOH after CheckSum), or null when the peer closed the
     * connection first.
     *
     * @throws StepFailure when nothing complete arrives within the step timeout
     */
    private String readMessage(final String waitingFor) throws IOException, StepFailure {
        final long deadline = System.nanoTime() + stepTimeout.toNanos();
        final ByteArrayOutputStream message = new ByteArrayOutputStream();
        final ByteArrayOutputStream field = new ByteArrayOutputStream();
        while (true) {
            final long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (deadline - System.nanoTime() <= 0) {
                throw timeout(waitingFor, message);
            }
            socket.setSoTimeout((int) left);
            final int b;
            try {
                b = in.read();
            } catch (final SocketTimeoutException ex) {
                throw timeout(waitingFor, message);
            } catch (final SocketException ex) {
                transcript.add("-- connection reset by the gateway (" + ex.getMessage() + ")");
                return partial(message);
            }
            if (b < 0) {
                transcript.add("-- the gateway closed the connection");
                return partial(message);
            }
            message.write(b);
            if (message.size() > MAX_MESSAGE_BYTES) {
                throw new StepFailure("more than " + MAX_MESSAGE_BYTES + " bytes without a CheckSum(10)");
            }
            if (b != FixWire.SOH) {
                field.write(b);
                continue;
            }
            final String completed = field.toString(StandardCharsets.ISO_8859_1);
            field.reset();
            if (completed.startsWith("10=")) {
                final String text = message.toString(StandardCharsets.ISO_8859_1);
                transcript.add("< " + FixWire.readable(text));
                return text;
            }
        }
    }

    private String partial(final ByteArrayOutputStream message) throws StepFailure {
        if (message.size() > 0) {
            throw new StepFailure("the gateway closed the connection in the middle of a message: "
                + FixWire.readable(message.toString(StandardCharsets.ISO_8859_1)));
        }
        return null;
    }

    private StepFailure timeout(final String waitingFor, final ByteArrayOutputStream partial) {
        return new StepFailure("expected " + FixWire.readable(waitingFor) + "\n  but nothing arrived within "
            + stepTimeout.toSeconds() + " s" + (partial.size() == 0 ? ""
            : " (partial: " + FixWire.readable(partial.toString(StandardCharsets.ISO_8859_1)) + ")"));
    }

    private void requireConnected() throws StepFailure {
        if (socket == null || socket.isClosed()) {
            throw new StepFailure("not connected (missing iCONNECT, or the connection was closed)");
        }
    }

    private String report(final ConformanceScript script, final Step step, final String problem) {
        return "script " + script.name() + " (" + script.file() + ") failed at line " + step.line() + ":\n  "
            + problem + "\n\nscript:\n" + script.listing(step.line()) + "\nconversation:\n"
            + String.join("\n", transcript) + "\n";
    }

    private void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (final IOException ignored) {
                // closing a test socket
            }
            socket = null;
            in = null;
        }
    }

    /** A step did not go as the script says. */
    private static final class StepFailure extends Exception {
        private static final long serialVersionUID = 1L;

        StepFailure(final String message) {
            super(message, null, false, false);
        }
    }
}
