package io.portcullis.backoffice.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serial;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.portcullis.config.Settings;
import io.portcullis.reporting.cat.CatBuilder;
import io.portcullis.reporting.cat.CatFile;
import io.portcullis.reporting.cat.CatMain;
import io.portcullis.reporting.cat.CatUnavailableException;
import io.portcullis.reporting.rule605.ReportOptions;
import io.portcullis.reporting.runs.Prepared;
import io.portcullis.reporting.runs.RecordedRun;
import io.portcullis.reporting.runs.ReportRuns;
import io.portcullis.reporting.runs.ReportType;
import io.portcullis.reporting.runs.RunStatus;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the report jobs ({@code report-cat}, {@code report-606}, {@code report-606b3}, {@code report-605},
 * {@code report-bluesheet}, {@code report-surveillance}) in the back-office framework: the Spring Batch job repository
 * in MySQL, a Redis lock and a fencing token per report and parameters, the run recorded in {@code report_run} with
 * the job execution, its files and their SHA-256.
 *
 * <p><b>Instances:</b> a job instance is the report's options ({@code --out} and {@code --feedback} made absolute)
 * plus a run number. Running a report whose last instance with those options FAILED (or was killed: STARTED with no
 * lock holder) continues that instance, as a Spring Batch restart; after a COMPLETED one it starts the next run
 * number (a report can always be built again; the same audit index gives the same bytes).
 *
 * <p><b>Steps:</b> CAT is one tasklet step that builds a file per iteration ({@link CatBuilder#segment}) and commits
 * the build's checkpoint (reader position, next file number, counts, files so far) with the step's execution context
 * after each closed file: a killed or failed run continues at the next file, and the files it had closed are kept.
 * The other reports are one tasklet step that runs the report's work: their output is one file of aggregates over
 * the whole period, written atomically at the end, so a restart walks the period again (the walk itself resumes
 * after the last document on an Elasticsearch failure, {@link io.portcullis.reporting.audit.JournalOrderWalk}).
 * A CAT repair run ({@code --feedback}) is one iteration: its records are few.
 *
 * <p>One per command; one thread.
 */
final class ReportJobs {
    /** Job context: the report_run id of this execution. */
    static final String RUN_ID = "portcullis.report.run";
    /** Job context: the report's exit code (0 written, 1 no data, a validation failure, or surveillance alerts). */
    static final String EXIT = "portcullis.report.exit";
    /** Job context: the files the report wrote, by name, one per line. */
    static final String FILES = "portcullis.report.files";
    /** Job context: audit documents read. */
    static final String DOCUMENTS = "portcullis.report.documents";
    /** Job context: records written. */
    static final String RECORDS = "portcullis.report.records";
    /** Exit code: refused, the same report is being built by another run. */
    static final int REFUSED = 4;
    /** Exit code: the run failed; the same command continues it. */
    static final int FAILED = 5;
    /** Step context of report-cat: the build's checkpoint after the last closed file. */
    static final String CHECKPOINT = "portcullis.cat.checkpoint";

    /** Called after each CAT checkpoint commits (tests: pause, say so). */
    @FunctionalInterface
    interface Hooks {
        /** No hook. */
        Hooks NONE = checkpoint -> { };

        /** @param checkpoint the checkpoint just committed */
        void afterCommit(CatBuilder.Checkpoint checkpoint);
    }

    private final BatchConfiguration configuration;
    private final BatchInfrastructure infrastructure;
    private final JobLock locks;
    private final ReportRuns runs;
    private final String requestedBy;
    private final Hooks hooks;
    private final PrintStream out;
    private final PrintStream err;
    private long runId = -1;

    ReportJobs(final BatchConfiguration configuration, final BatchInfrastructure infrastructure, final JobLock locks,
               final String requestedBy, final Hooks hooks, final PrintStream out, final PrintStream err) {
        this.configuration = configuration;
        this.infrastructure = infrastructure;
        this.locks = locks;
        this.runs = new ReportRuns(infrastructure.database().dsl(), InstantSource.system());
        this.requestedBy = requestedBy;
        this.hooks = hooks;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs a report (checked by {@link ReportJob#prepare} first) as a job, or continues its failed or killed run.
     *
     * @param job      the report
     * @param args     its command line
     * @param settings its settings
     * @param prepared the checked command line's work
     * @return the report's exit code: 0 written, 1 no data / validation failure / alerts, 3 a service unreachable
     *         (run again to continue), 4 refused (the same report is running), 5 failed (run again to continue)
     */
    int launch(final ReportJob job, final List<String> args, final Settings settings, final Prepared prepared) {
        final Map<String, String> identity = identity(args);
        final String lockName = lockName(job, identity);
        try (JobLock.Held held = locks.tryAcquire(lockName).orElseThrow(() -> new BatchException(ExitCode.REFUSED,
            "refused: the same " + job.reportName() + " report (" + identity + ") is being built by another run "
                + "(Redis lock " + locks.key(lockName) + "); if that run was killed, its lock lapses within "
                + configuration.lockLease().toSeconds() + " s", null))) {
            final JobRepository repository = infrastructure.jobRepository();
            long run = 0;
            JobExecution last = null;
            for (long k = 1; ; k++) {
                final JobInstance instance = repository.getJobInstance(job.jobName(), parameters(identity, k));
                if (instance == null) {
                    break;
                }
                run = k;
                last = repository.getLastJobExecution(instance);
            }
            final List<Long> earlier = new ArrayList<>();
            if (last == null || !restartable(last.getStatus())) {
                run++;
            } else {
                if (last.getStatus().isRunning()) {
                    BatchRunner.operator(infrastructure).recover(last);
                    err.printf("run %d of %s (execution %d) was killed: recovered%n", run, job.jobName(),
                        last.getId());
                }
                for (final JobExecution execution : repository.getJobExecutions(last.getJobInstance())) {
                    earlier.add(execution.getId());
                }
                err.printf("continuing run %d of %s after execution %d (%s)%n", run, job.jobName(), last.getId(),
                    last.getStatus());
            }
            final Fence fence = Fence.take(infrastructure, lockName, ManagementFactory.getRuntimeMXBean().getName());
            err.printf("%s run %d: lock %s, fencing token %d%n", job.jobName(), run, held.key(), fence.token());
            final Job built = build(job, args, identity.get("out"), settings, prepared, fence, earlier);
            final long start = System.nanoTime();
            final JobExecution execution = BatchRunner.operator(infrastructure).start(built, parameters(identity, run));
            return outcome(job, execution, Duration.ofNanos(System.nanoTime() - start));
        } catch (final BatchException ex) {
            throw ex;
        } catch (final Exception ex) {
            throw new BatchException(BatchRunner.unreachable(ex) ? ExitCode.UNREACHABLE : ExitCode.FAILED,
                job.jobName() + " could not start: " + BatchRunner.rootMessage(ex), ex);
        }
    }

    /** The lock (and fence) of one report and its options. */
    static String lockName(final ReportJob job, final Map<String, String> identity) {
        return job.jobName() + ":" + digest(identity.toString());
    }

    private static boolean restartable(final BatchStatus status) {
        return status == BatchStatus.FAILED || status == BatchStatus.STOPPED || status.isRunning();
    }

    /** The options that identify a report (without --config), paths made absolute, in name order. */
    static Map<String, String> identity(final List<String> args) {
        final Map<String, String> identity = new TreeMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            final String name = args.get(i);
            if (name.startsWith("--") && !name.equals("--config")) {
                final String value = args.get(i + 1);
                identity.put(name.substring(2), name.equals("--out") || name.equals("--feedback")
                    ? Path.of(value).toAbsolutePath().normalize().toString() : value);
            }
        }
        return identity;
    }

    private static JobParameters parameters(final Map<String, String> identity, final long run) {
        final JobParametersBuilder builder = new JobParametersBuilder();
        identity.forEach((name, value) -> builder.addString(name, value, true));
        return builder.addLong("run", run, true).toJobParameters();
    }

    private Job build(final ReportJob job, final List<String> args, final String outDir, final Settings settings,
                      final Prepared prepared, final Fence fence, final List<Long> earlier) throws IOException {
        final Path directory = outDir == null ? null : Path.of(outDir);
        final Step step;
        final List<AutoCloseable> resources = new ArrayList<>();
        if (job == ReportJob.CAT) {
            final CatMain.Request request = CatMain.request(args, settings);
            final CatMain.Session session = CatMain.Session.open(request.configuration());
            resources.add(session);
            step = request.feedback() == null ? catStep(request, session, fence)
                : workStep(job, directory, () -> {
                    final CatBuilder.Result result = session.builder().rebuild(request.day(), request.out(),
                        request.feedback());
                    RecordedRun.counted(result.documents(), result.records());
                    return CatMain.summarize(request.day(), result, out, err);
                }, fence);
        } else {
            step = workStep(job, directory, prepared.work()::getAsInt, fence);
        }
        final JobBuilder builder = new JobBuilder(job.jobName(), infrastructure.jobRepository());
        builder.listener(fence);
        builder.listener(new Recorder(job, args, directory, earlier, resources));
        return builder.start(step).build();
    }

    /** The report's work. */
    @FunctionalInterface
    private interface Work {
        int run();
    }

    private Step workStep(final ReportJob job, final Path directory, final Work work, final Fence fence) {
        final Tasklet tasklet = (contribution, chunk) -> {
            err.printf("%s: building%n", job.jobName());
            final Map<String, String> before = directory == null ? Map.of() : RecordedRun.snapshot(directory);
            final RecordedRun.Measured measured = RecordedRun.measure(work::run);
            final int exit = measured.exitCode();
            if (exit == ReportOptions.UNREACHABLE) {
                throw new ServiceUnavailable(job.reportName() + " could not read a service: " + lastError());
            }
            if (exit != ReportOptions.OK && exit != ReportOptions.NO_DATA) {
                throw new IllegalStateException(job.reportName() + " ended with exit status " + exit + ": "
                    + lastError());
            }
            fence.check();
            final List<String> files = new ArrayList<>();
            if (directory != null) {
                for (final Path file : RecordedRun.written(directory, before)) {
                    files.add(file.getFileName().toString());
                }
            }
            if (measured.records() != null) {
                contribution.incrementWriteCount(measured.records());
            }
            finish(chunk.getStepContext().getStepExecution(), exit, files, measured.documents(), measured.records());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder(job.jobName() + "-build", infrastructure.jobRepository())
            .tasklet(tasklet, infrastructure.transactionManager()).build();
    }

    private Step catStep(final CatMain.Request request, final CatMain.Session session, final Fence fence) {
        final Tasklet tasklet = (contribution, chunk) -> {
            final StepExecution step = chunk.getStepContext().getStepExecution();
            final ExecutionContext context = step.getExecutionContext();
            final CatBuilder.Checkpoint from = context.containsKey(CHECKPOINT)
                ? CatCheckpoints.decode(context.getString(CHECKPOINT), request.out()) : CatBuilder.Checkpoint.start();
            if (from.files().isEmpty() && from.documents() == 0) {
                err.printf("report-cat %s: building from the first document%n", request.day());
            }
            final CatBuilder.Checkpoint next = session.builder().segment(request.day(), request.out(), from,
                (documents, records) -> err.printf("report-cat %s: %,d documents read, %,d records written%n",
                    request.day().date(), documents, records));
            fence.check();
            context.putString(CHECKPOINT, CatCheckpoints.encode(next));
            contribution.incrementWriteCount(next.records() - from.records());
            final List<CatFile> closed = next.files().subList(from.files().size(), next.files().size());
            for (final CatFile file : closed) {
                err.printf("report-cat %s: closed %s (%,d records); %,d documents read, %,d records written so far%n",
                    request.day(), file.data().getFileName(), file.records(), next.documents(), next.records());
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    hooks.afterCommit(next);
                }
            });
            if (!next.done()) {
                return RepeatStatus.CONTINUABLE;
            }
            final int exit = CatMain.summarize(request.day(), next.result(), out, err);
            final List<String> files = new ArrayList<>();
            for (final CatFile file : next.files()) {
                files.add(file.data().getFileName().toString());
                files.add(file.meta().getFileName().toString());
            }
            finish(step, exit, files, next.documents(), next.records());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder(ReportJob.CAT.jobName() + "-files", infrastructure.jobRepository())
            .tasklet(tasklet, infrastructure.transactionManager()).build();
    }

    private static void finish(final StepExecution step, final int exit, final List<String> files,
                               final Long documents, final Long records) {
        final ExecutionContext job = step.getJobExecution().getExecutionContext();
        job.putInt(EXIT, exit);
        job.putString(FILES, String.join("\n", files));
        if (documents != null) {
            job.putLong(DOCUMENTS, documents);
        }
        if (records != null) {
            job.putLong(RECORDS, records);
        }
    }

    /** Records each execution in report_run and closes the run's services. */
    private final class Recorder implements JobExecutionListener {
        private final ReportJob job;
        private final List<String> args;
        private final Path directory;
        private final List<Long> earlier;
        private final List<AutoCloseable> resources;

        Recorder(final ReportJob job, final List<String> args, final Path directory, final List<Long> earlier,
                 final List<AutoCloseable> resources) {
            this.job = job;
            this.args = args;
            this.directory = directory;
            this.earlier = earlier;
            this.resources = resources;
        }

        @Override
        public void beforeJob(final JobExecution execution) {
            final ReportType type = job.type().orElse(null);
            if (type == null || directory == null) {
                return;
            }
            final long id = runs.start(type, RecordedRun.parameters(args), requestedBy, directory, execution.getId());
            execution.getExecutionContext().putLong(RUN_ID, id);
            final int abandoned = runs.abandon(earlier, execution.getId());
            if (abandoned > 0) {
                err.printf("report run(s) of the killed execution marked FAILED: %d%n", abandoned);
            }
        }

        @Override
        public void afterJob(final JobExecution execution) {
            for (final AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (final Exception ex) {
                    err.println("warning: closing " + resource + ": " + ex.getMessage());
                }
            }
            final ExecutionContext context = execution.getExecutionContext();
            if (!context.containsKey(RUN_ID)) {
                return;
            }
            final long id = context.getLong(RUN_ID);
            try {
                final RunStatus status;
                final String message;
                if (execution.getStatus() == BatchStatus.COMPLETED && context.containsKey(EXIT)) {
                    status = RunStatus.ofExitCode(context.getInt(EXIT));
                    message = status == RunStatus.SUCCEEDED ? null : "no data, or the report failed its validation";
                    for (final String name : context.getString(FILES, "").split("\n")) {
                        if (!name.isEmpty()) {
                            runs.file(id, directory.resolve(name));
                        }
                    }
                } else {
                    status = RunStatus.FAILED;
                    message = execution.getAllFailureExceptions().stream().map(BatchRunner::rootMessage).findFirst()
                        .orElse(execution.getStatus().name());
                }
                runs.finish(id, status, context.containsKey(DOCUMENTS) ? context.getLong(DOCUMENTS) : null,
                    context.containsKey(RECORDS) ? context.getLong(RECORDS) : null, message);
            } catch (final IOException | RuntimeException ex) {
                err.println("warning: report run " + id + " could not be completed in report_run: "
                    + ex.getMessage());
            }
        }
    }

    /** @return the last line the report printed on its error stream (its own message when it failed) */
    private String lastError() {
        return err instanceof LastLine tracked ? tracked.last() : "see the error above";
    }

    /** @return the report_run id of the last launch, or -1 when it was not recorded */
    long runId() {
        return runId;
    }

    private int outcome(final ReportJob job, final JobExecution execution, final Duration took) {
        out.printf("%s: %s (execution %d, run %d) in %.1f s%n", job.jobName(), execution.getStatus(),
            execution.getId(), execution.getJobParameters().getLong("run"), took.toMillis() / 1000.0);
        final ExecutionContext context = execution.getExecutionContext();
        if (context.containsKey(RUN_ID)) {
            runId = context.getLong(RUN_ID);
            out.printf("  recorded as report run %d (GET /api/reports/runs/%d)%n", context.getLong(RUN_ID),
                context.getLong(RUN_ID));
        }
        if (execution.getStatus() == BatchStatus.COMPLETED && context.containsKey(EXIT)) {
            return context.getInt(EXIT);
        }
        for (final Throwable failure : execution.getAllFailureExceptions()) {
            err.println("  failure: " + BatchRunner.rootMessage(failure));
        }
        final boolean unreachable = execution.getAllFailureExceptions().stream()
            .anyMatch(f -> BatchRunner.unreachable(f) || causedBy(f, CatUnavailableException.class)
                || causedBy(f, ServiceUnavailable.class));
        err.println("  " + (unreachable ? "a service is unreachable; when it is back, " : "fix the cause, then ")
            + "run the same command again: it continues this run" + (job == ReportJob.CAT
            ? " after its last closed file" : ""));
        return unreachable ? ReportOptions.UNREACHABLE : FAILED;
    }

    private static boolean causedBy(final Throwable failure, final Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String digest(final String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (final NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }

    /** The report's work could not reach Elasticsearch or MySQL. */
    static final class ServiceUnavailable extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        ServiceUnavailable(final String message) {
            super(message);
        }
    }
}
