package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.risk.ExposureView;

/**
 * Keeps open-order exposure per account and symbol in step with live orders, and answers
 * {@link ExposureView} for pre-trade checks. An order counts from acceptance until done; its notional is
 * leavesQty at its limit price, or at its stop price when it has none, or 0 (market). Engine thread only;
 * does not allocate (after each account's first order in a symbol).
 */
final class Exposures implements ExposureView {

    private final EngineState state;

    Exposures(final EngineState state) {
        this.state = state;
    }

    void add(final Order order) {
        change(order, order.leavesQty());
    }

    void remove(final Order order) {
        change(order, -order.leavesQty());
    }

    /** The order's leavesQty went down by {@code qty} through a fill or a self-trade cancel. */
    void reduced(final Order order, final long qty) {
        change(order, -qty);
    }

    private void change(final Order order, final long qty) {
        if (qty == 0) {
            return;
        }
        final AccountState account = state.accounts[order.accountIndex()];
        final long notional = qty * exposurePrice(order);
        account.position(order.symbolIndex()).addOpen(order.side(), qty, notional);
        if (order.side() == Side.BUY) {
            account.openBuyNotional += notional;
        } else {
            account.openSellNotional += notional;
        }
    }

    private static long exposurePrice(final Order order) {
        if (order.price() != Prices.NONE) {
            return order.price();
        }
        return order.stopPx() != Prices.NONE ? order.stopPx() : 0;
    }

    private Position find(final String account, final String symbol) {
        final AccountState a = state.account(account);
        final SymbolState s = state.symbol(symbol);
        return a == null || s == null ? null : a.positions[s.index];
    }

    @Override
    public long netPosition(final String account, final String symbol) {
        final Position p = find(account, symbol);
        return p == null ? 0 : p.netQty();
    }

    @Override
    public long openBuyQty(final String account, final String symbol) {
        final Position p = find(account, symbol);
        return p == null ? 0 : p.openBuyQty();
    }

    @Override
    public long openSellQty(final String account, final String symbol) {
        final Position p = find(account, symbol);
        return p == null ? 0 : p.openSellQty();
    }

    @Override
    public long openBuyNotional(final String account) {
        final AccountState a = state.account(account);
        return a == null ? 0 : a.openBuyNotional;
    }

    @Override
    public long openSellNotional(final String account) {
        final AccountState a = state.account(account);
        return a == null ? 0 : a.openSellNotional;
    }

    @Override
    public long realizedPnl(final String account) {
        final AccountState a = state.account(account);
        return a == null ? 0 : a.realizedPnl;
    }

    @Override
    public long lastPrice(final String symbol) {
        final SymbolState s = state.symbol(symbol);
        return s == null ? Prices.NONE : s.lastPrice;
    }
}
