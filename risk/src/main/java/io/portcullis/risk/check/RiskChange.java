package io.portcullis.risk.check;

import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;

import java.util.Objects;

/**
 * One change to the pre-trade risk state, as carried (encoded by {@link RiskUpdates}) in the body of a journaled
 * {@code RiskUpdate} command. Immutable.
 */
public sealed interface RiskChange {

    /**
     * Sets or replaces a limit.
     *
     * @param key   which limit, where; non-null
     * @param value the value scaled to a long (see {@link RiskUpdates#scale}); not negative
     */
    record SetLimit(LimitKey key, long value) implements RiskChange {
        /** Checks the fields. */
        public SetLimit {
            Objects.requireNonNull(key, "key");
            if (value < 0) {
                throw new IllegalArgumentException("negative limit value " + value);
            }
        }
    }

    /**
     * Removes a limit: the next wider scope's value applies again.
     *
     * @param key which limit, where; non-null
     */
    record RemoveLimit(LimitKey key) implements RiskChange {
        /** Checks the field. */
        public RemoveLimit {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * Adds a symbol to a list or removes it.
     *
     * @param list     which list; non-null
     * @param scopeKey {@code *} for the firm-wide list, else an account id; non-null
     * @param symbol   the symbol; non-null
     * @param present  true to add, false to remove
     */
    record ListEntry(ListName list, String scopeKey, String symbol, boolean present) implements RiskChange {
        /** Checks the fields. */
        public ListEntry {
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(scopeKey, "scopeKey");
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    /**
     * Adds a locate, or replaces the one with the same id (resetting what it has left).
     *
     * @param locate the locate; non-null
     */
    record AddLocate(Locate locate) implements RiskChange {
        /** Checks the field. */
        public AddLocate {
            Objects.requireNonNull(locate, "locate");
        }
    }

    /**
     * Engages or releases a kill switch.
     *
     * @param scope   its scope; non-null
     * @param key     {@code *} for FIRM, else the broker firm, session, account or symbol; non-null
     * @param engaged true to engage
     */
    record KillSwitch(KillScope scope, String key, boolean engaged) implements RiskChange {
        /** Checks the fields. */
        public KillSwitch {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(key, "key");
        }
    }
}
