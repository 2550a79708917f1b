package io.portcullis.backoffice.settlement;

/** The side of a trade, from FIX Side(54). */
public enum Side {
    /** FIX 1. */
    BUY('1'),
    /** FIX 2. */
    SELL('2'),
    /** FIX 5. */
    SELL_SHORT('5'),
    /** FIX 6. */
    SELL_SHORT_EXEMPT('6');

    private final char fix;

    Side(final char fix) {
        this.fix = fix;
    }

    /** Whether the side is a sale (and carries Section 31 and TAF). */
    public boolean isSale() {
        return this != BUY;
    }

    /** The side for a FIX Side(54) value as stored in {@code executions.side}. */
    public static Side fromFix(final String value) {
        if (value != null && value.length() == 1) {
            for (final Side side : values()) {
                if (side.fix == value.charAt(0)) {
                    return side;
                }
            }
        }
        throw new IllegalArgumentException("unsupported FIX Side(54) '" + value + "'");
    }
}
