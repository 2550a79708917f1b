package io.portcullis.oms.domain;

/**
 * Capacity of an account, as used by FIX OrderCapacity(528) and CAT reporting. Immutable.
 */
public enum AccountType {
    /** Agency: a customer of the broker firm. */
    CUSTOMER,
    /** Principal: the firm's own account. */
    PROPRIETARY,
    /** Principal: a registered market maker account. */
    MARKET_MAKER
}
