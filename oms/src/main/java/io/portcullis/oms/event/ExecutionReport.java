package io.portcullis.oms.event;

import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Everything a FIX ExecutionReport(8) needs, as a flyweight the engine reuses: valid only during
 * {@link EngineListener#onExecutionReport}. Accessors do not allocate (except {@link #avgPx()}). Prices and
 * notionals in 1e-4 USD ({@link Prices#NONE} when absent), quantities in shares, times in epoch nanos UTC.
 * Nullable CharSequences say so.
 */
public interface ExecutionReport {

    /** @return journal sequence of the command that caused this report */
    long commandSequence();

    /** @return ExecID(17): engine-wide counter, unique and increasing, advanced only by commands */
    long execId();

    /** @return OrderID(37), or 0 for a rejected new order or an unknown order in a status answer */
    long orderId();

    /** @return FIX session of the order (or of the request for a reject); non-null */
    CharSequence sessionId();

    /** @return ClOrdID(11): the order's, or the cancel/replace request's; may be null only for unknown orders */
    CharSequence clOrdId();

    /** @return OrigClOrdID(41) for cancel and replace reports, otherwise null */
    CharSequence origClOrdId();

    /** @return OrdStatusReqID(790) / MassStatusReqID(584) / mass cancel ClOrdID, or null */
    CharSequence requestId();

    /** @return Account(1); may be null only for a reject of an unknown account */
    CharSequence account();

    /** @return Symbol(55); may be null only for a reject that had none */
    CharSequence symbol();

    /** @return Side(54); may be null only for a reject that had none */
    Side side();

    /** @return OrdType(40) as entered; may be null only for a reject */
    OrdType ordType();

    /** @return TimeInForce(59); may be null only for a reject */
    TimeInForce tif();

    /** @return ExecType(150); non-null */
    ExecType execType();

    /** @return OrdStatus(39) after the event; non-null */
    OrdStatus ordStatus();

    /** @return Price(44) or NONE */
    long price();

    /** @return StopPx(99) or NONE */
    long stopPx();

    /** @return OrderQty(38) */
    long orderQty();

    /** @return CumQty(14) */
    long cumQty();

    /** @return LeavesQty(151); 0 when the order is done */
    long leavesQty();

    /** @return sum of LastPx * LastQty over the order's fills, 1e-4 USD; AvgPx(6) = cumNotional / cumQty */
    long cumNotional();

    /** @return LastPx(31) for a trade, otherwise NONE */
    long lastPx();

    /** @return LastQty(32) for a trade, otherwise 0 */
    long lastQty();

    /** @return TradeID / TrdMatchID(880) for a trade (shared by both sides), otherwise 0 */
    long tradeId();

    /** @return the other order of a trade, otherwise 0 */
    long contraOrderId();

    /** @return true when this side of a trade was the incoming (liquidity-removing) order */
    boolean aggressor();

    /** @return TransactTime(60): the command's ingress time */
    long transactTime();

    /** @return why rejected or cancelled by the engine; {@link RejectCode#NONE} otherwise; non-null */
    RejectCode rejectCode();

    /** @return Text(58): the reject/cancel text, or null */
    CharSequence text();

    /**
     * AvgPx(6) exactly as a decimal (cumNotional / cumQty, 16 significant digits). Allocates: edge use only.
     *
     * @return the average price in USD, or zero when nothing is executed
     */
    default BigDecimal avgPx() {
        if (cumQty() == 0) {
            return BigDecimal.ZERO;
        }
        return Prices.toBigDecimal(cumNotional()).divide(BigDecimal.valueOf(cumQty()), MathContext.DECIMAL64);
    }
}
