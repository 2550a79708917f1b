package io.portcullis.backoffice.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The regular-way settlement cycle for trade dates from {@code effectiveFrom}: a row of {@code settlement_cycle}.
 *
 * @param effectiveFrom the first trade date it applies to
 * @param businessDays  settlement days after the trade date (1 for T+1)
 * @param source        the rule it comes from
 */
public record SettlementCycle(LocalDate effectiveFrom, int businessDays, String source) {
    /** Validates the row. */
    public SettlementCycle {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(source, "source");
        if (businessDays < 0) {
            throw new IllegalArgumentException("settlement cycle from " + effectiveFrom + " is negative: "
                + businessDays);
        }
    }
}
