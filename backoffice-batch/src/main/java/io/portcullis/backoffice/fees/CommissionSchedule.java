package io.portcullis.backoffice.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An account's commission from a trade date on: a row of {@code commission_schedule}. Commission on a trade is
 * {@code perShare * shares + bps / 10000 * gross}, at least {@code minimum}, rounded half-up to the cent.
 *
 * @param accountId     the account, or {@link #DEFAULT_ACCOUNT} for every account without its own schedule
 * @param effectiveFrom first trade date it applies to
 * @param perShare      USD per share
 * @param bps           basis points of the gross amount
 * @param minimum       USD minimum per trade
 * @param note          why (agreement reference)
 */
public record CommissionSchedule(String accountId, LocalDate effectiveFrom, BigDecimal perShare, BigDecimal bps,
                                 BigDecimal minimum, String note) {
    /** The account id of the default schedule. */
    public static final String DEFAULT_ACCOUNT = "*";

    /** Validates the row. */
    public CommissionSchedule {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(perShare, "perShare");
        Objects.requireNonNull(bps, "bps");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(note, "note");
        if (perShare.signum() < 0 || bps.signum() < 0 || minimum.signum() < 0) {
            throw new IllegalArgumentException("negative commission term for " + accountId + " from "
                + effectiveFrom);
        }
    }
}
