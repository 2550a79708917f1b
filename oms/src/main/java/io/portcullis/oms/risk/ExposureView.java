package io.portcullis.oms.risk;

/**
 * Read-only view of the engine's open orders, executions, positions and books, for pre-trade checks. Engine thread
 * only, valid during {@link PreTradeCheck#check}; no method allocates. Unknown accounts or symbols read as zero
 * (or {@code Prices.NONE} for prices).
 *
 * <p>Open quantities count every live order (resting or untriggered stop). Open notional values an order's
 * leavesQty at its limit price, or at its stop price for a stop (market) order; a market order is never open after
 * its command, so it counts 0. Executed notional is the sum of lastPx * lastQty of today's fills: it starts at 0
 * and goes back to 0 when the trading day closes ({@code ExpireDayOrders}). Every kind of sale (Side 2, 5 and 6)
 * counts as sell. Notionals in 1e-4 USD, quantities in shares.
 *
 * <p>The index methods are the fast path: accounts are indexed by their position in the engine configuration's
 * account list, symbols by their position in the instrument registry, broker firms by the order in which the
 * account list first names them ({@link #brokerFirmIndex}). {@link PreTradeOrder#accountIndex()} and
 * {@link PreTradeOrder#symbolIndex()} give the order's; an index out of range is a bug (the methods may throw).
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

    // ---- dense indexes

    /** @return the number of accounts; account indexes are 0 until this */
    int accountCount();

    /** @return the number of symbols; symbol indexes are 0 until this */
    int symbolCount();

    /** @return the number of distinct broker firms of the configured accounts */
    int brokerFirmCount();

    /** @return the account's index, or -1 when the engine does not know it */
    int accountIndex(String account);

    /** @return the symbol's index, or -1 when the engine does not know it */
    int symbolIndex(String symbol);

    /** @return the broker firm's index, or -1 when no configured account belongs to it */
    int brokerFirmIndex(String brokerFirmId);

    /** @return the index of the broker firm the account belongs to */
    int brokerFirmOf(int account);

    // ---- per account and symbol

    /** @return signed position in shares (long positive), from fills */
    long netPosition(int account, int symbol);

    /** @return shares on live buy orders of the account in the symbol */
    long openBuyQty(int account, int symbol);

    /** @return shares on live sell orders of the account in the symbol */
    long openSellQty(int account, int symbol);

    // ---- per account

    /** @return notional of the account's live buy orders over all symbols */
    long openBuyNotional(int account);

    /** @return notional of the account's live sell orders over all symbols */
    long openSellNotional(int account);

    /** @return notional of the account's buy fills today */
    long executedBuyNotional(int account);

    /** @return notional of the account's sell fills today */
    long executedSellNotional(int account);

    // ---- per broker firm (all its accounts)

    /** @return notional of the broker firm's live buy orders */
    long brokerFirmOpenBuyNotional(int brokerFirm);

    /** @return notional of the broker firm's live sell orders */
    long brokerFirmOpenSellNotional(int brokerFirm);

    /** @return notional of the broker firm's buy fills today */
    long brokerFirmExecutedBuyNotional(int brokerFirm);

    /** @return notional of the broker firm's sell fills today */
    long brokerFirmExecutedSellNotional(int brokerFirm);

    // ---- the whole firm (every account of the engine)

    /** @return notional of every live buy order */
    long firmOpenBuyNotional();

    /** @return notional of every live sell order */
    long firmOpenSellNotional();

    /** @return notional of every buy fill today */
    long firmExecutedBuyNotional();

    /** @return notional of every sell fill today */
    long firmExecutedSellNotional();

    // ---- per symbol

    /** @return last trade price in 1e-4 USD, or {@code Prices.NONE} before the symbol's first trade */
    long lastPrice(int symbol);

    /** @return best bid in 1e-4 USD, or {@code Prices.NONE} when the bid side is empty */
    long bestBid(int symbol);

    /** @return best offer in 1e-4 USD, or {@code Prices.NONE} when the ask side is empty */
    long bestAsk(int symbol);

    /** @return shares traded today in the symbol */
    long volumeToday(int symbol);
}
