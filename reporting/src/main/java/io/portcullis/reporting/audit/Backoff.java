package io.portcullis.reporting.audit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Exponential backoff while Elasticsearch fails: the first wait, doubled after every failure up to the largest,
 * back to the first after a success. Indexer thread only.
 */
final class Backoff {
    /** Thrown out of {@link #pause} when the indexer is closed while waiting. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("audit indexer closed", null, false, false);
        }
    }

    private final long initialMs;
    private final long maxMs;
    private final BooleanSupplier running;
    private long nextMs;
    private final AtomicLong retries;

    /** @param retries counts every {@link #pause}, readable from any thread */
    Backoff(final long initialMs, final long maxMs, final BooleanSupplier running, final AtomicLong retries) {
        this.retries = retries;
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.running = running;
        this.nextMs = initialMs;
    }

    /** Waits before the next attempt; throws {@link Stopped} when the indexer is closed meanwhile. */
    void pause() {
        retries.incrementAndGet();
        final long until = System.nanoTime() + nextMs * 1_000_000L;
        nextMs = Math.min(maxMs, nextMs * 2);
        while (running.getAsBoolean()) {
            final long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, left / 1_000_000L)));
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }
        throw new Stopped();
    }

    void reset() {
        nextMs = initialMs;
    }
}
