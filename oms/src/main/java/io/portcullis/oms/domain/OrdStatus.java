package io.portcullis.oms.domain;

/**
 * Order status, FIX 4.4 OrdStatus(39). The engine decides commands synchronously, so it never reports the
 * pending states; they exist for the gateway, which may report them while a command waits in the queue.
 * Immutable; safe on any thread.
 */
public enum OrdStatus {
    /** FIX 0: working, nothing executed. */
    NEW('0'),
    /** FIX 1: working, partly executed. */
    PARTIALLY_FILLED('1'),
    /** FIX 2: done, completely executed. */
    FILLED('2'),
    /** FIX 4: done, cancelled (by the client, a mass cancel, IOC/FOK/market remainder or self-trade prevention). */
    CANCELED('4'),
    /** FIX 6: gateway only. */
    PENDING_CANCEL('6'),
    /** FIX 8: never accepted. */
    REJECTED('8'),
    /** FIX A: gateway only. */
    PENDING_NEW('A'),
    /** FIX C: done, expired (DAY at the trade-date close, GTD at its expire time). */
    EXPIRED('C'),
    /** FIX E: gateway only. */
    PENDING_REPLACE('E');

    private final char fixValue;

    OrdStatus(final char fixValue) {
        this.fixValue = fixValue;
    }

    /**
     * @return the FIX OrdStatus(39) value, also the stable wire code
     */
    public char fixValue() {
        return fixValue;
    }

    /**
     * @return true when an order in this status can never change again
     */
    public boolean isDone() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
    }
}
