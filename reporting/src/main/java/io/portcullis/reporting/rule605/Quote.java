package io.portcullis.reporting.rule605;

import java.math.BigDecimal;

import io.portcullis.oms.domain.Prices;

/**
 * A best bid and offer of the engine's own book (the substitute for the NBBO, see the package documentation).
 * Immutable.
 *
 * @param bidPx best bid in 1e-4 USD, or {@link Prices#NONE} when the bid side is empty
 * @param askPx best offer in 1e-4 USD, or {@link Prices#NONE} when the offer side is empty
 */
public record Quote(long bidPx, long askPx) {
    /** No bid and no offer: the book before its first order, or an emptied one. */
    public static final Quote EMPTY = new Quote(Prices.NONE, Prices.NONE);

    /** @return true when there is a bid */
    public boolean hasBid() {
        return bidPx != Prices.NONE;
    }

    /** @return true when there is an offer */
    public boolean hasAsk() {
        return askPx != Prices.NONE;
    }

    /** @return true when both sides are present and not crossed, so that a midpoint and a spread exist */
    public boolean twoSided() {
        return hasBid() && hasAsk() && askPx >= bidPx;
    }

    /**
     * The midpoint in USD, exact (a price of 1e-4 USD halved has at most 5 decimals).
     *
     * @throws IllegalStateException when the quote is not {@link #twoSided()}
     */
    public BigDecimal midpoint() {
        if (!twoSided()) {
            throw new IllegalStateException("no midpoint of a one-sided quote " + this);
        }
        return BigDecimal.valueOf(bidPx + askPx, Prices.DECIMALS).divide(BigDecimal.TWO);
    }

    /**
     * The quoted spread (offer minus bid) in USD.
     *
     * @throws IllegalStateException when the quote is not {@link #twoSided()}
     */
    public BigDecimal spread() {
        if (!twoSided()) {
            throw new IllegalStateException("no spread of a one-sided quote " + this);
        }
        return BigDecimal.valueOf(askPx - bidPx, Prices.DECIMALS);
    }
}
