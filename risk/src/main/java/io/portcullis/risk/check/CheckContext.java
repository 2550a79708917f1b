package io.portcullis.risk.check;

import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.risk.ExposureView;
import io.portcullis.oms.risk.PreTradeOrder;

/**
 * What every check of one order needs, worked out once per {@code check} call: the indexes, the (account, symbol)
 * limit row, the reference price, the order's valuation and its increment over the live order for a replace.
 * A reused mutable flyweight; engine thread only; filling it does not allocate.
 *
 * <p>Reference price: the symbol's last trade, else the book's mid (both sides present), else the instrument's
 * reference price. Valuation price (for notionals): the limit price; a stop (market) order's stop price; a market
 * order's reference price. Increments: a new order adds its whole quantity and notional; a replace adds only the
 * difference from the live order as it stands (the open quantity and its open notional, valued as the engine values
 * exposure), and cumulative checks (position, credit, capital, locate) only look at a positive increment.
 */
final class CheckContext {

    /** Where the reference price came from. */
    static final int REF_LAST = 0;
    static final int REF_MID = 1;
    static final int REF_INSTRUMENT = 2;

    PreTradeOrder order;
    ExposureView view;
    int account;
    int symbol;
    int broker;
    Instrument instrument;
    long[] limitRow;
    long timestamp;
    Side side;
    boolean buy;
    boolean market;
    long qty;
    /** Shares added over the live order (the whole quantity for a new order); may be negative. */
    long qtyIncrement;
    long referencePrice;
    int referenceSource;
    /** Price the order's notional is valued at. */
    long valuationPrice;
    /** qty * valuationPrice. */
    long notional;
    /** Open notional added over the live order's (the whole open notional for a new order); may be negative. */
    long notionalIncrement;
    /** The locate the order's short sale increment comes from, once the locate check found it; else null. */
    Locates.Entry locate;
    /** Until when an order with the same terms is a duplicate, when the duplicate check applies; else 0. */
    long duplicateExpiry;

    void fill(final PreTradeOrder o, final ExposureView v, final int brokerIndex, final long[] row) {
        order = o;
        view = v;
        account = o.accountIndex();
        symbol = o.symbolIndex();
        broker = brokerIndex;
        instrument = o.instrument();
        limitRow = row;
        locate = null;
        duplicateExpiry = 0;
        timestamp = o.timestamp();
        side = o.side();
        buy = side == Side.BUY;
        final OrdType type = o.ordType();
        market = type == OrdType.MARKET;
        qty = o.orderQty();
        referencePrice(v);
        valuationPrice = type == OrdType.MARKET ? referencePrice : type == OrdType.STOP ? o.stopPx() : o.price();
        notional = qty * valuationPrice;
        final long open = qty - o.cumQty();
        if (o.isReplace()) {
            final long oldOpen = o.previousOrderQty() - o.cumQty();
            qtyIncrement = open - oldOpen;
            notionalIncrement = open * valuationPrice - oldOpen * exposurePrice(o.previousPrice(), o.previousStopPx());
        } else {
            qtyIncrement = qty;
            notionalIncrement = notional;
        }
    }

    private void referencePrice(final ExposureView v) {
        final long last = v.lastPrice(symbol);
        if (last != Prices.NONE) {
            referencePrice = last;
            referenceSource = REF_LAST;
            return;
        }
        final long bid = v.bestBid(symbol);
        final long ask = v.bestAsk(symbol);
        if (bid != Prices.NONE && ask != Prices.NONE) {
            referencePrice = (bid + ask) / 2;
            referenceSource = REF_MID;
            return;
        }
        referencePrice = instrument.referencePrice();
        referenceSource = REF_INSTRUMENT;
    }

    /** The engine's exposure price of a resting order: its limit price, else its stop price, else 0. */
    private static long exposurePrice(final long price, final long stopPx) {
        if (price != Prices.NONE) {
            return price;
        }
        return stopPx != Prices.NONE ? stopPx : 0;
    }

    /** Drops the references to the engine's flyweights once the check is done. */
    void clear() {
        order = null;
        view = null;
        limitRow = null;
        locate = null;
    }
}
