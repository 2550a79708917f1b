package io.portcullis.risk.model;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every configurable limit of the pre-trade checks, with its unit, the scopes where it may be set, whether a larger
 * value is looser (then a change to a larger value is an increase that needs a second risk officer's approval, and a
 * child scope may not be looser than its parent), and the largest value accepted (absurd values are refused).
 */
public enum LimitName {
    /** Largest OrderQty of one order, shares. */
    MAX_ORDER_QTY(Unit.SHARES, all(), true, new BigDecimal("100000000")),
    /** Largest notional of one order (qty x limit price, or x reference price for a market order), USD. */
    MAX_ORDER_NOTIONAL(Unit.USD, all(), true, new BigDecimal("10000000000")),
    /** Price collar: a limit price may differ from the reference price by at most this percentage. */
    PRICE_COLLAR_PCT(Unit.PERCENT, all(), true, new BigDecimal("100")),
    /** Price collar in ticks of the instrument (used when set; the narrower of the two collars applies). */
    PRICE_COLLAR_TICKS(Unit.COUNT, all(), true, new BigDecimal("1000000")),
    /** 1 allows market orders, 0 refuses them. */
    MARKET_ORDERS_ALLOWED(Unit.FLAG, all(), true, BigDecimal.ONE),
    /** Credit, gross: buy + sell notional of open orders plus today's executions (buying power), USD. */
    GROSS_NOTIONAL(Unit.USD, EnumSet.of(LimitScope.FIRM, LimitScope.BROKER_FIRM, LimitScope.ACCOUNT), true,
        new BigDecimal("1000000000000")),
    /** Credit, net: |buy - sell| notional of open orders plus today's executions, USD. */
    NET_NOTIONAL(Unit.USD, EnumSet.of(LimitScope.FIRM, LimitScope.BROKER_FIRM, LimitScope.ACCOUNT), true,
        new BigDecimal("1000000000000")),
    /** Firm-wide capital threshold: gross notional of the whole firm, USD (FIRM scope only). */
    CAPITAL_THRESHOLD(Unit.USD, EnumSet.of(LimitScope.FIRM), true, new BigDecimal("1000000000000")),
    /** Largest long position (filled plus open buys), shares. */
    MAX_LONG_POSITION(Unit.SHARES, all(), true, new BigDecimal("1000000000")),
    /** Largest short position (filled minus open sells, as a positive number), shares. */
    MAX_SHORT_POSITION(Unit.SHARES, all(), true, new BigDecimal("1000000000")),
    /** 1 lets the account send short sale exempt orders (Side=6). */
    SHORT_EXEMPT_ALLOWED(Unit.FLAG, EnumSet.of(LimitScope.FIRM, LimitScope.BROKER_FIRM, LimitScope.ACCOUNT), true,
        BigDecimal.ONE),
    /** Window in which the same account, symbol, side, quantity and price is a duplicate, milliseconds (0 = off). */
    DUPLICATE_WINDOW_MS(Unit.MILLIS, EnumSet.of(LimitScope.FIRM, LimitScope.BROKER_FIRM, LimitScope.ACCOUNT), false,
        new BigDecimal("3600000")),
    /** 1 blocks a duplicate order, 0 only warns (the order passes, the decision is recorded). */
    DUPLICATE_BLOCK(Unit.FLAG, EnumSet.of(LimitScope.FIRM, LimitScope.BROKER_FIRM, LimitScope.ACCOUNT), false,
        BigDecimal.ONE),
    /** New orders and replaces per second per account. */
    MAX_ORDERS_PER_SECOND(Unit.COUNT, EnumSet.of(LimitScope.FIRM, LimitScope.BROKER_FIRM, LimitScope.ACCOUNT), true,
        new BigDecimal("1000000")),
    /** Order messages (new, replace, cancel) per second per FIX session (key: the session's broker firm scope). */
    MAX_MESSAGES_PER_SECOND(Unit.COUNT, EnumSet.of(LimitScope.FIRM, LimitScope.BROKER_FIRM), true,
        new BigDecimal("1000000")),
    /** Largest OrderQty as a percentage of the symbol's average daily volume. */
    MAX_ADV_PCT(Unit.PERCENT, all(), true, new BigDecimal("100"));

    /** What a value counts. */
    public enum Unit {
        SHARES, USD, PERCENT, COUNT, FLAG, MILLIS
    }

    private final Unit unit;
    private final Set<LimitScope> scopes;
    private final boolean largerIsLooser;
    private final BigDecimal maximum;

    LimitName(final Unit unit, final Set<LimitScope> scopes, final boolean largerIsLooser, final BigDecimal maximum) {
        this.unit = unit;
        this.scopes = scopes;
        this.largerIsLooser = largerIsLooser;
        this.maximum = maximum;
    }

    private static Set<LimitScope> all() {
        return EnumSet.allOf(LimitScope.class);
    }

    /** @return the unit of the value */
    public Unit unit() {
        return unit;
    }

    /** @return whether the limit may be set at {@code scope} */
    public boolean allowedAt(final LimitScope scope) {
        return scopes.contains(scope);
    }

    /** @return whether a larger value allows more (an increase then needs approval; children must not exceed parents) */
    public boolean largerIsLooser() {
        return largerIsLooser;
    }

    /** @return the largest value accepted */
    public BigDecimal maximum() {
        return maximum;
    }

    /**
     * Validates a value: not negative, not above {@link #maximum()}, a whole number for SHARES, COUNT, MILLIS and
     * FLAG (FLAG 0 or 1), at most 4 decimals for USD and PERCENT.
     *
     * @return null when valid, else the reason
     */
    public String invalidReason(final BigDecimal value) {
        if (value == null) {
            return "a value is required";
        }
        if (value.signum() < 0) {
            return "must not be negative";
        }
        if (value.compareTo(maximum) > 0) {
            return "must be at most " + maximum.toPlainString();
        }
        final boolean whole = value.stripTrailingZeros().scale() <= 0;
        return switch (unit) {
            case SHARES, COUNT, MILLIS -> whole ? null : "must be a whole number";
            case FLAG -> whole && value.compareTo(BigDecimal.ONE) <= 0 ? null : "must be 0 or 1";
            case USD, PERCENT -> value.stripTrailingZeros().scale() <= 4 ? null : "at most 4 decimals";
        };
    }
}
