package io.portcullis.bench.risk;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.command.NewOrder;
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
import io.portcullis.risk.check.RiskConfig;
import io.portcullis.risk.check.RiskEngine;
import io.portcullis.risk.check.RiskUpdates;
import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's world, built from a seed: 10,000 accounts of 100 broker firms, 500 symbols, a risk engine with
 * limits at every scope (firm: all of them; every broker firm: credit, quantity, message rate, short exempt; every
 * account: quantity, credit, order rate, collar; symbol overrides for a tenth of the accounts), restricted and
 * hard-to-borrow lists firm-wide and per account, two locates per account, a few kill switches engaged; an order
 * engine (the exposure view the checks read) holding 20,000 resting orders with trades in half the symbols; and a
 * mix of orders to check: 80% new (50% buys, 35% long sales, 10% short sales with a locate, 5% short exempt; 85%
 * limit, 10% market, 5% stop; prices within 2% of the reference) and 20% replaces of resting orders (quantity up or
 * price moved). Start-up only; allocates freely.
 */
final class RiskWorld {

    static final int ACCOUNTS = 10_000;
    static final int BROKERS = 100;
    static final int SYMBOLS = 500;
    static final int RESTING = 20_000;
    /** Monday 2026-01-05 09:31 America/New_York in epoch nanos. */
    static final long MONDAY_OPEN = 1_767_623_460_000_000_000L;

    final Account[] accounts = new Account[ACCOUNTS];
    final Instrument[] instruments = new Instrument[SYMBOLS];
    final RiskEngine risk;
    final OrderEngine engine;
    final OrderMix mix;
    private final SplittableRandom random;
    private long sequence;
    private long time = MONDAY_OPEN;

    RiskWorld(final long seed, final int mixSize) {
        random = new SplittableRandom(seed);
        for (int f = 0, a = 0; f < BROKERS; f++) {
            for (int n = 0; n < ACCOUNTS / BROKERS; n++, a++) {
                accounts[a] = Account.customer(String.format("BRK%03d-ACC%04d", f, n), brokerFirm(f));
            }
        }
        for (int s = 0; s < SYMBOLS; s++) {
            final long reference = (10 + random.nextInt(490)) * Prices.PRICE_SCALE;
            instruments[s] = new Instrument(String.format("SYM%04d", s), "Symbol " + s, "XNAS", s < 250, 100, 1,
                reference, InstrumentStatus.ACTIVE, 1_000_000L + random.nextInt(50_000_000), 4 * 60, 20 * 60);
        }
        final InstrumentRegistry registry = InstrumentRegistry.of(List.of(instruments));
        risk = new RiskEngine(List.of(accounts), registry, new RiskConfig());
        engine = new OrderEngine(new EngineConfig().instruments(registry).accounts(List.of(accounts))
            .preTradeCheck(risk).expectedLiveOrders(1 << 16));
        setLimits();
        populate();
        setListsLocatesAndKillSwitches();
        mix = buildMix(mixSize);
    }

    static String brokerFirm(final int f) {
        return String.format("BRK%03d", f);
    }

    static String session(final int f) {
        return "FIX.4.4:PORTCULLIS->" + brokerFirm(f);
    }

    /** @return the time of the next check: 10 us later, skipping nights and weekends (a week of trading days) */
    long nextTime(final long now) {
        final long next = now + 10_000;
        final long sinceOpen = Math.floorMod(next - MONDAY_OPEN, 86_400_000_000_000L);
        return sinceOpen < 6 * 3_600_000_000_000L ? next : next + 18 * 3_600_000_000_000L;
    }

    private void update(final byte[] body) {
        engine.apply(new RiskUpdate(++sequence, time, body));
    }

    private void set(final LimitScope scope, final String key, final String symbol, final LimitName name,
                     final String value) {
        update(RiskUpdates.setLimit(new LimitKey(scope, key, symbol, name), new BigDecimal(value)));
    }

    private void setLimits() {
        final String any = LimitKey.ANY;
        set(LimitScope.FIRM, any, any, LimitName.MAX_ORDER_QTY, "100000");
        set(LimitScope.FIRM, any, any, LimitName.MAX_ORDER_NOTIONAL, "5000000");
        set(LimitScope.FIRM, any, any, LimitName.PRICE_COLLAR_PCT, "10");
        set(LimitScope.FIRM, any, any, LimitName.PRICE_COLLAR_TICKS, "2000");
        set(LimitScope.FIRM, any, any, LimitName.MARKET_ORDERS_ALLOWED, "1");
        set(LimitScope.FIRM, any, any, LimitName.GROSS_NOTIONAL, "50000000");
        set(LimitScope.FIRM, any, any, LimitName.NET_NOTIONAL, "25000000");
        set(LimitScope.FIRM, any, any, LimitName.CAPITAL_THRESHOLD, "100000000000");
        set(LimitScope.FIRM, any, any, LimitName.MAX_LONG_POSITION, "1000000");
        set(LimitScope.FIRM, any, any, LimitName.MAX_SHORT_POSITION, "1000000");
        set(LimitScope.FIRM, any, any, LimitName.SHORT_EXEMPT_ALLOWED, "0");
        set(LimitScope.FIRM, any, any, LimitName.DUPLICATE_BLOCK, "1");
        set(LimitScope.FIRM, any, any, LimitName.MAX_ORDERS_PER_SECOND, "100");
        set(LimitScope.FIRM, any, any, LimitName.MAX_MESSAGES_PER_SECOND, "10000");
        set(LimitScope.FIRM, any, any, LimitName.MAX_ADV_PCT, "5");
        for (int f = 0; f < BROKERS; f++) {
            final String firm = brokerFirm(f);
            set(LimitScope.BROKER_FIRM, firm, any, LimitName.GROSS_NOTIONAL, "500000000");
            set(LimitScope.BROKER_FIRM, firm, any, LimitName.NET_NOTIONAL, "250000000");
            set(LimitScope.BROKER_FIRM, firm, any, LimitName.MAX_ORDER_QTY, "50000");
            set(LimitScope.BROKER_FIRM, firm, any, LimitName.MAX_MESSAGES_PER_SECOND, "20000");
            set(LimitScope.BROKER_FIRM, firm, any, LimitName.SHORT_EXEMPT_ALLOWED, f % 2 == 0 ? "1" : "0");
        }
        for (int a = 0; a < ACCOUNTS; a++) {
            final String id = accounts[a].accountId();
            set(LimitScope.ACCOUNT, id, any, LimitName.MAX_ORDER_QTY, "20000");
            set(LimitScope.ACCOUNT, id, any, LimitName.GROSS_NOTIONAL, "10000000");
            set(LimitScope.ACCOUNT, id, any, LimitName.NET_NOTIONAL, "5000000");
            set(LimitScope.ACCOUNT, id, any, LimitName.MAX_ORDERS_PER_SECOND, "50");
            set(LimitScope.ACCOUNT, id, any, LimitName.PRICE_COLLAR_PCT, "8");
            if (a % 10 == 0) {
                for (int k = 0; k < 3; k++) {
                    final String symbol = instruments[random.nextInt(SYMBOLS)].symbol();
                    set(LimitScope.SYMBOL, id, symbol, LimitName.MAX_LONG_POSITION, "50000");
                    set(LimitScope.SYMBOL, id, symbol, LimitName.MAX_ORDER_QTY, "5000");
                }
            }
        }
    }

    /** Resting orders on both sides of every symbol's reference price, and one trade in half the symbols. */
    private void populate() {
        for (int s = 0; s < SYMBOLS / 2; s++) {
            final long price = instruments[s].referencePrice();
            newOrder(random.nextInt(ACCOUNTS), s, Side.SELL, OrdType.LIMIT, 100, price);
            newOrder(random.nextInt(ACCOUNTS), s, Side.BUY, OrdType.LIMIT, 100, price);
        }
        for (int i = 0; i < RESTING; i++) {
            final int s = random.nextInt(SYMBOLS);
            final boolean buy = random.nextBoolean();
            final long reference = instruments[s].referencePrice();
            final long ticks = 1 + random.nextInt(100);
            newOrder(random.nextInt(ACCOUNTS), s, buy ? Side.BUY : Side.SELL, OrdType.LIMIT,
                100 * (1 + random.nextInt(20)), buy ? reference - ticks * 100 : reference + ticks * 100);
        }
        if (engine.liveOrderCount() < RESTING * 9 / 10) {
            throw new IllegalStateException("the world's resting orders were rejected: " + engine.liveOrderCount()
                + " live of " + RESTING);
        }
    }

    private void newOrder(final int a, final int s, final Side side, final OrdType type, final long qty,
                          final long price) {
        time += 1_000_000;
        engine.apply(new NewOrder(++sequence, time, session(a / (ACCOUNTS / BROKERS)), "P" + sequence,
            accounts[a].accountId(), instruments[s].symbol(), side, type, TimeInForce.DAY, qty, price, Prices.NONE, 0,
            NewOrder.NO_EXPIRY));
    }

    private void setListsLocatesAndKillSwitches() {
        set(LimitScope.FIRM, LimitKey.ANY, LimitKey.ANY, LimitName.DUPLICATE_WINDOW_MS, "50");
        for (int s = 0; s < 5; s++) {
            update(RiskUpdates.listEntry(ListName.RESTRICTED, LimitKey.ANY, instruments[random.nextInt(SYMBOLS)]
                .symbol(), true));
        }
        for (int s = 0; s < 20; s++) {
            update(RiskUpdates.listEntry(ListName.HARD_TO_BORROW, LimitKey.ANY, instruments[random.nextInt(SYMBOLS)]
                .symbol(), true));
        }
        for (int i = 0; i < 2_000; i++) {
            update(RiskUpdates.listEntry(ListName.RESTRICTED, accounts[random.nextInt(ACCOUNTS)].accountId(),
                instruments[random.nextInt(SYMBOLS)].symbol(), true));
            if (i % 2 == 0) {
                update(RiskUpdates.listEntry(ListName.HARD_TO_BORROW, accounts[random.nextInt(ACCOUNTS)].accountId(),
                    instruments[random.nextInt(SYMBOLS)].symbol(), true));
            }
        }
        for (int a = 0; a < ACCOUNTS; a++) {
            for (int k = 0; k < 2; k++) {
                update(RiskUpdates.addLocate(new Locate(locateId(a, k), accounts[a].accountId(),
                    instruments[locateSymbol(a, k)].symbol(), 1_000_000_000_000L)));
            }
        }
        update(RiskUpdates.killSwitch(KillScope.BROKER_FIRM, brokerFirm(BROKERS - 1), true));
        for (int i = 0; i < 50; i++) {
            update(RiskUpdates.killSwitch(KillScope.ACCOUNT, accounts[random.nextInt(ACCOUNTS)].accountId(), true));
        }
        update(RiskUpdates.killSwitch(KillScope.SYMBOL, instruments[SYMBOLS - 1].symbol(), true));
        update(RiskUpdates.killSwitch(KillScope.SYMBOL, instruments[SYMBOLS - 2].symbol(), true));
        if (risk.refusedUpdates() != 0) {
            throw new IllegalStateException(risk.refusedUpdates() + " risk updates refused while building the world");
        }
    }

    private static String locateId(final int a, final int k) {
        return "LOC-" + a + "-" + k;
    }

    private static int locateSymbol(final int a, final int k) {
        return (a * 7 + k * 131) % SYMBOLS;
    }

    private OrderMix buildMix(final int size) {
        final OrderMix m = new OrderMix(accounts, instruments, size);
        final List<Order> live = new ArrayList<>();
        engine.forEachLiveOrder(live::add);
        for (int i = 0; i < size; i++) {
            if (random.nextInt(100) < 20) {
                replaceOf(m, i, live.get(random.nextInt(live.size())));
            } else {
                newOrderOf(m, i);
            }
        }
        return m;
    }

    private void replaceOf(final OrderMix m, final int i, final Order o) {
        m.replace[i] = true;
        m.orderId[i] = o.orderId();
        m.session[i] = o.sessionId();
        m.account[i] = o.accountIndex();
        m.symbol[i] = o.symbolIndex();
        m.side[i] = o.side();
        m.type[i] = o.ordType();
        m.cumQty[i] = o.cumQty();
        m.previousQty[i] = o.orderQty();
        m.previousPrice[i] = o.price();
        m.previousStopPx[i] = o.stopPx();
        m.stopPx[i] = o.stopPx();
        m.locateId[i] = o.locateId();
        final boolean raise = random.nextBoolean();
        m.qty[i] = raise ? o.orderQty() + 100 : o.orderQty();
        final long ticks = (1 + random.nextInt(3)) * (random.nextBoolean() ? 1 : -1);
        m.price[i] = raise ? o.price() : o.price() + 100L * ticks;
    }

    private void newOrderOf(final OrderMix m, final int i) {
        final int a = random.nextInt(ACCOUNTS);
        final int roll = random.nextInt(100);
        final Side side = roll < 50 ? Side.BUY : roll < 85 ? Side.SELL : roll < 95 ? Side.SELL_SHORT
            : Side.SELL_SHORT_EXEMPT;
        final int k = random.nextInt(2);
        final int s = side == Side.SELL_SHORT ? locateSymbol(a, k) : random.nextInt(SYMBOLS);
        final int kind = random.nextInt(100);
        final OrdType type = kind < 85 ? OrdType.LIMIT : kind < 95 ? OrdType.MARKET : OrdType.STOP;
        final long reference = instruments[s].referencePrice();
        final long offset = reference * (random.nextInt(401) - 200) / 10_000 / 100 * 100;
        m.session[i] = session(a / (ACCOUNTS / BROKERS));
        m.account[i] = a;
        m.symbol[i] = s;
        m.side[i] = side;
        m.type[i] = type;
        m.qty[i] = 100 * (1 + random.nextInt(20));
        m.price[i] = type == OrdType.LIMIT ? reference + offset : Prices.NONE;
        m.stopPx[i] = type == OrdType.STOP ? reference + offset : Prices.NONE;
        m.previousPrice[i] = Prices.NONE;
        m.previousStopPx[i] = Prices.NONE;
        m.locateId[i] = side == Side.SELL_SHORT ? locateId(a, k) : null;
    }
}
