package io.portcullis.oms.engine;

import io.portcullis.oms.domain.Side;

/**
 * One account's position and open orders in one symbol. Kept by the engine from fills and order changes;
 * read-only outside the engine. Engine thread only; does not allocate (one instance is allocated per
 * account and symbol the first time the account enters an order in it).
 *
 * <p>Cost is kept as the exact cost basis of the open position (1e-4 USD). When a fill reduces the position
 * the closed part's basis is {@code floor(costBasis * closedQty / |netQty|)} (computed without overflow), so
 * the basis returns to exactly 0 when the position is flat and realized P&amp;L is conserved. A fill that
 * crosses through zero closes the old position and opens the new one at the fill price.
 */
public final class Position {

    private long netQty;
    private long costBasis;
    private long realizedPnl;
    private long boughtQty;
    private long soldQty;
    private long openBuyQty;
    private long openSellQty;
    private long openBuyNotional;
    private long openSellNotional;

    void applyFill(final Side side, final long qty, final long price) {
        if (side == Side.BUY) {
            boughtQty += qty;
        } else {
            soldQty += qty;
        }
        final long signed = side == Side.BUY ? qty : -qty;
        if (netQty == 0 || (netQty > 0) == (signed > 0)) {
            costBasis += price * qty;
            netQty += signed;
            return;
        }
        final long open = Math.abs(netQty);
        final long closed = Math.min(qty, open);
        final long closedBasis = closed == open ? costBasis : proportion(costBasis, closed, open);
        final long closedValue = price * closed;
        realizedPnl += netQty > 0 ? closedValue - closedBasis : closedBasis - closedValue;
        costBasis -= closedBasis;
        netQty += side == Side.BUY ? closed : -closed;
        final long opened = qty - closed;
        if (opened > 0) {
            costBasis = price * opened;
            netQty = side == Side.BUY ? opened : -opened;
        }
    }

    /** floor(basis * part / whole) without overflowing: basis = q * whole + r with r &lt; whole. */
    private static long proportion(final long basis, final long part, final long whole) {
        final long q = basis / whole;
        final long r = basis % whole;
        return q * part + r * part / whole;
    }

    void addOpen(final Side side, final long qty, final long notional) {
        if (side == Side.BUY) {
            openBuyQty += qty;
            openBuyNotional += notional;
        } else {
            openSellQty += qty;
            openSellNotional += notional;
        }
    }

    void restore(final long net, final long basis, final long pnl, final long bought, final long sold) {
        this.netQty = net;
        this.costBasis = basis;
        this.realizedPnl = pnl;
        this.boughtQty = bought;
        this.soldQty = sold;
    }

    /** @return signed position in shares (long positive) */
    public long netQty() {
        return netQty;
    }

    /** @return cost of the open position in 1e-4 USD, never negative; 0 when flat */
    public long costBasis() {
        return costBasis;
    }

    /** @return realized P&amp;L in 1e-4 USD */
    public long realizedPnl() {
        return realizedPnl;
    }

    /** @return shares bought in total */
    public long boughtQty() {
        return boughtQty;
    }

    /** @return shares sold in total */
    public long soldQty() {
        return soldQty;
    }

    /** @return shares on live buy orders */
    public long openBuyQty() {
        return openBuyQty;
    }

    /** @return shares on live sell orders */
    public long openSellQty() {
        return openSellQty;
    }

    /** @return notional of live buy orders in 1e-4 USD (see {@code ExposureView}) */
    public long openBuyNotional() {
        return openBuyNotional;
    }

    /** @return notional of live sell orders in 1e-4 USD */
    public long openSellNotional() {
        return openSellNotional;
    }
}
