package io.portcullis.backoffice.batch;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import io.portcullis.config.Settings;
import io.portcullis.reporting.rule605.ReportOptions;
import io.portcullis.reporting.runs.Prepared;

/**
 * Runs a report as a job of the back office ({@link ReportJobs}) on a job repository that is already open: the
 * entry point of {@code ./portcullis report} ({@link ReportMain}) and of the compliance desk's API, so that a report
 * is built, recorded and continued the same way from both. Each run takes a Redis connection of its own for its
 * lock and closes it. Thread-safe: runs share nothing but the repository.
 */
public final class ReportJobLauncher {
    /**
     * What a run came to.
     *
     * @param exitCode the report's exit code: 0 written, 1 no data or a validation failure (surveillance: alerts),
     *                 2 bad usage, 3 a service unreachable, 4 refused (the same report is being built), 5 failed
     * @param runId    its report_run id, or -1 when it was not recorded (bad usage, refused, surveillance)
     */
    public record Outcome(int exitCode, long runId) {
    }

    private final BatchInfrastructure infrastructure;
    private final BatchConfiguration configuration;

    /**
     * @param infrastructure the job repository (its database migrated)
     * @param configuration  Redis and the lock settings
     */
    public ReportJobLauncher(final BatchInfrastructure infrastructure, final BatchConfiguration configuration) {
        this.infrastructure = infrastructure;
        this.configuration = configuration;
    }

    /**
     * Checks and runs a report.
     *
     * @param report      the report's name: cat, 606, 606b3, 605, bluesheet, surveillance
     * @param args        its options
     * @param settings    its settings when the options have no {@code --config}
     * @param requestedBy who asked (recorded in report_run)
     * @param out         the report's output
     * @param errors      progress and errors
     * @return the outcome
     */
    public Outcome run(final String report, final List<String> args, final Settings settings,
                       final String requestedBy, final PrintStream out, final PrintStream errors) {
        final PrintStream err = LastLine.of(errors);
        final Optional<ReportJob> job = ReportJob.byName(report);
        if (job.isEmpty()) {
            err.println("error: unknown report '" + report + "' (reports: " + ReportJob.names() + ")");
            return new Outcome(ReportOptions.USAGE, -1);
        }
        final Prepared prepared = job.get().prepare(args, out, err, settings);
        if (!prepared.runnable()) {
            return new Outcome(prepared.exitCode(), -1);
        }
        return launch(job.get(), args, settings, prepared, requestedBy, ReportJobs.Hooks.NONE, out, err);
    }

    /** Runs a checked report. */
    Outcome launch(final ReportJob job, final List<String> args, final Settings settings, final Prepared prepared,
                   final String requestedBy, final ReportJobs.Hooks hooks, final PrintStream out,
                   final PrintStream err) {
        final ReportJobs jobs;
        try (JobLock locks = JobLock.connect(configuration)) {
            jobs = new ReportJobs(configuration, infrastructure, locks, requestedBy, hooks, out,
                err instanceof LastLine ? err : LastLine.of(err));
            final int exit = jobs.launch(job, args, settings, prepared);
            return new Outcome(exit, jobs.runId());
        } catch (final BatchException ex) {
            err.println("error: " + ex.getMessage());
            return new Outcome(switch (ex.exitCode()) {
                case REFUSED -> ReportJobs.REFUSED;
                case UNREACHABLE -> ReportOptions.UNREACHABLE;
                default -> ReportJobs.FAILED;
            }, -1);
        } catch (final RuntimeException ex) {
            err.println("error: " + BatchRunner.rootMessage(ex));
            return new Outcome(BatchRunner.unreachable(ex) ? ReportOptions.UNREACHABLE : ReportJobs.FAILED, -1);
        }
    }
}
