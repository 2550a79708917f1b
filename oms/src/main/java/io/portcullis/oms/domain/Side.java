package io.portcullis.oms.domain;

/**
 * Order side, FIX Side(54). Immutable; safe on any thread.
 */
public enum Side {
    /** FIX Side=1. */
    BUY('1'),
    /** FIX Side=2. */
    SELL('2');

    private final char fixValue;

    Side(final char fixValue) {
        this.fixValue = fixValue;
    }

    /**
     * @return the FIX Side(54) value, also the stable wire code of this side
     */
    public char fixValue() {
        return fixValue;
    }

    /**
     * @return the side an order of this side trades against
     */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /**
     * Decodes a wire code. Does not allocate.
     *
     * @param fixValue a FIX Side(54) value
     * @return the side, or {@code null} when the value is not a supported side
     */
    public static Side fromFix(final char fixValue) {
        return switch (fixValue) {
            case '1' -> BUY;
            case '2' -> SELL;
            default -> null;
        };
    }
}
