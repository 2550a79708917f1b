package io.portcullis.backoffice.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The charges on one customer trade, to the cent.
 *
 * <ul>
 *   <li><b>SEC Section 31</b> (sales only): gross × rate / 1,000,000, <b>rounded up</b> to the next cent when there
 *       is any remainder. That is the SRO guidance for the fee (NASD Member Alert 2001-12-28 and NYSE Information
 *       Memo, as summarised by SIFMA: http://archives2.sifma.org/Section_31/html/opsalert.html) and what brokers
 *       pass on to customers ("rounded up to the nearest penny").</li>
 *   <li><b>FINRA TAF</b> (sales only): shares × per-share rate, capped at the per-trade maximum, rounded up to the
 *       next cent (brokers' pass-through practice; the cap is a whole number of cents).</li>
 *   <li><b>Commission</b>: per share × shares + bps / 10,000 × gross, at least the schedule's minimum,
 *       rounded half-up to the cent.</li>
 * </ul>
 *
 * <p>"Trade" is the customer trade being confirmed: one execution, or one account's allocation of a block (FINRA
 * TAF FAQ A200.17 lets an average-price member compute the fee on the account-level confirmation). Stateless,
 * thread-safe, allocates only the result.
 */
public final class FeeCalculator {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    private final FeeSchedule schedule;

    /** Over the given rate tables. */
    public FeeCalculator(final FeeSchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /**
     * The charges on a trade.
     *
     * @param accountId the customer account (selects the commission schedule)
     * @param sale      true for any sale (long or short), false for a purchase
     * @param shares    shares traded, positive
     * @param gross     quantity × price in USD at scale 2, positive
     * @param tradeDate the trade date (selects every rate)
     * @throws RateUnavailableException naming the fee and the date when a needed rate is not in force
     */
    public Fees fees(final String accountId, final boolean sale, final long shares, final BigDecimal gross,
                     final LocalDate tradeDate) {
        if (shares <= 0 || gross.signum() <= 0) {
            throw new IllegalArgumentException("a trade needs positive shares and gross, not " + shares + " and "
                + gross);
        }
        final BigDecimal commission = commission(accountId, shares, gross, tradeDate);
        if (!sale) {
            return new Fees(commission, cents(BigDecimal.ZERO), cents(BigDecimal.ZERO));
        }
        return new Fees(commission, secFee(gross, tradeDate), tafFee(shares, tradeDate));
    }

    /** Section 31 fee on a sale of {@code gross} USD on {@code tradeDate}, rounded up to the cent. */
    public BigDecimal secFee(final BigDecimal gross, final LocalDate tradeDate) {
        final BigDecimal rate = schedule.section31(tradeDate).ratePerMillion();
        return gross.multiply(rate).divide(MILLION).setScale(2, RoundingMode.CEILING);
    }

    /** TAF on a sale of {@code shares} on {@code tradeDate}, capped per trade, rounded up to the cent. */
    public BigDecimal tafFee(final long shares, final LocalDate tradeDate) {
        final TafRate rate = schedule.taf(tradeDate);
        final BigDecimal raw = rate.perShare().multiply(BigDecimal.valueOf(shares));
        return raw.min(rate.maxPerTrade()).setScale(2, RoundingMode.CEILING);
    }

    /** Commission for {@code accountId}, rounded half-up to the cent, at least the minimum. */
    public BigDecimal commission(final String accountId, final long shares, final BigDecimal gross,
                                 final LocalDate tradeDate) {
        final CommissionSchedule terms = schedule.commission(accountId, tradeDate);
        final BigDecimal raw = terms.perShare().multiply(BigDecimal.valueOf(shares))
            .add(gross.multiply(terms.bps()).divide(BPS));
        return raw.max(terms.minimum()).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal cents(final BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
