package io.portcullis.risk.check;

import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.ExpireDayOrders;
import io.portcullis.oms.command.MassCancel;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.engine.EngineConfig;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.event.EngineEvent;
import io.portcullis.oms.event.RecordingListener;
import io.portcullis.oms.instrument.InstrumentRegistry;
import io.portcullis.oms.runner.CommandCallback;
import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test driver: a real order engine with a {@link RiskEngine} as its pre-trade check, risk changes made through an
 * {@link EngineRiskCommandSink} (so every change is a journaled command, as in production), and verbs that read like
 * the specification: {@code limit(ACCOUNT, A1, MAX_ORDER_QTY, "10000"); submit(buy(10_001, AAPL).at("187.00"));
 * assertRejected(RISK_MAX_QTY, "MAX_ORDER_QTY: 10001 > limit 10000 (account B1-CUST-001)")}.
 *
 * <p>The clock starts on Monday 2026-01-05 at 10:00 New York (15:00 UTC) and advances 1 ms per command.
 */
final class RiskDriver {

    static final String A1 = "B1-CUST-001";
    static final String A2 = "B1-CUST-002";
    static final String B1 = "B2-CUST-001";
    static final String BROKER1 = "B1";
    static final String BROKER2 = "B2";
    static final String AAPL = "AAPL";
    static final String MSFT = "MSFT";
    static final String EARLY = "EARLY";
    static final String SESSION = "FIX.4.4:PORTCULLIS->B1";
    static final String SESSION2 = "FIX.4.4:PORTCULLIS->B2";
    /** Monday 2026-01-05 10:00:00 America/New_York (EST), in epoch nanos. */
    static final long MONDAY_10AM = 1_767_625_200_000_000_000L;
    static final long MILLI = 1_000_000L;

    final RecordingListener events = new RecordingListener();
    final RiskEngine risk;
    final OrderEngine engine;
    final EngineRiskCommandSink sink;
    final List<Command> journal = new ArrayList<>();
    private long sequence;
    private long clOrdIds;
    long time = MONDAY_10AM;

    RiskDriver() {
        this(new RiskConfig());
    }

    RiskDriver(final RiskConfig config) {
        risk = new RiskEngine(accounts(), universe(), config);
        engine = new OrderEngine(config(risk).listener(events));
        sink = new EngineRiskCommandSink(this::submitFromSink, NO_CALLBACK, () -> tick());
    }

    static final CommandCallback NO_CALLBACK = new CommandCallback() {
        @Override
        public void onDurable(final long s, final long offset, final byte[] record) {
        }

        @Override
        public void onLost(final long s, final String reason) {
        }
    };

    static InstrumentRegistry universe() {
        return InstrumentRegistry.of(List.of(
            new Instrument(AAPL, "Apple Inc.", "XNAS", true, 100, 1, 1_872_500, InstrumentStatus.ACTIVE, 1_000_000,
                Instrument.REGULAR_OPEN_MINUTE, Instrument.REGULAR_CLOSE_MINUTE),
            new Instrument(MSFT, "Microsoft Corporation", "XNAS", true, 100, 1, 4_784_300, InstrumentStatus.ACTIVE),
            new Instrument(EARLY, "Early Session Fund", "ARCX", false, 100, 1, 500_000, InstrumentStatus.ACTIVE,
                50_000, 4 * 60, 9 * 60 + 30)));
    }

    static List<Account> accounts() {
        return List.of(Account.customer(A1, BROKER1), Account.customer(A2, BROKER1), Account.customer(B1, BROKER2));
    }

    static EngineConfig config(final RiskEngine check) {
        return new EngineConfig().instruments(universe()).accounts(accounts()).preTradeCheck(check)
            .expectedLiveOrders(64);
    }

    static long px(final String usd) {
        return Prices.parse(usd).price();
    }

    long tick() {
        time += MILLI;
        return time;
    }

    /** Sets the clock; the next command is stamped one millisecond later. */
    RiskDriver at(final long epochNanos) {
        time = epochNanos - MILLI;
        return this;
    }

    private boolean submitFromSink(final Command command, final CommandCallback callback) {
        apply(switch (command) {
            case RiskUpdate u -> new RiskUpdate(++sequence, u.timestamp(), u.body());
            case MassCancel m -> new MassCancel(++sequence, m.timestamp(), m.sessionId(), m.requestId(), m.scope(),
                m.scopeValue());
            default -> throw new IllegalArgumentException("the risk sink sent " + command);
        });
        return true;
    }

    void apply(final Command command) {
        journal.add(command);
        engine.apply(command);
        assertThat(engine.internalErrors()).as("internal errors after %s", command).isZero();
        assertThat(engine.checkInvariants()).isNull();
    }

    // ---- risk changes

    void limit(final LimitScope scope, final String key, final LimitName name, final String value) {
        sink.setLimit(key(scope, key, name), new BigDecimal(value));
    }

    void symbolLimit(final String account, final String symbol, final LimitName name, final String value) {
        sink.setLimit(new LimitKey(LimitScope.SYMBOL, account, symbol, name), new BigDecimal(value));
    }

    void removeLimit(final LimitScope scope, final String key, final LimitName name) {
        sink.removeLimit(key(scope, key, name));
    }

    private static LimitKey key(final LimitScope scope, final String key, final LimitName name) {
        return new LimitKey(scope, scope == LimitScope.FIRM ? LimitKey.ANY : key, LimitKey.ANY, name);
    }

    void firmLimit(final LimitName name, final String value) {
        limit(LimitScope.FIRM, LimitKey.ANY, name, value);
    }

    void list(final ListName list, final String scopeKey, final String symbol, final boolean present) {
        sink.setListEntry(list, scopeKey, symbol, present);
    }

    void locate(final String id, final String account, final String symbol, final long qty) {
        sink.addLocate(new Locate(id, account, symbol, qty));
    }

    void kill(final KillScope scope, final String key, final boolean engaged) {
        sink.setKillSwitch(scope, key, engaged);
    }

    /** Applies a risk update directly, without the sink (so engaging a kill switch cancels nothing). */
    void update(final byte[] body) {
        apply(new RiskUpdate(++sequence, tick(), body));
    }

    long nextSequence() {
        return ++sequence;
    }

    void endOfDay() {
        apply(new ExpireDayOrders(++sequence, tick()));
    }

    // ---- orders

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

    /** A new order; defaults: account A1, session SESSION, DAY, market. */
    static final class Spec {
        final Side side;
        final long qty;
        final String symbol;
        String account = A1;
        String session = SESSION;
        OrdType type = OrdType.MARKET;
        TimeInForce tif = TimeInForce.DAY;
        long price = Prices.NONE;
        long stopPx = Prices.NONE;
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

        Spec stop(final String usd) {
            stopPx = px(usd);
            type = type == OrdType.LIMIT ? OrdType.STOP_LIMIT : OrdType.STOP;
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

        Spec ioc() {
            tif = TimeInForce.IOC;
            return this;
        }

        Spec locate(final String value) {
            locateId = value;
            return this;
        }
    }

    /** @return the new order's id, or 0 when rejected */
    long submit(final Spec spec) {
        final int before = events.events().size();
        apply(new NewOrder(++sequence, tick(), spec.session, "C" + (++clOrdIds), spec.account, spec.symbol, spec.side,
            spec.type, spec.tif, spec.qty, spec.price, spec.stopPx, 0, NewOrder.NO_EXPIRY, spec.locateId));
        for (int i = before; i < events.events().size(); i++) {
            if (events.events().get(i) instanceof EngineEvent.Execution e) {
                return e.execType() == ExecType.REJECTED ? 0 : e.orderId();
            }
        }
        return 0;
    }

    /** Replaces quantity and price, keeping side and symbol. @return true when accepted */
    boolean replace(final long orderId, final long qty, final String usd) {
        final var order = engine.order(orderId);
        final int rejects = events.cancelRejects().size();
        apply(new ReplaceOrder(++sequence, tick(), order.sessionId(), "R" + (++clOrdIds), null, orderId,
            order.symbol(), order.side(), qty, usd == null ? Prices.NONE : px(usd), order.stopPx()));
        return events.cancelRejects().size() == rejects;
    }

    /** @return true when cancelled */
    boolean cancel(final long orderId) {
        final var order = engine.order(orderId);
        final int rejects = events.cancelRejects().size();
        apply(new CancelOrder(++sequence, tick(), order == null ? SESSION : order.sessionId(), "X" + (++clOrdIds), null,
            orderId));
        return events.cancelRejects().size() == rejects;
    }

    /** Two opposite orders between A2 and B1 that trade {@code qty} at {@code usd}, setting the last trade price. */
    void trade(final String symbol, final long qty, final String usd) {
        submit(sell(qty, symbol).at(usd).by(B1).on(SESSION2));
        submit(buy(qty, symbol).at(usd).by(A2));
    }

    // ---- outcomes

    EngineEvent.Execution lastExecution() {
        return events.executions().getLast();
    }

    void assertAccepted() {
        assertThat(lastExecution().execType()).as("last report: %s", lastExecution()).isNotEqualTo(ExecType.REJECTED);
    }

    void assertRejected(final RejectCode code, final String text) {
        final EngineEvent.Execution last = lastExecution();
        assertThat(last.execType()).as("last report: %s", last).isEqualTo(ExecType.REJECTED);
        assertThat(last.rejectCode()).isEqualTo(code);
        assertThat(last.text()).isEqualTo(text);
    }

    void assertRejected(final RejectCode code) {
        final EngineEvent.Execution last = lastExecution();
        assertThat(last.execType()).as("last report: %s", last).isEqualTo(ExecType.REJECTED);
        assertThat(last.rejectCode()).as("text: %s", last.text()).isEqualTo(code);
    }

    List<EngineEvent.Execution> executionsOfOrder(final long orderId) {
        return events.executions().stream().filter(e -> e.orderId() == orderId).toList();
    }

    EngineEvent.CancelRejected lastCancelReject() {
        return events.cancelRejects().getLast();
    }
}
