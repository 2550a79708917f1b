package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
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
    private long previousPrice;
    private long previousStopPx;
    private String locateId;
    private int accountIndex;
    private int symbolIndex;
    private long timestamp;
    private long sequence;

    PendingOrderView forNew(final NewOrder c, final AccountState acct, final SymbolState symbol) {
        replace = false;
        orderId = 0;
        sessionId = c.sessionId();
        clOrdId = c.clOrdId();
        account = acct.account;
        accountIndex = acct.index;
        instrument = symbol.instrument;
        symbolIndex = symbol.index;
        side = c.side();
        ordType = c.ordType();
        tif = c.tif();
        orderQty = c.qty();
        cumQty = 0;
        previousOrderQty = 0;
        price = c.price();
        stopPx = c.stopPx();
        previousPrice = Prices.NONE;
        previousStopPx = Prices.NONE;
        locateId = c.locateId();
        timestamp = c.timestamp();
        sequence = c.sequence();
        return this;
    }

    PendingOrderView forReplace(final ReplaceOrder c, final Order order, final SymbolState symbol,
                                final long newStopPx) {
        replace = true;
        orderId = order.orderId();
        sessionId = order.sessionId();
        clOrdId = c.clOrdId();
        account = order.account();
        accountIndex = order.accountIndex();
        instrument = symbol.instrument;
        symbolIndex = symbol.index;
        side = order.side();
        ordType = order.ordType();
        tif = order.tif();
        orderQty = c.qty();
        cumQty = order.cumQty();
        previousOrderQty = order.orderQty();
        price = c.price();
        stopPx = newStopPx;
        previousPrice = order.price();
        previousStopPx = order.stopPx();
        locateId = c.locateId() != null ? c.locateId() : order.locateId();
        timestamp = c.timestamp();
        sequence = c.sequence();
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

    @Override
    public long previousPrice() {
        return previousPrice;
    }

    @Override
    public long previousStopPx() {
        return previousStopPx;
    }

    @Override
    public String locateId() {
        return locateId;
    }

    @Override
    public int accountIndex() {
        return accountIndex;
    }

    @Override
    public int symbolIndex() {
        return symbolIndex;
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    @Override
    public long sequence() {
        return sequence;
    }
}
