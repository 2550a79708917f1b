package io.portcullis.backoffice.batch;

import java.io.PrintStream;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress on standard error while a step runs: the step's name, items read and written, and the rate since the
 * step (re)started, at most once a second, and a last line when it ends. For the clerk watching a terminal and for
 * the scheduler's log; the report itself goes to standard output.
 *
 * <p>One per step; called on the step's thread.
 */
final class Progress implements StepExecutionListener, ChunkListener<Object, Object> {
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private StepExecution step;
    private long startNanos;
    private long lastNanos;

    Progress(final PrintStream err) {
        this.err = err;
    }

    @Override
    public void beforeStep(final StepExecution stepExecution) {
        step = stepExecution;
        startNanos = System.nanoTime();
        lastNanos = startNanos;
        final int restarts = stepExecution.getExecutionContext().containsKey("portcullis.step.started") ? 1 : 0;
        stepExecution.getExecutionContext().putString("portcullis.step.started", "yes");
        err.printf("step %s: started%s%n", stepExecution.getStepName(), restarts > 0
            ? " (restart: continues after the last committed chunk)" : "");
    }

    @Override
    public void afterChunk(final Chunk<Object> chunk) {
        final long now = System.nanoTime();
        if (step != null && now - lastNanos >= EVERY_NANOS) {
            lastNanos = now;
            print("running");
        }
    }

    @Override
    public ExitStatus afterStep(final StepExecution stepExecution) {
        step = stepExecution;
        print(stepExecution.getStatus().toString());
        return null;
    }

    private void print(final String state) {
        final double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        err.printf("step %s: %s, read %,d, written %,d, commits %,d, %,.0f items/s%n", step.getStepName(), state,
            step.getReadCount(), step.getWriteCount(), step.getCommitCount(), step.getReadCount() / seconds);
    }
}
