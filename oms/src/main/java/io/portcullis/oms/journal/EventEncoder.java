package io.portcullis.oms.journal;

import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.event.CancelReject;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;

/**
 * Writes the engine's events of one command into a reusable buffer, in decision order, for the journal record.
 * The format is described in {@link EventFormat}; {@link EventDecoder} reads it back.
 *
 * <p>Engine thread only. Steady state allocation-free: the buffer grows and is then reused. Call {@link #reset()}
 * before each command (done by {@link #onCommandStart}); read the bytes with {@link #buffer()}.
 */
public final class EventEncoder implements EngineListener {
    private final WireBuffer out = new WireBuffer(4096);
    private int eventCount;

    /** Clears the buffer for the next command. */
    public void reset() {
        out.clear();
        eventCount = 0;
    }

    /** The encoded events of the current command. */
    public WireBuffer buffer() {
        return out;
    }

    /** How many events were encoded since the last reset. */
    public int eventCount() {
        return eventCount;
    }

    @Override
    public void onCommandStart(final long sequence, final long timestamp) {
        reset();
    }

    @Override
    public void onExecutionReport(final ExecutionReport r) {
        begin(EventFormat.EXECUTION_REPORT);
        out.putLong(r.commandSequence());
        out.putLong(r.execId());
        out.putLong(r.orderId());
        out.putString(r.sessionId());
        out.putString(r.clOrdId());
        out.putString(r.origClOrdId());
        out.putString(r.requestId());
        out.putString(r.account());
        out.putString(r.symbol());
        out.putChar(r.side() == null ? 0 : r.side().fixValue());
        out.putChar(r.ordType() == null ? 0 : r.ordType().fixValue());
        out.putChar(r.tif() == null ? 0 : r.tif().fixValue());
        out.putChar(r.execType().fixValue());
        out.putChar(r.ordStatus().fixValue());
        out.putLong(r.price());
        out.putLong(r.stopPx());
        out.putLong(r.orderQty());
        out.putLong(r.cumQty());
        out.putLong(r.leavesQty());
        out.putLong(r.cumNotional());
        out.putLong(r.lastPx());
        out.putLong(r.lastQty());
        out.putLong(r.tradeId());
        out.putLong(r.contraOrderId());
        out.putByte(r.aggressor() ? 1 : 0);
        out.putLong(r.transactTime());
        out.putInt(r.rejectCode() == null ? 0 : r.rejectCode().code());
        out.putString(r.text());
    }

    @Override
    public void onCancelReject(final CancelReject r) {
        begin(EventFormat.CANCEL_REJECT);
        out.putLong(r.commandSequence());
        out.putLong(r.orderId());
        out.putString(r.sessionId());
        out.putString(r.clOrdId());
        out.putString(r.origClOrdId());
        out.putChar(r.ordStatus() == null ? 0 : r.ordStatus().fixValue());
        out.putByte(r.replace() ? 1 : 0);
        out.putInt(r.rejectCode() == null ? 0 : r.rejectCode().code());
        out.putString(r.text());
        out.putLong(r.transactTime());
    }

    @Override
    public void onTrade(final CharSequence symbol, final long tradeId, final long price, final long qty,
                        final Side aggressorSide, final long takerOrderId, final long makerOrderId,
                        final long transactTime) {
        begin(EventFormat.TRADE);
        out.putString(symbol);
        out.putLong(tradeId);
        out.putLong(price);
        out.putLong(qty);
        out.putChar(aggressorSide.fixValue());
        out.putLong(takerOrderId);
        out.putLong(makerOrderId);
        out.putLong(transactTime);
    }

    @Override
    public void onDepthLevel(final CharSequence symbol, final Side side, final long price, final long totalQty,
                             final int orderCount, final long transactTime) {
        begin(EventFormat.DEPTH_LEVEL);
        out.putString(symbol);
        out.putChar(side.fixValue());
        out.putLong(price);
        out.putLong(totalQty);
        out.putInt(orderCount);
        out.putLong(transactTime);
    }

    @Override
    public void onTopOfBook(final CharSequence symbol, final long bidPx, final long bidQty, final long askPx,
                            final long askQty, final long transactTime) {
        begin(EventFormat.TOP_OF_BOOK);
        out.putString(symbol);
        out.putLong(bidPx);
        out.putLong(bidQty);
        out.putLong(askPx);
        out.putLong(askQty);
        out.putLong(transactTime);
    }

    @Override
    public void onDailyStats(final CharSequence symbol, final long open, final long high, final long low,
                             final long last, final long volume, final long tradeCount, final long transactTime) {
        begin(EventFormat.DAILY_STATS);
        out.putString(symbol);
        out.putLong(open);
        out.putLong(high);
        out.putLong(low);
        out.putLong(last);
        out.putLong(volume);
        out.putLong(tradeCount);
        out.putLong(transactTime);
    }

    @Override
    public void onPosition(final CharSequence account, final CharSequence symbol, final long netQty,
                           final long costBasis, final long realizedPnl, final long boughtQty, final long soldQty,
                           final long transactTime) {
        begin(EventFormat.POSITION);
        out.putString(account);
        out.putString(symbol);
        out.putLong(netQty);
        out.putLong(costBasis);
        out.putLong(realizedPnl);
        out.putLong(boughtQty);
        out.putLong(soldQty);
        out.putLong(transactTime);
    }

    @Override
    public void onMassActionReport(final long commandSequence, final CharSequence sessionId,
                                   final CharSequence requestId, final io.portcullis.oms.event.MassActionKind kind,
                                   final MassScope scope, final CharSequence scopeValue, final int affectedOrders,
                                   final RejectCode rejectCode, final long transactTime) {
        begin(EventFormat.MASS_ACTION_REPORT);
        out.putLong(commandSequence);
        out.putString(sessionId);
        out.putString(requestId);
        out.putString(kind.name());
        out.putInt(scope == null ? 0 : scope.code());
        out.putString(scopeValue);
        out.putInt(affectedOrders);
        out.putInt(rejectCode == null ? 0 : rejectCode.code());
        out.putLong(transactTime);
    }

    @Override
    public void onInstrumentStatus(final CharSequence symbol, final InstrumentStatus status,
                                   final long transactTime) {
        begin(EventFormat.INSTRUMENT_STATUS);
        out.putString(symbol);
        out.putString(status.name());
        out.putLong(transactTime);
    }

    @Override
    public void onAdminReject(final long commandSequence, final RejectCode rejectCode, final long transactTime) {
        begin(EventFormat.ADMIN_REJECT);
        out.putLong(commandSequence);
        out.putInt(rejectCode.code());
        out.putLong(transactTime);
    }

    @Override
    public void onRiskWarning(final long commandSequence, final long orderId, final CharSequence sessionId,
                              final CharSequence clOrdId, final RejectCode code, final CharSequence text,
                              final long transactTime) {
        begin(EventFormat.RISK_WARNING);
        out.putLong(commandSequence);
        out.putLong(orderId);
        out.putString(sessionId);
        out.putString(clOrdId);
        out.putInt(code.code());
        out.putString(text);
        out.putLong(transactTime);
    }

    private void begin(final byte type) {
        out.putByte(type);
        eventCount++;
    }
}
