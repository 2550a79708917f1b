package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.book.PriceLevel;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.risk.ExposureView;

/**
 * Keeps open-order exposure (per account and symbol, per account, per broker firm, firm-wide) in step with live
 * orders and today's executed notional with fills, and answers {@link ExposureView} for pre-trade checks. An order
 * counts from acceptance until done; its notional is leavesQty at its limit price, or at its stop price when it has
 * none, or 0 (market). Every kind of sale counts as sell. Engine thread only; does not allocate (after each
 * account's first order in a symbol).
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
        final Side side = order.side();
        account.position(order.symbolIndex()).addOpen(side, qty, notional);
        final BrokerFirmState firm = account.brokerFirm;
        if (side == Side.BUY) {
            account.openBuyNotional += notional;
            firm.openBuyNotional += notional;
            state.openBuyNotional += notional;
        } else {
            account.openSellNotional += notional;
            firm.openSellNotional += notional;
            state.openSellNotional += notional;
        }
    }

    /** An order of the account executed {@code qty} at {@code price} (today's executed notional). */
    void executed(final Order order, final long price, final long qty) {
        final AccountState account = state.accounts[order.accountIndex()];
        final long notional = price * qty;
        final BrokerFirmState firm = account.brokerFirm;
        if (order.side() == Side.BUY) {
            account.executedBuyNotional += notional;
            firm.executedBuyNotional += notional;
            state.executedBuyNotional += notional;
        } else {
            account.executedSellNotional += notional;
            firm.executedSellNotional += notional;
            state.executedSellNotional += notional;
        }
    }

    /** The trading day closed: today's executed notionals start again from 0. O(accounts). */
    void startNewDay() {
        for (final AccountState account : state.accounts) {
            account.executedBuyNotional = 0;
            account.executedSellNotional = 0;
        }
        for (final BrokerFirmState firm : state.brokerFirms) {
            firm.executedBuyNotional = 0;
            firm.executedSellNotional = 0;
        }
        state.executedBuyNotional = 0;
        state.executedSellNotional = 0;
    }

    /** Rebuilds the broker-firm and firm-wide executed totals from the accounts' (after a snapshot is read). */
    void sumExecuted() {
        for (final BrokerFirmState firm : state.brokerFirms) {
            firm.executedBuyNotional = 0;
            firm.executedSellNotional = 0;
        }
        state.executedBuyNotional = 0;
        state.executedSellNotional = 0;
        for (final AccountState account : state.accounts) {
            account.brokerFirm.executedBuyNotional += account.executedBuyNotional;
            account.brokerFirm.executedSellNotional += account.executedSellNotional;
            state.executedBuyNotional += account.executedBuyNotional;
            state.executedSellNotional += account.executedSellNotional;
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

    @Override
    public int accountCount() {
        return state.accounts.length;
    }

    @Override
    public int symbolCount() {
        return state.symbols.length;
    }

    @Override
    public int brokerFirmCount() {
        return state.brokerFirms.length;
    }

    @Override
    public int accountIndex(final String account) {
        final AccountState a = state.account(account);
        return a == null ? -1 : a.index;
    }

    @Override
    public int symbolIndex(final String symbol) {
        final SymbolState s = state.symbol(symbol);
        return s == null ? -1 : s.index;
    }

    @Override
    public int brokerFirmIndex(final String brokerFirmId) {
        final BrokerFirmState f = brokerFirmId == null ? null : state.brokerFirmsByName.get(brokerFirmId);
        return f == null ? -1 : f.index;
    }

    @Override
    public int brokerFirmOf(final int account) {
        return state.accounts[account].brokerFirm.index;
    }

    @Override
    public long netPosition(final int account, final int symbol) {
        final Position p = state.accounts[account].positions[symbol];
        return p == null ? 0 : p.netQty();
    }

    @Override
    public long openBuyQty(final int account, final int symbol) {
        final Position p = state.accounts[account].positions[symbol];
        return p == null ? 0 : p.openBuyQty();
    }

    @Override
    public long openSellQty(final int account, final int symbol) {
        final Position p = state.accounts[account].positions[symbol];
        return p == null ? 0 : p.openSellQty();
    }

    @Override
    public long openBuyNotional(final int account) {
        return state.accounts[account].openBuyNotional;
    }

    @Override
    public long openSellNotional(final int account) {
        return state.accounts[account].openSellNotional;
    }

    @Override
    public long executedBuyNotional(final int account) {
        return state.accounts[account].executedBuyNotional;
    }

    @Override
    public long executedSellNotional(final int account) {
        return state.accounts[account].executedSellNotional;
    }

    @Override
    public long brokerFirmOpenBuyNotional(final int brokerFirm) {
        return state.brokerFirms[brokerFirm].openBuyNotional;
    }

    @Override
    public long brokerFirmOpenSellNotional(final int brokerFirm) {
        return state.brokerFirms[brokerFirm].openSellNotional;
    }

    @Override
    public long brokerFirmExecutedBuyNotional(final int brokerFirm) {
        return state.brokerFirms[brokerFirm].executedBuyNotional;
    }

    @Override
    public long brokerFirmExecutedSellNotional(final int brokerFirm) {
        return state.brokerFirms[brokerFirm].executedSellNotional;
    }

    @Override
    public long firmOpenBuyNotional() {
        return state.openBuyNotional;
    }

    @Override
    public long firmOpenSellNotional() {
        return state.openSellNotional;
    }

    @Override
    public long firmExecutedBuyNotional() {
        return state.executedBuyNotional;
    }

    @Override
    public long firmExecutedSellNotional() {
        return state.executedSellNotional;
    }

    @Override
    public long lastPrice(final int symbol) {
        return state.symbols[symbol].lastPrice;
    }

    @Override
    public long bestBid(final int symbol) {
        final PriceLevel best = state.symbols[symbol].book.side(Side.BUY).best();
        return best == null ? Prices.NONE : best.price();
    }

    @Override
    public long bestAsk(final int symbol) {
        final PriceLevel best = state.symbols[symbol].book.side(Side.SELL).best();
        return best == null ? Prices.NONE : best.price();
    }

    @Override
    public long volumeToday(final int symbol) {
        return state.symbols[symbol].volume;
    }
}
