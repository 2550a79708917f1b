package io.portcullis.oms.journal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.portcullis.oms.command.Command;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.oms.runner.CommandCallback;
import io.portcullis.oms.runner.EngineRunner;

/** Tests' way to put commands into a real journal: an engine runner that waits until every command is durable. */
public final class DurableRun {
    private DurableRun() {
    }

    /**
     * Runs an engine recovered as {@code recovered} on {@code kafka}, submits {@code count} commands from {@code next}
     * and returns once every one is durable; the caller closes the runner.
     *
     * @param ringSize the runner's ring, a power of two
     * @param timeout  how long the commands may take to become durable
     * @throws AssertionError when a command is lost or the commands are not durable in time
     */
    public static EngineRunner run(final Recovery.Result recovered, final KafkaJournal kafka,
                                   final Supplier<Command> next, final int count, final int ringSize,
                                   final Duration timeout) throws InterruptedException {
        final EngineRunner runner = new EngineRunner(recovered, kafka, null, ringSize, 0);
        final CountDownLatch durable = new CountDownLatch(count);
        final CommandCallback callback = new CommandCallback() {
            @Override
            public void onDurable(final long sequence, final long offset, final byte[] record) {
                durable.countDown();
            }

            @Override
            public void onLost(final long sequence, final String reason) {
                throw new AssertionError("lost command " + sequence + ": " + reason);
            }
        };
        for (int i = 0; i < count; i++) {
            final Command command = next.get();
            while (!runner.submit(command, callback)) {
                Thread.onSpinWait();
            }
        }
        if (!durable.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(durable.getCount() + " of " + count + " commands not durable in "
                + timeout.toSeconds() + " s");
        }
        return runner;
    }
}
