package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.OrderStatusRequest;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.risk.PassThroughCheck;
import io.portcullis.oms.risk.PreTradeCheck;
import io.portcullis.oms.risk.PreTradeResult;

/**
 * Cancel, cancel/replace and order status of one live order. Engine thread only; does not allocate.
 *
 * <p>Replace priority rules: a lower (or equal) quantity at the same prices keeps the order's place in its
 * level; a higher quantity or a changed price (or stop price) takes it out and treats it as arriving now: a
 * new price may trade at once, and whatever is left rests at the back of its level (or of the stop queue).
 * A quantity equal to the executed quantity finishes the order as FILLED.
 */
final class AmendHandler {

    private final EngineState state;
    private final OrderValidator validator;
    private final PreTradeCheck check;
    /** The pass-through check passes everything without looking: skip building its view. */
    private final boolean passThrough;
    private final PendingOrderView pending = new PendingOrderView();
    private final Exposures exposures;
    private final ExecutionPublisher publisher;
    private final OrderFlow flow;

    AmendHandler(final EngineState state, final OrderValidator validator, final Exposures exposures,
                 final ExecutionPublisher publisher, final OrderFlow flow) {
        this.state = state;
        this.validator = validator;
        this.check = state.config.preTradeCheck();
        this.passThrough = check instanceof PassThroughCheck;
        this.exposures = exposures;
        this.publisher = publisher;
        this.flow = flow;
    }

    void onCancel(final CancelOrder c) {
        if (state.risk != null) {
            state.risk.onOrderMessage(c.sessionId(), c.timestamp());
        }
        final Order order = state.findLive(c.sessionId(), c.origClOrdId(), c.orderId());
        if (order == null) {
            publisher.rejectCancel(null, c.sessionId(), c.clOrdId(), c.origClOrdId(), false,
                RejectCode.UNKNOWN_ORDER, RejectCode.UNKNOWN_ORDER.text());
            return;
        }
        final SymbolState symbol = state.symbols[order.symbolIndex()];
        flow.end(order, symbol, ExecType.CANCELED, RejectCode.CANCELED_ON_REQUEST,
            c.clOrdId() == null ? order.clOrdId() : c.clOrdId(), order.clOrdId());
    }

    void onReplace(final ReplaceOrder c) {
        if (state.risk != null) {
            state.risk.onOrderMessage(c.sessionId(), c.timestamp());
        }
        final Order order = state.findLive(c.sessionId(), c.origClOrdId(), c.orderId());
        if (order == null) {
            publisher.rejectCancel(null, c.sessionId(), c.clOrdId(), c.origClOrdId(), true,
                RejectCode.UNKNOWN_ORDER, RejectCode.UNKNOWN_ORDER.text());
            return;
        }
        final SymbolState symbol = state.symbols[order.symbolIndex()];
        final RejectCode code = validator.validateReplace(c, order, symbol);
        if (code != RejectCode.NONE) {
            publisher.rejectCancel(order, c.sessionId(), c.clOrdId(), c.origClOrdId(), true, code, code.text());
            return;
        }
        final boolean pendingStop = order.isPendingStop();
        final long newStopPx = pendingStop ? c.stopPx() : order.stopPx();
        final boolean repriced = c.price() != order.price() || newStopPx != order.stopPx();
        final boolean losesPriority = repriced || c.qty() > order.orderQty();
        if (losesPriority && !passThrough) {
            final PreTradeResult risk = check.check(pending.forReplace(c, order, symbol, newStopPx), exposures);
            if (!risk.passed()) {
                publisher.rejectCancel(order, c.sessionId(), c.clOrdId(), c.origClOrdId(), true, risk.code(),
                    risk.text());
                return;
            }
            if (risk.warning()) {
                publisher.riskWarning(order, c.clOrdId(), risk);
            }
        }
        apply(c, order, symbol, pendingStop, newStopPx, losesPriority);
    }

    private void apply(final ReplaceOrder c, final Order order, final SymbolState symbol, final boolean pendingStop,
                       final long newStopPx, final boolean losesPriority) {
        final boolean inBook = order.isInBook();
        final long oldLeaves = order.leavesQty();
        exposures.remove(order);
        if (inBook && losesPriority) {
            symbol.book.remove(order);
        }
        if (pendingStop && (losesPriority || c.qty() == order.cumQty())) {
            symbol.stops.remove(order);
        }
        order.replace(c.clOrdId(), c.qty(), c.price(), newStopPx);
        if (c.locateId() != null) {
            order.locateId(c.locateId());
        }
        state.reindex(order);
        state.touch(symbol);
        if (inBook && !losesPriority && oldLeaves != order.leavesQty()) {
            symbol.book.reduced(order, oldLeaves - order.leavesQty());
        }
        publisher.replaced(order);
        if (!order.isWorking()) {
            state.retire(order);
            return;
        }
        exposures.add(order);
        if (pendingStop) {
            if (losesPriority) {
                symbol.stops.append(order);
            }
            flow.checkReplacedStop(order, symbol);
        } else if (inBook && losesPriority) {
            flow.execute(order, symbol, false);
        }
        flow.releaseTriggeredStops(symbol);
    }

    void onStatus(final OrderStatusRequest c) {
        final Order order = state.findLive(c.sessionId(), c.clOrdId(), c.orderId());
        if (order == null) {
            publisher.unknownStatus(c.sessionId(), c.clOrdId(), c.orderId(), c.requestId());
        } else {
            publisher.status(order, c.requestId());
        }
    }
}
