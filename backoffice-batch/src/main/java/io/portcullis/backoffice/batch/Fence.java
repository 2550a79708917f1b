package io.portcullis.backoffice.batch;

import java.io.Serial;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fencing token of one run of a job: a number from {@code batch_job_fence}, one more than the last run's, taken
 * while holding the job's {@link JobLock}, stored in the job execution's context ({@value #CONTEXT_KEY}) and in the
 * fence row with the execution's id, and checked inside every chunk transaction before it commits
 * ({@link #check()}: {@code SELECT token ... FOR UPDATE}). A run whose lock lapsed while it was paused finds a newer
 * token when it wakes and rolls its chunk back instead of writing beside its successor; the row lock makes a
 * successor's {@link #take} wait for a chunk already past its check to commit. MySQL, not Redis, holds the number:
 * the check must happen where the writes happen, and a flushed Redis must never hand out a smaller token.
 *
 * <p>Thread-safe once taken.
 */
public final class Fence implements JobExecutionListener {
    /** Key of the token in the job execution context. */
    public static final String CONTEXT_KEY = "portcullis.fence.token";

    private final JdbcTemplate jdbc;
    private final String job;
    private final long token;

    private Fence(final JdbcTemplate jdbc, final String job, final long token) {
        this.jdbc = jdbc;
        this.job = job;
        this.token = token;
    }

    /**
     * Takes the next token of a job; call it while holding the job's lock.
     *
     * @param infrastructure the database
     * @param job            the job
     * @param owner          who takes it (host and pid), for the clerk
     * @return the fence, never null
     */
    public static Fence take(final BatchInfrastructure infrastructure, final BatchJob job, final String owner) {
        return take(infrastructure, job.jobName(), owner);
    }

    /**
     * Takes the next token of a job (or of one report's parameters); call it while holding its lock.
     *
     * @param infrastructure the database
     * @param job            the lock's name, at most 64 characters
     * @param owner          who takes it (host and pid), for the clerk
     * @return the fence, never null
     */
    public static Fence take(final BatchInfrastructure infrastructure, final String job, final String owner) {
        final JdbcTemplate jdbc = infrastructure.jdbc();
        final TransactionTemplate tx = infrastructure.transactions();
        final Long token = tx.execute(status -> {
            jdbc.update("INSERT INTO batch_job_fence (job_name, token, job_execution_id, owner, acquired_at) "
                + "VALUES (?, 1, NULL, ?, ?) ON DUPLICATE KEY UPDATE token = token + 1, job_execution_id = NULL, "
                + "owner = VALUES(owner), acquired_at = VALUES(acquired_at)", job, owner,
                Timestamp.from(Instant.now()));
            return jdbc.queryForObject("SELECT token FROM batch_job_fence WHERE job_name = ?", Long.class,
                job);
        });
        return new Fence(jdbc, job, token == null ? 0 : token);
    }

    /** @return this run's token */
    public long token() {
        return token;
    }

    /**
     * Checks, inside the current transaction, that no later run took the job over; locks the fence row until the
     * transaction ends.
     *
     * @throws FencedOffException when a newer token exists: the transaction must roll back
     * @throws IllegalStateException when called outside a transaction (the check would protect nothing)
     */
    public void check() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the fence of " + job + " is checked outside a transaction");
        }
        final List<Long> current = jdbc.queryForList(
            "SELECT token FROM batch_job_fence WHERE job_name = ? FOR UPDATE", Long.class, job);
        if (current.isEmpty() || current.get(0) != token) {
            throw new FencedOffException("another run of " + job + " took the job over (fencing token "
                + (current.isEmpty() ? "gone" : current.get(0)) + ", this run holds " + token + "); this run stops "
                + "without committing its chunk");
        }
    }

    /**
     * @param delegate the writer to guard
     * @param <T>      item type
     * @return a writer that checks the fence, then writes, in the chunk's transaction
     */
    public <T> ItemWriter<T> guard(final ItemWriter<T> delegate) {
        return new Guarded<>(this, delegate);
    }

    /** Stores the token in the new execution's context and the execution's id in the fence row. */
    @Override
    public void beforeJob(final JobExecution jobExecution) {
        jobExecution.getExecutionContext().putLong(CONTEXT_KEY, token);
        jdbc.update("UPDATE batch_job_fence SET job_execution_id = ? WHERE job_name = ? AND token = ?",
            jobExecution.getId(), job, token);
    }

    /** Checks the fence, then delegates. */
    private record Guarded<T>(Fence fence, ItemWriter<T> delegate) implements ItemWriter<T> {
        @Override
        public void write(final Chunk<? extends T> chunk) throws Exception {
            fence.check();
            delegate.write(chunk);
        }
    }

    /** A newer run holds the job: this one must not commit. */
    public static final class FencedOffException extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        /** @param message which job, which tokens */
        public FencedOffException(final String message) {
            super(message);
        }
    }
}
