package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.risk.PreTradeOrder;

/**
 * The reused {@link PreTradeOrder} flyweight given to the pre-trade check. Engine thread only; does not
 * allocate.
 */
final class PendingOrderView implements PreTradeOrder {

    private boolean replace;
    private long orderId;
    private String sessionId;
    private String clOrdId;
    private Account account;
    private Instrument instrument;
    private Side side;
    private OrdType ordType;
    private TimeInForce tif;
    private long orderQty;
    private long cumQty;
    private long previousOrderQty;
    private long price;
    private long stopPx;

    PendingOrderView forNew(final NewOrder c, final Account acct, final Instrument inst) {
        replace = false;
        orderId = 0;
        sessionId = c.sessionId();
        clOrdId = c.clOrdId();
        account = acct;
        instrument = inst;
        side = c.side();
        ordType = c.ordType();
        tif = c.tif();
        orderQty = c.qty();
        cumQty = 0;
        previousOrderQty = 0;
        price = c.price();
        stopPx = c.stopPx();
        return this;
    }

    PendingOrderView forReplace(final ReplaceOrder c, final Order order, final Instrument inst,
                                final long newStopPx) {
        replace = true;
        orderId = order.orderId();
        sessionId = order.sessionId();
        clOrdId = c.clOrdId();
        account = order.account();
        instrument = inst;
        side = order.side();
        ordType = order.ordType();
        tif = order.tif();
        orderQty = c.qty();
        cumQty = order.cumQty();
        previousOrderQty = order.orderQty();
        price = c.price();
        stopPx = newStopPx;
        return this;
    }

    @Override
    public boolean isReplace() {
        return replace;
    }

    @Override
    public long orderId() {
        return orderId;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public String clOrdId() {
        return clOrdId;
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public Instrument instrument() {
        return instrument;
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
    public long orderQty() {
        return orderQty;
    }

    @Override
    public long cumQty() {
        return cumQty;
    }

    @Override
    public long previousOrderQty() {
        return previousOrderQty;
    }

    @Override
    public long price() {
        return price;
    }

    @Override
    public long stopPx() {
        return stopPx;
    }
}
