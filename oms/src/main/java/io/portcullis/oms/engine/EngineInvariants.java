package io.portcullis.oms.engine;

import io.portcullis.oms.book.BookSide;
import io.portcullis.oms.book.Order;
import io.portcullis.oms.domain.Side;

/**
 * Structural self-check of the engine state, for tests and after recovery. O(state); allocates only to
 * describe a violation. Engine thread only.
 */
final class EngineInvariants {

    private EngineInvariants() {
    }

    static String check(final EngineState state) {
        long inBooks = 0;
        long inStops = 0;
        for (final SymbolState symbol : state.symbols) {
            final String problem = symbol.book.checkInvariants();
            if (problem != null) {
                return problem;
            }
            inBooks += orders(symbol.book.side(Side.BUY)) + orders(symbol.book.side(Side.SELL));
            inStops += symbol.stops.size();
            for (Order o = symbol.stops.head(); o != null; o = o.next()) {
                if (!o.isPendingStop() || !o.isWorking() || o.symbolIndex() != symbol.index) {
                    return "bad order in stop queue of " + symbol.symbol + ": " + o;
                }
            }
        }
        if (state.ordersById.size() != state.liveCount) {
            return "order index holds " + state.ordersById.size() + " orders, live list " + state.liveCount;
        }
        long count = 0;
        long lastId = 0;
        long resting = 0;
        long stops = 0;
        for (Order o = state.oldestLive; o != null; o = o.newerLive()) {
            count++;
            if (o.orderId() <= lastId) {
                return "live list not in order id order at " + o;
            }
            lastId = o.orderId();
            if (!o.isWorking() || o.leavesQty() <= 0 || o.cumQty() + o.leavesQty() != o.orderQty()) {
                return "live order breaks CumQty + LeavesQty = OrderQty: " + o;
            }
            if (state.ordersById.get(o.orderId()) != o) {
                return "order index does not map " + o.orderId() + " to its order";
            }
            if (state.findLive(o.sessionId(), o.clOrdId(), 0) != o) {
                return "ClOrdID index does not map " + o.sessionId() + '/' + o.clOrdId() + " to " + o;
            }
            if (o.isInBook()) {
                resting++;
            } else if (o.isPendingStop()) {
                stops++;
            } else {
                return "live order neither in a book nor in a stop queue: " + o;
            }
        }
        if (count != state.liveCount || resting != inBooks || stops != inStops) {
            return "counts disagree: live " + count + '/' + state.liveCount + ", resting " + resting + '/' + inBooks
                + ", stops " + stops + '/' + inStops;
        }
        return null;
    }

    private static long orders(final BookSide side) {
        long n = 0;
        for (int depth = 0; depth < side.levelCount(); depth++) {
            n += side.levelAt(depth).orderCount();
        }
        return n;
    }
}
