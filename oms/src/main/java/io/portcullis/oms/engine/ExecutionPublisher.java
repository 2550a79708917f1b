package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.risk.PreTradeResult;

/**
 * Turns engine decisions into listener calls, assigning ExecIDs from the engine counter. Reuses one
 * execution report and one cancel reject flyweight. With {@link EngineListener#NO_OP} nothing can see the
 * flyweights, so they are not filled: only the ExecID counter advances, exactly as it would otherwise.
 * Engine thread only; does not allocate.
 */
final class ExecutionPublisher {

    private final EngineState state;
    private final EngineListener listener;
    /** True when the listener is {@link EngineListener#NO_OP}: reports are counted, not built. */
    private final boolean silent;
    private final MutableExecutionReport report = new MutableExecutionReport();
    private final MutableCancelReject cancelReject = new MutableCancelReject();

    ExecutionPublisher(final EngineState state, final EngineListener listener) {
        this.state = state;
        this.listener = listener;
        this.silent = listener == EngineListener.NO_OP;
    }

    /** Reports an order event (NEW, TRIGGERED, EXPIRED) with the order's own ClOrdID. */
    void order(final Order order, final ExecType type) {
        if (silent) {
            state.execIdCounter++;
            return;
        }
        prepare(order, type);
        emit();
    }

    /** Reports a cancel by the engine or on request, or an expiry, with a reason. */
    void done(final Order order, final ExecType type, final RejectCode reason, final CharSequence clOrdId,
              final CharSequence origClOrdId) {
        if (silent) {
            state.execIdCounter++;
            return;
        }
        prepare(order, type);
        report.clOrdId = clOrdId;
        report.origClOrdId = origClOrdId;
        report.rejectCode = reason;
        report.text = reason == RejectCode.NONE ? null : reason.text();
        emit();
    }

    /** Reports an accepted replace: ClOrdID is the new one, OrigClOrdID the previous one. */
    void replaced(final Order order) {
        if (silent) {
            state.execIdCounter++;
            return;
        }
        prepare(order, ExecType.REPLACED);
        report.origClOrdId = order.origClOrdId();
        emit();
    }

    /** Reports one side of a trade. */
    void trade(final Order order, final long price, final long qty, final long tradeId, final long contraOrderId,
               final boolean aggressor) {
        if (silent) {
            state.execIdCounter++;
            return;
        }
        prepare(order, ExecType.TRADE);
        report.lastPx = price;
        report.lastQty = qty;
        report.tradeId = tradeId;
        report.contraOrderId = contraOrderId;
        report.aggressor = aggressor;
        emit();
    }

    /** Answers a status request for a live order. */
    void status(final Order order, final CharSequence requestId) {
        if (silent) {
            state.execIdCounter++;
            return;
        }
        prepare(order, ExecType.ORDER_STATUS);
        report.requestId = requestId;
        emit();
    }

    /** Answers a status request for an unknown order. */
    void unknownStatus(final CharSequence sessionId, final CharSequence clOrdId, final long orderId,
                       final CharSequence requestId) {
        if (silent) {
            state.execIdCounter++;
            return;
        }
        clear();
        report.orderId = 0;
        report.sessionId = sessionId;
        report.clOrdId = clOrdId;
        report.requestId = requestId;
        report.execType = ExecType.ORDER_STATUS;
        report.ordStatus = OrdStatus.REJECTED;
        report.rejectCode = RejectCode.UNKNOWN_ORDER;
        report.text = RejectCode.UNKNOWN_ORDER.text();
        emit();
    }

    /**
     * Reports a pre-trade check's warning about an order it passed (before the order's NEW or REPLACED report).
     * Consumes no ExecID.
     */
    void riskWarning(final Order order, final CharSequence clOrdId, final PreTradeResult warning) {
        if (silent) {
            return;
        }
        listener.onRiskWarning(state.currentSequence, order.orderId(), order.sessionId(), clOrdId, warning.code(),
            warning.text(), state.now);
    }

    /** Rejects a new order; nothing about the engine changed. */
    void rejectNew(final NewOrder command, final RejectCode code, final CharSequence text) {
        if (silent) {
            state.execIdCounter++;
            return;
        }
        clear();
        report.sessionId = command.sessionId();
        report.clOrdId = command.clOrdId();
        report.account = command.account();
        report.symbol = command.symbol();
        report.side = command.side();
        report.ordType = command.ordType();
        report.tif = command.tif();
        report.execType = ExecType.REJECTED;
        report.ordStatus = OrdStatus.REJECTED;
        report.price = command.price();
        report.stopPx = command.stopPx();
        report.orderQty = command.qty();
        report.rejectCode = code;
        report.text = text;
        emit();
    }

    /** Rejects a cancel or replace; the order (if any) is unchanged. */
    void rejectCancel(final Order order, final CharSequence sessionId, final CharSequence clOrdId,
                      final CharSequence origClOrdId, final boolean replace, final RejectCode code,
                      final CharSequence text) {
        if (silent) {
            return;
        }
        final MutableCancelReject r = cancelReject;
        r.commandSequence = state.currentSequence;
        r.orderId = order == null ? 0 : order.orderId();
        r.sessionId = sessionId;
        r.clOrdId = clOrdId;
        r.origClOrdId = origClOrdId;
        r.ordStatus = order == null ? OrdStatus.REJECTED : order.status();
        r.replace = replace;
        r.rejectCode = code;
        r.text = text;
        r.transactTime = state.now;
        listener.onCancelReject(r);
    }

    private void prepare(final Order order, final ExecType type) {
        report.fromOrder(order, type);
    }

    private void clear() {
        final MutableExecutionReport r = report;
        r.orderId = 0;
        r.sessionId = null;
        r.clOrdId = null;
        r.origClOrdId = null;
        r.requestId = null;
        r.account = null;
        r.symbol = null;
        r.side = null;
        r.ordType = null;
        r.tif = null;
        r.price = Prices.NONE;
        r.stopPx = Prices.NONE;
        r.orderQty = 0;
        r.cumQty = 0;
        r.leavesQty = 0;
        r.cumNotional = 0;
        r.lastPx = Prices.NONE;
        r.lastQty = 0;
        r.tradeId = 0;
        r.contraOrderId = 0;
        r.aggressor = false;
        r.rejectCode = RejectCode.NONE;
        r.text = null;
    }

    private void emit() {
        report.commandSequence = state.currentSequence;
        report.execId = ++state.execIdCounter;
        report.transactTime = state.now;
        listener.onExecutionReport(report);
    }
}
