package io.portcullis.backoffice.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

import io.portcullis.sql.schema.tables.records.ExecutionsRecord;

/**
 * One fill, as the blotter close hands it to the settlement run.
 *
 * @param execId    ExecID, unique
 * @param orderId   the order it filled (selects block executions)
 * @param accountId the account the order was entered for
 * @param symbol    instrument symbol
 * @param side      side of the fill
 * @param quantity  shares, positive
 * @param price     price in USD (up to 8 decimals), positive
 * @param execTime  execution time (UTC)
 * @param tradeDate US Eastern trade date
 * @param capacity  capacity the broker acted in
 */
public record Execution(String execId, long orderId, String accountId, String symbol, Side side, long quantity,
                        BigDecimal price, Instant execTime, LocalDate tradeDate, Capacity capacity) {
    /** Validates the fill. */
    public Execution {
        Objects.requireNonNull(execId, "execId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(execTime, "execTime");
        Objects.requireNonNull(tradeDate, "tradeDate");
        Objects.requireNonNull(capacity, "capacity");
        if (quantity <= 0 || price.signum() <= 0) {
            throw new IllegalArgumentException("execution " + execId + " needs positive quantity and price, not "
                + quantity + " @ " + price);
        }
    }

    /** A fill read from the {@code executions} table (times stored in UTC), in the given capacity. */
    public static Execution from(final ExecutionsRecord row, final Capacity capacity) {
        return new Execution(row.getExecId(), row.getOrderId(), row.getAccountId(), row.getSymbol(),
            Side.fromFix(row.getSide()), row.getLastQty(), row.getLastPx(),
            row.getExecTime().toInstant(ZoneOffset.UTC), row.getTradeDate(), capacity);
    }
}
