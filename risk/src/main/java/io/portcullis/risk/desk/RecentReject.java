package io.portcullis.risk.desk;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A rejected order. Immutable.
 *
 * @param at        when it was rejected (UTC)
 * @param sessionId the FIX session it came from
 * @param clOrdId   its ClOrdID
 * @param account   the account
 * @param symbol    the symbol
 * @param side      FIX Side(54)
 * @param quantity  OrderQty, shares
 * @param price     limit price in USD, or null
 * @param reason    why (the engine's reject code and text where the source has it)
 */
public record RecentReject(Instant at, String sessionId, String clOrdId, String account, String symbol, String side,
                           long quantity, BigDecimal price, String reason) {
}
