package io.portcullis.oms.book;

import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;

/**
 * The price-time priority book of one symbol. Only adds, removes and reduces resting orders and reports
 * each level change to its {@link LevelChangeSink}; deciding what trades is {@code oms.match}'s job and
 * changing order state is the engine's. Engine thread only; does not allocate in steady state.
 */
public final class OrderBook {

    private final String symbol;
    private final BookSide bids = new BookSide(Side.BUY);
    private final BookSide asks = new BookSide(Side.SELL);
    private final LevelChangeSink sink;

    /**
     * @param symbol the symbol; non-null
     * @param sink   receives level changes; non-null
     */
    public OrderBook(final String symbol, final LevelChangeSink sink) {
        this.symbol = symbol;
        this.sink = sink;
    }

    /** @return the symbol */
    public String symbol() {
        return symbol;
    }

    /**
     * @param side a side (every kind of sale maps to the ask side)
     * @return that side of the book
     */
    public BookSide side(final Side side) {
        return side == Side.BUY ? bids : asks;
    }

    /** @return best bid in 1e-4 USD, or {@link Prices#NONE} */
    public long bestBid() {
        final PriceLevel best = bids.best();
        return best == null ? Prices.NONE : best.price;
    }

    /** @return best ask in 1e-4 USD, or {@link Prices#NONE} */
    public long bestAsk() {
        final PriceLevel best = asks.best();
        return best == null ? Prices.NONE : best.price;
    }

    /**
     * Appends a working order with a limit price at the tail of its level (lowest time priority).
     *
     * @param order a working order not in any book or queue, with a price and leavesQty &gt; 0
     */
    public void add(final Order order) {
        final BookSide bookSide = side(order.side());
        final PriceLevel level = bookSide.findOrCreate(order.price());
        level.append(order);
        sink.onLevelChanged(symbol, bookSide.side(), level.price, level.totalQty, level.orderCount);
    }

    /**
     * Removes a resting order (cancel, expiry, price change). Call before its leavesQty changes.
     *
     * @param order an order in this book
     */
    public void remove(final Order order) {
        final PriceLevel level = order.level;
        level.totalQty -= order.leavesQty();
        detach(order, level);
    }

    /**
     * Accounts for a resting order whose leavesQty just went down by {@code qty} (a fill or a quantity-down
     * replace); the order keeps its place, or leaves the book when nothing is left.
     *
     * @param order an order in this book
     * @param qty   how much leavesQty went down, in shares
     */
    public void reduced(final Order order, final long qty) {
        final PriceLevel level = order.level;
        level.totalQty -= qty;
        if (order.leavesQty() == 0) {
            detach(order, level);
        } else {
            sink.onLevelChanged(symbol, order.side().bookSide(), level.price, level.totalQty, level.orderCount);
        }
    }

    private void detach(final Order order, final PriceLevel level) {
        level.unlink(order);
        final long price = level.price;
        final long total = level.totalQty;
        final int count = level.orderCount;
        final BookSide bookSide = side(order.side());
        if (count == 0) {
            bookSide.removeLevel(level);
        } else {
            bookSide.touched(level);
        }
        sink.onLevelChanged(symbol, bookSide.side(), price, total, count);
    }

    /**
     * Checks both sides and that the book is not crossed. Diagnostic for tests and recovery checks;
     * O(orders); allocates only to describe a violation.
     *
     * @return null when consistent, otherwise a description of the first violation
     */
    public String checkInvariants() {
        final String bidProblem = bids.checkInvariants();
        if (bidProblem != null) {
            return symbol + ": " + bidProblem;
        }
        final String askProblem = asks.checkInvariants();
        if (askProblem != null) {
            return symbol + ": " + askProblem;
        }
        final long bid = bestBid();
        final long ask = bestAsk();
        if (bid != Prices.NONE && ask != Prices.NONE && bid >= ask) {
            return symbol + ": crossed book " + bid + " >= " + ask;
        }
        return null;
    }
}
