package io.portcullis.fix.order;

import java.util.ArrayList;
import java.util.List;

import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.event.CancelReject;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.event.MassActionKind;

/**
 * The client-facing events of one journal record, collected in order while the record is decoded, with the market
 * data events forwarded to a {@link MarketDataDesk} (or dropped when {@code desk} is null: a resend must not feed
 * the book image twice). Outbound thread only. Decoded events are immutable objects, so keeping them is safe.
 */
final class RecordEvents implements EngineListener {
    /** One order-related event: an execution report, a cancel reject or a mass action report. */
    sealed interface Event permits Report, Reject, MassAction {
    }

    record Report(ExecutionReport report) implements Event {
    }

    record Reject(CancelReject reject) implements Event {
    }

    record MassAction(long commandSequence, String sessionId, String requestId, MassActionKind kind,
                      MassScope scope, String scopeValue, int affected, RejectCode code, long transactTime)
        implements Event {
    }

    final List<Event> events = new ArrayList<>();
    private final MarketDataDesk desk;

    RecordEvents(final MarketDataDesk desk) {
        this.desk = desk;
    }

    @Override
    public void onExecutionReport(final ExecutionReport report) {
        events.add(new Report(report));
    }

    @Override
    public void onCancelReject(final CancelReject reject) {
        events.add(new Reject(reject));
    }

    @Override
    public void onMassActionReport(final long commandSequence, final CharSequence sessionId,
                                   final CharSequence requestId, final MassActionKind kind, final MassScope scope,
                                   final CharSequence scopeValue, final int affectedOrders,
                                   final RejectCode rejectCode, final long transactTime) {
        events.add(new MassAction(commandSequence, str(sessionId), str(requestId), kind, scope, str(scopeValue),
            affectedOrders, rejectCode, transactTime));
    }

    @Override
    public void onTrade(final CharSequence symbol, final long tradeId, final long price, final long qty,
                        final Side aggressorSide, final long takerOrderId, final long makerOrderId,
                        final long transactTime) {
        if (desk != null) {
            desk.onTrade(symbol.toString(), tradeId, price, qty, transactTime);
        }
    }

    @Override
    public void onDepthLevel(final CharSequence symbol, final Side side, final long price, final long totalQty,
                             final int orderCount, final long transactTime) {
        if (desk != null) {
            desk.onDepthLevel(symbol.toString(), side, price, totalQty, orderCount);
        }
    }

    @Override
    public void onTopOfBook(final CharSequence symbol, final long bidPx, final long bidQty, final long askPx,
                            final long askQty, final long transactTime) {
        if (desk != null) {
            desk.onTopOfBook(symbol.toString(), bidPx, bidQty, askPx, askQty);
        }
    }

    @Override
    public void onDailyStats(final CharSequence symbol, final long open, final long high, final long low,
                             final long last, final long volume, final long tradeCount, final long transactTime) {
        if (desk != null) {
            desk.onDailyStats(symbol.toString(), open, high, low, last, volume);
        }
    }

    private static String str(final CharSequence value) {
        return value == null ? null : value.toString();
    }
}
