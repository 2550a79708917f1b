package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.risk.PassThroughCheck;
import io.portcullis.oms.risk.PreTradeCheck;
import io.portcullis.oms.risk.PreTradeResult;

/**
 * New orders: count the message for a stateful check, validate, ask the pre-trade check, accept (order id,
 * indexes, the check's warning if it gave one, NEW report), then start the order. A rejected order changes nothing
 * in the engine but the ExecID counter. Engine thread only; does not allocate in steady state.
 */
final class EntryHandler {

    private final EngineState state;
    private final OrderValidator validator;
    private final PreTradeCheck check;
    /** The pass-through check passes everything without looking: skip building its view. */
    private final boolean passThrough;
    private final PendingOrderView pending = new PendingOrderView();
    private final Exposures exposures;
    private final ExecutionPublisher publisher;
    private final OrderFlow flow;

    EntryHandler(final EngineState state, final OrderValidator validator, final Exposures exposures,
                 final ExecutionPublisher publisher, final OrderFlow flow) {
        this.state = state;
        this.validator = validator;
        this.check = state.config.preTradeCheck();
        this.passThrough = check instanceof PassThroughCheck;
        this.exposures = exposures;
        this.publisher = publisher;
        this.flow = flow;
    }

    void onNewOrder(final NewOrder c) {
        if (state.risk != null) {
            state.risk.onOrderMessage(c.sessionId(), c.timestamp());
        }
        final SymbolState symbol = state.symbol(c.symbol());
        final AccountState account = state.account(c.account());
        final RejectCode code = validator.validateNew(c, symbol, account);
        if (code != RejectCode.NONE) {
            publisher.rejectNew(c, code, code.text());
            return;
        }
        PreTradeResult risk = PreTradeResult.PASS;
        if (!passThrough) {
            risk = check.check(pending.forNew(c, account, symbol), exposures);
            if (!risk.passed()) {
                publisher.rejectNew(c, risk.code(), risk.text());
                return;
            }
        }
        final Order order = state.acquire();
        order.init(++state.orderIdCounter, c.sessionId(), c.clOrdId(), account.account, account.index,
            symbol.symbol, symbol.index, c.side(), c.ordType(), c.tif(), c.price(), c.stopPx(), c.qty(),
            c.minQty(), c.expireTime(), c.timestamp());
        order.locateId(c.locateId());
        state.register(order);
        if (risk.warning()) {
            publisher.riskWarning(order, c.clOrdId(), risk);
        }
        exposures.add(order);
        publisher.order(order, ExecType.NEW);
        flow.start(order, symbol);
    }
}
