package io.portcullis.oms.match;

import io.portcullis.oms.book.Order;

/**
 * Told about each consequence of matching, after the orders and the book have been updated. Engine thread
 * only; implementations must not change the book.
 */
public interface MatchSink {

    /**
     * A trade happened: both orders are already filled by {@code qty} and the maker's level reduced (a
     * filled maker has left the book).
     *
     * @param taker the incoming order
     * @param maker the resting order
     * @param price trade price in 1e-4 USD (the maker's price)
     * @param qty   shares traded, positive
     */
    void onTrade(Order taker, Order maker, long price, long qty);

    /**
     * Self-trade prevention cancelled a resting order: it has left the book and is CANCELED.
     *
     * @param maker    the cancelled resting order
     * @param leaves   its leavesQty before the cancel, in shares
     */
    void onSelfTradeCancelled(Order maker, long leaves);
}
