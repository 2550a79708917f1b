package io.portcullis.projection.live;

import java.util.ArrayList;
import java.util.List;

/**
 * What one applied batch changed, as published on {@link LiveKeys#updates()}: the symbols whose quote or statistics
 * changed, the trades in journal order, and the positions that changed. Text, one item per line:
 * {@code Q <symbol>}, {@code T <symbol> <tradeId> <price> <qty> <aggressor> <transactTime>} (prices in 1e-4 USD,
 * aggressor BUY or SELL, time in epoch nanoseconds) or {@code P <account>|<symbol>}. Subscribers read the current
 * quote from Redis; a message lost while a subscriber was away is made good by its next read, so the channel needs
 * no delivery guarantee.
 *
 * @param symbols   symbols whose quote or statistics changed
 * @param trades    the trades
 * @param positions the positions that changed, as {@code account|symbol}
 */
public record LiveUpdate(List<String> symbols, List<Trade> trades, List<String> positions) {

    /**
     * One trade of the tape.
     *
     * @param symbol       symbol
     * @param tradeId      trade id
     * @param price        price, 1e-4 USD
     * @param qty          shares
     * @param aggressor    side of the incoming order, BUY or SELL
     * @param transactTime epoch nanoseconds
     */
    public record Trade(String symbol, long tradeId, long price, long qty, String aggressor, long transactTime) {

        /** The tape's form, without the symbol: {@code tradeId,price,qty,aggressor,transactTime}. */
        String tapeEntry() {
            return tradeId + "," + price + "," + qty + "," + aggressor + "," + transactTime;
        }

        /** Parses a tape entry of {@code symbol}. */
        static Trade ofTapeEntry(final String symbol, final String entry) {
            final String[] f = entry.split(",");
            return new Trade(symbol, Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), f[3],
                Long.parseLong(f[4]));
        }
    }

    /** The message text. */
    public String encode() {
        final StringBuilder out = new StringBuilder(32 * (symbols.size() + trades.size() + positions.size()));
        for (final String symbol : symbols) {
            out.append("Q ").append(symbol).append('\n');
        }
        for (final Trade t : trades) {
            out.append("T ").append(t.symbol()).append(' ').append(t.tradeId()).append(' ').append(t.price())
                .append(' ').append(t.qty()).append(' ').append(t.aggressor()).append(' ')
                .append(t.transactTime()).append('\n');
        }
        for (final String position : positions) {
            out.append("P ").append(position).append('\n');
        }
        return out.toString();
    }

    /**
     * Parses a message text.
     *
     * @throws IllegalArgumentException on a line of neither form
     */
    public static LiveUpdate decode(final String text) {
        final List<String> symbols = new ArrayList<>();
        final List<Trade> trades = new ArrayList<>();
        final List<String> positions = new ArrayList<>();
        for (final String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            final String[] f = line.split(" ");
            if (f[0].equals("Q") && f.length == 2) {
                symbols.add(f[1]);
            } else if (f[0].equals("T") && f.length == 7) {
                trades.add(new Trade(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), f[5],
                    Long.parseLong(f[6])));
            } else if (f[0].equals("P") && f.length == 2 && f[1].indexOf('|') > 0) {
                positions.add(f[1]);
            } else {
                throw new IllegalArgumentException("not a live update line: '" + line + "'");
            }
        }
        return new LiveUpdate(List.copyOf(symbols), List.copyOf(trades), List.copyOf(positions));
    }
}
