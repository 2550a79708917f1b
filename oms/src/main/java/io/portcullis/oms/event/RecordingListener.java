package io.portcullis.oms.event;

import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;

import java.util.ArrayList;
import java.util.List;

/**
 * Records every callback as an {@link EngineEvent}, for tests, replay tools and diagnostics. Allocates on every
 * callback: never use it on the production hot path. Engine thread only (read the lists from the same thread
 * or after the engine has stopped).
 */
public final class RecordingListener implements EngineListener {

    private final List<EngineEvent> events = new ArrayList<>();

    /** @return every event recorded so far, in order; the live list */
    public List<EngineEvent> events() {
        return events;
    }

    /** @return the execution reports recorded so far, in order; a new list */
    public List<EngineEvent.Execution> executions() {
        return ofType(EngineEvent.Execution.class);
    }

    /** @return the trade prints recorded so far, in order; a new list */
    public List<EngineEvent.Trade> trades() {
        return ofType(EngineEvent.Trade.class);
    }

    /** @return the cancel rejects recorded so far, in order; a new list */
    public List<EngineEvent.CancelRejected> cancelRejects() {
        return ofType(EngineEvent.CancelRejected.class);
    }

    /**
     * @param type an {@link EngineEvent} record class
     * @param <T>  the record type
     * @return the recorded events of that type, in order; a new list
     */
    public <T extends EngineEvent> List<T> ofType(final Class<T> type) {
        final List<T> result = new ArrayList<>();
        for (final EngineEvent event : events) {
            if (type.isInstance(event)) {
                result.add(type.cast(event));
            }
        }
        return result;
    }

    /** Forgets everything recorded so far. */
    public void clear() {
        events.clear();
    }

    @Override
    public void onExecutionReport(final ExecutionReport report) {
        events.add(EngineEvent.Execution.copyOf(report));
    }

    @Override
    public void onCancelReject(final CancelReject reject) {
        events.add(EngineEvent.CancelRejected.copyOf(reject));
    }

    @Override
    public void onTrade(final CharSequence symbol, final long tradeId, final long price, final long qty,
                        final Side aggressorSide, final long takerOrderId, final long makerOrderId,
                        final long transactTime) {
        events.add(new EngineEvent.Trade(symbol.toString(), tradeId, price, qty, aggressorSide, takerOrderId,
            makerOrderId, transactTime));
    }

    @Override
    public void onDepthLevel(final CharSequence symbol, final Side side, final long price, final long totalQty,
                             final int orderCount, final long transactTime) {
        events.add(new EngineEvent.Depth(symbol.toString(), side, price, totalQty, orderCount, transactTime));
    }

    @Override
    public void onTopOfBook(final CharSequence symbol, final long bidPx, final long bidQty, final long askPx,
                            final long askQty, final long transactTime) {
        events.add(new EngineEvent.TopOfBook(symbol.toString(), bidPx, bidQty, askPx, askQty, transactTime));
    }

    @Override
    public void onDailyStats(final CharSequence symbol, final long open, final long high, final long low,
                             final long last, final long volume, final long tradeCount, final long transactTime) {
        events.add(new EngineEvent.DailyStats(symbol.toString(), open, high, low, last, volume, tradeCount,
            transactTime));
    }

    @Override
    public void onPosition(final CharSequence account, final CharSequence symbol, final long netQty,
                           final long costBasis, final long realizedPnl, final long boughtQty, final long soldQty,
                           final long transactTime) {
        events.add(new EngineEvent.Position(account.toString(), symbol.toString(), netQty, costBasis, realizedPnl,
            boughtQty, soldQty, transactTime));
    }

    @Override
    public void onMassActionReport(final long commandSequence, final CharSequence sessionId,
                                   final CharSequence requestId, final MassActionKind kind, final MassScope scope,
                                   final CharSequence scopeValue, final int affectedOrders,
                                   final RejectCode rejectCode, final long transactTime) {
        events.add(new EngineEvent.MassAction(commandSequence, str(sessionId), str(requestId), kind, scope,
            str(scopeValue), affectedOrders, rejectCode, transactTime));
    }

    @Override
    public void onInstrumentStatus(final CharSequence symbol, final InstrumentStatus status,
                                   final long transactTime) {
        events.add(new EngineEvent.StatusChange(symbol.toString(), status, transactTime));
    }

    @Override
    public void onAdminReject(final long commandSequence, final RejectCode rejectCode, final long transactTime) {
        events.add(new EngineEvent.AdminRejected(commandSequence, rejectCode, transactTime));
    }

    @Override
    public void onRiskWarning(final long commandSequence, final long orderId, final CharSequence sessionId,
                              final CharSequence clOrdId, final RejectCode code, final CharSequence text,
                              final long transactTime) {
        events.add(new EngineEvent.RiskWarning(commandSequence, orderId, str(sessionId), str(clOrdId), code,
            str(text), transactTime));
    }

    @Override
    public void onInternalError(final long sequence, final Throwable error) {
        events.add(new EngineEvent.InternalError(sequence, error));
    }

    private static String str(final CharSequence value) {
        return value == null ? null : value.toString();
    }
}
