package io.portcullis.oms.journal;

import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.event.CancelReject;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.event.MassActionKind;

/**
 * Passes every engine event to two listeners, first then second. Engine thread; allocates nothing.
 */
public final class TeeListener implements EngineListener {
    private final EngineListener first;
    private final EngineListener second;

    /** @param first told first (the journal encoder); @param second told next */
    public TeeListener(final EngineListener first, final EngineListener second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void onCommandStart(final long sequence, final long timestamp) {
        first.onCommandStart(sequence, timestamp);
        second.onCommandStart(sequence, timestamp);
    }

    @Override
    public void onExecutionReport(final ExecutionReport report) {
        first.onExecutionReport(report);
        second.onExecutionReport(report);
    }

    @Override
    public void onCancelReject(final CancelReject reject) {
        first.onCancelReject(reject);
        second.onCancelReject(reject);
    }

    @Override
    public void onTrade(final CharSequence symbol, final long tradeId, final long price, final long qty,
                        final Side aggressorSide, final long takerOrderId, final long makerOrderId,
                        final long transactTime) {
        first.onTrade(symbol, tradeId, price, qty, aggressorSide, takerOrderId, makerOrderId, transactTime);
        second.onTrade(symbol, tradeId, price, qty, aggressorSide, takerOrderId, makerOrderId, transactTime);
    }

    @Override
    public void onDepthLevel(final CharSequence symbol, final Side side, final long price, final long totalQty,
                             final int orderCount, final long transactTime) {
        first.onDepthLevel(symbol, side, price, totalQty, orderCount, transactTime);
        second.onDepthLevel(symbol, side, price, totalQty, orderCount, transactTime);
    }

    @Override
    public void onTopOfBook(final CharSequence symbol, final long bidPx, final long bidQty, final long askPx,
                            final long askQty, final long transactTime) {
        first.onTopOfBook(symbol, bidPx, bidQty, askPx, askQty, transactTime);
        second.onTopOfBook(symbol, bidPx, bidQty, askPx, askQty, transactTime);
    }

    @Override
    public void onDailyStats(final CharSequence symbol, final long open, final long high, final long low,
                             final long last, final long volume, final long tradeCount, final long transactTime) {
        first.onDailyStats(symbol, open, high, low, last, volume, tradeCount, transactTime);
        second.onDailyStats(symbol, open, high, low, last, volume, tradeCount, transactTime);
    }

    @Override
    public void onPosition(final CharSequence account, final CharSequence symbol, final long netQty,
                           final long costBasis, final long realizedPnl, final long boughtQty, final long soldQty,
                           final long transactTime) {
        first.onPosition(account, symbol, netQty, costBasis, realizedPnl, boughtQty, soldQty, transactTime);
        second.onPosition(account, symbol, netQty, costBasis, realizedPnl, boughtQty, soldQty, transactTime);
    }

    @Override
    public void onMassActionReport(final long commandSequence, final CharSequence sessionId,
                                   final CharSequence requestId, final MassActionKind kind, final MassScope scope,
                                   final CharSequence scopeValue, final int affectedOrders,
                                   final RejectCode rejectCode, final long transactTime) {
        first.onMassActionReport(commandSequence, sessionId, requestId, kind, scope, scopeValue, affectedOrders,
            rejectCode, transactTime);
        second.onMassActionReport(commandSequence, sessionId, requestId, kind, scope, scopeValue, affectedOrders,
            rejectCode, transactTime);
    }

    @Override
    public void onInstrumentStatus(final CharSequence symbol, final InstrumentStatus status, final long transactTime) {
        first.onInstrumentStatus(symbol, status, transactTime);
        second.onInstrumentStatus(symbol, status, transactTime);
    }

    @Override
    public void onAdminReject(final long commandSequence, final RejectCode rejectCode, final long transactTime) {
        first.onAdminReject(commandSequence, rejectCode, transactTime);
        second.onAdminReject(commandSequence, rejectCode, transactTime);
    }

    @Override
    public void onRiskWarning(final long commandSequence, final long orderId, final CharSequence sessionId,
                              final CharSequence clOrdId, final RejectCode code, final CharSequence text,
                              final long transactTime) {
        first.onRiskWarning(commandSequence, orderId, sessionId, clOrdId, code, text, transactTime);
        second.onRiskWarning(commandSequence, orderId, sessionId, clOrdId, code, text, transactTime);
    }

    @Override
    public void onCommandSkipped(final long sequence, final long lastApplied) {
        first.onCommandSkipped(sequence, lastApplied);
        second.onCommandSkipped(sequence, lastApplied);
    }

    @Override
    public void onInternalError(final long sequence, final Throwable error) {
        first.onInternalError(sequence, error);
        second.onInternalError(sequence, error);
    }

    @Override
    public void onCommandEnd(final long sequence) {
        first.onCommandEnd(sequence);
        second.onCommandEnd(sequence);
    }
}
