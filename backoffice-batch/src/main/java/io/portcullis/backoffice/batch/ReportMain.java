package io.portcullis.backoffice.batch;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.reporting.rule605.ReportOptions;
import io.portcullis.reporting.runs.Prepared;

/**
 * {@code ./portcullis report REPORT [options]}: builds a regulatory report as a back-office job ({@link ReportJobs}).
 * Each report's options and help are its own (e.g. {@code ./portcullis report cat --help}); progress goes to standard
 * error, the outcome to standard output.
 *
 * <p>Exit status: 0 written; 1 no data or a validation failure (surveillance: alerts raised); 2 bad usage; 3 a
 * service unreachable (run the same command again when it is back: it continues the run); 4 refused, the same report
 * is being built by another run; 5 failed (fix the cause, run the same command again: it continues the run).
 */
public final class ReportMain {
    /** The command's help. */
    static final String USAGE = """
        Usage: ./portcullis report REPORT [options] [--config FILE]
               ./portcullis report runs [--type CAT|606|606B3|605|BLUESHEET] [--status S] [--limit N]
               ./portcullis report show RUN

        REPORT: %s. Each report runs as a job of the back office (Spring Batch, job repository in MySQL) and is
        recorded in report_run with its files' SHA-256; ./portcullis report REPORT --help lists its options.
        Running a report again after a failed or killed run continues that run (CAT: after its last closed file).
        runs lists the recorded runs, newest first; show prints one with the path, size and SHA-256 of its files.
        Exit status: 0 written, 1 no data or a validation failure (surveillance: alerts raised), 2 bad usage,
        3 a service unreachable, 4 refused (the same report is being built), 5 failed (the same command continues).
        """.formatted(ReportJob.names());

    private ReportMain() {
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the report and its options
     */
    public static void main(final String[] args) {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        final int status = run(List.of(args), out, err, null, ReportJobs.Hooks.NONE);
        out.flush();
        err.flush();
        Runtime.getRuntime().halt(status);
    }

    /**
     * Runs the command.
     *
     * @param settings the settings when there is no {@code --config}; null for this process's environment
     * @param hooks    test hooks
     * @return the exit status
     */
    static int run(final List<String> args, final PrintStream out, final PrintStream errors, final Settings settings,
                   final ReportJobs.Hooks hooks) {
        final PrintStream err = LastLine.of(errors);
        if (args.isEmpty() || List.of("--help", "-h", "help").contains(args.get(0))) {
            (args.isEmpty() ? err : out).println(USAGE);
            return args.isEmpty() ? ReportOptions.USAGE : ReportOptions.OK;
        }
        if (args.get(0).equals("runs") || args.get(0).equals("show")) {
            return ReportBook.run(args.get(0), args.subList(1, args.size()), out, err, settings);
        }
        final Optional<ReportJob> job = ReportJob.byName(args.get(0));
        if (job.isEmpty()) {
            err.println("error: unknown report '" + args.get(0) + "' (reports: " + ReportJob.names() + ")");
            return ReportOptions.USAGE;
        }
        final List<String> options = args.subList(1, args.size());
        final Prepared prepared = job.get().prepare(options, out, err, settings);
        if (!prepared.runnable()) {
            return prepared.exitCode();
        }
        final Settings effective;
        final BatchConfiguration configuration;
        try {
            final int at = options.indexOf("--config");
            effective = at >= 0 ? Settings.fromFile(Path.of(options.get(at + 1)))
                : settings != null ? settings : Settings.fromProcess();
            configuration = BatchConfiguration.from(effective);
        } catch (final SettingException | IllegalArgumentException ex) {
            err.println("error: " + ex.getMessage() + " (see ./portcullis report --help)");
            return ReportOptions.USAGE;
        }
        final BatchInfrastructure infrastructure;
        try {
            infrastructure = BatchMain.open(configuration);
        } catch (final BatchException ex) {
            err.println("error: MySQL: " + ex.getMessage());
            return ReportOptions.UNREACHABLE;
        } catch (final RuntimeException ex) {
            err.println("error: " + BatchRunner.rootMessage(ex));
            return BatchRunner.unreachable(ex) ? ReportOptions.UNREACHABLE : ReportJobs.FAILED;
        }
        try (infrastructure) {
            return new ReportJobLauncher(infrastructure, configuration).launch(job.get(), options, effective,
                prepared, System.getProperty("user.name"), hooks, out, err).exitCode();
        }
    }
}
