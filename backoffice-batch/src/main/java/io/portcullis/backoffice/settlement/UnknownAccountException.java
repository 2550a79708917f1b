package io.portcullis.backoffice.settlement;

import java.io.Serial;

/** A trade or an allocation names an account the back office does not know. */
public final class UnknownAccountException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String accountId;

    /** For {@code accountId}, met in {@code where}. */
    public UnknownAccountException(final String accountId, final String where) {
        super("unknown account '" + accountId + "' in " + where);
        this.accountId = accountId;
    }

    /** The unknown account. */
    public String accountId() {
        return accountId;
    }
}
