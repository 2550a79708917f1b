package io.portcullis.oms.engine;

import io.portcullis.oms.book.OrderBook;
import io.portcullis.oms.book.StopQueue;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.Prices;

/**
 * Everything the engine keeps per symbol: status, book, stop queue, last trade, daily statistics, the top of
 * book last published. Engine thread only.
 */
final class SymbolState {

    final int index;
    final Instrument instrument;
    final String symbol;
    final OrderBook book;
    final StopQueue stops = new StopQueue();
    /** Tests prices against the tick size. */
    final Divisor tick;
    /** Tests quantities against the lot size. */
    final Divisor lot;
    boolean halted;

    long lastPrice = Prices.NONE;
    long open = Prices.NONE;
    long high = Prices.NONE;
    long low = Prices.NONE;
    long last = Prices.NONE;
    long volume;
    long tradeCount;

    /** Lowest and highest trade price since the stop queue was last scanned; NONE when no trade since. */
    long scanLow = Prices.NONE;
    long scanHigh = Prices.NONE;

    long publishedBidPx = Prices.NONE;
    long publishedBidQty;
    long publishedAskPx = Prices.NONE;
    long publishedAskQty;

    boolean touched;
    boolean tradedThisCommand;

    SymbolState(final int index, final Instrument instrument, final OrderBook book) {
        this.index = index;
        this.instrument = instrument;
        this.symbol = instrument.symbol();
        this.book = book;
        this.tick = new Divisor(instrument.tickSize());
        this.lot = new Divisor(instrument.lotSize());
    }

    void recordTrade(final long price, final long qty) {
        if (open == Prices.NONE) {
            open = price;
            high = price;
            low = price;
        } else {
            high = Math.max(high, price);
            low = Math.min(low, price);
        }
        last = price;
        lastPrice = price;
        volume += qty;
        tradeCount++;
        scanLow = scanLow == Prices.NONE ? price : Math.min(scanLow, price);
        scanHigh = scanHigh == Prices.NONE ? price : Math.max(scanHigh, price);
        tradedThisCommand = true;
    }

    void startNewDay() {
        open = Prices.NONE;
        high = Prices.NONE;
        low = Prices.NONE;
        last = Prices.NONE;
        volume = 0;
        tradeCount = 0;
    }
}
