package io.portcullis.risk.check;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.ExpireDayOrders;
import io.portcullis.oms.command.HaltSymbol;
import io.portcullis.oms.command.MassCancel;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.command.ResumeSymbol;
import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.engine.EngineConfig;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.instrument.InstrumentRegistry;
import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded stream of orders (every side, type and time in force, with and without locates), cancels, replaces and
 * risk updates (limits at every scope set and removed, list entries, locates, kill switches with their mass
 * cancels), halts, day closes and time jumps across the trading session's edges, tuned so that every check fires
 * often. Orders to cancel or replace are sampled from the engine the stream feeds (recent order ids), so the stream
 * is a function of the seed and that engine's decisions.
 */
final class RiskFlow {

    static final List<String> ACCOUNTS = List.of("B1-CUST-001", "B1-CUST-002", "B1-PROP", "B2-CUST-001",
        "B2-CUST-002", "B3-MM");
    static final List<String> BROKERS = List.of("B1", "B2", "B3");
    static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "SPY");
    private static final long[] REFERENCE = {1_872_500, 4_784_300, 6_687_300};
    private static final List<String> SESSIONS = List.of("FIX.B1", "FIX.B2", "FIX.B3");
    /** Monday 2026-01-05 09:25 New York. */
    private static final long START = RiskDriver.MONDAY_10AM - 35 * 60 * 1_000_000_000L;
    private static final LimitName[] LIMITS = LimitName.values();

    private static final long HOUR = 3_600_000_000_000L;

    private final SplittableRandom random;
    private final OrderEngine engine;
    private final Map<String, List<String>> locatesOf = new HashMap<>();
    private long sequence;
    private long time = START;
    private int day;
    private long clOrdIds;
    private int locates;
    private NewOrder previous;

    RiskFlow(final long seed, final OrderEngine engine) {
        this.random = new SplittableRandom(seed);
        this.engine = engine;
    }

    static InstrumentRegistry universe() {
        return InstrumentRegistry.of(List.of(
            new Instrument("AAPL", "Apple Inc.", "XNAS", true, 100, 1, REFERENCE[0], InstrumentStatus.ACTIVE, 400_000,
                Instrument.REGULAR_OPEN_MINUTE, Instrument.REGULAR_CLOSE_MINUTE),
            new Instrument("MSFT", "Microsoft Corporation", "XNAS", true, 100, 1, REFERENCE[1],
                InstrumentStatus.ACTIVE),
            new Instrument("SPY", "SPDR S&P 500 ETF Trust", "ARCX", false, 100, 1, REFERENCE[2],
                InstrumentStatus.ACTIVE, 5_000_000, 4 * 60, 20 * 60)));
    }

    static List<Account> accounts() {
        return ACCOUNTS.stream().map(a -> Account.customer(a, a.substring(0, 2))).toList();
    }

    /** @return an engine configuration with a fresh risk engine */
    static EngineConfig config() {
        return new EngineConfig().instruments(universe()).accounts(accounts())
            .preTradeCheck(new RiskEngine(accounts(), universe(), new RiskConfig().duplicateTableCapacity(64)))
            .expectedLiveOrders(1 << 12);
    }

    Command next() {
        sequence++;
        advanceTime();
        final int dice = random.nextInt(1000);
        if (dice < 100) {
            return riskUpdate();
        }
        if (dice < 400) {
            final Order target = recentOrder();
            if (target == null) {
                return newOrder();
            }
            return dice < 230 ? new CancelOrder(sequence, time, target.sessionId(), "X" + (++clOrdIds),
                target.clOrdId(), 0) : replace(target);
        }
        if (dice < 403) {
            locatesOf.clear();
            return new ExpireDayOrders(sequence, time);
        }
        if (dice < 406) {
            return random.nextInt(6) == 0 ? new HaltSymbol(sequence, time, pick(SYMBOLS))
                : new ResumeSymbol(sequence, time, pick(SYMBOLS));
        }
        if (dice < 410) {
            return new MassCancel(sequence, time, pick(SESSIONS), "M" + sequence,
                io.portcullis.oms.command.MassScope.ACCOUNT, pick(ACCOUNTS));
        }
        return newOrder();
    }

    /**
     * Mostly tens of milliseconds forward, now and then a little back (ingress from several threads); rarely to just
     * before the next weekday's open, or to just before today's close, so both edges of the session are crossed.
     */
    private void advanceTime() {
        final int dice = random.nextInt(10_000);
        if (dice < 5) {
            day += day % 7 == 4 ? 3 : 1;
            time = START + day * 24 * HOUR + 295_000_000_000L;
        } else if (dice < 6) {
            time = Math.max(time, START + day * 24 * HOUR + 6 * HOUR + 34 * 60_000_000_000L + 50_000_000_000L);
        } else if (dice < 100) {
            time -= random.nextInt(5_000_000);
        } else {
            time += random.nextInt(40_000_000);
        }
    }

    private Command newOrder() {
        if (previous != null && random.nextInt(30) == 0) {
            final NewOrder p = previous;
            return new NewOrder(sequence, time, p.sessionId(), "C" + (++clOrdIds), p.account(), p.symbol(), p.side(),
                p.ordType(), p.tif(), p.qty(), p.price(), p.stopPx(), 0, NewOrder.NO_EXPIRY, p.locateId());
        }
        final int s = random.nextInt(SYMBOLS.size());
        final int a = random.nextInt(ACCOUNTS.size());
        final Side side = switch (random.nextInt(8)) {
            case 0, 1, 2 -> Side.BUY;
            case 3, 4 -> Side.SELL;
            case 5, 6 -> Side.SELL_SHORT;
            default -> Side.SELL_SHORT_EXEMPT;
        };
        final int kind = random.nextInt(100);
        final OrdType type = kind < 10 ? OrdType.MARKET : kind < 14 ? OrdType.STOP : kind < 17 ? OrdType.STOP_LIMIT
            : OrdType.LIMIT;
        final TimeInForce tif = type == OrdType.MARKET || kind < 25 ? TimeInForce.IOC
            : kind < 70 ? TimeInForce.DAY : TimeInForce.GTC;
        final long qty = random.nextInt(10) == 0 ? 1 + random.nextInt(20_000) : 1 + random.nextInt(600);
        final long price = type.hasLimitPrice() ? price(s) : Prices.NONE;
        final long stop = type.isStop() ? price(s) : Prices.NONE;
        final String locate = side == Side.SELL_SHORT && random.nextInt(6) != 0 ? locateFor(a, s) : null;
        final String clOrdId = random.nextInt(200) == 0 && clOrdIds > 0 ? "C" + clOrdIds : "C" + (++clOrdIds);
        previous = new NewOrder(sequence, time, SESSIONS.get(a * SESSIONS.size() / ACCOUNTS.size()), clOrdId,
            ACCOUNTS.get(a), SYMBOLS.get(s), side, type, tif, qty, price, stop, 0, NewOrder.NO_EXPIRY, locate);
        return previous;
    }

    /** Mostly a locate granted to the account in the symbol, sometimes any id (maybe unknown or someone else's). */
    private String locateFor(final int a, final int s) {
        final List<String> own = locatesOf.get(ACCOUNTS.get(a) + "|" + SYMBOLS.get(s));
        if (own != null && random.nextInt(5) != 0) {
            return own.get(random.nextInt(own.size()));
        }
        return "L" + random.nextInt(Math.max(1, locates + 2));
    }

    /** Prices near the last trade (or the reference), now and then far away for the collar. */
    private long price(final int s) {
        final long last = engine.lastPrice(SYMBOLS.get(s));
        final long mid = last == Prices.NONE ? REFERENCE[s] : last;
        final int spread = random.nextInt(20) == 0 ? 4_000 : 60;
        return Math.max(100, (mid / 100 + random.nextInt(2 * spread + 1) - spread) * 100);
    }

    private Command replace(final Order target) {
        final long qty = switch (random.nextInt(3)) {
            case 0 -> target.orderQty() + 1 + random.nextInt(500);
            case 1 -> Math.max(target.cumQty() + 1, target.orderQty() - random.nextInt(50));
            default -> target.orderQty();
        };
        final long price = target.price() == Prices.NONE ? Prices.NONE
            : Math.max(100, target.price() + 100L * (random.nextInt(21) - 10));
        final long stop = target.isPendingStop() ? target.stopPx() + 100L * (random.nextInt(5) - 2) : Prices.NONE;
        final String locate = target.side() == Side.SELL_SHORT && random.nextInt(5) == 0
            ? locateFor(ACCOUNTS.indexOf(target.account().accountId()), SYMBOLS.indexOf(target.symbol())) : null;
        return new ReplaceOrder(sequence, time, target.sessionId(), "R" + (++clOrdIds), target.clOrdId(), 0,
            target.symbol(), target.side(), qty, price, stop, locate);
    }

    private Order recentOrder() {
        final long newest = engine.lastOrderId();
        for (int attempt = 0; attempt < 4 && newest > 0; attempt++) {
            final Order o = engine.order(Math.max(1, newest - random.nextInt(300)));
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    private Command riskUpdate() {
        final int dice = random.nextInt(100);
        final byte[] body;
        if (dice < 60) {
            final LimitName name = LIMITS[random.nextInt(LIMITS.length)];
            final LimitKey key = limitKey(name);
            body = random.nextInt(5) == 0 ? RiskUpdates.removeLimit(key) : RiskUpdates.setLimit(key, value(name));
        } else if (dice < 72) {
            final boolean restricted = random.nextInt(3) == 0;
            final String scope = random.nextInt(restricted ? 6 : 3) == 0 ? LimitKey.ANY : pick(ACCOUNTS);
            body = RiskUpdates.listEntry(restricted ? ListName.RESTRICTED : ListName.HARD_TO_BORROW, scope,
                pick(SYMBOLS), random.nextInt(restricted ? 8 : 3) == 0);
        } else if (dice < 94) {
            final String account = pick(ACCOUNTS);
            final String symbol = pick(SYMBOLS);
            final String id = "L" + (locates++);
            locatesOf.computeIfAbsent(account + "|" + symbol, k -> new ArrayList<>()).add(id);
            body = RiskUpdates.addLocate(new Locate(id, account, symbol, 1 + random.nextInt(400)));
        } else {
            final KillScope scope = KillScope.values()[random.nextInt(KillScope.values().length)];
            final String key = switch (scope) {
                case FIRM -> LimitKey.ANY;
                case BROKER_FIRM -> pick(BROKERS);
                case SESSION -> pick(SESSIONS);
                case ACCOUNT -> pick(ACCOUNTS);
                case SYMBOL -> pick(SYMBOLS);
            };
            final boolean engage = random.nextInt(scope == KillScope.FIRM ? 40 : 16) == 0;
            if (engage && random.nextBoolean()) {
                return new MassCancel(sequence, time, EngineRiskCommandSink.KILL_SWITCH_SESSION, "K" + sequence,
                    EngineRiskCommandSink.massScope(scope), scope == KillScope.FIRM ? null : key);
            }
            body = RiskUpdates.killSwitch(scope, key, engage);
        }
        if (random.nextInt(100) == 0) {
            return new RiskUpdate(sequence, time, new byte[] {9, 9});
        }
        return new RiskUpdate(sequence, time, body);
    }

    private LimitKey limitKey(final LimitName name) {
        while (true) {
            final LimitScope scope = LimitScope.values()[random.nextInt(LimitScope.values().length)];
            if (!name.allowedAt(scope)) {
                continue;
            }
            return switch (scope) {
                case FIRM -> new LimitKey(scope, LimitKey.ANY, LimitKey.ANY, name);
                case BROKER_FIRM -> new LimitKey(scope, pick(BROKERS), LimitKey.ANY, name);
                case ACCOUNT -> new LimitKey(scope, pick(ACCOUNTS), LimitKey.ANY, name);
                case SYMBOL -> new LimitKey(scope, pick(ACCOUNTS), pick(SYMBOLS), name);
            };
        }
    }

    /** Values in ranges that make the limit bite now and then. */
    private BigDecimal value(final LimitName name) {
        return switch (name) {
            case MAX_ORDER_QTY -> BigDecimal.valueOf(100 + random.nextInt(10_000));
            case MAX_ORDER_NOTIONAL -> BigDecimal.valueOf(10_000 + random.nextInt(2_000_000));
            case PRICE_COLLAR_PCT -> BigDecimal.valueOf(1 + random.nextInt(2_000), 2);
            case PRICE_COLLAR_TICKS -> BigDecimal.valueOf(5 + random.nextInt(3_000));
            case MARKET_ORDERS_ALLOWED, SHORT_EXEMPT_ALLOWED, DUPLICATE_BLOCK -> BigDecimal.valueOf(random.nextInt(2));
            case GROSS_NOTIONAL, NET_NOTIONAL -> BigDecimal.valueOf(100_000 + random.nextInt(20_000_000));
            case CAPITAL_THRESHOLD -> BigDecimal.valueOf(5_000_000 + random.nextInt(100_000_000));
            case MAX_LONG_POSITION, MAX_SHORT_POSITION -> BigDecimal.valueOf(random.nextInt(20_000));
            case DUPLICATE_WINDOW_MS -> BigDecimal.valueOf(random.nextInt(3_000));
            case MAX_ORDERS_PER_SECOND -> BigDecimal.valueOf(4 + random.nextInt(60));
            case MAX_MESSAGES_PER_SECOND -> BigDecimal.valueOf(10 + random.nextInt(100));
            case MAX_ADV_PCT -> BigDecimal.valueOf(1 + random.nextInt(500), 2);
        };
    }

    private String pick(final List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
