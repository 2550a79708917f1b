package io.portcullis.oms.event;

import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;

/**
 * Receives everything the engine decides, in decision order, on the engine thread, synchronously. Every
 * method has a no-op default so an implementation picks what it needs. Implementations must not call back
 * into the engine and should not block (a journal encoder copies into its buffer and returns).
 *
 * <p>Per command the order is: {@link #onCommandStart}, then the command's events, then top-of-book and
 * daily statistics for every symbol the command touched, then {@link #onCommandEnd}. Views and
 * CharSequences are valid only during the call. Prices and notionals in 1e-4 USD ({@code Prices.NONE} when
 * absent), quantities in shares, times in epoch nanos UTC (the command's ingress time). The engine allocates
 * nothing to make these calls.
 */
public interface EngineListener {

    /** A listener that ignores everything. */
    EngineListener NO_OP = new EngineListener() {
    };

    /**
     * @param sequence  the command's journal sequence
     * @param timestamp the command's ingress time
     */
    default void onCommandStart(final long sequence, final long timestamp) {
    }

    /** @param report an execution report (ack, reject, trade, cancel, replace, expiry, trigger, status) */
    default void onExecutionReport(final ExecutionReport report) {
    }

    /** @param reject a rejected cancel or replace */
    default void onCancelReject(final CancelReject reject) {
    }

    /**
     * A trade print (also reported as one TRADE execution report per side).
     *
     * @param symbol        symbol
     * @param tradeId       engine trade id, shared by both execution reports
     * @param price         trade price (the resting order's)
     * @param qty           shares
     * @param aggressorSide side of the incoming order
     * @param takerOrderId  incoming order
     * @param makerOrderId  resting order
     * @param transactTime  time
     */
    default void onTrade(final CharSequence symbol, final long tradeId, final long price, final long qty,
                         final Side aggressorSide, final long takerOrderId, final long makerOrderId,
                         final long transactTime) {
    }

    /**
     * Depth by level: a price level's aggregate changed.
     *
     * @param symbol       symbol
     * @param side         book side
     * @param price        level price
     * @param totalQty     aggregate shares; 0 when the level is gone
     * @param orderCount   number of orders; 0 when the level is gone
     * @param transactTime time
     */
    default void onDepthLevel(final CharSequence symbol, final Side side, final long price, final long totalQty,
                              final int orderCount, final long transactTime) {
    }

    /**
     * Top of book changed (emitted once per command per symbol, only when different from the last one sent).
     *
     * @param symbol       symbol
     * @param bidPx        best bid or NONE
     * @param bidQty       shares at the best bid, 0 when none
     * @param askPx        best ask or NONE
     * @param askQty       shares at the best ask, 0 when none
     * @param transactTime time
     */
    default void onTopOfBook(final CharSequence symbol, final long bidPx, final long bidQty, final long askPx,
                             final long askQty, final long transactTime) {
    }

    /**
     * Daily statistics after a command that traded the symbol.
     *
     * @param symbol       symbol
     * @param open         first trade price of the day
     * @param high         highest trade price of the day
     * @param low          lowest trade price of the day
     * @param last         last trade price
     * @param volume       shares traded today
     * @param tradeCount   trades today
     * @param transactTime time
     */
    default void onDailyStats(final CharSequence symbol, final long open, final long high, final long low,
                              final long last, final long volume, final long tradeCount, final long transactTime) {
    }

    /**
     * A position changed by a fill.
     *
     * @param account      account
     * @param symbol       symbol
     * @param netQty       signed shares, long positive
     * @param costBasis    cost of the open position, 1e-4 USD, never negative (avg cost = costBasis / |netQty|)
     * @param realizedPnl  realized P&amp;L, 1e-4 USD
     * @param boughtQty    shares bought in total
     * @param soldQty      shares sold in total
     * @param transactTime time
     */
    default void onPosition(final CharSequence account, final CharSequence symbol, final long netQty,
                            final long costBasis, final long realizedPnl, final long boughtQty, final long soldQty,
                            final long transactTime) {
    }

    /**
     * Answer to a mass cancel or mass status request, after its per-order execution reports.
     *
     * @param commandSequence journal sequence of the request
     * @param sessionId       requesting session
     * @param requestId       request id, may be null
     * @param kind            cancel or status
     * @param scope           the requested scope
     * @param scopeValue      the requested scope value, may be null
     * @param affectedOrders  orders cancelled or reported
     * @param rejectCode      NONE, or why the request was refused
     * @param transactTime    time
     */
    default void onMassActionReport(final long commandSequence, final CharSequence sessionId,
                                    final CharSequence requestId, final MassActionKind kind, final MassScope scope,
                                    final CharSequence scopeValue, final int affectedOrders,
                                    final RejectCode rejectCode, final long transactTime) {
    }

    /**
     * A symbol was halted or resumed.
     *
     * @param symbol       symbol
     * @param status       new status
     * @param transactTime time
     */
    default void onInstrumentStatus(final CharSequence symbol, final InstrumentStatus status,
                                    final long transactTime) {
    }

    /**
     * An admin command (halt, resume) was refused.
     *
     * @param commandSequence journal sequence
     * @param rejectCode      why
     * @param transactTime    time
     */
    default void onAdminReject(final long commandSequence, final RejectCode rejectCode, final long transactTime) {
    }

    /**
     * A pre-trade check passed an order with a warning (a duplicate order in "warn" mode, for one): reported just
     * before the order's NEW (or REPLACED) execution report, for the audit trail. Consumes no ExecID.
     *
     * @param commandSequence journal sequence of the order's command
     * @param orderId         the order's id
     * @param sessionId       the order's session
     * @param clOrdId         the ClOrdID of the new order or of the replace request
     * @param code            what the check noticed
     * @param text            the check's text, naming the rule and the values
     * @param transactTime    time
     */
    default void onRiskWarning(final long commandSequence, final long orderId, final CharSequence sessionId,
                               final CharSequence clOrdId, final RejectCode code, final CharSequence text,
                               final long transactTime) {
    }

    /**
     * A command was skipped because its sequence is not above the last applied one (a replay overlap).
     *
     * @param sequence     the skipped sequence
     * @param lastApplied  the engine's last applied sequence
     */
    default void onCommandSkipped(final long sequence, final long lastApplied) {
    }

    /**
     * The engine caught an exception: a bug. The command was answered with INTERNAL_ERROR where possible.
     * Allocation is acceptable here.
     *
     * @param sequence the command's sequence
     * @param error    what was thrown
     */
    default void onInternalError(final long sequence, final Throwable error) {
    }

    /** @param sequence the command's journal sequence */
    default void onCommandEnd(final long sequence) {
    }
}
