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
import io.portcullis.fix.field.MassCancelRequestType;
import io.portcullis.fix.field.MassStatusReqID;
import io.portcullis.fix.field.MassStatusReqType;
import io.portcullis.fix.field.OrdStatusReqID;
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
import io.portcullis.fix.messages.fix50sp2.MarketDataRequest;
import io.portcullis.fix.messages.fix50sp2.NewOrderSingle;
import io.portcullis.fix.messages.fix50sp2.OrderCancelReplaceRequest;
import io.portcullis.fix.messages.fix50sp2.OrderCancelRequest;
import io.portcullis.fix.messages.fix50sp2.OrderMassCancelRequest;
import io.portcullis.fix.messages.fix50sp2.OrderMassStatusRequest;
import io.portcullis.fix.messages.fix50sp2.OrderStatusRequest;
import quickfix.Message;

/**
 * {@link OrderFlowLoopbackScenario} on FIXT 1.1 carrying FIX 5.0SP2 (DefaultApplVerID(1137)=9 at logon): every request
 * built with the generated {@code fix50sp2} classes, every answer validated by the client against FIXT11.xml and
 * FIX50SP2.xml and decoded into {@code fixt11} / {@code fix50sp2} classes.
 */
class Fix50Sp2OrderFlowLoopbackSystemTest extends OrderFlowLoopbackScenario {
    @Override
    String beginString() {
        return "FIXT.1.1";
    }

    @Override
    Message newOrder(final OrderTerms order) {
        final NewOrderSingle d = new NewOrderSingle(new ClOrdID(order.clOrdId()), new Side(order.side()), now(),
            new OrdType(order.ordType()));
        d.set(new HandlInst('1'));
        d.set(new Symbol(order.symbol()));
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
        final OrderCancelRequest f = new OrderCancelRequest(new ClOrdID(clOrdId), new Side(order.side()), now());
        f.set(new OrigClOrdID(order.clOrdId()));
        f.set(new Symbol(order.symbol()));
        f.set(new OrderQty(BigDecimal.valueOf(order.qty())));
        return f;
    }

    @Override
    Message replace(final String origClOrdId, final OrderTerms order) {
        final OrderCancelReplaceRequest g = new OrderCancelReplaceRequest(new ClOrdID(order.clOrdId()),
            new Side(order.side()), now(), new OrdType(order.ordType()));
        g.set(new OrigClOrdID(origClOrdId));
        g.set(new HandlInst('1'));
        g.set(new Symbol(order.symbol()));
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
        final OrderStatusRequest h = new OrderStatusRequest(new Side(order.side()));
        h.set(new ClOrdID(clOrdId));
        h.set(new Symbol(order.symbol()));
        h.set(new OrdStatusReqID(requestId));
        return h;
    }

    @Override
    Message massCancel(final String clOrdId, final char requestType, final String symbol) {
        final OrderMassCancelRequest q = new OrderMassCancelRequest(new ClOrdID(clOrdId),
            new MassCancelRequestType(requestType), now());
        if (symbol != null) {
            q.set(new Symbol(symbol));
        }
        return q;
    }

    @Override
    Message massStatus(final String requestId) {
        return new OrderMassStatusRequest(new MassStatusReqID(requestId),
            new MassStatusReqType(MassStatusReqType.STATUS_FOR_ALL_ORDERS));
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

    private static TransactTime now() {
        return new TransactTime(LocalDateTime.now(ZoneOffset.UTC));
    }
}
