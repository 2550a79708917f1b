package io.portcullis.backoffice.batch;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.portcullis.reporting.reconcile.SourceUnavailableException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Launches, restarts and lists the runs of the jobs, enforcing one job instance per business date:
 * <ul>
 *   <li>the job's {@link JobLock} must be free (else: another run in progress, refused);</li>
 *   <li>a COMPLETED (or ABANDONED) date is refused;</li>
 *   <li>a FAILED or STOPPED date runs again as a restart of the same instance: completed steps are skipped, a chunk
 *       step reads on after its last committed chunk;</li>
 *   <li>a STARTED execution while this process holds the lock has no live owner (its process was killed): {@code run}
 *       refuses and names {@code restart}, which marks it FAILED ({@code JobOperator.recover}) and restarts it.</li>
 * </ul>
 * Spring Batch's own guard (JobExecutionAlreadyRunningException, the unique JOB_INST_UN key under SERIALIZABLE
 * creation) stays underneath as a second line; the lock is what tells a live run from a dead one.
 *
 * <p>One per command; used on one thread (the lock is released by the thread that took it).
 */
final class BatchRunner {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final BatchConfiguration configuration;
    private final BatchInfrastructure infrastructure;
    private final JobLock locks;
    private final TradingDays tradingDays;
    private final SettlementWriter settlement;
    private final StepHooks hooks;
    private final PrintStream out;
    private final PrintStream err;

    BatchRunner(final BatchConfiguration configuration, final BatchInfrastructure infrastructure, final JobLock locks,
                final TradingDays tradingDays, final SettlementWriter settlement, final StepHooks hooks,
                final PrintStream out, final PrintStream err) {
        this.configuration = configuration;
        this.infrastructure = infrastructure;
        this.locks = locks;
        this.tradingDays = tradingDays;
        this.settlement = settlement;
        this.hooks = hooks;
        this.out = out;
        this.err = err;
    }

    static JobParameters parameters(final LocalDate date) {
        return new JobParametersBuilder().addLocalDate("date", date, true).toJobParameters();
    }

    /**
     * Runs (or, with {@code restart}, restarts) a job for a date.
     *
     * @return the exit code
     * @throws BatchException when the launch is refused or a service is unreachable
     */
    ExitCode launch(final BatchJob job, final LocalDate date, final boolean restart) {
        final Optional<String> refusal = tradingDays.refusal(date);
        if (refusal.isPresent()) {
            throw new BatchException(ExitCode.REFUSED, "refused: " + refusal.get(), null);
        }
        final JobParameters parameters = parameters(date);
        final JobRepository repository = infrastructure.jobRepository();
        try (JobLock.Held held = locks.tryAcquire(job).orElseThrow(() -> new BatchException(ExitCode.REFUSED,
            "refused: another run of " + job.jobName() + " is in progress (Redis lock " + locks.key(job) + " is held)."
                + " If that run was killed, its lock lapses within " + configuration.lockLease().toSeconds()
                + " s; see ./portcullis batch status " + job.jobName(), null))) {
            final JobExecution last = repository.getLastJobExecution(job.jobName(), parameters);
            if (last != null) {
                final BatchStatus status = last.getStatus();
                if (status == BatchStatus.COMPLETED) {
                    throw new BatchException(ExitCode.REFUSED, "refused: " + job.jobName() + " already completed for "
                        + date + " (execution " + last.getId() + ", " + last.getExitStatus().getExitCode() + ", ended "
                        + time(last.getEndTime()) + "); a completed date does not run again", null);
                }
                if (status == BatchStatus.ABANDONED || status == BatchStatus.UNKNOWN) {
                    throw new BatchException(ExitCode.REFUSED, "refused: the last run of " + job.jobName() + " for "
                        + date + " (execution " + last.getId() + ") is " + status + " and cannot be restarted", null);
                }
                if (status.isRunning()) {
                    if (!restart) {
                        throw new BatchException(ExitCode.REFUSED, "refused: execution " + last.getId() + " of "
                            + job.jobName() + " for " + date + " is " + status + " but no process holds its lock: it"
                            + " was killed. Recover and restart it with ./portcullis batch restart " + job.jobName()
                            + " --date " + date, null);
                    }
                    recover(last);
                }
                err.printf("restarting %s for %s after execution %d (%s): completed steps are skipped, chunk steps "
                    + "read on after their last commit%n", job.jobName(), date, last.getId(),
                    status.isRunning() ? "recovered" : status);
            } else if (restart) {
                throw new BatchException(ExitCode.REFUSED, "refused: nothing to restart, " + job.jobName()
                    + " never ran for " + date + "; use ./portcullis batch run " + job.jobName() + " --date " + date,
                    null);
            }
            final Fence fence = Fence.take(infrastructure, job, owner());
            err.printf("%s %s: lock %s, fencing token %d%n", job.jobName(), date, held.key(), fence.token());
            final RunContext context = new RunContext(infrastructure, configuration, date, fence,
                new ExceptionLog(infrastructure.jdbc(), job, date), tradingDays, settlement, hooks, err);
            final long start = System.nanoTime();
            final JobExecution execution = operator().start(build(job, context), parameters);
            return report(job, date, execution, Duration.ofNanos(System.nanoTime() - start));
        } catch (final BatchException ex) {
            throw ex;
        } catch (final Exception ex) {
            throw new BatchException(unreachable(ex) ? ExitCode.UNREACHABLE : ExitCode.FAILED, job.jobName() + " "
                + date + " could not start: " + ex.getMessage(), ex);
        }
    }

    private void recover(final JobExecution stale) {
        final JobExecution recovered = operator().recover(stale);
        err.printf("recovered execution %d: it was %s with no live owner (killed); marked %s with its running steps%n",
            stale.getId(), BatchStatus.STARTED, recovered.getStatus());
    }

    private TaskExecutorJobOperator operator() {
        return operator(infrastructure);
    }

    /**
     * @param infrastructure the job repository
     * @return a job operator running jobs on the calling thread; jobs are built per run and started directly
     */
    static TaskExecutorJobOperator operator(final BatchInfrastructure infrastructure) {
        final TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(infrastructure.jobRepository());
        operator.setTaskExecutor(new SyncTaskExecutor());
        // Jobs are built per run (with its fence) and started directly; nothing is looked up by name.
        operator.setJobRegistry(new MapJobRegistry());
        try {
            operator.afterPropertiesSet();
        } catch (final Exception ex) {
            throw new IllegalStateException("cannot set up the job operator: " + ex.getMessage(), ex);
        }
        return operator;
    }

    private static Job build(final BatchJob job, final RunContext context) {
        return switch (job) {
            case TRADE_DATE_CLOSE -> TradeDateCloseJob.build(context);
            case SETTLEMENT -> SettlementJob.build(context);
            case RECONCILE -> ReconcileJob.build(context);
        };
    }

    private ExitCode report(final BatchJob job, final LocalDate date, final JobExecution execution,
                            final Duration took) {
        final String exit = execution.getExitStatus().getExitCode();
        out.printf("%s %s: %s (execution %d, exit %s) in %.1f s%n", job.jobName(), date, execution.getStatus(),
            execution.getId(), exit, took.toMillis() / 1000.0);
        for (final StepExecution step : execution.getStepExecutions()) {
            out.printf("  step %-22s %-9s read %,d, written %,d, commits %,d, rollbacks %,d%n", step.getStepName(),
                step.getStatus(), step.getReadCount(), step.getWriteCount(), step.getCommitCount(),
                step.getRollbackCount());
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            if (ExceptionLog.COMPLETED_WITH_EXCEPTIONS.equals(exit)) {
                out.println("  " + execution.getExitStatus().getExitDescription()
                    + ": SELECT * FROM batch_exception WHERE job_name = '" + job.jobName() + "' AND business_date = '"
                    + date + "'");
                return ExitCode.COMPLETED_WITH_EXCEPTIONS;
            }
            return ExitCode.COMPLETED;
        }
        final List<Throwable> failures = new ArrayList<>(execution.getAllFailureExceptions());
        for (final Throwable failure : failures) {
            out.println("  failure: " + rootMessage(failure));
        }
        final boolean unreachable = failures.stream().anyMatch(BatchRunner::unreachable);
        out.println("  " + (unreachable ? "a service is unreachable; when it is back: " : "fix the cause, then: ")
            + "./portcullis batch restart " + job.jobName() + " --date " + date);
        return unreachable ? ExitCode.UNREACHABLE : ExitCode.FAILED;
    }

    /**
     * Prints the runs of one job or all, optionally of one date: the last execution of each date with its owner's
     * state, and for one job and date every execution with its steps.
     */
    void status(final Optional<BatchJob> only, final Optional<LocalDate> date) {
        final JobRepository repository = infrastructure.jobRepository();
        out.printf("%-17s %-10s %9s  %-9s %-26s %-19s %-19s %s%n", "JOB", "DATE", "EXECUTION", "STATUS", "EXIT",
            "STARTED", "ENDED", "NOTE");
        for (final BatchJob job : BatchJob.values()) {
            if (only.isPresent() && only.get() != job) {
                continue;
            }
            final boolean held = locks.isHeld(job);
            final List<JobExecution> lasts = new ArrayList<>();
            if (date.isPresent()) {
                final JobExecution last = repository.getLastJobExecution(job.jobName(), parameters(date.get()));
                if (last != null) {
                    lasts.addAll(date.isPresent() && only.isPresent()
                        ? repository.getJobExecutions(last.getJobInstance()) : List.of(last));
                }
            } else {
                for (final JobInstance instance : repository.getJobInstances(job.jobName(), 0, 20)) {
                    final JobExecution last = repository.getLastJobExecution(instance);
                    if (last != null) {
                        lasts.add(last);
                    }
                }
            }
            lasts.sort(Comparator.comparingLong(JobExecution::getId).reversed());
            for (final JobExecution execution : lasts) {
                final LocalDate runDate = execution.getJobParameters().getLocalDate("date");
                out.printf("%-17s %-10s %9d  %-9s %-26s %-19s %-19s %s%n", job.jobName(), runDate, execution.getId(),
                    execution.getStatus(), execution.getExitStatus().getExitCode(), time(execution.getStartTime()),
                    time(execution.getEndTime()), note(job, runDate, execution, held));
                if (date.isPresent() && only.isPresent()) {
                    for (final StepExecution step : execution.getStepExecutions()) {
                        out.printf("    step %-22s %-9s read %,d, written %,d, commits %,d, rollbacks %,d%s%n",
                            step.getStepName(), step.getStatus(), step.getReadCount(), step.getWriteCount(),
                            step.getCommitCount(), step.getRollbackCount(), step.getExitStatus().getExitDescription()
                                .isEmpty() ? "" : ": " + firstLine(step.getExitStatus().getExitDescription()));
                    }
                }
            }
        }
    }

    private static String note(final BatchJob job, final LocalDate date, final JobExecution execution,
                               final boolean held) {
        final BatchStatus status = execution.getStatus();
        if (status.isRunning()) {
            return held ? "running (lock held)"
                : "no live owner (killed?): ./portcullis batch restart " + job.jobName() + " --date " + date;
        }
        if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
            return "restartable: ./portcullis batch restart " + job.jobName() + " --date " + date;
        }
        return "";
    }

    private static String time(final LocalDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }

    private static String firstLine(final String text) {
        final int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static boolean unreachable(final Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SourceUnavailableException || cause instanceof CannotGetJdbcConnectionException
                || cause instanceof DataAccessResourceFailureException || cause instanceof java.net.ConnectException
                || (cause instanceof BatchException b && b.exitCode() == ExitCode.UNREACHABLE)) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(final Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == failure ? String.valueOf(failure.getMessage())
            : failure.getMessage() + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    private static String owner() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
