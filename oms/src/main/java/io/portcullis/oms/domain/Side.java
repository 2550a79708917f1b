package io.portcullis.oms.domain;

/**
 * Order side, FIX Side(54). Immutable; safe on any thread.
 *
 * <p>SELL_SHORT and SELL_SHORT_EXEMPT are sells for everything that trades or counts: they rest on the ask side of
 * the book, match buys, reduce positions and count as sell exposure. They keep their own value on the order, in its
 * execution reports and in the journal, because Reg SHO marking (and the locate that a short sale needs) is decided
 * by pre-trade risk and reported downstream. Market data (depth levels, trade prints) only ever shows
 * {@link #BUY} or {@link #SELL}: see {@link #bookSide()}.
 */
public enum Side {
    /** FIX Side=1. */
    BUY('1'),
    /** FIX Side=2: a long sale. */
    SELL('2'),
    /** FIX Side=5: a short sale (Reg SHO), needs a locate unless risk presumes availability. */
    SELL_SHORT('5'),
    /** FIX Side=6: a short sale exempt from the Rule 201 price test, only for permitted accounts. */
    SELL_SHORT_EXEMPT('6');

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
     * @return true for BUY
     */
    public boolean isBuy() {
        return this == BUY;
    }

    /**
     * @return true for SELL, SELL_SHORT and SELL_SHORT_EXEMPT
     */
    public boolean isSell() {
        return this != BUY;
    }

    /**
     * @return true for SELL_SHORT and SELL_SHORT_EXEMPT
     */
    public boolean isShort() {
        return this == SELL_SHORT || this == SELL_SHORT_EXEMPT;
    }

    /**
     * @return the side of the book an order of this side rests on: BUY, or SELL for every kind of sale
     */
    public Side bookSide() {
        return this == BUY ? BUY : SELL;
    }

    /**
     * @return the book side an order of this side trades against: SELL for BUY, BUY for every kind of sale
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
            case '5' -> SELL_SHORT;
            case '6' -> SELL_SHORT_EXEMPT;
            default -> null;
        };
    }
}
