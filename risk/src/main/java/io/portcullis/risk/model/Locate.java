package io.portcullis.risk.model;

import java.util.Objects;

/**
 * A locate for Reg SHO: the shares of {@code symbol} that {@code account} may sell short under {@code locateId}.
 * A short sale carrying the locate id consumes its quantity when accepted; a cancel does not give it back (the
 * locate was used). Immutable.
 *
 * @param locateId the id the order carries (custom FIX tag, see fix-dictionaries)
 * @param account  the account it was granted to
 * @param symbol   the symbol
 * @param quantity shares located, positive
 */
public record Locate(String locateId, String account, String symbol, long quantity) {
    public Locate {
        Objects.requireNonNull(locateId, "locateId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(symbol, "symbol");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }
}
