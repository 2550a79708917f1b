package io.portcullis.backoffice.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One posting line of a confirmation. For each confirmation and kind, debits equal credits.
 *
 * @param confirmId      the confirmation posted
 * @param lineNo         line number within the confirmation, from 1
 * @param settlementDate value date
 * @param ledgerAccount  customer account id or a house account ({@code HOUSE:...})
 * @param kind           CASH (USD) or POSITION (shares of {@code symbol})
 * @param symbol         the security ({@code USD} for cash)
 * @param debit          amount debited, scale 2, zero or positive
 * @param credit         amount credited, scale 2, zero or positive
 * @param memo           a line of text for statements
 */
public record LedgerEntry(String confirmId, int lineNo, LocalDate settlementDate, String ledgerAccount, Kind kind,
                          String symbol, BigDecimal debit, BigDecimal credit, String memo) {
    /** House account: the street side (clearing) of every trade. */
    public static final String CLEARING = "HOUSE:CLEARING";
    /** House account: commission income. */
    public static final String COMMISSION = "HOUSE:COMMISSION";
    /** House account: Section 31 fees collected, owed to the SRO. */
    public static final String SEC_FEE_PAYABLE = "HOUSE:SEC_FEE_PAYABLE";
    /** House account: TAF collected, owed to FINRA. */
    public static final String TAF_PAYABLE = "HOUSE:TAF_PAYABLE";

    /** What a ledger line counts. */
    public enum Kind {
        /** USD. */
        CASH,
        /** Shares. */
        POSITION
    }
}
