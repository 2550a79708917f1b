package io.portcullis.reporting.rule605;

/**
 * What an order was when it was received, as Rules 600(b), 605 and 606 classify orders: the order type the rules
 * report by, judged against the quote in force at receipt (the engine's own best bid and offer, see the package
 * documentation).
 */
public enum OrderKind {
    /** A market order (no limit price). */
    MARKET,
    /** A buy limit order priced at or above the best offer, a sell limit order at or below the best bid. */
    MARKETABLE_LIMIT,
    /** Any other limit order, including one received while the side it would trade against was empty. */
    NON_MARKETABLE_LIMIT,
    /** Orders with special handling the rules report as "other": stop and stop-limit orders. */
    OTHER;

    /**
     * Classifies an order at receipt.
     *
     * @param ordType the order's {@code ordType} (MARKET, LIMIT, STOP, STOP_LIMIT); null counts as OTHER
     * @param buy     true for a buy, false for any sell
     * @param price   limit price in 1e-4 USD (ignored unless LIMIT)
     * @param quote   the quote at receipt
     * @return the kind; never null
     */
    public static OrderKind classify(final String ordType, final boolean buy, final long price, final Quote quote) {
        if ("MARKET".equals(ordType)) {
            return MARKET;
        }
        if (!"LIMIT".equals(ordType)) {
            return OTHER;
        }
        final boolean marketable = buy ? quote.hasAsk() && price >= quote.askPx()
            : quote.hasBid() && price <= quote.bidPx();
        return marketable ? MARKETABLE_LIMIT : NON_MARKETABLE_LIMIT;
    }
}
