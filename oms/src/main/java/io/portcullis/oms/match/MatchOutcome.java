package io.portcullis.oms.match;

/**
 * Why matching stopped.
 */
public enum MatchOutcome {
    /** The incoming order has nothing left. */
    FILLED,
    /** No more resting orders at an acceptable price. */
    NO_MORE_LIQUIDITY,
    /** Self-trade prevention stopped the incoming order (CANCEL_INCOMING or CANCEL_BOTH). */
    SELF_TRADE
}
