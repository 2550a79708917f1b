package io.portcullis.backoffice.batch;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code batch_exception} table: what a job found for a business date that a clerk must look at. Rows are
 * upserted on (job, date, key), so a restart that redoes a step never duplicates one. As a job listener it turns a
 * COMPLETED run that left exceptions for its date into exit status {@value #COMPLETED_WITH_EXCEPTIONS} (exit code 1).
 *
 * <p>Thread-safe; joins the caller's transaction.
 */
public final class ExceptionLog implements JobExecutionListener {
    /** Exit status (BATCH_JOB_EXECUTION.EXIT_CODE) of a completed run that left exceptions. */
    public static final String COMPLETED_WITH_EXCEPTIONS = "COMPLETED_WITH_EXCEPTIONS";

    private final JdbcTemplate jdbc;
    private final BatchJob job;
    private final LocalDate date;

    /**
     * @param jdbc the database
     * @param job  the job that records
     * @param date the business date
     */
    public ExceptionLog(final JdbcTemplate jdbc, final BatchJob job, final LocalDate date) {
        this.jdbc = jdbc;
        this.job = job;
        this.date = date;
    }

    /**
     * One exception; the detail columns may be null.
     *
     * @param key       stable across restarts, unique per job and date, at most 191 characters
     * @param category  e.g. MISSING, DAY_ORDER_OPEN
     * @param execId    the ExecID concerned, or null
     * @param orderId   the order concerned, or null
     * @param source    the source at fault, or null
     * @param field     the field that differs, or null
     * @param expected  the reference value, or null
     * @param actual    the value found, or null
     * @param detail    one line for the clerk
     */
    public record Entry(String key, String category, String execId, Long orderId, String source, String field,
                        String expected, String actual, String detail) {
    }

    /**
     * Records an exception (or refreshes it when a restart finds it again).
     *
     * @param entry          what was found
     * @param jobExecutionId the run that found it
     */
    public void record(final Entry entry, final long jobExecutionId) {
        jdbc.update("INSERT INTO batch_exception (job_name, business_date, exception_key, category, exec_id, order_id,"
                + " source, field_name, expected_value, actual_value, detail, status, job_execution_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) ON DUPLICATE KEY UPDATE "
                + "detail = VALUES(detail), job_execution_id = VALUES(job_execution_id)",
            job.jobName(), Date.valueOf(date), cut(entry.key(), 191), entry.category(), entry.execId(),
            entry.orderId(), entry.source(), entry.field(), cut(entry.expected(), 255), cut(entry.actual(), 255),
            cut(entry.detail(), 2000), jobExecutionId, Timestamp.from(Instant.now()));
    }

    /** @return how many exceptions the job has recorded for the date */
    public long count() {
        final Long count = jdbc.queryForObject(
            "SELECT COUNT(*) FROM batch_exception WHERE job_name = ? AND business_date = ?", Long.class,
            job.jobName(), Date.valueOf(date));
        return count == null ? 0 : count;
    }

    /** Marks a completed run that left exceptions. */
    @Override
    public void afterJob(final JobExecution jobExecution) {
        if (ExitStatus.COMPLETED.getExitCode().equals(jobExecution.getExitStatus().getExitCode())) {
            final long count = count();
            if (count > 0) {
                jobExecution.setExitStatus(new ExitStatus(COMPLETED_WITH_EXCEPTIONS, count + " exception(s) for "
                    + date + " in batch_exception"));
            }
        }
    }

    private static String cut(final String value, final int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }
}
