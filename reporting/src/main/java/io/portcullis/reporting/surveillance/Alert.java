package io.portcullis.reporting.surveillance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * An alert a detector raised, before it is stored. Immutable (the maps are copied).
 *
 * @param pattern     what was found
 * @param account     the account (for a wash trade: the first of the owner's accounts, by name)
 * @param symbol      the symbol
 * @param windowStart first event of the evidence
 * @param windowEnd   last event of the evidence
 * @param score       how far past the threshold (pattern-specific, larger is worse)
 * @param values      the numbers that crossed the thresholds and the thresholds, in order
 * @param evidence    order ids, their lineage links, trades
 */
public record Alert(AlertPattern pattern, String account, String symbol, Instant windowStart, Instant windowEnd,
                    BigDecimal score, Map<String, Object> values, Map<String, Object> evidence) {
    /** Path of the admin API's order lineage; append the order id. */
    public static final String LINEAGE = "/api/audit/lineage?orderId=";

    /** Copies the maps (keeping their order). */
    public Alert {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
