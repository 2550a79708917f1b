package io.portcullis.reporting.surveillance;

/** The patterns the surveillance run looks for. */
public enum AlertPattern {
    /**
     * Layering / spoofing: many orders and cancels per fill, and large orders on one side cancelled within seconds of
     * a fill of the same account on the other side.
     */
    LAYERING,
    /** Wash trade: both sides of a trade belong to the same beneficial owner. */
    WASH_TRADE,
    /** Marking the close: trades in the last minutes before 16:00 New York moving the last price in favour of the
     * account's position. */
    MARKING_THE_CLOSE
}
