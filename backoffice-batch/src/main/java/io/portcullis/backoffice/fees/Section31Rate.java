package io.portcullis.backoffice.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An SEC Section 31 rate from a trade date on: a row of {@code fee_sec_section31}.
 *
 * @param effectiveFrom  first trade (charge) date it applies to
 * @param ratePerMillion USD per USD 1,000,000 of sale proceeds; null when the figure is not known yet
 * @param verified       whether figure and date were checked against the source
 * @param source         where it comes from
 */
public record Section31Rate(LocalDate effectiveFrom, BigDecimal ratePerMillion, boolean verified, String source) {
    /** Validates the row. */
    public Section31Rate {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(source, "source");
        if (ratePerMillion != null && ratePerMillion.signum() < 0) {
            throw new IllegalArgumentException("negative Section 31 rate from " + effectiveFrom);
        }
    }
}
