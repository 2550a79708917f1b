package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.command.ExpireDayOrders;
import io.portcullis.oms.command.ExpireGtdOrders;
import io.portcullis.oms.command.MassCancel;
import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.command.MassStatus;
import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.MassActionKind;

/**
 * Commands over many orders or a whole symbol: mass cancel and mass status, halt and resume, DAY and GTD
 * expiry (the DAY expiry also closes the trading day: today's executed notionals restart from 0 and a stateful
 * pre-trade check is told), and risk updates (handed to a stateful pre-trade check; refused with an admin reject
 * when there is none or it refuses). Walks the live-order list oldest first, so the order of reports (and ExecIDs)
 * is the order id order on every engine. Engine thread only; does not allocate.
 */
final class AdminHandler {

    private final EngineState state;
    private final EngineListener listener;
    private final ExecutionPublisher publisher;
    private final OrderFlow flow;
    private final Exposures exposures;

    AdminHandler(final EngineState state, final EngineListener listener, final ExecutionPublisher publisher,
                 final OrderFlow flow, final Exposures exposures) {
        this.state = state;
        this.listener = listener;
        this.publisher = publisher;
        this.flow = flow;
        this.exposures = exposures;
    }

    void onMassCancel(final MassCancel c) {
        if (!isValidScope(c.scope(), c.scopeValue())) {
            listener.onMassActionReport(c.sequence(), c.sessionId(), c.requestId(), MassActionKind.CANCEL, c.scope(),
                c.scopeValue(), 0, RejectCode.INVALID_MASS_SCOPE, state.now);
            return;
        }
        int affected = 0;
        Order order = state.oldestLive;
        while (order != null) {
            final Order next = order.newerLive();
            if (matches(order, c.scope(), c.scopeValue())) {
                flow.end(order, state.symbols[order.symbolIndex()], ExecType.CANCELED, RejectCode.CANCELED_ON_REQUEST,
                    order.clOrdId(), null);
                affected++;
            }
            order = next;
        }
        listener.onMassActionReport(c.sequence(), c.sessionId(), c.requestId(), MassActionKind.CANCEL, c.scope(),
            c.scopeValue(), affected, RejectCode.NONE, state.now);
    }

    void onMassStatus(final MassStatus c) {
        if (!isValidScope(c.scope(), c.scopeValue())) {
            listener.onMassActionReport(c.sequence(), c.sessionId(), c.requestId(), MassActionKind.STATUS, c.scope(),
                c.scopeValue(), 0, RejectCode.INVALID_MASS_SCOPE, state.now);
            return;
        }
        int affected = 0;
        for (Order order = state.oldestLive; order != null; order = order.newerLive()) {
            if (matches(order, c.scope(), c.scopeValue())) {
                publisher.status(order, c.requestId());
                affected++;
            }
        }
        listener.onMassActionReport(c.sequence(), c.sessionId(), c.requestId(), MassActionKind.STATUS, c.scope(),
            c.scopeValue(), affected, RejectCode.NONE, state.now);
    }

    void onHalt(final String symbolName, final boolean halt, final long sequence) {
        final SymbolState symbol = state.symbol(symbolName);
        if (symbol == null) {
            listener.onAdminReject(sequence, RejectCode.UNKNOWN_SYMBOL, state.now);
            return;
        }
        symbol.halted = halt;
        listener.onInstrumentStatus(symbol.symbol, halt ? InstrumentStatus.HALTED : InstrumentStatus.ACTIVE,
            state.now);
    }

    void onExpireDay(final ExpireDayOrders c) {
        Order order = state.oldestLive;
        while (order != null) {
            final Order next = order.newerLive();
            if (order.tif() == TimeInForce.DAY) {
                flow.end(order, state.symbols[order.symbolIndex()], ExecType.EXPIRED, RejectCode.NONE,
                    order.clOrdId(), null);
            }
            order = next;
        }
        for (final SymbolState symbol : state.symbols) {
            symbol.startNewDay();
        }
        exposures.startNewDay();
        if (state.risk != null) {
            state.risk.onTradingDayEnd(c.timestamp());
        }
    }

    void onRiskUpdate(final RiskUpdate c) {
        final RejectCode code = state.risk == null ? RejectCode.RISK_UPDATE_REFUSED : state.risk.apply(c);
        if (code != RejectCode.NONE) {
            listener.onAdminReject(c.sequence(), code, state.now);
        }
    }

    void onExpireGtd(final ExpireGtdOrders c) {
        Order order = state.oldestLive;
        while (order != null) {
            final Order next = order.newerLive();
            if (order.tif() == TimeInForce.GTD && order.expireTime() <= c.asOf()) {
                flow.end(order, state.symbols[order.symbolIndex()], ExecType.EXPIRED, RejectCode.NONE,
                    order.clOrdId(), null);
            }
            order = next;
        }
    }

    private static boolean isValidScope(final MassScope scope, final String value) {
        return scope != null && (scope == MassScope.ALL || (value != null && !value.isEmpty()));
    }

    private static boolean matches(final Order order, final MassScope scope, final String value) {
        return switch (scope) {
            case ACCOUNT -> order.account().accountId().equals(value);
            case BROKER_FIRM -> order.account().brokerFirmId().equals(value);
            case SESSION -> order.sessionId().equals(value);
            case SYMBOL -> order.symbol().equals(value);
            case ALL -> true;
        };
    }
}
