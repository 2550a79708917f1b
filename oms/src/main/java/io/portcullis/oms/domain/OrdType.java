package io.portcullis.oms.domain;

/**
 * Order type, FIX OrdType(40). Stop and stop-limit orders are triggered by the last trade price of their
 * symbol and then behave as market and limit orders. Immutable; safe on any thread.
 */
public enum OrdType {
    /** FIX OrdType=1: no price; never rests. */
    MARKET('1'),
    /** FIX OrdType=2: needs a price. */
    LIMIT('2'),
    /** FIX OrdType=3: needs a stop price; becomes a market order when triggered. */
    STOP('3'),
    /** FIX OrdType=4: needs a stop price and a price; becomes a limit order when triggered. */
    STOP_LIMIT('4');

    private final char fixValue;

    OrdType(final char fixValue) {
        this.fixValue = fixValue;
    }

    /**
     * @return the FIX OrdType(40) value, also the stable wire code
     */
    public char fixValue() {
        return fixValue;
    }

    /**
     * @return true when an order of this type carries a limit price
     */
    public boolean hasLimitPrice() {
        return this == LIMIT || this == STOP_LIMIT;
    }

    /**
     * @return true when an order of this type waits for a stop price to trade
     */
    public boolean isStop() {
        return this == STOP || this == STOP_LIMIT;
    }

    /**
     * Decodes a wire code. Does not allocate.
     *
     * @param fixValue a FIX OrdType(40) value
     * @return the type, or {@code null} when not supported
     */
    public static OrdType fromFix(final char fixValue) {
        for (final OrdType type : VALUES) {
            if (type.fixValue == fixValue) {
                return type;
            }
        }
        return null;
    }

    private static final OrdType[] VALUES = values();
}
