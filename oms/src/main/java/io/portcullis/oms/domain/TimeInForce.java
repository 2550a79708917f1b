package io.portcullis.oms.domain;

/**
 * Time in force, FIX TimeInForce(59). Immutable; safe on any thread.
 */
public enum TimeInForce {
    /** FIX 0: rests until the trade-date close (the ExpireDayOrders command). */
    DAY('0'),
    /** FIX 1: rests until cancelled. */
    GTC('1'),
    /** FIX 3: executes what it can on arrival; the remainder is cancelled. */
    IOC('3'),
    /** FIX 4: executes completely on arrival or not at all. */
    FOK('4'),
    /** FIX 6: rests until its ExpireTime(126) has passed (the ExpireGtdOrders command). */
    GTD('6');

    private static final TimeInForce[] VALUES = values();

    private final char fixValue;

    TimeInForce(final char fixValue) {
        this.fixValue = fixValue;
    }

    /**
     * @return the FIX TimeInForce(59) value, also the stable wire code
     */
    public char fixValue() {
        return fixValue;
    }

    /**
     * @return true when an order with this time in force never rests in the book
     */
    public boolean isImmediate() {
        return this == IOC || this == FOK;
    }

    /**
     * Decodes a wire code. Does not allocate.
     *
     * @param fixValue a FIX TimeInForce(59) value
     * @return the time in force, or {@code null} when not supported
     */
    public static TimeInForce fromFix(final char fixValue) {
        for (final TimeInForce tif : VALUES) {
            if (tif.fixValue == fixValue) {
                return tif;
            }
        }
        return null;
    }
}
