package io.portcullis.fix.order;

import java.time.Instant;

/**
 * An order the engine rejected (field validation or a pre-trade risk check), as reported to its session. Immutable.
 *
 * @param at        the reject's TransactTime
 * @param sessionId the session the order came from
 * @param clOrdId   its ClOrdID
 * @param account   the account
 * @param symbol    the symbol
 * @param side      FIX Side(54)
 * @param quantity  OrderQty, shares
 * @param price     limit price in 1e-4 USD, or {@code Prices.NONE}
 * @param code      the engine's reject code name (e.g. RISK_MAX_QTY)
 * @param text      the Text(58) the broker got
 */
public record RejectedOrder(Instant at, String sessionId, String clOrdId, String account, String symbol, char side,
                            long quantity, long price, String code, String text) {
}
