package io.portcullis.projection.live;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.portcullis.oms.domain.Prices;
import org.redisson.api.RedissonClient;

/**
 * Reads the live state {@link LiveStateProjector} keeps in Redis. Any thread. Prices are 1e-4 USD ({@link Prices}),
 * times epoch nanoseconds; a price that does not exist (an empty book side, no trade yet) is {@link Prices#NONE}.
 */
public final class LiveState {
    private final RedissonClient redis;
    private final LiveKeys keys;

    /**
     * @param redis the Redis client (string codec)
     * @param keys  where the state lives
     */
    public LiveState(final RedissonClient redis, final LiveKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Where the state lives. */
    public LiveKeys keys() {
        return keys;
    }

    /**
     * A symbol's top of book and daily statistics.
     *
     * @param symbol      symbol
     * @param bid         best bid or NONE
     * @param bidQty      shares at the best bid
     * @param ask         best ask or NONE
     * @param askQty      shares at the best ask
     * @param open        first trade price of the day or NONE
     * @param high        highest trade price or NONE
     * @param low         lowest trade price or NONE
     * @param last        last trade price or NONE
     * @param volume      shares traded
     * @param trades      trades
     * @param lastTradeAt time of the last trade, 0 when none
     * @param updatedAt   time of the last change
     */
    public record Quote(String symbol, long bid, long bidQty, long ask, long askQty, long open, long high, long low,
                        long last, long volume, long trades, long lastTradeAt, long updatedAt) {
    }

    /**
     * A one-minute bar.
     *
     * @param minute start, epoch seconds
     */
    public record Bar(long minute, long open, long high, long low, long close, long volume) {
    }

    /**
     * A position.
     *
     * @param costBasis   cost of the open position, never negative
     * @param realizedPnl realized P&amp;L
     */
    public record Position(String account, String symbol, long netQty, long costBasis, long realizedPnl,
                           long boughtQty, long soldQty, long updatedAt) {
    }

    /** Every symbol with a quote or a trade, sorted. */
    public List<String> symbols() {
        return new ArrayList<>(new TreeSet<>(redis.<String>getSet(keys.symbols()).readAll()));
    }

    /** Every symbol's quote, by symbol. */
    public List<Quote> quotes() {
        final List<Quote> out = new ArrayList<>();
        for (final String symbol : symbols()) {
            quote(symbol).ifPresent(out::add);
        }
        return out;
    }

    /** A symbol's quote, if the symbol has one. */
    public Optional<Quote> quote(final String symbol) {
        final Map<String, String> f = redis.<String, String>getMap(keys.symbol(symbol)).readAllMap();
        if (f.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Quote(symbol, price(f, "bid"), number(f, "bidQty"), price(f, "ask"),
            number(f, "askQty"), price(f, "open"), price(f, "high"), price(f, "low"), price(f, "last"),
            number(f, "volume"), number(f, "trades"), number(f, "lastTradeAt"), number(f, "updatedAt")));
    }

    /**
     * A symbol's bars whose minute lies in {@code [fromMinute, toMinute]} (epoch seconds), oldest first. Minutes
     * without a trade have no bar.
     */
    public List<Bar> bars(final String symbol, final long fromMinute, final long toMinute) {
        final List<Bar> out = new ArrayList<>();
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(fromMinute), ZoneOffset.UTC);
        final LocalDate lastDay = LocalDate.ofInstant(Instant.ofEpochSecond(toMinute), ZoneOffset.UTC);
        while (!day.isAfter(lastDay)) {
            for (final Map.Entry<String, String> e : redis.<String, String>getMap(keys.bars(symbol, day))
                .readAllMap().entrySet()) {
                final long minute = Long.parseLong(e.getKey());
                if (minute >= fromMinute && minute <= toMinute) {
                    final LiveCollector.Bar b = LiveCollector.Bar.decode(symbol, minute, e.getValue());
                    out.add(new Bar(minute, b.open, b.high, b.low, b.close, b.volume));
                }
            }
            day = day.plusDays(1);
        }
        out.sort(Comparator.comparingLong(Bar::minute));
        return out;
    }

    /** A symbol's last {@code limit} trades (at most {@link LiveKeys#TRADES_KEPT}), newest first. */
    public List<LiveUpdate.Trade> trades(final String symbol, final int limit) {
        final List<LiveUpdate.Trade> out = new ArrayList<>();
        for (final String entry : redis.<String>getList(keys.trades(symbol)).range(0, limit - 1)) {
            out.add(LiveUpdate.Trade.ofTapeEntry(symbol, entry));
        }
        return out;
    }

    /** Every position, by account then symbol. */
    public List<Position> positions() {
        return positions(redis.<String, String>getMap(keys.positions()).readAllMap());
    }

    /** The positions of these {@code account|symbol} keys that exist, by account then symbol. */
    public List<Position> positions(final Set<String> accountSymbols) {
        return positions(redis.<String, String>getMap(keys.positions()).getAll(accountSymbols));
    }

    private static List<Position> positions(final Map<String, String> stored) {
        final List<Position> out = new ArrayList<>();
        for (final Map.Entry<String, String> e : stored.entrySet()) {
            final int bar = e.getKey().indexOf('|');
            final String[] f = e.getValue().split(",");
            out.add(new Position(e.getKey().substring(0, bar), e.getKey().substring(bar + 1), Long.parseLong(f[0]),
                Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Long.parseLong(f[5])));
        }
        out.sort(Comparator.comparing(Position::account).thenComparing(Position::symbol));
        return out;
    }

    /** The next journal offset the state has applied of {@code topic}, or 0. */
    public long offset(final String topic) {
        final String stored = redis.<String, String>getMap(keys.offset()).get(topic);
        return stored == null ? 0 : Long.parseLong(stored);
    }

    private static long price(final Map<String, String> fields, final String name) {
        final String value = fields.get(name);
        return value == null || value.isEmpty() ? Prices.NONE : Long.parseLong(value);
    }

    private static long number(final Map<String, String> fields, final String name) {
        final String value = fields.get(name);
        return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
    }
}
