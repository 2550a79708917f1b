package io.portcullis.backoffice.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one account settles in one security on one settlement date, net over every confirmed trade settling then.
 *
 * @param settlementDate  settlement date
 * @param accountId       account
 * @param symbol          security
 * @param boughtQuantity  shares bought
 * @param soldQuantity    shares sold (long and short)
 * @param grossBought     USD gross of the purchases
 * @param grossSold       USD gross of the sales
 * @param commission      USD commission on all of them
 * @param secFee          USD Section 31 fees
 * @param tafFee          USD TAF
 * @param trades          number of confirmations netted
 * @param calendarVersion the calendar version the settlement dates come from
 */
public record Obligation(LocalDate settlementDate, String accountId, String symbol, long boughtQuantity,
                         long soldQuantity, BigDecimal grossBought, BigDecimal grossSold, BigDecimal commission,
                         BigDecimal secFee, BigDecimal tafFee, int trades, String calendarVersion) {
    /** Net shares: positive the account receives them, negative it delivers them. */
    public long netQuantity() {
        return boughtQuantity - soldQuantity;
    }

    /** Net USD at scale 2: positive the account is paid, negative it pays (after commission and fees). */
    public BigDecimal netMoney() {
        return grossSold.subtract(grossBought).subtract(commission).subtract(secFee).subtract(tafFee);
    }
}
