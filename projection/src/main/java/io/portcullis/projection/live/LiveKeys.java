package io.portcullis.projection.live;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The Redis keys of the live state, all under one prefix (the gateway's is {@code portcullis:<database>:live:}), so
 * that nodes of different databases sharing a Redis never mix their state. Written by {@link LiveStateProjector},
 * read by {@link LiveState}.
 *
 * <ul>
 *   <li>{@code offset}: hash, journal topic → next offset to apply (written by the same atomic script as the
 *       state)</li>
 *   <li>{@code symbols}: set of the symbols with a quote or a trade</li>
 *   <li>{@code symbol:<S>}: hash of top of book and daily statistics (raw 1e-4 USD prices, epoch nanoseconds)</li>
 *   <li>{@code bars:<S>:<yyyy-MM-dd>}: hash, minute (epoch seconds, UTC) → {@code open,high,low,close,volume}; the
 *       key of a UTC day expires {@link #BAR_DAYS_KEPT} days after its last write</li>
 *   <li>{@code trades:<S>}: list, newest first, of the last {@link #TRADES_KEPT} trades:
 *       {@code tradeId,price,qty,aggressor,transactTime}</li>
 *   <li>{@code positions}: hash, {@code account|symbol} →
 *       {@code netQty,costBasis,realizedPnl,boughtQty,soldQty,transactTime}</li>
 *   <li>{@code updates}: pub/sub channel, one message per applied batch (see {@link LiveUpdate})</li>
 * </ul>
 *
 * @param prefix the prefix, ending with ':' or empty
 */
public record LiveKeys(String prefix) {
    /** How many trades per symbol the tape keeps. */
    public static final int TRADES_KEPT = 200;
    /** Days a day's bars stay after their last write. */
    public static final int BAR_DAYS_KEPT = 3;

    /** The offsets hash. */
    public String offset() {
        return prefix + "offset";
    }

    /** The set of symbols. */
    public String symbols() {
        return prefix + "symbols";
    }

    /** A symbol's quote and statistics hash. */
    public String symbol(final String symbol) {
        return prefix + "symbol:" + symbol;
    }

    /** A symbol's bars of the UTC day of {@code minute} (epoch seconds). */
    public String bars(final String symbol, final long minute) {
        return bars(symbol, LocalDate.ofInstant(Instant.ofEpochSecond(minute), ZoneOffset.UTC));
    }

    /** A symbol's bars of one UTC day. */
    public String bars(final String symbol, final LocalDate day) {
        return prefix + "bars:" + symbol + ":" + day;
    }

    /** A symbol's trade tape. */
    public String trades(final String symbol) {
        return prefix + "trades:" + symbol;
    }

    /** The positions hash. */
    public String positions() {
        return prefix + "positions";
    }

    /** The update channel. */
    public String updates() {
        return prefix + "updates";
    }
}
