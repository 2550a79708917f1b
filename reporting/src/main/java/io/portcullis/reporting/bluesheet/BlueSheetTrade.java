package io.portcullis.reporting.bluesheet;

/**
 * One execution as a blue sheet reports it: one side of one fill. Immutable.
 *
 * @param time           execution time, epoch nanos UTC ({@code transactTime})
 * @param symbol         the symbol
 * @param side           BUY, SELL, SELL_SHORT or SELL_SHORT_EXEMPT
 * @param quantity       shares filled
 * @param price          fill price in 1e-4 USD
 * @param account        the account (FIX Account(1))
 * @param enteringBroker the broker firm whose FIX session entered the order, or null
 * @param contraBroker   the broker firm of the other side of the fill, or null when unknown
 * @param tradeId        the engine's trade id
 * @param orderId        the engine's order id
 */
public record BlueSheetTrade(long time, String symbol, String side, long quantity, long price, String account,
                             String enteringBroker, String contraBroker, String tradeId, String orderId) {
}
