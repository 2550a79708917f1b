package io.portcullis.oms.risk;

/**
 * Read-only view of the engine's open orders and positions, for pre-trade checks. Engine thread only, valid
 * during {@link PreTradeCheck#check}; does not allocate. Unknown accounts or symbols read as zero
 * (or {@code Prices.NONE} for prices).
 *
 * <p>Open quantities count every live order (resting or untriggered stop). Open notional values an order's
 * leavesQty at its limit price, or at its stop price for a stop (market) order; in 1e-4 USD.
 */
public interface ExposureView {

    /** @return signed position in shares (long positive), from fills */
    long netPosition(String account, String symbol);

    /** @return shares on live buy orders of the account in the symbol */
    long openBuyQty(String account, String symbol);

    /** @return shares on live sell orders of the account in the symbol */
    long openSellQty(String account, String symbol);

    /** @return notional of live buy orders of the account over all symbols, in 1e-4 USD */
    long openBuyNotional(String account);

    /** @return notional of live sell orders of the account over all symbols, in 1e-4 USD */
    long openSellNotional(String account);

    /** @return realized P&amp;L of the account over all symbols, in 1e-4 USD */
    long realizedPnl(String account);

    /** @return last trade price of the symbol in 1e-4 USD, or {@code Prices.NONE} before its first trade */
    long lastPrice(String symbol);
}
