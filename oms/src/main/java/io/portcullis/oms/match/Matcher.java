package io.portcullis.oms.match;

import io.portcullis.oms.book.BookSide;
import io.portcullis.oms.book.Order;
import io.portcullis.oms.book.OrderBook;
import io.portcullis.oms.book.PriceLevel;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.SelfTradePrevention;
import io.portcullis.oms.domain.Side;

/**
 * Matches an incoming order against a book. Stateless; engine thread only; does not allocate.
 *
 * <p>Self-trade prevention (the incoming order's account decides): when the next resting order in priority
 * belongs to the same account, CANCEL_INCOMING stops matching (the engine cancels the rest of the incoming
 * order), CANCEL_RESTING cancels the resting order and goes on, CANCEL_BOTH cancels the resting order and
 * stops.
 */
public final class Matcher {

    private Matcher() {
    }

    /**
     * Trades the incoming order against the opposite side until it is filled, runs out of acceptable prices
     * or is stopped by self-trade prevention. The incoming order is never added to the book here.
     *
     * @param taker a working order whose effective type is MARKET or LIMIT, not in the book
     * @param book  its symbol's book
     * @param sink  told about each trade and each self-trade cancel
     * @return why matching stopped
     */
    public static MatchOutcome match(final Order taker, final OrderBook book, final MatchSink sink) {
        final BookSide opposite = book.side(taker.side().opposite());
        while (taker.leavesQty() > 0) {
            final PriceLevel level = opposite.best();
            if (level == null || !crosses(taker, level.price())) {
                return MatchOutcome.NO_MORE_LIQUIDITY;
            }
            final long price = level.price();
            Order maker = level.head();
            while (maker != null && taker.leavesQty() > 0) {
                final Order next = maker.next();
                if (maker.account() == taker.account()) {
                    // read only here: most incoming orders cross nothing, and the account is one more cache miss
                    final SelfTradePrevention stp = taker.account().selfTradePrevention();
                    if (stp == SelfTradePrevention.CANCEL_INCOMING) {
                        return MatchOutcome.SELF_TRADE;
                    }
                    final long leaves = maker.leavesQty();
                    book.remove(maker);
                    maker.cancel();
                    sink.onSelfTradeCancelled(maker, leaves);
                    if (stp == SelfTradePrevention.CANCEL_BOTH) {
                        return MatchOutcome.SELF_TRADE;
                    }
                } else {
                    final long qty = Math.min(taker.leavesQty(), maker.leavesQty());
                    maker.fill(qty, price);
                    taker.fill(qty, price);
                    book.reduced(maker, qty);
                    sink.onTrade(taker, maker, price, qty);
                }
                maker = next;
            }
        }
        return MatchOutcome.FILLED;
    }

    /**
     * How much of {@code wanted} the incoming order could execute right now, walking the book exactly as
     * {@link #match} would (same self-trade rules) without changing anything. Used for FOK and MinQty.
     *
     * @param taker  a working order whose effective type is MARKET or LIMIT
     * @param book   its symbol's book
     * @param wanted shares needed; the walk stops once this much is found
     * @return executable shares, at most {@code wanted}
     */
    public static long executableQty(final Order taker, final OrderBook book, final long wanted) {
        final BookSide opposite = book.side(taker.side().opposite());
        final SelfTradePrevention stp = taker.account().selfTradePrevention();
        long found = 0;
        for (int depth = 0; depth < opposite.levelCount() && found < wanted; depth++) {
            final PriceLevel level = opposite.levelAt(depth);
            if (!crosses(taker, level.price())) {
                break;
            }
            for (Order maker = level.head(); maker != null && found < wanted; maker = maker.next()) {
                if (maker.account() == taker.account()) {
                    if (stp != SelfTradePrevention.CANCEL_RESTING) {
                        return Math.min(found, wanted);
                    }
                } else {
                    found += maker.leavesQty();
                }
            }
        }
        return Math.min(found, wanted);
    }

    /**
     * @param taker      incoming order
     * @param makerPrice a resting price in 1e-4 USD
     * @return true when the incoming order accepts that price
     */
    public static boolean crosses(final Order taker, final long makerPrice) {
        if (taker.effectiveType() == OrdType.MARKET) {
            return true;
        }
        return taker.side() == Side.BUY
            ? makerPrice <= taker.price()
            : makerPrice >= taker.price();
    }
}
