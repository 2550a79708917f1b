package io.portcullis.oms.runner;

import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.ExpireDayOrders;
import io.portcullis.oms.command.ExpireGtdOrders;
import io.portcullis.oms.command.HaltSymbol;
import io.portcullis.oms.command.MassCancel;
import io.portcullis.oms.command.MassStatus;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.OrderStatusRequest;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.command.ResumeSymbol;
import io.portcullis.oms.command.RiskUpdate;

/**
 * Gives a command its journal sequence. Sequences are assigned on the engine thread, in the order commands leave the
 * inbound queue, so they are gap-free and strictly increasing whatever thread submitted them. Allocates one record.
 */
final class Sequencing {
    private Sequencing() {
    }

    static Command withSequence(final Command c, final long seq) {
        return switch (c) {
            case NewOrder o -> new NewOrder(seq, o.timestamp(), o.sessionId(), o.clOrdId(), o.account(), o.symbol(),
                o.side(), o.ordType(), o.tif(), o.qty(), o.price(), o.stopPx(), o.minQty(), o.expireTime(),
                o.locateId());
            case CancelOrder o -> new CancelOrder(seq, o.timestamp(), o.sessionId(), o.clOrdId(), o.origClOrdId(),
                o.orderId());
            case ReplaceOrder o -> new ReplaceOrder(seq, o.timestamp(), o.sessionId(), o.clOrdId(), o.origClOrdId(),
                o.orderId(), o.symbol(), o.side(), o.qty(), o.price(), o.stopPx(), o.locateId());
            case OrderStatusRequest o -> new OrderStatusRequest(seq, o.timestamp(), o.sessionId(), o.requestId(),
                o.clOrdId(), o.orderId());
            case MassCancel o -> new MassCancel(seq, o.timestamp(), o.sessionId(), o.requestId(), o.scope(),
                o.scopeValue());
            case MassStatus o -> new MassStatus(seq, o.timestamp(), o.sessionId(), o.requestId(), o.scope(),
                o.scopeValue());
            case HaltSymbol o -> new HaltSymbol(seq, o.timestamp(), o.symbol());
            case ResumeSymbol o -> new ResumeSymbol(seq, o.timestamp(), o.symbol());
            case ExpireDayOrders o -> new ExpireDayOrders(seq, o.timestamp());
            case ExpireGtdOrders o -> new ExpireGtdOrders(seq, o.timestamp(), o.asOf());
            case RiskUpdate o -> new RiskUpdate(seq, o.timestamp(), o.body());
        };
    }
}
