package io.portcullis.reporting.search;

import java.time.Instant;
import java.util.Set;

/**
 * The filters of one search, validated. Null means "no filter"; {@code accounts} empty means "no account can match"
 * (an account outside the broker firm asked for). Prices in 1e-4 USD, quantities in shares; {@code from} inclusive,
 * {@code to} exclusive. Which document field each filter applies to depends on the search (see {@link AuditSearch}).
 *
 * @param accounts  account must be one of these (sorted), or null
 * @param symbol    symbol, or null
 * @param side      side name (BUY, SELL, SELL_SHORT, SELL_SHORT_EXEMPT), or null
 * @param status    ordStatus name, or null
 * @param orderId   OrderID(37), or null
 * @param execId    ExecID(17), or null
 * @param clOrdId   ClOrdID(11), or null
 * @param sessionId FIX session id, or null
 * @param from      lower bound of the time filter, inclusive, or null
 * @param to        upper bound of the time filter, exclusive, or null
 * @param minPrice  lowest price, 1e-4 USD, inclusive, or null
 * @param maxPrice  highest price, 1e-4 USD, inclusive, or null
 * @param minQty    lowest quantity, shares, inclusive, or null
 * @param maxQty    highest quantity, shares, inclusive, or null
 * @param text      free text matched against texts and reject reasons, or null
 */
record AuditFilter(Set<String> accounts, String symbol, String side, String status, String orderId, String execId,
                   String clOrdId, String sessionId, Instant from, Instant to, Long minPrice, Long maxPrice,
                   Long minQty, Long maxQty, String text) {

    /** Whether the price and quantity bounds say anything. */
    boolean hasPriceOrQuantity() {
        return minPrice != null || maxPrice != null || minQty != null || maxQty != null;
    }
}
