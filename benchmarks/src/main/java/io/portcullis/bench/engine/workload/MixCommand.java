package io.portcullis.bench.engine.workload;

/**
 * Kinds of neutral commands. Stored as their {@link #ordinal()} in {@link Workload#type}. Immutable.
 */
public enum MixCommand {
    /** A good-till-cancel limit order; rests what it does not fill. */
    PLACE_GTC,
    /** An immediate-or-cancel limit order; the rest is cancelled. */
    PLACE_IOC,
    /** Cancel a resting order. */
    CANCEL,
    /** Move a resting order to a new price, keeping its remaining quantity (a cancel/replace; loses priority). */
    MOVE;

    private static final MixCommand[] VALUES = values();

    /**
     * @param ordinal a stored ordinal
     * @return the kind; does not allocate
     */
    public static MixCommand of(final int ordinal) {
        return VALUES[ordinal];
    }
}
