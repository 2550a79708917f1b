package io.portcullis.reporting.runs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs one report command and records it in {@link ReportRuns}: start (type, the command line's options as the
 * parameters, who asked, {@code --out}), then the files the command wrote into {@code --out} (new or replaced:
 * compared by file identity, size and modification time before and after), then the outcome from its exit code
 * (0 SUCCEEDED, 1 NO_DATA, else FAILED) with the counts the command reported through {@link #counted}.
 *
 * <p>Recording never stops a report: when MySQL cannot be reached or the table is missing, the command runs
 * unrecorded and a warning says so. A {@code --help} or a command line without {@code --out} is not recorded.
 * The command runs on the calling thread.
 */
public final class RecordedRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadLocal<long[]> COUNTS = new ThreadLocal<>();
    /** The exit code recorded when the command throws. */
    private static final int THREW = 4;

    /** A report command: the {@code run} of a report main. */
    @FunctionalInterface
    public interface Command {
        /**
         * @param args the command line
         * @return its exit code
         */
        int run(List<String> args);
    }

    /**
     * What a recorded run came to.
     *
     * @param runId    the run's id, or -1 when it was not recorded
     * @param exitCode the command's exit code
     */
    public record Outcome(long runId, int exitCode) {
    }

    private RecordedRun() {
    }

    /**
     * Called by a report command (on the thread that runs it) to report its counts; ignored when the run is not
     * recorded.
     *
     * @param documents audit documents read
     * @param records   records written
     */
    public static void counted(final long documents, final long records) {
        final long[] counts = COUNTS.get();
        if (counts != null) {
            counts[0] = documents;
            counts[1] = records;
        }
    }

    /**
     * What a report command came to, with the counts it reported through {@link #counted}.
     *
     * @param exitCode  its exit code
     * @param documents audit documents read, or null when it did not say
     * @param records   records written, or null when it did not say
     */
    public record Measured(int exitCode, Long documents, Long records) {
    }

    /**
     * Runs a report's work on this thread and collects the counts it reports through {@link #counted}.
     *
     * @param work the work, returning the command's exit code
     * @return the exit code and the counts
     */
    public static Measured measure(final IntSupplier work) {
        final long[] counts = {-1, -1};
        final long[] outer = COUNTS.get();
        COUNTS.set(counts);
        try {
            final int exit = work.getAsInt();
            return new Measured(exit, counts[0] < 0 ? null : counts[0], counts[1] < 0 ? null : counts[1]);
        } finally {
            if (outer == null) {
                COUNTS.remove();
            } else {
                COUNTS.set(outer);
            }
        }
    }

    /**
     * Runs a report command and records it.
     *
     * @param runs        the book
     * @param type        the report
     * @param args        the command line; {@code --out DIR} is the run's output directory
     * @param requestedBy who asked
     * @param err         where warnings go
     * @param message     gives the failure's text after the command (e.g. its captured standard error), or null
     * @param command     the report
     * @return the run's id (-1 when not recorded) and the exit code
     */
    public static Outcome run(final ReportRuns runs, final ReportType type, final List<String> args,
                              final String requestedBy, final PrintStream err, final Supplier<String> message,
                              final Command command) {
        final String out = option(args, "--out");
        if (out == null || args.contains("--help") || args.contains("-h")) {
            return new Outcome(-1, command.run(args));
        }
        final Path directory = Path.of(out).toAbsolutePath().normalize();
        final long id;
        final Map<String, String> before;
        try {
            before = snapshot(directory);
            id = runs.start(type, parameters(args), requestedBy, directory);
        } catch (final IOException | RuntimeException ex) {
            err.println("warning: this run is not recorded in report_run: " + ex.getMessage());
            return new Outcome(-1, command.run(args));
        }
        final long[] counts = {-1, -1};
        COUNTS.set(counts);
        int exit = THREW;
        String failure = null;
        try {
            exit = command.run(args);
        } catch (final RuntimeException ex) {
            failure = ex.toString();
            throw ex;
        } finally {
            COUNTS.remove();
            try {
                for (final Path file : written(directory, before)) {
                    runs.file(id, file);
                }
                final String text = failure != null ? failure : exit == 0 ? null
                    : message != null ? message.get() : "exit status " + exit;
                runs.finish(id, RunStatus.ofExitCode(exit), counts[0] < 0 ? null : counts[0],
                    counts[1] < 0 ? null : counts[1], text);
            } catch (final IOException | RuntimeException ex) {
                err.println("warning: run " + id + " could not be completed in report_run: " + ex.getMessage());
            }
        }
        return new Outcome(id, exit);
    }

    /**
     * @param args a report command line
     * @return the options as a JSON object ({@code --from D} becomes {@code "from":"D"}), without --out and --config
     */
    public static String parameters(final List<String> args) {
        final ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            final String name = args.get(i);
            if (name.startsWith("--") && !name.equals("--out") && !name.equals("--config")) {
                node.put(name.substring(2), args.get(i + 1));
            }
        }
        return node.toString();
    }

    private static String option(final List<String> args, final String name) {
        final int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
    }

    /**
     * File name to identity (file key, size, modification time) of the regular, non-hidden files of a directory, to
     * tell afterwards with {@link #written} which files a command wrote.
     *
     * @param directory the directory
     * @return the snapshot (empty when the directory does not exist)
     * @throws IOException when the directory cannot be listed
     */
    public static Map<String, String> snapshot(final Path directory) throws IOException {
        final Map<String, String> files = new HashMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> list = Files.list(directory)) {
            for (final Path file : list.toList()) {
                final String name = file.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(file)) {
                    files.put(name, identity(file));
                }
            }
        }
        return files;
    }

    /**
     * @param directory the directory
     * @param before    its {@link #snapshot} before the command
     * @return the files new or changed since, in name order
     * @throws IOException when the directory cannot be listed
     */
    public static List<Path> written(final Path directory, final Map<String, String> before) throws IOException {
        final List<Path> written = new ArrayList<>();
        for (final Map.Entry<String, String> file : snapshot(directory).entrySet()) {
            if (!Objects.equals(before.get(file.getKey()), file.getValue())) {
                written.add(directory.resolve(file.getKey()));
            }
        }
        written.sort(null);
        return written;
    }

    private static String identity(final Path file) throws IOException {
        final BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.fileKey() + "/" + attributes.size() + "/" + attributes.lastModifiedTime().toInstant();
    }
}
