package io.portcullis.risk.check;

import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.risk.PreTradeResult;
import io.portcullis.risk.model.LimitName;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The checks on whether the order may be entered at all, in this order: kill switches (firm, broker firm, session,
 * account, symbol), message rate of the session, order rate of the account, trading hours, restricted lists, market
 * orders allowed, then the Reg SHO checks (short sale exempt permission; a short sale's locate, or hard-to-borrow).
 * Each returns null when the order passes it (no allocation) or the reject, with its text (allocates). Engine thread
 * only.
 */
final class AccessChecks {

    private static final int ORDERS_PER_SECOND = LimitName.MAX_ORDERS_PER_SECOND.ordinal();
    private static final int MESSAGES_PER_SECOND = LimitName.MAX_MESSAGES_PER_SECOND.ordinal();
    private static final int MARKET_ORDERS_ALLOWED = LimitName.MARKET_ORDERS_ALLOWED.ordinal();
    private static final int SHORT_EXEMPT_ALLOWED = LimitName.SHORT_EXEMPT_ALLOWED.ordinal();

    private final Universe universe;
    private final LimitTable limits;
    private final SymbolLists lists;
    private final Locates locates;
    private final KillSwitches kills;
    private final Sessions sessions;
    private final RiskConfig config;
    private final NewYorkTime clock = new NewYorkTime();

    AccessChecks(final Universe universe, final LimitTable limits, final SymbolLists lists, final Locates locates,
                 final KillSwitches kills, final Sessions sessions, final RiskConfig config) {
        this.universe = universe;
        this.limits = limits;
        this.lists = lists;
        this.locates = locates;
        this.kills = kills;
        this.sessions = sessions;
        this.config = config;
    }

    /**
     * @param session        the order's session, or null
     * @param ordersInWindow the account's new orders and replaces in the last second, this one included
     * @return null when the order passes every access check, else the reject
     */
    PreTradeResult check(final CheckContext c, final Sessions.Session session, final int ordersInWindow) {
        PreTradeResult r = killSwitch(c, session);
        if (r == null) {
            r = rates(c, session, ordersInWindow);
        }
        if (r == null) {
            r = tradingHours(c);
        }
        if (r == null) {
            r = restricted(c);
        }
        if (r == null) {
            r = marketOrders(c);
        }
        if (r == null) {
            r = shortSale(c);
        }
        return r;
    }

    private PreTradeResult killSwitch(final CheckContext c, final Sessions.Session session) {
        if (kills.anyEngaged()) {
            String scope = null;
            if (kills.firm()) {
                scope = "the firm";
            } else if (kills.broker(c.broker)) {
                scope = "broker firm " + universe.brokerFirms[c.broker];
            } else if (kills.account(c.account)) {
                scope = "account " + universe.accounts[c.account].accountId();
            } else if (kills.symbol(c.symbol)) {
                scope = "symbol " + c.instrument.symbol();
            }
            if (scope != null) {
                return PreTradeResult.reject(RejectCode.RISK_KILL_SWITCH, "KILL_SWITCH: engaged for " + scope);
            }
        }
        if (session != null && sessions.anyKilled() && session.killed) {
            return PreTradeResult.reject(RejectCode.RISK_KILL_SWITCH, "KILL_SWITCH: engaged for session "
                + session.id);
        }
        return null;
    }

    private PreTradeResult rates(final CheckContext c, final Sessions.Session session, final int ordersInWindow) {
        final long messageLimit = limits.brokerOrFirm(c.broker, MESSAGES_PER_SECOND);
        if (messageLimit != LimitTable.UNSET && session != null) {
            final int messages = sessions.messages(session);
            if (messages > messageLimit) {
                return PreTradeResult.reject(RejectCode.RISK_MESSAGE_RATE, RiskText.over("MAX_MESSAGES_PER_SECOND",
                    messages + " messages in 1 s on session " + session.id, Long.toString(messageLimit),
                    limits.brokerSource(c.broker, MESSAGES_PER_SECOND)));
            }
        }
        final long orderLimit = limits.resolve(null, c.account, ORDERS_PER_SECOND);
        if (orderLimit != LimitTable.UNSET && ordersInWindow > orderLimit) {
            return PreTradeResult.reject(RejectCode.RISK_ORDER_RATE, RiskText.over("MAX_ORDERS_PER_SECOND",
                ordersInWindow + " orders in 1 s", Long.toString(orderLimit),
                limits.source(null, c.account, c.symbol, ORDERS_PER_SECOND)));
        }
        return null;
    }

    private PreTradeResult tradingHours(final CheckContext c) {
        if (!config.enforceTradingHours()) {
            return null;
        }
        final long local = clock.localSeconds(c.timestamp);
        final int day = NewYorkTime.dayOfWeek(local);
        final int minute = NewYorkTime.minuteOfDay(local);
        final int open = c.instrument.tradingOpenMinute();
        final int close = c.instrument.tradingCloseMinute();
        if (day <= 5 && minute >= open && minute < close) {
            return null;
        }
        return PreTradeResult.reject(RejectCode.RISK_OUTSIDE_TRADING_HOURS, "OUTSIDE_TRADING_HOURS: "
            + DayOfWeek.of(day).getDisplayName(TextStyle.FULL, Locale.US) + " " + RiskText.clock(minute) + " "
            + NewYorkTime.ZONE + " is outside " + c.instrument.symbol() + "'s trading hours, Monday to Friday "
            + RiskText.clock(open) + "-" + RiskText.clock(close));
    }

    private PreTradeResult restricted(final CheckContext c) {
        if (lists.firmRestricted(c.symbol)) {
            return PreTradeResult.reject(RejectCode.RISK_RESTRICTED, "RESTRICTED: " + c.instrument.symbol()
                + " is on the firm's restricted list");
        }
        if (lists.accountRestricted(c.account, c.symbol)) {
            return PreTradeResult.reject(RejectCode.RISK_RESTRICTED, "RESTRICTED: " + c.instrument.symbol()
                + " is on the restricted list of account " + universe.accounts[c.account].accountId());
        }
        return null;
    }

    /** Market orders, and stop orders (which become market orders), need MARKET_ORDERS_ALLOWED other than 0. */
    private PreTradeResult marketOrders(final CheckContext c) {
        if (!c.market && c.order.ordType() != OrdType.STOP) {
            return null;
        }
        if (limits.resolve(c.limitRow, c.account, MARKET_ORDERS_ALLOWED) != 0) {
            return null;
        }
        return PreTradeResult.reject(RejectCode.RISK_MARKET_ORDER_NOT_ALLOWED, "MARKET_ORDERS_ALLOWED: 0, "
            + (c.market ? "market" : "stop (market)") + " order refused ("
            + limits.source(c.limitRow, c.account, c.symbol, MARKET_ORDERS_ALLOWED) + ")");
    }

    private PreTradeResult shortSale(final CheckContext c) {
        if (c.side == Side.SELL_SHORT_EXEMPT) {
            if (limits.resolve(c.limitRow, c.account, SHORT_EXEMPT_ALLOWED) == 1) {
                return null;
            }
            return PreTradeResult.reject(RejectCode.RISK_SHORT_EXEMPT_NOT_PERMITTED, "SHORT_EXEMPT_ALLOWED: "
                + "not 1, short sale exempt (Side=6) refused (account "
                + universe.accounts[c.account].accountId() + ")");
        }
        if (c.side != Side.SELL_SHORT || c.qtyIncrement <= 0) {
            return null;
        }
        final String id = c.order.locateId();
        final String accountId = universe.accounts[c.account].accountId();
        final String symbol = c.instrument.symbol();
        if (id == null) {
            if (lists.hardToBorrow(c.account, c.symbol)) {
                return PreTradeResult.reject(RejectCode.RISK_HARD_TO_BORROW, "HARD_TO_BORROW: " + symbol
                    + " is hard to borrow, a short sale of " + c.qtyIncrement + " needs a locate (account "
                    + accountId + ")");
            }
            if (config.presumeEasyToBorrow()) {
                return null;
            }
            return PreTradeResult.reject(RejectCode.RISK_NO_LOCATE, "NO_LOCATE: a short sale of " + c.qtyIncrement
                + " " + symbol + " needs a locate id (account " + accountId + ")");
        }
        final Locates.Entry locate = locates.find(id);
        if (locate == null || locate.account != c.account || locate.symbol != c.symbol) {
            return PreTradeResult.reject(RejectCode.RISK_NO_LOCATE, "NO_LOCATE: locate " + id
                + " not found for account " + accountId + " in " + symbol);
        }
        if (locate.remaining < c.qtyIncrement) {
            return PreTradeResult.reject(RejectCode.RISK_LOCATE_EXHAUSTED, "LOCATE_EXHAUSTED: " + c.qtyIncrement
                + " > " + locate.remaining + " shares left of locate " + id + " (account " + accountId + " " + symbol
                + ")");
        }
        c.locate = locate;
        return null;
    }
}
