package io.portcullis.risk.desk;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.sql.schema.tables.records.RiskLimitRecord;
import org.jooq.DSLContext;

/**
 * The rules a limit request must pass ({@link LimitService} applies them): the slot's parts, the value, the effective
 * time, the hierarchy (a narrower limit no looser than the nearest wider one) and what counts as looser (four eyes).
 * Each failure is a {@link DeskRefusal#invalid} naming the request member. Thread-safe.
 */
final class LimitRules {
    private static final Duration PAST_TOLERANCE = Duration.ofMinutes(5);
    private static final Duration LONGEST_AHEAD = Duration.ofDays(366);

    private final ReferenceCheck reference;

    LimitRules(final ReferenceCheck reference) {
        this.reference = reference;
    }

    /** The slot a request names, each part validated. */
    LimitKey key(final LimitRequest request) {
        final LimitScope scope = request.scope();
        final LimitName name = request.name();
        if (scope == null) {
            throw DeskRefusal.invalid("scope", "is required: one of " + Arrays.toString(LimitScope.values()));
        }
        if (name == null) {
            throw DeskRefusal.invalid("name", "is required: one of " + Arrays.toString(LimitName.values()));
        }
        if (!name.allowedAt(scope)) {
            throw DeskRefusal.invalid("scope", name + " cannot be set at " + scope + " scope; it can at "
                + Arrays.stream(LimitScope.values()).filter(name::allowedAt).toList());
        }
        final String key = request.key();
        switch (scope) {
            case FIRM -> {
                if (key != null && !LimitKey.ANY.equals(key)) {
                    throw DeskRefusal.invalid("key", "the FIRM scope's key is '*'");
                }
            }
            case BROKER_FIRM -> reference.firm("key", key);
            case ACCOUNT, SYMBOL -> reference.account("key", key);
        }
        final String symbol = request.symbol();
        final boolean namesSymbol = symbol != null && !LimitKey.ANY.equals(symbol);
        if (scope == LimitScope.SYMBOL) {
            if (!namesSymbol) {
                throw DeskRefusal.invalid("symbol", "a SYMBOL limit names its symbol");
            }
            reference.symbol("symbol", symbol);
        } else if (namesSymbol) {
            throw DeskRefusal.invalid("symbol", "only a SYMBOL limit names a symbol (this one is " + scope + ")");
        }
        return new LimitKey(scope, scope == LimitScope.FIRM ? LimitKey.ANY : key,
            scope == LimitScope.SYMBOL ? symbol : LimitKey.ANY, name);
    }

    /** The value, validated by {@link LimitName#invalidReason} and without trailing zeros. */
    static BigDecimal value(final LimitName name, final BigDecimal value) {
        final String invalid = name.invalidReason(value);
        if (invalid != null) {
            throw DeskRefusal.invalid("value", invalid + " (" + name + " is in " + name.unit() + ")");
        }
        return LimitStore.plain(value);
    }

    /** When a change takes effect: now when not given or just past, else the requested time within a year. */
    static Instant effectiveFrom(final Instant requested, final Instant now) {
        if (requested == null) {
            return now;
        }
        if (requested.isBefore(now.minus(PAST_TOLERANCE))) {
            throw DeskRefusal.invalid("effectiveFrom", "is in the past (" + requested + "); leave it out for now");
        }
        if (requested.isAfter(now.plus(LONGEST_AHEAD))) {
            throw DeskRefusal.invalid("effectiveFrom", "is more than a year ahead (" + requested + ")");
        }
        return requested.isAfter(now) ? requested : now;
    }

    /** Refuses a value looser than the nearest wider scope's, for limits where a larger value is looser. */
    static void requireWithinParent(final DSLContext db, final LimitKey key, final BigDecimal value) {
        if (!key.name().largerIsLooser()) {
            return;
        }
        final LimitStore.Inherited parent = LimitStore.inherited(db, key);
        if (parent != null && value.compareTo(parent.value()) > 0) {
            throw DeskRefusal.invalid("value", value.toPlainString() + " would be looser than the "
                + LimitStore.describe(parent.from()) + " limit of " + LimitStore.plain(parent.value()).toPlainString()
                + "; a narrower limit may not exceed a wider one (raise the wider one first)");
        }
    }

    /** Whether {@code value} allows more than what applies now (the slot's value, else the inherited one). */
    static boolean looser(final DSLContext db, final LimitKey key, final RiskLimitRecord slot,
                                  final BigDecimal value) {
        final BigDecimal current;
        if (slot != null) {
            current = slot.getLimitValue();
        } else {
            final LimitStore.Inherited inherited = LimitStore.inherited(db, key);
            current = inherited == null ? null : inherited.value();
        }
        if (current == null) {
            return false;
        }
        final int cmp = value.compareTo(current);
        return key.name().largerIsLooser() ? cmp > 0 : cmp < 0;
    }
}
