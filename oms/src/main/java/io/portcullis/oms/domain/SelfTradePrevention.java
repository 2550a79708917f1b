package io.portcullis.oms.domain;

/**
 * What the engine does when an incoming order would trade against a resting order of the same account.
 * The incoming order's account decides. Fills already made by the incoming order stand. Immutable.
 */
public enum SelfTradePrevention {
    /** Default: cancel the rest of the incoming order; the resting order stays. */
    CANCEL_INCOMING,
    /** Cancel the resting order and let the incoming order continue matching. */
    CANCEL_RESTING,
    /** Cancel both the resting order and the rest of the incoming order. */
    CANCEL_BOTH
}
