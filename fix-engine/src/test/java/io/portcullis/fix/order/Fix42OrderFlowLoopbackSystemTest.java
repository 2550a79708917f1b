package io.portcullis.fix.order;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.portcullis.fix.field.ClOrdID;
import io.portcullis.fix.field.ExpireTime;
import io.portcullis.fix.field.HandlInst;
import io.portcullis.fix.field.MDEntryType;
import io.portcullis.fix.field.MDReqID;
import io.portcullis.fix.field.MarketDepth;
import io.portcullis.fix.field.MsgType;
import io.portcullis.fix.field.OrdType;
import io.portcullis.fix.field.OrderQty;
import io.portcullis.fix.field.OrigClOrdID;
import io.portcullis.fix.field.Price;
import io.portcullis.fix.field.Side;
import io.portcullis.fix.field.StopPx;
import io.portcullis.fix.field.SubscriptionRequestType;
import io.portcullis.fix.field.Symbol;
import io.portcullis.fix.field.TimeInForce;
import io.portcullis.fix.field.TransactTime;
import io.portcullis.fix.messages.fix42.MarketDataRequest;
import io.portcullis.fix.messages.fix42.NewOrderSingle;
import io.portcullis.fix.messages.fix42.OrderCancelReplaceRequest;
import io.portcullis.fix.messages.fix42.OrderCancelRequest;
import io.portcullis.fix.messages.fix42.OrderStatusRequest;
import quickfix.Message;

/**
 * {@link OrderFlowLoopbackScenario} on FIX 4.2: every request built with the generated {@code fix42} classes, every
 * answer validated by the client against FIX42.xml and decoded into {@code fix42} classes. FIX 4.2 has no
 * OrderStatusRequest OrdStatusReqID and no mass messages: q and AF are sent as a FIX 4.3+ client would send them, under
 * the FIX 4.2 header, to see the gateway refuse them.
 */
class Fix42OrderFlowLoopbackSystemTest extends OrderFlowLoopbackScenario {
    @Override
    String beginString() {
        return "FIX.4.2";
    }

    @Override
    Message newOrder(final OrderTerms order) {
        final NewOrderSingle d = new NewOrderSingle(new ClOrdID(order.clOrdId()), new HandlInst('1'),
            new Symbol(order.symbol()), new Side(order.side()), now(), new OrdType(order.ordType()));
        d.set(new OrderQty(BigDecimal.valueOf(order.qty())));
        if (order.price() != null) {
            d.set(new Price(order.price()));
        }
        if (order.stopPx() != null) {
            d.set(new StopPx(order.stopPx()));
        }
        d.set(new TimeInForce(order.tif()));
        if (order.expireTime() != null) {
            d.set(new ExpireTime(order.expireTime()));
        }
        return d;
    }

    @Override
    Message cancel(final String clOrdId, final OrderTerms order) {
        final OrderCancelRequest f = new OrderCancelRequest(new OrigClOrdID(order.clOrdId()), new ClOrdID(clOrdId),
            new Symbol(order.symbol()), new Side(order.side()), now());
        f.set(new OrderQty(BigDecimal.valueOf(order.qty())));
        return f;
    }

    @Override
    Message replace(final String origClOrdId, final OrderTerms order) {
        final OrderCancelReplaceRequest g = new OrderCancelReplaceRequest(new OrigClOrdID(origClOrdId),
            new ClOrdID(order.clOrdId()), new HandlInst('1'), new Symbol(order.symbol()), new Side(order.side()),
            now(), new OrdType(order.ordType()));
        g.set(new OrderQty(BigDecimal.valueOf(order.qty())));
        if (order.price() != null) {
            g.set(new Price(order.price()));
        }
        if (order.stopPx() != null) {
            g.set(new StopPx(order.stopPx()));
        }
        g.set(new TimeInForce(order.tif()));
        return g;
    }

    @Override
    Message status(final String clOrdId, final String requestId, final OrderTerms order) {
        return new OrderStatusRequest(new ClOrdID(clOrdId), new Symbol(order.symbol()), new Side(order.side()));
    }

    @Override
    Message massCancel(final String clOrdId, final char requestType, final String symbol) {
        final Message q = withType("q");
        q.setString(ClOrdID.FIELD, clOrdId);
        q.setChar(530, requestType);
        if (symbol != null) {
            q.setString(Symbol.FIELD, symbol);
        }
        q.setField(now());
        return q;
    }

    @Override
    Message massStatus(final String requestId) {
        final Message af = withType("AF");
        af.setString(584, requestId);
        af.setInt(585, 7);
        return af;
    }

    @Override
    Message marketDataRequest(final String requestId, final String symbol) {
        final MarketDataRequest v = new MarketDataRequest(new MDReqID(requestId),
            new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES), new MarketDepth(1));
        for (final char type : new char[] {MDEntryType.BID, MDEntryType.OFFER, MDEntryType.TRADE}) {
            final MarketDataRequest.NoMDEntryTypes entry = new MarketDataRequest.NoMDEntryTypes();
            entry.set(new MDEntryType(type));
            v.addGroup(entry);
        }
        final MarketDataRequest.NoRelatedSym instrument = new MarketDataRequest.NoRelatedSym();
        instrument.set(new Symbol(symbol));
        v.addGroup(instrument);
        return v;
    }

    /** A FIX 4.2 message of a type FIX 4.2 does not define. */
    private static Message withType(final String msgType) {
        final Message m = new io.portcullis.fix.messages.fix42.Message();
        m.getHeader().setField(new MsgType(msgType));
        return m;
    }

    private static TransactTime now() {
        return new TransactTime(LocalDateTime.now(ZoneOffset.UTC));
    }
}
