package io.portcullis.backoffice.batch;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code ReportMain} in a child JVM that says "committed file N" on standard output after each CAT checkpoint
 * commits and then pauses 400 ms, so that a test can kill it (SIGKILL) between files with N files committed.
 */
public final class ReportKillMain {
    private ReportKillMain() {
    }

    /**
     * @param args as for {@code ReportMain}
     */
    public static void main(final String[] args) {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final int status = ReportMain.run(List.of(args), out, System.err, null, checkpoint -> {
            out.println("committed file " + checkpoint.files().size());
            try {
                Thread.sleep(400);
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().halt(status);
    }
}
