package io.portcullis.projection.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.event.EngineListener;

/**
 * Gathers what a batch of journal records changes in the live state: quote and statistics fields per symbol, the
 * one-minute bars trades touched, the trades, and positions. Bars carry over between batches (the bar of a
 * symbol's current minute stays in memory); a bar not in memory is first read through {@code loadBar}, so that a
 * restart in the middle of a minute continues the stored bar. Projector thread only.
 */
final class LiveCollector implements EngineListener {
    private final BiFunction<String, Long, Bar> loadBar;
    private final Map<String, Map<String, String>> symbolFields = new LinkedHashMap<>();
    private final Map<String, Bar> currentBars = new LinkedHashMap<>();
    private final Set<Bar> dirtyBars = new LinkedHashSet<>();
    private final List<LiveUpdate.Trade> trades = new ArrayList<>();
    private final Map<String, String> positions = new LinkedHashMap<>();

    /** @param loadBar the stored bar of (symbol, minute in epoch seconds), or null when there is none */
    LiveCollector(final BiFunction<String, Long, Bar> loadBar) {
        this.loadBar = loadBar;
    }

    @Override
    public void onTopOfBook(final CharSequence symbol, final long bidPx, final long bidQty, final long askPx,
                            final long askQty, final long transactTime) {
        final Map<String, String> fields = fields(symbol.toString());
        fields.put("bid", bidPx == Prices.NONE ? "" : Long.toString(bidPx));
        fields.put("bidQty", Long.toString(bidQty));
        fields.put("ask", askPx == Prices.NONE ? "" : Long.toString(askPx));
        fields.put("askQty", Long.toString(askQty));
        fields.put("updatedAt", Long.toString(transactTime));
    }

    @Override
    public void onDailyStats(final CharSequence symbol, final long open, final long high, final long low,
                             final long last, final long volume, final long tradeCount, final long transactTime) {
        final Map<String, String> fields = fields(symbol.toString());
        fields.put("open", Long.toString(open));
        fields.put("high", Long.toString(high));
        fields.put("low", Long.toString(low));
        fields.put("last", Long.toString(last));
        fields.put("volume", Long.toString(volume));
        fields.put("trades", Long.toString(tradeCount));
        fields.put("lastTradeAt", Long.toString(transactTime));
        fields.put("updatedAt", Long.toString(transactTime));
    }

    @Override
    public void onTrade(final CharSequence symbol, final long tradeId, final long price, final long qty,
                        final Side aggressorSide, final long takerOrderId, final long makerOrderId,
                        final long transactTime) {
        final String name = symbol.toString();
        trades.add(new LiveUpdate.Trade(name, tradeId, price, qty, aggressorSide.bookSide().name(), transactTime));
        final long minute = Math.floorDiv(transactTime, 60_000_000_000L) * 60;
        Bar bar = currentBars.get(name);
        if (bar == null || bar.minute != minute) {
            bar = loadBar.apply(name, minute);
            if (bar == null) {
                bar = new Bar(name, minute, price);
            }
            currentBars.put(name, bar);
        }
        bar.add(price, qty);
        dirtyBars.add(bar);
    }

    @Override
    public void onPosition(final CharSequence account, final CharSequence symbol, final long netQty,
                           final long costBasis, final long realizedPnl, final long boughtQty, final long soldQty,
                           final long transactTime) {
        positions.put(account + "|" + symbol, netQty + "," + costBasis + "," + realizedPnl + "," + boughtQty + ","
            + soldQty + "," + transactTime);
    }

    private Map<String, String> fields(final String symbol) {
        return symbolFields.computeIfAbsent(symbol, s -> new LinkedHashMap<>());
    }

    /** Quote and statistics fields changed, per symbol. */
    Map<String, Map<String, String>> symbolFields() {
        return symbolFields;
    }

    /** Bars changed since {@link #clear()}. */
    Set<Bar> dirtyBars() {
        return dirtyBars;
    }

    /** Trades since {@link #clear()}, in journal order. */
    List<LiveUpdate.Trade> trades() {
        return trades;
    }

    /** Positions changed: {@code account|symbol} → stored value. */
    Map<String, String> positions() {
        return positions;
    }

    /** After a batch is applied: forgets the batch's changes and keeps the current bars. */
    void clear() {
        symbolFields.clear();
        dirtyBars.clear();
        trades.clear();
        positions.clear();
    }

    /** After a batch failed to apply: forgets everything, the current bars too (they are re-read from Redis). */
    void reset() {
        clear();
        currentBars.clear();
    }

    /** A one-minute bar being built (mutable; projector thread only). */
    static final class Bar {
        final String symbol;
        final long minute;
        long open;
        long high;
        long low;
        long close;
        long volume;

        Bar(final String symbol, final long minute, final long price) {
            this.symbol = symbol;
            this.minute = minute;
            this.open = price;
            this.high = price;
            this.low = price;
            this.close = price;
        }

        void add(final long price, final long qty) {
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
            volume += qty;
        }

        /** The stored form: {@code open,high,low,close,volume}. */
        String encode() {
            return open + "," + high + "," + low + "," + close + "," + volume;
        }

        /** Parses the stored form. */
        static Bar decode(final String symbol, final long minute, final String stored) {
            final String[] f = stored.split(",");
            final Bar bar = new Bar(symbol, minute, Long.parseLong(f[0]));
            bar.high = Long.parseLong(f[1]);
            bar.low = Long.parseLong(f[2]);
            bar.close = Long.parseLong(f[3]);
            bar.volume = Long.parseLong(f[4]);
            return bar;
        }
    }
}
