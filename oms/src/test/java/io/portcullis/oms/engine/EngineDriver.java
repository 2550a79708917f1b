package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.book.PriceLevel;
import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.AccountType;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.SelfTradePrevention;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.event.EngineEvent;
import io.portcullis.oms.event.RecordingListener;
import io.portcullis.oms.instrument.InstrumentRegistry;
import io.portcullis.oms.risk.PassThroughCheck;
import io.portcullis.oms.risk.PreTradeCheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Test driver: an engine with a small fixed universe, a recording listener, and verbs that read like the
 * specification ("submit(buy(100, AAPL).at("187.25"))").
 */
final class EngineDriver {

    static final String AAPL = "AAPL";
    static final String MSFT = "MSFT";
    static final String SPY = "SPY";
    static final String ALICE = "ALICE";
    static final String BOB = "BOB";
    static final String CAROL = "CAROL";
    static final String RESTING_STP = "RSTP";
    static final String BOTH_STP = "BSTP";
    static final String SESSION = "FIX.BRKA";
    static final String OTHER_SESSION = "FIX.BRKB";
    static final long T0 = 1_767_600_000_000_000_000L;

    final RecordingListener events = new RecordingListener();
    final OrderEngine engine;
    private long sequence;
    private long clOrdIds;
    private long time = T0;

    EngineDriver() {
        this(PassThroughCheck.INSTANCE);
    }

    EngineDriver(final PreTradeCheck check) {
        engine = new OrderEngine(config().preTradeCheck(check).listener(events));
    }

    static InstrumentRegistry universe() {
        return InstrumentRegistry.of(List.of(
            new Instrument(AAPL, "Apple Inc.", "XNAS", true, 100, 1, 1_872_500, InstrumentStatus.ACTIVE),
            new Instrument(MSFT, "Microsoft Corporation", "XNAS", true, 100, 1, 4_784_300, InstrumentStatus.ACTIVE),
            new Instrument(SPY, "SPDR S&P 500 ETF Trust", "ARCX", false, 100, 100, 6_687_300,
                InstrumentStatus.ACTIVE)));
    }

    static List<Account> accounts() {
        return List.of(
            Account.customer(ALICE, "FIRMA"),
            Account.customer(BOB, "FIRMA"),
            new Account(CAROL, "FIRMB", AccountType.PROPRIETARY, SelfTradePrevention.CANCEL_INCOMING),
            new Account(RESTING_STP, "FIRMB", AccountType.MARKET_MAKER, SelfTradePrevention.CANCEL_RESTING),
            new Account(BOTH_STP, "FIRMB", AccountType.MARKET_MAKER, SelfTradePrevention.CANCEL_BOTH));
    }

    static EngineConfig config() {
        return new EngineConfig().instruments(universe()).accounts(accounts()).expectedLiveOrders(64);
    }

    static long px(final String usd) {
        return Prices.parse(usd).price();
    }

    /** A new-order builder; defaults: ALICE, DAY, market, session SESSION. */
    static Spec buy(final long qty, final String symbol) {
        return new Spec(Side.BUY, qty, symbol);
    }

    static Spec sell(final long qty, final String symbol) {
        return new Spec(Side.SELL, qty, symbol);
    }

    static Spec sellShort(final long qty, final String symbol) {
        return new Spec(Side.SELL_SHORT, qty, symbol);
    }

    static Spec sellShortExempt(final long qty, final String symbol) {
        return new Spec(Side.SELL_SHORT_EXEMPT, qty, symbol);
    }

    static final class Spec {
        final Side side;
        final long qty;
        final String symbol;
        String account = ALICE;
        String session = SESSION;
        String clOrdId;
        OrdType type = OrdType.MARKET;
        TimeInForce tif = TimeInForce.DAY;
        long price = Prices.NONE;
        long stopPx = Prices.NONE;
        long minQty;
        long expireTime = NewOrder.NO_EXPIRY;
        String locateId;

        Spec(final Side side, final long qty, final String symbol) {
            this.side = side;
            this.qty = qty;
            this.symbol = symbol;
        }

        Spec at(final String usd) {
            price = px(usd);
            type = type == OrdType.STOP ? OrdType.STOP_LIMIT : OrdType.LIMIT;
            return this;
        }

        Spec priced(final long rawPrice) {
            price = rawPrice;
            return this;
        }

        Spec type(final OrdType value) {
            type = value;
            return this;
        }

        Spec stop(final String usd) {
            stopPx = px(usd);
            type = type == OrdType.LIMIT ? OrdType.STOP_LIMIT : OrdType.STOP;
            return this;
        }

        Spec tif(final TimeInForce value) {
            tif = value;
            return this;
        }

        Spec by(final String value) {
            account = value;
            return this;
        }

        Spec on(final String value) {
            session = value;
            return this;
        }

        Spec clOrdId(final String value) {
            clOrdId = value;
            return this;
        }

        Spec minQty(final long value) {
            minQty = value;
            return this;
        }

        Spec locate(final String value) {
            locateId = value;
            return this;
        }

        Spec expiresAt(final long value) {
            tif = TimeInForce.GTD;
            expireTime = value;
            return this;
        }
    }

    /** Submits a new order. @return the order id, or 0 when rejected */
    long submit(final Spec spec) {
        final String clOrdId = spec.clOrdId != null ? spec.clOrdId : "C" + (++clOrdIds);
        final int before = events.events().size();
        apply(new NewOrder(++sequence, tick(), spec.session, clOrdId, spec.account, spec.symbol, spec.side,
            spec.type, spec.tif, spec.qty, spec.price, spec.stopPx, spec.minQty, spec.expireTime, spec.locateId));
        for (int i = before; i < events.events().size(); i++) {
            if (events.events().get(i) instanceof EngineEvent.Execution e && e.orderId() != 0) {
                return e.orderId();
            }
        }
        return 0;
    }

    void cancel(final long orderId) {
        apply(new CancelOrder(++sequence, tick(), SESSION, "X" + (++clOrdIds), null, orderId));
    }

    void cancelByClOrdId(final String session, final String origClOrdId) {
        apply(new CancelOrder(++sequence, tick(), session, "X" + (++clOrdIds), origClOrdId, 0));
    }

    /** Replaces qty and price of a live order, keeping its side and symbol. */
    void replace(final long orderId, final long qty, final String usd) {
        final Order order = engine.order(orderId);
        apply(new ReplaceOrder(++sequence, tick(), SESSION, "R" + (++clOrdIds), null, orderId, order.symbol(),
            order.side(), qty, usd == null ? Prices.NONE : px(usd), Prices.NONE));
    }

    void replaceRaw(final long orderId, final String clOrdId, final String symbol, final Side side, final long qty,
                    final long price, final long stopPx) {
        apply(new ReplaceOrder(++sequence, tick(), SESSION, clOrdId, null, orderId, symbol, side, qty, price,
            stopPx));
    }

    void apply(final Command command) {
        engine.apply(command);
        final String problem = engine.checkInvariants();
        if (problem != null) {
            throw new AssertionError("invariant broken after " + command + ": " + problem);
        }
    }

    long nextSequence() {
        return ++sequence;
    }

    long tick() {
        time += 1_000;
        return time;
    }

    long now() {
        return time;
    }

    /** @return the order ids at each level of a side, best level first, in queue order */
    List<List<Long>> queue(final String symbol, final Side side) {
        final List<List<Long>> levels = new ArrayList<>();
        final var bookSide = engine.book(symbol).side(side);
        for (int d = 0; d < bookSide.levelCount(); d++) {
            final PriceLevel level = bookSide.levelAt(d);
            final List<Long> ids = new ArrayList<>();
            for (Order o = level.head(); o != null; o = o.next()) {
                ids.add(o.orderId());
            }
            levels.add(ids);
        }
        return levels;
    }

    List<EngineEvent.Execution> executionsOf(final long orderId) {
        return events.executions().stream().filter(e -> e.orderId() == orderId).toList();
    }

    EngineEvent.Execution lastExecution() {
        final List<EngineEvent.Execution> all = events.executions();
        return all.get(all.size() - 1);
    }

    EngineEvent.CancelRejected lastCancelReject() {
        final List<EngineEvent.CancelRejected> all = events.cancelRejects();
        return all.get(all.size() - 1);
    }
}
