package io.portcullis.oms.domain;

/**
 * Execution type, FIX 4.4 ExecType(150): why an ExecutionReport was sent. Immutable; safe on any thread.
 */
public enum ExecType {
    /** FIX 0: order accepted. */
    NEW('0'),
    /** FIX 4: order cancelled. */
    CANCELED('4'),
    /** FIX 5: order replaced (cancel/replace accepted). */
    REPLACED('5'),
    /** FIX 8: order rejected. */
    REJECTED('8'),
    /** FIX C: order expired. */
    EXPIRED('C'),
    /** FIX F: trade (partial or full fill). */
    TRADE('F'),
    /** FIX I: answer to an order status or mass status request. */
    ORDER_STATUS('I'),
    /**
     * FIX L (added in FIX 5.0; a FIX 4.4 session may send it as Restated or not at all): a stop order was
     * triggered by the last trade price and now works as a market or limit order with new time priority.
     */
    TRIGGERED('L');

    private final char fixValue;

    ExecType(final char fixValue) {
        this.fixValue = fixValue;
    }

    /**
     * @return the FIX ExecType(150) value, also the stable wire code
     */
    public char fixValue() {
        return fixValue;
    }
}
