package io.portcullis.fix.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted FIX conversation in the spirit of the QuickFIX acceptance {@code .def} files (our own scripts, our own
 * reader), one step per line:
 * <ul>
 *   <li>{@code # text}: a comment; blank lines are skipped;</li>
 *   <li>{@code iCONNECT}: open a TCP connection to the gateway;</li>
 *   <li>{@code I<message>}: send; {@code |} stands for SOH; see {@link FixWire} for what is filled in; a message
 *       that does not start with {@code 8=} is sent raw (garbage);</li>
 *   <li>{@code E<message>}: the next message must have this MsgType and every listed field (9, 10, 52, 60, 122 only
 *       present; 58 a prefix);</li>
 *   <li>{@code eDISCONNECT}: the gateway must close the connection.</li>
 * </ul>
 * A script whose comments include {@code # DEVIATION: why} states what the FIX spec requires where the gateway is
 * known to do otherwise: its failure is reported as a skipped test with that reason, and its passing fails the test
 * (so the marker is removed once the gateway is fixed).
 */
record ConformanceScript(String name, Path file, List<String> lines, List<Step> steps, String deviation) {
    /** A comment line that marks a script as a known deviation of the gateway from the FIX spec. */
    static final String DEVIATION = "# DEVIATION:";

    enum Kind { CONNECT, SEND, EXPECT, EXPECT_DISCONNECT }

    /** One step; {@code line} is 1-based in the file. */
    record Step(int line, Kind kind, String text) {
    }

    static ConformanceScript read(final Path file) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        final List<Step> steps = new ArrayList<>();
        String deviation = null;
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i).strip();
            final int number = i + 1;
            if (line.startsWith(DEVIATION)) {
                deviation = line.substring(DEVIATION.length()).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.equals("iCONNECT")) {
                steps.add(new Step(number, Kind.CONNECT, ""));
            } else if (line.equals("eDISCONNECT")) {
                steps.add(new Step(number, Kind.EXPECT_DISCONNECT, ""));
            } else if (line.startsWith("I")) {
                steps.add(new Step(number, Kind.SEND, line.substring(1)));
            } else if (line.startsWith("E")) {
                steps.add(new Step(number, Kind.EXPECT, line.substring(1)));
            } else {
                throw new IllegalArgumentException(file + ":" + number + ": not a step: " + line);
            }
        }
        final String fileName = file.getFileName().toString();
        return new ConformanceScript(fileName.substring(0, fileName.lastIndexOf('.')), file, List.copyOf(lines),
            List.copyOf(steps), deviation);
    }

    /** The whole script with line numbers and a marker on {@code failedLine}. */
    String listing(final int failedLine) {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            text.append(i + 1 == failedLine ? ">>" : "  ").append(String.format("%3d ", i + 1)).append(lines.get(i))
                .append('\n');
        }
        return text.toString();
    }
}
