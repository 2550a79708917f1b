package io.portcullis.oms.domain;

import java.util.Objects;

/**
 * A listed equity the engine can trade. Immutable; safe on any thread.
 *
 * @param symbol         ticker, e.g. {@code AAPL}; non-null, non-empty
 * @param name           issuer or fund name; non-null
 * @param mic            ISO 10383 MIC of the listing exchange, e.g. {@code XNAS}; non-null
 * @param sp500          true when the symbol is an S&amp;P 500 constituent
 * @param tickSize       minimum price increment in 1e-4 USD (0.01 USD = 100); positive
 * @param lotSize        quantity increment in shares; positive
 * @param referencePrice reference price in 1e-4 USD (e.g. the previous close); positive
 * @param status         status when the engine starts; non-null
 */
public record Instrument(String symbol, String name, String mic, boolean sp500, long tickSize, long lotSize,
                         long referencePrice, InstrumentStatus status) {

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
    }
}
