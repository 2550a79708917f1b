package io.portcullis.reporting.reconcile;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One execution (one side of one trade) as a source holds it, reduced to the fields that are compared. Immutable.
 *
 * @param execId       ExecID(17), never null
 * @param orderId      OrderID(37)
 * @param symbol       Symbol(55), null when the source has none
 * @param side         Side(54) as the engine's enum name (BUY, SELL, SELL_SHORT, SELL_SHORT_EXEMPT), null when the
 *                     source has none
 * @param lastQty      LastQty(32), shares
 * @param lastPx       LastPx(31), USD (compared by value: 187.25 equals 187.25000000), null when the source has none
 * @param account      Account(1), null when the source has none
 * @param transactTime TransactTime(60), epoch nanos UTC; not compared (it chose the day)
 * @param origin       where in its source it was found (journal offset, document id, table), for the operator
 */
public record Execution(String execId, long orderId, String symbol, String side, long lastQty, BigDecimal lastPx,
                        String account, long transactTime, String origin) {

    /** Requires an ExecID. */
    public Execution {
        Objects.requireNonNull(execId, "execId");
    }
}

