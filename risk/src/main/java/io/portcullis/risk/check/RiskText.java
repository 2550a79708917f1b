package io.portcullis.risk.check;

import java.math.BigDecimal;

/**
 * Formats the values in reject texts: every text names the limit (as the risk desk names it), the value, the limit
 * and where it was set, e.g. {@code "MAX_ORDER_QTY: 12000 > limit 10000 (account B1-CUST-001)"}. Used only on rejects
 * and warnings, so it allocates freely. Stateless.
 */
final class RiskText {

    private RiskText() {
    }

    /** @return a 1e-4 USD amount with 2 decimals, or 4 when it has sub-cent digits, e.g. "187.25" */
    static String usd(final long amount) {
        final BigDecimal value = BigDecimal.valueOf(amount, 4);
        return amount % 100 == 0 ? value.setScale(2).toPlainString() : value.toPlainString();
    }

    /** @return a percent scaled by 1e4 without trailing zeros, e.g. 50,000 -> "5" */
    static String percent(final long scaled) {
        return BigDecimal.valueOf(scaled, 4).stripTrailingZeros().toPlainString();
    }

    /** @return "09:30" for minute 570 */
    static String clock(final int minuteOfDay) {
        return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }

    /** @return the reference price's source */
    static String referenceSource(final int source) {
        return switch (source) {
            case CheckContext.REF_LAST -> "last trade";
            case CheckContext.REF_MID -> "book mid";
            default -> "reference price";
        };
    }

    /** @return "MAX_ORDER_QTY: 12000 > limit 10000 (account A)" */
    static String over(final String limit, final String value, final String max, final String source) {
        return limit + ": " + value + " > limit " + max + " (" + source + ")";
    }
}
