package io.portcullis.oms.book;

import io.portcullis.oms.domain.Side;

/**
 * Receives every change of a price level's aggregate, for depth-by-level market data. Called on the engine
 * thread while the book is being changed: do not call back into the book.
 */
@FunctionalInterface
public interface LevelChangeSink {

    /**
     * A level changed.
     *
     * @param symbol     the book's symbol; non-null
     * @param side       which side; non-null
     * @param price      level price in 1e-4 USD
     * @param totalQty   new aggregate quantity in shares; 0 when the level disappeared
     * @param orderCount new number of orders; 0 when the level disappeared
     */
    void onLevelChanged(String symbol, Side side, long price, long totalQty, int orderCount);
}
