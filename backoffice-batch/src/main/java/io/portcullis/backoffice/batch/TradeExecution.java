package io.portcullis.backoffice.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One execution (one side of one trade) of the {@code executions} table, as the settlement job hands it on.
 * Immutable.
 *
 * @param execId    ExecID(17), never null
 * @param orderId   OrderID(37)
 * @param tradeId   the trade both sides share
 * @param accountId the account, never null
 * @param firmId    the broker firm, never null
 * @param symbol    the symbol, never null
 * @param side      FIX Side(54): 1 buy, 2 sell, 5 sell short, 6 sell short exempt
 * @param lastQty   shares
 * @param lastPx    USD per share
 * @param liquidity AGGRESSOR or RESTING
 * @param execTime  UTC
 * @param tradeDate the New York trade date
 */
public record TradeExecution(String execId, long orderId, long tradeId, String accountId, String firmId,
                             String symbol, String side, long lastQty, BigDecimal lastPx, String liquidity,
                             LocalDateTime execTime, LocalDate tradeDate) {
}
