package io.portcullis.backoffice.batch;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.batch.core.listener.ChunkListener;

/**
 * {@code BatchMain} in a child JVM whose chunk steps pause 300 ms after each chunk is written (ChunkOrientedStep calls
 * afterChunk inside the chunk's transaction, before the commit) and say so on standard output ("wrote chunk N"), so
 * that a test can kill it (destroyForcibly, SIGKILL) in the middle of a step, with a chunk in flight.
 */
public final class SlowRunMain {
    private SlowRunMain() {
    }

    /**
     * @param args as for {@code BatchMain}
     */
    public static void main(final String[] args) {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final StepHooks slow = step -> List.of(new ChunkListener<Object, Object>() {
            private int chunks;

            @Override
            public void afterChunk(final org.springframework.batch.infrastructure.item.Chunk<Object> chunk) {
                out.println("wrote chunk " + ++chunks);
                try {
                    Thread.sleep(300);
                } catch (final InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        final int status = BatchMain.run(List.of(args), out, System.err, null, slow, SettlementWriter.NONE,
            TradingDays.weekdays());
        Runtime.getRuntime().halt(status);
    }
}
