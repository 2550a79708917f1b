package io.portcullis.backoffice.batch;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.portcullis.backoffice.calendar.SettlementCalendar;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.sql.Database;

/**
 * {@code ./portcullis batch}: runs, restarts and lists the back-office jobs; see {@link #USAGE}. Progress goes to
 * standard error, the outcome to standard output, and the exit status is an {@link ExitCode}.
 */
public final class BatchMain {
    /** The command's help (the launcher prints its own copy, so that --help works before a build). */
    static final String USAGE = """
        Usage: ./portcullis batch run JOB --date YYYY-MM-DD [--config FILE]
               ./portcullis batch restart JOB --date YYYY-MM-DD [--config FILE]
               ./portcullis batch status [JOB] [--date YYYY-MM-DD] [--config FILE]

        JOB: trade-date-close, settlement, reconcile. One run per job and business date: a completed date is refused,
        a failed one runs again from where it stopped, a killed one is recovered by restart.
        Exit status: 0 completed, 1 completed with exceptions (in batch_exception), 2 bad usage, 3 failed
        (restartable), 4 refused (already completed, another run in progress, a killed run to restart, nothing to
        restart, not a trading day or in the future), 5 a service unreachable. See docs/backoffice.md.""";

    private BatchMain() {
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command line, see {@link #USAGE}
     */
    public static void main(final String[] args) {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        final int status = run(List.of(args), out, err, null, StepHooks.NONE, SettlementWriter.NONE, null);
        out.flush();
        err.flush();
        Runtime.getRuntime().halt(status);
    }

    /**
     * Runs a command as {@code ./portcullis batch} does, without exiting (benchmarks, embedding).
     *
     * @param settings the settings when there is no {@code --config}; null for this process's environment
     * @return the exit status
     */
    public static int execute(final List<String> args, final PrintStream out, final PrintStream err,
                              final Settings settings) {
        return run(args, out, err, settings, StepHooks.NONE, SettlementWriter.NONE, null);
    }

    /** The parsed command line. */
    record Options(String command, Optional<BatchJob> job, Optional<LocalDate> date, Optional<Path> config) {
    }

    /**
     * Runs the command.
     *
     * @param settings the settings when there is no {@code --config}; null for this process's environment
     * @param tradingDays which dates may run; null for the settlement calendar in the database
     * @return the exit status
     */
    static int run(final List<String> args, final PrintStream out, final PrintStream err, final Settings settings,
                   final StepHooks hooks, final SettlementWriter settlement, final TradingDays tradingDays) {
        final Options options;
        final BatchConfiguration configuration;
        try {
            options = parse(args);
            if (options.command().equals("help")) {
                out.println(USAGE);
                return ExitCode.COMPLETED.code();
            }
            configuration = BatchConfiguration.from(options.config().isPresent()
                ? Settings.fromFile(options.config().get()) : settings != null ? settings : Settings.fromProcess());
        } catch (final IllegalArgumentException | SettingException ex) {
            err.println("error: " + ex.getMessage() + " (see ./portcullis batch --help)");
            return ExitCode.USAGE.code();
        }
        try (BatchInfrastructure infrastructure = open(configuration);
             JobLock locks = JobLock.connect(configuration)) {
            final TradingDays days = tradingDays != null ? tradingDays
                : TradingDays.calendar(SettlementCalendar.loadLatest(infrastructure.database().dsl()));
            final BatchRunner runner = new BatchRunner(configuration, infrastructure, locks, days, settlement,
                hooks, out, err);
            if (options.command().equals("status")) {
                runner.status(options.job(), options.date());
                return ExitCode.COMPLETED.code();
            }
            return runner.launch(options.job().orElseThrow(), options.date().orElseThrow(),
                options.command().equals("restart")).code();
        } catch (final BatchException ex) {
            err.println("error: " + ex.getMessage());
            return ex.exitCode().code();
        } catch (final RuntimeException ex) {
            final boolean unreachable = BatchRunner.unreachable(ex);
            err.println("error: " + BatchRunner.rootMessage(ex));
            return (unreachable ? ExitCode.UNREACHABLE : ExitCode.FAILED).code();
        }
    }

    /**
     * Opens the database, migrates it and wires the job repository.
     *
     * @throws BatchException {@link ExitCode#UNREACHABLE} when MySQL cannot be reached
     */
    static BatchInfrastructure open(final BatchConfiguration configuration) {
        final Database database;
        try {
            database = Database.open(configuration.database());
        } catch (final IllegalStateException ex) {
            throw new BatchException(ExitCode.UNREACHABLE, ex.getMessage(), ex);
        }
        try {
            database.migrate();
            return BatchInfrastructure.on(database);
        } catch (final RuntimeException ex) {
            database.close();
            throw ex;
        }
    }

    static Options parse(final List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("a command is required: run, restart or status");
        }
        final String command = args.get(0);
        if (List.of("--help", "-h", "help").contains(command)) {
            return new Options("help", Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (!List.of("run", "restart", "status").contains(command)) {
            throw new IllegalArgumentException("unknown batch command '" + command + "' (run, restart or status)");
        }
        final List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        Optional<BatchJob> job = Optional.empty();
        Optional<LocalDate> date = Optional.empty();
        Optional<Path> config = Optional.empty();
        while (!rest.isEmpty()) {
            final String arg = rest.remove(0);
            switch (arg) {
                case "--help", "-h" -> {
                    return new Options("help", Optional.empty(), Optional.empty(), Optional.empty());
                }
                case "--date" -> date = Optional.of(date(value(arg, rest)));
                case "--config" -> {
                    final Path path = Path.of(value(arg, rest));
                    if (!Files.isRegularFile(path)) {
                        throw new IllegalArgumentException("--config: settings file '" + path + "' not found");
                    }
                    config = Optional.of(path);
                }
                default -> {
                    if (arg.startsWith("-") || job.isPresent()) {
                        throw new IllegalArgumentException("unknown option '" + arg + "'");
                    }
                    job = Optional.of(BatchJob.byName(arg).orElseThrow(() -> new IllegalArgumentException(
                        "unknown job '" + arg + "' (jobs: " + BatchJob.names() + ")")));
                }
            }
        }
        if (!command.equals("status")) {
            if (job.isEmpty()) {
                throw new IllegalArgumentException("batch " + command + " needs a JOB (" + BatchJob.names() + ")");
            }
            if (date.isEmpty()) {
                throw new IllegalArgumentException("batch " + command + " needs --date YYYY-MM-DD");
            }
        }
        return new Options(command, job, date, config);
    }

    private static String value(final String option, final List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " takes a value");
        }
        return rest.remove(0);
    }

    private static LocalDate date(final String text) {
        try {
            return LocalDate.parse(text);
        } catch (final DateTimeParseException ex) {
            throw new IllegalArgumentException("--date takes a date YYYY-MM-DD, was '" + text + "'");
        }
    }
}
