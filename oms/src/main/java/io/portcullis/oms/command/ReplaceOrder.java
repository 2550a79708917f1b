package io.portcullis.oms.command;

import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;

/**
 * OrderCancelReplaceRequest. Finds the order like {@link CancelOrder}. {@code qty} is the new total
 * OrderQty(38) (executed quantity included). A lower quantity at the same price keeps time priority; a
 * higher quantity or any price change loses it. Side and symbol are repeated as FIX requires and must equal
 * the order's. Order type, time in force and MinQty cannot be changed. Immutable.
 *
 * @param sequence    journal sequence number
 * @param timestamp   ingress time, epoch nanos UTC
 * @param sessionId   requesting FIX session; non-null
 * @param clOrdId     new ClOrdID(11); must be unique among the session's live orders
 * @param origClOrdId OrigClOrdID(41)
 * @param orderId     OrderID(37), or 0
 * @param symbol      Symbol(55); must equal the order's
 * @param side        Side(54); must equal the order's
 * @param qty         new OrderQty(38) in shares
 * @param price       new Price(44) in 1e-4 USD, or {@link Prices#NONE} (only valid for stop orders)
 * @param stopPx      new StopPx(99) in 1e-4 USD for untriggered stop orders, otherwise {@link Prices#NONE}
 * @param locateId    a new Reg SHO locate id for the order (a raised short sale's increment is taken from it), or
 *                    null to keep the order's own
 */
public record ReplaceOrder(long sequence, long timestamp, String sessionId, String clOrdId, String origClOrdId,
                           long orderId, String symbol, Side side, long qty, long price, long stopPx, String locateId)
    implements Command {

    /**
     * A replace that keeps the order's locate id.
     *
     * @param sequence    journal sequence number
     * @param timestamp   ingress time, epoch nanos UTC
     * @param sessionId   requesting FIX session
     * @param clOrdId     new ClOrdID(11)
     * @param origClOrdId OrigClOrdID(41)
     * @param orderId     OrderID(37), or 0
     * @param symbol      Symbol(55)
     * @param side        Side(54)
     * @param qty         new OrderQty(38) in shares
     * @param price       new Price(44) in 1e-4 USD, or {@link Prices#NONE}
     * @param stopPx      new StopPx(99) in 1e-4 USD, or {@link Prices#NONE}
     */
    public ReplaceOrder(final long sequence, final long timestamp, final String sessionId, final String clOrdId,
                        final String origClOrdId, final long orderId, final String symbol, final Side side,
                        final long qty, final long price, final long stopPx) {
        this(sequence, timestamp, sessionId, clOrdId, origClOrdId, orderId, symbol, side, qty, price, stopPx, null);
    }
}
