package io.portcullis.oms.domain;

import java.util.Objects;

/**
 * A listed equity the engine can trade. Immutable; safe on any thread.
 *
 * @param symbol             ticker, e.g. {@code AAPL}; non-null, non-empty
 * @param name               issuer or fund name; non-null
 * @param mic                ISO 10383 MIC of the listing exchange, e.g. {@code XNAS}; non-null
 * @param sp500              true when the symbol is an S&amp;P 500 constituent
 * @param tickSize           minimum price increment in 1e-4 USD (0.01 USD = 100); positive
 * @param lotSize            quantity increment in shares; positive
 * @param referencePrice     reference price in 1e-4 USD (e.g. the previous close); positive
 * @param status             status when the engine starts; non-null
 * @param averageDailyVolume average daily volume in shares (the MAX_ADV_PCT risk check); positive; reference data
 *                           without it gets {@link #DEFAULT_AVERAGE_DAILY_VOLUME}
 * @param tradingOpenMinute  start of the trading session in minutes after midnight America/New_York (inclusive),
 *                           default {@link #REGULAR_OPEN_MINUTE} (09:30)
 * @param tradingCloseMinute end of the trading session in minutes after midnight America/New_York (exclusive),
 *                           default {@link #REGULAR_CLOSE_MINUTE} (16:00); above the open, at most 1440
 */
public record Instrument(String symbol, String name, String mic, boolean sp500, long tickSize, long lotSize,
                         long referencePrice, InstrumentStatus status, long averageDailyVolume,
                         int tradingOpenMinute, int tradingCloseMinute) {

    /**
     * Average daily volume assumed when the reference data has none: 1,000,000 shares. Deliberately conservative
     * for large caps (a 1% ADV limit then caps an order at 10,000 shares), so that a missing figure never loosens the
     * check; load real figures with the instrument file's {@code adv} column.
     */
    public static final long DEFAULT_AVERAGE_DAILY_VOLUME = 1_000_000L;

    /** 09:30 America/New_York, the US regular session's open. */
    public static final int REGULAR_OPEN_MINUTE = 9 * 60 + 30;

    /** 16:00 America/New_York, the US regular session's close. */
    public static final int REGULAR_CLOSE_MINUTE = 16 * 60;

    /**
     * Checks the invariants above.
     *
     * @throws IllegalArgumentException (configuration time only) when a field is out of range
     */
    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mic, "mic");
        Objects.requireNonNull(status, "status");
        if (symbol.isEmpty() || tickSize <= 0 || lotSize <= 0 || referencePrice <= 0) {
            throw new IllegalArgumentException("invalid instrument " + symbol + ": tickSize=" + tickSize
                + " lotSize=" + lotSize + " referencePrice=" + referencePrice);
        }
        if (averageDailyVolume <= 0) {
            throw new IllegalArgumentException("invalid instrument " + symbol + ": averageDailyVolume="
                + averageDailyVolume);
        }
        if (tradingOpenMinute < 0 || tradingCloseMinute <= tradingOpenMinute || tradingCloseMinute > 24 * 60) {
            throw new IllegalArgumentException("invalid instrument " + symbol + ": trading hours "
                + tradingOpenMinute + ".." + tradingCloseMinute + " minutes");
        }
    }

    /**
     * An instrument with the default average daily volume and the regular session (09:30-16:00 New York).
     *
     * @param symbol         ticker; non-null, non-empty
     * @param name           name; non-null
     * @param mic            listing MIC; non-null
     * @param sp500          S&amp;P 500 constituent
     * @param tickSize       tick in 1e-4 USD; positive
     * @param lotSize        lot in shares; positive
     * @param referencePrice reference price in 1e-4 USD; positive
     * @param status         starting status; non-null
     */
    public Instrument(final String symbol, final String name, final String mic, final boolean sp500,
                      final long tickSize, final long lotSize, final long referencePrice,
                      final InstrumentStatus status) {
        this(symbol, name, mic, sp500, tickSize, lotSize, referencePrice, status, DEFAULT_AVERAGE_DAILY_VOLUME,
            REGULAR_OPEN_MINUTE, REGULAR_CLOSE_MINUTE);
    }
}
