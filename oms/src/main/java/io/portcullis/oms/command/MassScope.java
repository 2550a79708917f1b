package io.portcullis.oms.command;

/**
 * Which live orders a mass cancel or mass status request covers. Stable wire codes. Immutable.
 */
public enum MassScope {
    /** Orders of one account (scope value = account id). */
    ACCOUNT(1),
    /** Orders of every account of one broker firm (scope value = broker firm id). */
    BROKER_FIRM(2),
    /** Orders entered on one FIX session (scope value = session id). */
    SESSION(3),
    /** Orders in one symbol (scope value = symbol). */
    SYMBOL(4),
    /** Every live order (scope value ignored). */
    ALL(5);

    private final int code;

    MassScope(final int code) {
        this.code = code;
    }

    /**
     * @return the stable wire code
     */
    public int code() {
        return code;
    }

    /**
     * @param code a wire code
     * @return the scope, or {@code null} when unknown
     */
    public static MassScope fromCode(final int code) {
        for (final MassScope scope : values()) {
            if (scope.code == code) {
                return scope;
            }
        }
        return null;
    }
}
