package io.portcullis.risk.desk;

import java.math.BigDecimal;

/**
 * An account's exposure against the credit limits that apply to it (its own, else its firm's, else firm-wide).
 * Money in USD. Immutable.
 *
 * @param exposure               what the account has working and executed today
 * @param grossLimit             the GROSS_NOTIONAL limit in force, or null when none
 * @param grossUtilisationPct    gross notional as a percentage of it (2 decimals), or null when there is no limit or
 *                               it is 0 with exposure above 0
 * @param netLimit               the NET_NOTIONAL limit in force, or null
 * @param netUtilisationPct      net notional as a percentage of it, or null likewise
 */
public record AccountUtilisation(AccountExposure exposure, BigDecimal grossLimit, BigDecimal grossUtilisationPct,
                                 BigDecimal netLimit, BigDecimal netUtilisationPct) {
}
