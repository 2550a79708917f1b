package io.portcullis.risk.model;

import java.util.Objects;

/**
 * One limit slot: name, scope and scope key, and for SYMBOL scope the symbol ({@code *} otherwise). Immutable.
 *
 * @param scope    where it applies
 * @param scopeKey {@code *} for FIRM, a broker firm id, or an account id
 * @param symbol   the symbol for SYMBOL scope, else {@code *}
 * @param name     which limit
 */
public record LimitKey(LimitScope scope, String scopeKey, String symbol, LimitName name) {
    /** The wildcard key of the FIRM scope and the symbol of every scope but SYMBOL. */
    public static final String ANY = "*";

    public LimitKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeKey, "scopeKey");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(name, "name");
        if (scope == LimitScope.FIRM && !ANY.equals(scopeKey)) {
            throw new IllegalArgumentException("the FIRM scope's key is '*'");
        }
        if ((scope == LimitScope.SYMBOL) == ANY.equals(symbol)) {
            throw new IllegalArgumentException(scope == LimitScope.SYMBOL ? "a SYMBOL limit needs a symbol"
                : "only a SYMBOL limit names a symbol");
        }
        if (!name.allowedAt(scope)) {
            throw new IllegalArgumentException(name + " cannot be set at " + scope + " scope");
        }
    }
}
