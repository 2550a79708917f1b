package io.portcullis.risk.model;

/**
 * Where a limit applies, from the widest to the narrowest. The effective value of a limit for an order is the one of
 * the narrowest scope that sets it: SYMBOL (account and symbol), then ACCOUNT, then BROKER_FIRM (the account's broker
 * firm), then FIRM. Scope keys: FIRM {@code *}; BROKER_FIRM a broker firm id; ACCOUNT and SYMBOL an account id
 * (SYMBOL also names the symbol).
 */
public enum LimitScope {
    FIRM,
    BROKER_FIRM,
    ACCOUNT,
    SYMBOL;

    /** @return the next wider scope, or null for FIRM */
    public LimitScope parent() {
        return switch (this) {
            case FIRM -> null;
            case BROKER_FIRM -> FIRM;
            case ACCOUNT -> BROKER_FIRM;
            case SYMBOL -> ACCOUNT;
        };
    }
}
