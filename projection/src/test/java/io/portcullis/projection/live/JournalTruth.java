package io.portcullis.projection.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.engine.Position;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.JournalReader;

/**
 * What the live state must hold, recomputed from the journal independently of the projector: each symbol's last
 * quote and statistics, one-minute bars, the trades, and which positions exist (their values come from the engine).
 */
final class JournalTruth implements EngineListener {
    final Map<String, ExpectedQuote> quotes = new TreeMap<>();
    final Map<String, List<long[]>> bars = new HashMap<>();
    final List<LiveUpdate.Trade> trades = new ArrayList<>();
    final Map<String, Boolean> positionKeys = new HashMap<>();
    int positions;

    /** Reads the journal from {@code fromOffset} to its end. */
    static JournalTruth read(final JournalConfiguration journal, final long fromOffset) {
        final JournalTruth expected = new JournalTruth();
        JournalReader.readToEnd(journal, fromOffset, (record, offset) ->
            EventDecoder.decode(record.events(), 0, record.events().length, expected));
        expected.positions = expected.positionKeys.size();
        return expected;
    }

    /** The trades, in journal order. */
    List<LiveUpdate.Trade> trades() {
        return trades;
    }

    List<LiveUpdate.Trade> tradesOf(final String symbol) {
        return trades.stream().filter(t -> t.symbol().equals(symbol)).toList();
    }

    @Override
    public void onTopOfBook(final CharSequence symbol, final long bidPx, final long bidQty, final long askPx,
                            final long askQty, final long transactTime) {
        final ExpectedQuote q = quotes.computeIfAbsent(symbol.toString(), ExpectedQuote::new);
        q.bid = bidPx;
        q.bidQty = bidQty;
        q.ask = askPx;
        q.askQty = askQty;
        q.updatedAt = transactTime;
    }

    @Override
    public void onDailyStats(final CharSequence symbol, final long open, final long high, final long low,
                             final long last, final long volume, final long tradeCount, final long time) {
        final ExpectedQuote q = quotes.computeIfAbsent(symbol.toString(), ExpectedQuote::new);
        q.open = open;
        q.high = high;
        q.low = low;
        q.last = last;
        q.volume = volume;
        q.trades = tradeCount;
        q.lastTradeAt = time;
        q.updatedAt = time;
    }

    @Override
    public void onTrade(final CharSequence symbol, final long tradeId, final long price, final long qty,
                        final Side aggressorSide, final long takerOrderId, final long makerOrderId,
                        final long transactTime) {
        trades.add(new LiveUpdate.Trade(symbol.toString(), tradeId, price, qty,
            aggressorSide == Side.BUY ? "BUY" : "SELL", transactTime));
        quotes.computeIfAbsent(symbol.toString(), ExpectedQuote::new);
        final List<long[]> list = bars.computeIfAbsent(symbol.toString(), s -> new ArrayList<>());
        final long minute = transactTime / 60_000_000_000L * 60;
        final long[] last = list.isEmpty() ? null : list.getLast();
        if (last == null || last[0] != minute) {
            list.add(new long[] {minute, price, price, price, price, qty});
        } else {
            last[2] = Math.max(last[2], price);
            last[3] = Math.min(last[3], price);
            last[4] = price;
            last[5] += qty;
        }
    }

    @Override
    public void onPosition(final CharSequence account, final CharSequence symbol, final long netQty,
                           final long costBasis, final long realizedPnl, final long boughtQty,
                           final long soldQty, final long transactTime) {
        positionKeys.put(account + "|" + symbol, true);
    }

    /** Asserts that {@code state} holds exactly what the whole journal says, and the engine's positions. */
    static void assertEquals(final LiveState state, final JournalConfiguration journal, final OrderEngine engine) {
        final JournalTruth expected = read(journal, 0);
        assertThat(expected.trades).as("trades in the journal").hasSizeGreaterThan(1_000);
        assertThat(state.symbols()).isEqualTo(new ArrayList<>(expected.quotes.keySet()));
        for (final LiveState.Quote quote : state.quotes()) {
            assertThat(quote).as(quote.symbol()).isEqualTo(expected.quotes.get(quote.symbol()).toQuote());
            final List<long[]> bars = expected.bars.getOrDefault(quote.symbol(), List.of());
            final List<LiveState.Bar> stored = bars.isEmpty() ? List.of()
                : state.bars(quote.symbol(), bars.getFirst()[0] - 86_400, bars.getLast()[0] + 86_400);
            assertThat(stored).as("bars of %s", quote.symbol()).hasSize(bars.size());
            for (int i = 0; i < bars.size(); i++) {
                final long[] b = bars.get(i);
                assertThat(stored.get(i)).isEqualTo(new LiveState.Bar(b[0], b[1], b[2], b[3], b[4], b[5]));
            }
            final List<LiveUpdate.Trade> tape = new ArrayList<>(expected.tradesOf(quote.symbol()));
            Collections.reverse(tape);
            assertThat(state.trades(quote.symbol(), 500)).as("tape of %s", quote.symbol())
                .isEqualTo(tape.subList(0, Math.min(tape.size(), LiveKeys.TRADES_KEPT)));
        }
        final List<LiveState.Position> positions = state.positions();
        assertThat(positions).hasSize(expected.positions);
        for (final LiveState.Position p : positions) {
            final Position engines = engine.position(p.account(), p.symbol());
            assertThat(p.netQty()).as("%s %s", p.account(), p.symbol()).isEqualTo(engines.netQty());
            assertThat(p.realizedPnl()).isEqualTo(engines.realizedPnl());
            assertThat(p.boughtQty() - p.soldQty()).isEqualTo(p.netQty());
        }
        assertThat(positions.stream().mapToLong(LiveState.Position::netQty).sum())
            .as("every share bought was sold by someone").isZero();
    }

    /** A symbol's quote as the journal last said it. */
    private static final class ExpectedQuote {
        final String symbol;
        long bid = Prices.NONE;
        long bidQty;
        long ask = Prices.NONE;
        long askQty;
        long open = Prices.NONE;
        long high = Prices.NONE;
        long low = Prices.NONE;
        long last = Prices.NONE;
        long volume;
        long trades;
        long lastTradeAt;
        long updatedAt;

        ExpectedQuote(final String symbol) {
            this.symbol = symbol;
        }

        LiveState.Quote toQuote() {
            return new LiveState.Quote(symbol, bid, bidQty, ask, askQty, open, high, low, last, volume, trades,
                lastTradeAt, updatedAt);
        }
    }
}
