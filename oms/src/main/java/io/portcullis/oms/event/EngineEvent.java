package io.portcullis.oms.event;

import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;

/**
 * Immutable copies of engine callbacks, made by {@link RecordingListener} for tests and tools. Units as in
 * {@link EngineListener}. Creating one allocates; not for the hot path.
 */
public sealed interface EngineEvent {

    /**
     * Copy of an {@link ExecutionReport}; fields as documented there.
     *
     * @param commandSequence command sequence
     * @param execId          ExecID
     * @param orderId         OrderID
     * @param sessionId       session
     * @param clOrdId         ClOrdID
     * @param origClOrdId     OrigClOrdID
     * @param requestId       status request id
     * @param account         account
     * @param symbol          symbol
     * @param side            side
     * @param ordType         order type
     * @param tif             time in force
     * @param execType        exec type
     * @param ordStatus       order status
     * @param price           price
     * @param stopPx          stop price
     * @param orderQty        order qty
     * @param cumQty          cum qty
     * @param leavesQty       leaves qty
     * @param cumNotional     cum notional
     * @param lastPx          last px
     * @param lastQty         last qty
     * @param tradeId         trade id
     * @param contraOrderId   contra order id
     * @param aggressor       aggressor flag
     * @param transactTime    time
     * @param rejectCode      reject code
     * @param text            text
     */
    record Execution(long commandSequence, long execId, long orderId, String sessionId, String clOrdId,
                     String origClOrdId, String requestId, String account, String symbol, Side side,
                     OrdType ordType, TimeInForce tif, ExecType execType, OrdStatus ordStatus, long price,
                     long stopPx, long orderQty, long cumQty, long leavesQty, long cumNotional, long lastPx,
                     long lastQty, long tradeId, long contraOrderId, boolean aggressor, long transactTime,
                     RejectCode rejectCode, String text) implements EngineEvent {

        static Execution copyOf(final ExecutionReport r) {
            return new Execution(r.commandSequence(), r.execId(), r.orderId(), str(r.sessionId()), str(r.clOrdId()),
                str(r.origClOrdId()), str(r.requestId()), str(r.account()), str(r.symbol()), r.side(), r.ordType(),
                r.tif(), r.execType(), r.ordStatus(), r.price(), r.stopPx(), r.orderQty(), r.cumQty(),
                r.leavesQty(), r.cumNotional(), r.lastPx(), r.lastQty(), r.tradeId(), r.contraOrderId(),
                r.aggressor(), r.transactTime(), r.rejectCode(), str(r.text()));
        }
    }

    /**
     * Copy of a {@link CancelReject}.
     *
     * @param commandSequence command sequence
     * @param orderId         order id or 0
     * @param sessionId       session
     * @param clOrdId         request ClOrdID
     * @param origClOrdId     request OrigClOrdID
     * @param ordStatus       order status
     * @param replace         true for a replace
     * @param rejectCode      reason
     * @param text            text
     * @param transactTime    time
     */
    record CancelRejected(long commandSequence, long orderId, String sessionId, String clOrdId,
                          String origClOrdId, OrdStatus ordStatus, boolean replace, RejectCode rejectCode,
                          String text, long transactTime) implements EngineEvent {

        static CancelRejected copyOf(final CancelReject r) {
            return new CancelRejected(r.commandSequence(), r.orderId(), str(r.sessionId()), str(r.clOrdId()),
                str(r.origClOrdId()), r.ordStatus(), r.replace(), r.rejectCode(), str(r.text()), r.transactTime());
        }
    }

    /**
     * A trade print.
     *
     * @param symbol        symbol
     * @param tradeId       trade id
     * @param price         price
     * @param qty           qty
     * @param aggressorSide aggressor side
     * @param takerOrderId  incoming order
     * @param makerOrderId  resting order
     * @param transactTime  time
     */
    record Trade(String symbol, long tradeId, long price, long qty, Side aggressorSide, long takerOrderId,
                 long makerOrderId, long transactTime) implements EngineEvent {
    }

    /**
     * A depth-by-level change.
     *
     * @param symbol       symbol
     * @param side         side
     * @param price        price
     * @param totalQty     aggregate
     * @param orderCount   count
     * @param transactTime time
     */
    record Depth(String symbol, Side side, long price, long totalQty, int orderCount, long transactTime)
        implements EngineEvent {
    }

    /**
     * A top-of-book change.
     *
     * @param symbol       symbol
     * @param bidPx        bid
     * @param bidQty       bid qty
     * @param askPx        ask
     * @param askQty       ask qty
     * @param transactTime time
     */
    record TopOfBook(String symbol, long bidPx, long bidQty, long askPx, long askQty, long transactTime)
        implements EngineEvent {
    }

    /**
     * Daily statistics.
     *
     * @param symbol       symbol
     * @param open         open
     * @param high         high
     * @param low          low
     * @param last         last
     * @param volume       volume
     * @param tradeCount   trades
     * @param transactTime time
     */
    record DailyStats(String symbol, long open, long high, long low, long last, long volume, long tradeCount,
                      long transactTime) implements EngineEvent {
    }

    /**
     * A position change.
     *
     * @param account      account
     * @param symbol       symbol
     * @param netQty       net qty
     * @param costBasis    cost basis
     * @param realizedPnl  realized P&amp;L
     * @param boughtQty    bought
     * @param soldQty      sold
     * @param transactTime time
     */
    record Position(String account, String symbol, long netQty, long costBasis, long realizedPnl, long boughtQty,
                    long soldQty, long transactTime) implements EngineEvent {
    }

    /**
     * A mass action report.
     *
     * @param commandSequence sequence
     * @param sessionId       session
     * @param requestId       request id
     * @param kind            kind
     * @param scope           scope
     * @param scopeValue      scope value
     * @param affectedOrders  count
     * @param rejectCode      reason or NONE
     * @param transactTime    time
     */
    record MassAction(long commandSequence, String sessionId, String requestId, MassActionKind kind,
                      MassScope scope, String scopeValue, int affectedOrders, RejectCode rejectCode,
                      long transactTime) implements EngineEvent {
    }

    /**
     * A halt or resume.
     *
     * @param symbol       symbol
     * @param status       new status
     * @param transactTime time
     */
    record StatusChange(String symbol, InstrumentStatus status, long transactTime) implements EngineEvent {
    }

    /**
     * Copy of {@link EngineListener#onRiskWarning}.
     *
     * @param commandSequence command sequence
     * @param orderId         order id
     * @param sessionId       session
     * @param clOrdId         ClOrdID
     * @param code            what the check noticed
     * @param text            the check's text
     * @param transactTime    time
     */
    record RiskWarning(long commandSequence, long orderId, String sessionId, String clOrdId, RejectCode code,
                       String text, long transactTime) implements EngineEvent {
    }

    /**
     * A refused admin command.
     *
     * @param commandSequence sequence
     * @param rejectCode      why
     * @param transactTime    time
     */
    record AdminRejected(long commandSequence, RejectCode rejectCode, long transactTime) implements EngineEvent {
    }

    /**
     * A caught bug.
     *
     * @param sequence sequence
     * @param error    what was thrown
     */
    record InternalError(long sequence, Throwable error) implements EngineEvent {
    }

    private static String str(final CharSequence value) {
        return value == null ? null : value.toString();
    }
}
