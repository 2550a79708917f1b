package io.portcullis.backoffice.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A FINRA TAF rate for sales of covered equity securities from a trade date on: a row of {@code fee_finra_taf}.
 *
 * @param effectiveFrom first trade date it applies to
 * @param perShare      USD per share sold; null when the figure is not known yet
 * @param maxPerTrade   USD cap per trade; null when not known yet
 * @param verified      whether figures and date were checked against a primary source
 * @param source        where it comes from
 */
public record TafRate(LocalDate effectiveFrom, BigDecimal perShare, BigDecimal maxPerTrade, boolean verified,
                      String source) {
    /** Validates the row. */
    public TafRate {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(source, "source");
    }
}
