package io.portcullis.fix.session;

/**
 * A token bucket: at most {@code perSecond} messages in any burst, refilled at {@code perSecond} per second. Used for
 * one session's inbound application messages; 0 means no limit.
 *
 * <p>Called on the session's QuickFIX/J thread; synchronized anyway (uncontended) so an admin reset is safe.
 * Allocates nothing.
 */
final class MessageRateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int perSecond;
    private double tokens;
    private long lastNanos;

    MessageRateLimiter(final int perSecond, final long nowNanos) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.lastNanos = nowNanos;
    }

    /** The limit, messages per second; 0 = none. */
    int perSecond() {
        return perSecond;
    }

    /** Takes one token; false when the session is above its rate. */
    synchronized boolean tryAcquire(final long nowNanos) {
        if (perSecond <= 0) {
            return true;
        }
        final long elapsed = Math.max(0, nowNanos - lastNanos);
        lastNanos = nowNanos;
        tokens = Math.min(perSecond, tokens + (double) elapsed * perSecond / NANOS_PER_SECOND);
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }
}
