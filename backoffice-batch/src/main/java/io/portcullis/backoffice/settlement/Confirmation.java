package io.portcullis.backoffice.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.portcullis.backoffice.fees.Fees;

/**
 * A customer confirmation (SEA Rule 10b-10): the trade (date, time or that it is available on request, security,
 * side, quantity, price, capacity), the commission and fees, the settlement date, the net amount and the
 * disclosures (average price, short sale, the firm's standing remarks).
 *
 * @param trade          the customer trade
 * @param securityName   the security's name
 * @param settlementDate regular-way settlement date
 * @param fees           commission, Section 31 fee, TAF
 * @param netAmount      USD scale 2: what the customer pays on a purchase (gross + charges) or receives on a sale
 *                       (gross − charges)
 * @param remarks        disclosures, in a fixed order
 */
public record Confirmation(Trade trade, String securityName, LocalDate settlementDate, Fees fees,
                           BigDecimal netAmount, List<String> remarks) {
    /** Validates and copies. */
    public Confirmation {
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(securityName, "securityName");
        Objects.requireNonNull(settlementDate, "settlementDate");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(netAmount, "netAmount");
        remarks = List.copyOf(remarks);
    }

    /** The confirmation id (the trade id). */
    public String confirmId() {
        return trade.tradeId();
    }

    /** Signed cash for the customer on the settlement date: negative when it pays, positive when it is paid. */
    public BigDecimal cashToCustomer() {
        return trade.side().isSale() ? netAmount : netAmount.negate();
    }
}
