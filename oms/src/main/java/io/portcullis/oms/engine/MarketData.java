package io.portcullis.oms.engine;

import io.portcullis.oms.book.LevelChangeSink;
import io.portcullis.oms.book.OrderBook;
import io.portcullis.oms.book.PriceLevel;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.event.EngineListener;

/**
 * Market data from the books: depth by level as levels change, and at the end of each command top of book
 * (only when changed) and daily statistics (only when the symbol traded). Engine thread only; does not
 * allocate.
 */
final class MarketData implements LevelChangeSink {

    private final EngineListener listener;
    long now;
    boolean muted;

    MarketData(final EngineListener listener) {
        this.listener = listener;
    }

    @Override
    public void onLevelChanged(final String symbol, final Side side, final long price, final long totalQty,
                               final int orderCount) {
        if (muted) {
            return;
        }
        listener.onDepthLevel(symbol, side, price, totalQty, orderCount, now);
    }

    void endOfCommand(final SymbolState symbol) {
        final OrderBook book = symbol.book;
        final PriceLevel bid = book.side(Side.BUY).best();
        final PriceLevel ask = book.side(Side.SELL).best();
        final long bidPx = bid == null ? Prices.NONE : bid.price();
        final long bidQty = bid == null ? 0 : bid.totalQty();
        final long askPx = ask == null ? Prices.NONE : ask.price();
        final long askQty = ask == null ? 0 : ask.totalQty();
        if (bidPx != symbol.publishedBidPx || bidQty != symbol.publishedBidQty || askPx != symbol.publishedAskPx
            || askQty != symbol.publishedAskQty) {
            symbol.publishedBidPx = bidPx;
            symbol.publishedBidQty = bidQty;
            symbol.publishedAskPx = askPx;
            symbol.publishedAskQty = askQty;
            listener.onTopOfBook(symbol.symbol, bidPx, bidQty, askPx, askQty, now);
        }
        if (symbol.tradedThisCommand) {
            listener.onDailyStats(symbol.symbol, symbol.open, symbol.high, symbol.low, symbol.last, symbol.volume,
                symbol.tradeCount, now);
        }
    }
}
