package io.portcullis.oms.engine;

import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.SelfTradePrevention;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive order engine for limit, market, IOC, FOK, DAY and GTC orders, cancel and replace with
 * self-trade prevention: every resting order sits in one plain list, and the book is re-sorted by (price,
 * arrival) whenever it is read. Obviously correct and slow; the fast engine must agree with it exactly.
 */
final class ReferenceEngine {

    /** A resting or incoming order. */
    static final class Ref {
        long id;
        String session;
        String clOrdId;
        String account;
        String symbol;
        Side side;
        OrdType type;
        TimeInForce tif;
        long price;
        long qty;
        long cum;
        long priority;

        long leaves() {
            return qty - cum;
        }
    }

    /** A trade as the comparison sees it. */
    record Trade(long price, long qty, long takerId, long makerId) {
    }

    private final Map<String, SelfTradePrevention> stp = new HashMap<>();
    private final Map<String, Long> tickSizes = new HashMap<>();
    final List<Ref> resting = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    private long nextId;
    private long nextPriority;

    ReferenceEngine(final List<Account> accounts, final Map<String, Long> ticks) {
        for (final Account account : accounts) {
            stp.put(account.accountId(), account.selfTradePrevention());
        }
        tickSizes.putAll(ticks);
    }

    /** Applies a command. @return the reject code (NONE when accepted) */
    RejectCode apply(final Command command) {
        trades.clear();
        return switch (command) {
            case NewOrder c -> newOrder(c);
            case CancelOrder c -> cancel(c);
            case ReplaceOrder c -> replace(c);
            default -> throw new IllegalArgumentException("reference does not model " + command);
        };
    }

    private RejectCode newOrder(final NewOrder c) {
        if (c.qty() <= 0) {
            return RejectCode.QTY_NOT_POSITIVE;
        }
        if (c.price() != Prices.NONE && c.price() % tickSizes.get(c.symbol()) != 0) {
            return RejectCode.PRICE_OFF_TICK;
        }
        for (final Ref r : resting) {
            if (r.session.equals(c.sessionId()) && r.clOrdId.equals(c.clOrdId())) {
                return RejectCode.DUPLICATE_CLORDID;
            }
        }
        final Ref order = new Ref();
        order.id = ++nextId;
        order.session = c.sessionId();
        order.clOrdId = c.clOrdId();
        order.account = c.account();
        order.symbol = c.symbol();
        order.side = c.side();
        order.type = c.ordType();
        order.tif = c.tif();
        order.price = c.price();
        order.qty = c.qty();
        execute(order);
        return RejectCode.NONE;
    }

    private void execute(final Ref taker) {
        if (taker.tif == TimeInForce.FOK && executable(taker) < taker.leaves()) {
            return;
        }
        boolean selfTradeStop = false;
        final SelfTradePrevention mode = stp.get(taker.account);
        while (taker.leaves() > 0) {
            final List<Ref> opposite = sortedSide(taker.symbol, taker.side.opposite());
            if (opposite.isEmpty() || !crosses(taker, opposite.get(0).price)) {
                break;
            }
            final Ref maker = opposite.get(0);
            if (maker.account.equals(taker.account)) {
                if (mode == SelfTradePrevention.CANCEL_INCOMING) {
                    selfTradeStop = true;
                    break;
                }
                resting.remove(maker);
                if (mode == SelfTradePrevention.CANCEL_BOTH) {
                    selfTradeStop = true;
                    break;
                }
                continue;
            }
            final long qty = Math.min(taker.leaves(), maker.leaves());
            taker.cum += qty;
            maker.cum += qty;
            trades.add(new Trade(maker.price, qty, taker.id, maker.id));
            if (maker.leaves() == 0) {
                resting.remove(maker);
            }
        }
        final boolean immediate = taker.type == OrdType.MARKET || taker.tif == TimeInForce.IOC
            || taker.tif == TimeInForce.FOK;
        if (taker.leaves() > 0 && !selfTradeStop && !immediate) {
            taker.priority = ++nextPriority;
            resting.add(taker);
        }
    }

    private long executable(final Ref taker) {
        long found = 0;
        final SelfTradePrevention mode = stp.get(taker.account);
        for (final Ref maker : sortedSide(taker.symbol, taker.side.opposite())) {
            if (!crosses(taker, maker.price) || found >= taker.leaves()) {
                break;
            }
            if (maker.account.equals(taker.account)) {
                if (mode != SelfTradePrevention.CANCEL_RESTING) {
                    break;
                }
            } else {
                found += maker.leaves();
            }
        }
        return found;
    }

    private static boolean crosses(final Ref taker, final long makerPrice) {
        if (taker.type == OrdType.MARKET) {
            return true;
        }
        return taker.side == Side.BUY ? makerPrice <= taker.price : makerPrice >= taker.price;
    }

    private RejectCode cancel(final CancelOrder c) {
        final Ref order = find(c.orderId());
        if (order == null) {
            return RejectCode.UNKNOWN_ORDER;
        }
        resting.remove(order);
        return RejectCode.NONE;
    }

    private RejectCode replace(final ReplaceOrder c) {
        final Ref order = find(c.orderId());
        if (order == null) {
            return RejectCode.UNKNOWN_ORDER;
        }
        if (c.side() != order.side) {
            return RejectCode.REPLACE_CHANGES_SIDE;
        }
        if (c.qty() <= 0) {
            return RejectCode.QTY_NOT_POSITIVE;
        }
        if (c.qty() < order.cum) {
            return RejectCode.REPLACE_QTY_BELOW_CUM;
        }
        if (c.price() % tickSizes.get(order.symbol) != 0) {
            return RejectCode.PRICE_OFF_TICK;
        }
        for (final Ref r : resting) {
            if (r.session.equals(order.session) && r.clOrdId.equals(c.clOrdId())) {
                return RejectCode.DUPLICATE_CLORDID;
            }
        }
        order.clOrdId = c.clOrdId();
        final boolean losesPriority = c.price() != order.price || c.qty() > order.qty;
        order.qty = c.qty();
        order.price = c.price();
        if (order.leaves() == 0) {
            resting.remove(order);
        } else if (losesPriority) {
            resting.remove(order);
            execute(order);
        }
        return RejectCode.NONE;
    }

    Ref find(final long id) {
        for (final Ref r : resting) {
            if (r.id == id) {
                return r;
            }
        }
        return null;
    }

    /** @return the resting orders of a book side (every kind of sale is SELL), best price first, then arrival */
    List<Ref> sortedSide(final String symbol, final Side side) {
        final Comparator<Ref> byPrice = side == Side.BUY
            ? Comparator.comparingLong((Ref r) -> -r.price)
            : Comparator.comparingLong((Ref r) -> r.price);
        return resting.stream().filter(r -> r.symbol.equals(symbol) && r.side.bookSide() == side)
            .sorted(byPrice.thenComparingLong(r -> r.priority)).toList();
    }
}
