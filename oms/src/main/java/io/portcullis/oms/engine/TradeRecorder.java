package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.match.MatchSink;

/**
 * Books the consequences of each match: trade id, trade print, one execution report per side, positions,
 * exposure, today's executed notional, daily statistics, and retiring orders that are done. The trade print shows
 * the aggressor's book side (BUY or SELL: a short sale prints as a sell; its execution report keeps Side 5 or 6).
 * Engine thread only; does not allocate (except one Position per account and symbol on first use).
 */
final class TradeRecorder implements MatchSink {

    private final EngineState state;
    private final EngineListener listener;
    private final ExecutionPublisher publisher;
    private final Exposures exposures;

    TradeRecorder(final EngineState state, final EngineListener listener, final ExecutionPublisher publisher,
                  final Exposures exposures) {
        this.state = state;
        this.listener = listener;
        this.publisher = publisher;
        this.exposures = exposures;
    }

    @Override
    public void onTrade(final Order taker, final Order maker, final long price, final long qty) {
        final long tradeId = ++state.tradeIdCounter;
        exposures.reduced(taker, qty);
        exposures.reduced(maker, qty);
        exposures.executed(taker, price, qty);
        exposures.executed(maker, price, qty);
        final SymbolState symbol = state.symbols[taker.symbolIndex()];
        symbol.recordTrade(price, qty);
        state.touch(symbol);
        listener.onTrade(symbol.symbol, tradeId, price, qty, taker.side().bookSide(), taker.orderId(),
            maker.orderId(), state.now);
        publisher.trade(taker, price, qty, tradeId, maker.orderId(), true);
        publisher.trade(maker, price, qty, tradeId, taker.orderId(), false);
        position(taker, price, qty);
        position(maker, price, qty);
        if (!maker.isWorking()) {
            state.retire(maker);
        }
        if (!taker.isWorking()) {
            state.retire(taker);
        }
    }

    @Override
    public void onSelfTradeCancelled(final Order maker, final long leaves) {
        exposures.reduced(maker, leaves);
        publisher.done(maker, ExecType.CANCELED, RejectCode.SELF_TRADE_PREVENTED, maker.clOrdId(), null);
        state.retire(maker);
    }

    private void position(final Order order, final long price, final long qty) {
        final AccountState account = state.accounts[order.accountIndex()];
        final Position position = account.position(order.symbolIndex());
        final long pnlBefore = position.realizedPnl();
        position.applyFill(order.side(), qty, price);
        account.realizedPnl += position.realizedPnl() - pnlBefore;
        listener.onPosition(account.account.accountId(), order.symbol(), position.netQty(), position.costBasis(),
            position.realizedPnl(), position.boughtQty(), position.soldQty(), state.now);
    }
}
