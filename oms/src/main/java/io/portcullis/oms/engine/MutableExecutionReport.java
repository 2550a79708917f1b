package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.event.ExecutionReport;

/**
 * The one {@link ExecutionReport} flyweight the engine fills and hands to the listener. Engine thread only;
 * does not allocate.
 */
final class MutableExecutionReport implements ExecutionReport {

    long commandSequence;
    long execId;
    long orderId;
    CharSequence sessionId;
    CharSequence clOrdId;
    CharSequence origClOrdId;
    CharSequence requestId;
    CharSequence account;
    CharSequence symbol;
    Side side;
    OrdType ordType;
    TimeInForce tif;
    ExecType execType;
    OrdStatus ordStatus;
    long price;
    long stopPx;
    long orderQty;
    long cumQty;
    long leavesQty;
    long cumNotional;
    long lastPx;
    long lastQty;
    long tradeId;
    long contraOrderId;
    boolean aggressor;
    long transactTime;
    RejectCode rejectCode;
    CharSequence text;

    void fromOrder(final Order order, final ExecType type) {
        orderId = order.orderId();
        sessionId = order.sessionId();
        clOrdId = order.clOrdId();
        origClOrdId = null;
        requestId = null;
        account = order.account().accountId();
        symbol = order.symbol();
        side = order.side();
        ordType = order.ordType();
        tif = order.tif();
        execType = type;
        ordStatus = order.status();
        price = order.price();
        stopPx = order.stopPx();
        orderQty = order.orderQty();
        cumQty = order.cumQty();
        leavesQty = order.leavesQty();
        cumNotional = order.cumNotional();
        lastPx = Prices.NONE;
        lastQty = 0;
        tradeId = 0;
        contraOrderId = 0;
        aggressor = false;
        rejectCode = RejectCode.NONE;
        text = null;
    }

    @Override
    public long commandSequence() {
        return commandSequence;
    }

    @Override
    public long execId() {
        return execId;
    }

    @Override
    public long orderId() {
        return orderId;
    }

    @Override
    public CharSequence sessionId() {
        return sessionId;
    }

    @Override
    public CharSequence clOrdId() {
        return clOrdId;
    }

    @Override
    public CharSequence origClOrdId() {
        return origClOrdId;
    }

    @Override
    public CharSequence requestId() {
        return requestId;
    }

    @Override
    public CharSequence account() {
        return account;
    }

    @Override
    public CharSequence symbol() {
        return symbol;
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public OrdType ordType() {
        return ordType;
    }

    @Override
    public TimeInForce tif() {
        return tif;
    }

    @Override
    public ExecType execType() {
        return execType;
    }

    @Override
    public OrdStatus ordStatus() {
        return ordStatus;
    }

    @Override
    public long price() {
        return price;
    }

    @Override
    public long stopPx() {
        return stopPx;
    }

    @Override
    public long orderQty() {
        return orderQty;
    }

    @Override
    public long cumQty() {
        return cumQty;
    }

    @Override
    public long leavesQty() {
        return leavesQty;
    }

    @Override
    public long cumNotional() {
        return cumNotional;
    }

    @Override
    public long lastPx() {
        return lastPx;
    }

    @Override
    public long lastQty() {
        return lastQty;
    }

    @Override
    public long tradeId() {
        return tradeId;
    }

    @Override
    public long contraOrderId() {
        return contraOrderId;
    }

    @Override
    public boolean aggressor() {
        return aggressor;
    }

    @Override
    public long transactTime() {
        return transactTime;
    }

    @Override
    public RejectCode rejectCode() {
        return rejectCode;
    }

    @Override
    public CharSequence text() {
        return text;
    }
}
