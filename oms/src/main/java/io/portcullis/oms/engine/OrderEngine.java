package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.book.OrderBook;
import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.ExpireDayOrders;
import io.portcullis.oms.command.ExpireGtdOrders;
import io.portcullis.oms.command.HaltSymbol;
import io.portcullis.oms.command.MassCancel;
import io.portcullis.oms.command.MassStatus;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.OrderStatusRequest;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.command.ResumeSymbol;
import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.risk.ExposureView;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The order engine: applies commands one at a time and reports every decision to the configured
 * {@link EngineListener}.
 *
 * <p><b>Threading.</b> Not thread-safe and lock-free by design: exactly one thread (the engine thread) may
 * call any method, including the read methods. Other threads hand commands over through a queue.
 *
 * <p><b>Determinism.</b> The engine reads no clock and no randomness. Times come from each command's
 * timestamp; OrderIDs, ExecIDs and trade ids come from counters advanced only by commands. Feeding the same
 * commands to a fresh engine with the same {@link EngineConfig} yields the same events and the same
 * {@link #stateHash()}; so does restoring a {@link #writeSnapshot snapshot} and feeding the commands after it.
 *
 * <p><b>Allocation.</b> {@link #apply} allocates nothing in steady state (orders and price levels are pooled;
 * pools and indexes grow only past their high-water mark; one {@link Position} per account and symbol is
 * created on first use). Snapshot, hash and diagnostic methods allocate.
 *
 * <p>Usage: {@code var engine = new OrderEngine(new EngineConfig().instruments(reg).accounts(list)
 * .listener(l)); engine.apply(newOrder);}
 */
public final class OrderEngine {

    private final EngineConfig config;
    private final EngineListener listener;
    private final MarketData marketData;
    private final EngineState state;
    private final ExecutionPublisher publisher;
    private final Exposures exposures;
    private final OrderFlow flow;
    private final EntryHandler entry;
    private final AmendHandler amend;
    private final AdminHandler admin;

    /**
     * Builds an empty engine. Allocates its pools and indexes.
     *
     * @param config configuration; validated here
     * @throws IllegalArgumentException when the configuration is invalid
     */
    public OrderEngine(final EngineConfig config) {
        this.config = config.validate();
        this.listener = config.listener();
        this.marketData = new MarketData(listener);
        this.state = new EngineState(config, marketData);
        this.publisher = new ExecutionPublisher(state, listener);
        this.exposures = new Exposures(state);
        final TradeRecorder trades = new TradeRecorder(state, listener, publisher, exposures);
        this.flow = new OrderFlow(state, publisher, exposures, trades);
        final OrderValidator validator = new OrderValidator(state);
        this.entry = new EntryHandler(state, validator, exposures, publisher, flow);
        this.amend = new AmendHandler(state, validator, exposures, publisher, flow);
        this.admin = new AdminHandler(state, listener, publisher, flow, exposures);
    }

    /**
     * Builds an engine from a snapshot written by {@link #writeSnapshot}. Feed it the commands after
     * {@link #lastSequence()} to catch up. Start-up only; allocates.
     *
     * @param config the same instruments and accounts as the engine that wrote the snapshot
     * @param in     the snapshot; read to its end, not closed
     * @return the restored engine
     * @throws IOException           when reading fails or the snapshot is malformed or from another version
     * @throws IllegalStateException when the snapshot does not fit the configuration
     */
    public static OrderEngine restore(final EngineConfig config, final InputStream in) throws IOException {
        final OrderEngine engine = new OrderEngine(config);
        EngineSnapshot.read(engine.state, engine.exposures, engine.marketData, in);
        return engine;
    }

    /**
     * Applies one command: validates it, changes state, reports events, then publishes top of book and daily
     * statistics for the symbols it touched. A command whose sequence is not above {@link #lastSequence()} is
     * skipped (so a replay may overlap a snapshot safely). Engine thread only.
     *
     * @param command the command; non-null
     * @return true when applied, false when skipped as already applied
     */
    public boolean apply(final Command command) {
        final long sequence = command.sequence();
        if (sequence <= state.lastSequence) {
            listener.onCommandSkipped(sequence, state.lastSequence);
            return false;
        }
        // read once: Command has many implementations, so each call is a virtual call the JIT cannot inline
        final long timestamp = command.timestamp();
        state.currentSequence = sequence;
        state.now = timestamp;
        marketData.now = timestamp;
        listener.onCommandStart(sequence, timestamp);
        try {
            dispatch(command);
        } catch (final RuntimeException bug) {
            state.internalErrors++;
            listener.onInternalError(sequence, bug);
        }
        for (int i = 0; i < state.touchedCount(); i++) {
            marketData.endOfCommand(state.touchedAt(i));
        }
        state.endCommand();
        state.lastSequence = sequence;
        state.lastTimestamp = timestamp;
        listener.onCommandEnd(sequence);
        return true;
    }

    private void dispatch(final Command command) {
        switch (command) {
            case NewOrder c -> entry.onNewOrder(c);
            case CancelOrder c -> amend.onCancel(c);
            case ReplaceOrder c -> amend.onReplace(c);
            case OrderStatusRequest c -> amend.onStatus(c);
            case MassCancel c -> admin.onMassCancel(c);
            case MassStatus c -> admin.onMassStatus(c);
            case HaltSymbol c -> admin.onHalt(c.symbol(), true, c.sequence());
            case ResumeSymbol c -> admin.onHalt(c.symbol(), false, c.sequence());
            case ExpireDayOrders c -> admin.onExpireDay(c);
            case ExpireGtdOrders c -> admin.onExpireGtd(c);
            case RiskUpdate c -> admin.onRiskUpdate(c);
        }
    }

    /** @return the sequence of the last applied command, 0 before the first */
    public long lastSequence() {
        return state.lastSequence;
    }

    /** @return the last OrderID assigned, 0 before the first accepted order */
    public long lastOrderId() {
        return state.orderIdCounter;
    }

    /** @return the number of exceptions caught while applying commands (each one is a bug) */
    public long internalErrors() {
        return state.internalErrors;
    }

    /** @return the configuration this engine runs with */
    public EngineConfig config() {
        return config;
    }

    /**
     * @param symbol a symbol
     * @return its book, or null when unknown. Read only: changing it from outside the engine corrupts state
     */
    public OrderBook book(final String symbol) {
        final SymbolState s = state.symbol(symbol);
        return s == null ? null : s.book;
    }

    /**
     * @param orderId an order id
     * @return the live order (read only; valid until the next command), or null when unknown or done
     */
    public Order order(final long orderId) {
        return state.ordersById.get(orderId);
    }

    /**
     * @param sessionId a FIX session
     * @param clOrdId   a ClOrdID
     * @return the session's live order with that ClOrdID (read only), or null
     */
    public Order order(final String sessionId, final String clOrdId) {
        return state.findLive(sessionId, clOrdId, 0);
    }

    /** @return number of live orders (resting or untriggered stops) */
    public int liveOrderCount() {
        return state.liveCount;
    }

    /**
     * Visits live orders oldest first (order id order). Read only; do not apply commands meanwhile.
     *
     * @param visitor called once per live order
     */
    public void forEachLiveOrder(final Consumer<Order> visitor) {
        for (Order o = state.oldestLive; o != null; o = o.newerLive()) {
            visitor.accept(o);
        }
    }

    /**
     * @param account account id
     * @param symbol  symbol
     * @return the position (read only), or null when the account never had an order in the symbol
     */
    public Position position(final String account, final String symbol) {
        final AccountState a = state.account(account);
        final SymbolState s = state.symbol(symbol);
        return a == null || s == null ? null : a.positions[s.index];
    }

    /**
     * @param symbol symbol
     * @return last trade price in 1e-4 USD, or {@link Prices#NONE}
     */
    public long lastPrice(final String symbol) {
        final SymbolState s = state.symbol(symbol);
        return s == null ? Prices.NONE : s.lastPrice;
    }

    /**
     * @param symbol symbol
     * @return its trading status, or null when unknown
     */
    public InstrumentStatus status(final String symbol) {
        final SymbolState s = state.symbol(symbol);
        if (s == null) {
            return null;
        }
        return s.halted ? InstrumentStatus.HALTED : InstrumentStatus.ACTIVE;
    }

    /** @return the engine's exposure view (the one pre-trade checks get); engine thread only */
    public ExposureView exposures() {
        return exposures;
    }

    /**
     * SHA-256 over the canonical snapshot encoding of the whole state (counters, statuses, statistics, every
     * live order with its place in its book or stop queue, positions, today's executed notionals, and the state of
     * a {@link io.portcullis.oms.risk.RiskStateful} pre-trade check). Equal hashes mean equal state.
     * O(state); allocates.
     *
     * @return 32 bytes
     */
    public byte[] stateHash() {
        return EngineSnapshot.hash(state);
    }

    /**
     * @return {@link #stateHash()} as lower-case hex
     */
    public String stateHashHex() {
        return HexFormat.of().formatHex(stateHash());
    }

    /**
     * Writes a versioned binary snapshot of the whole state (see {@code EngineSnapshot} for the format).
     * Engine thread only (take it between commands); allocates.
     *
     * @param out destination; not closed
     * @throws IOException when writing fails
     */
    public void writeSnapshot(final OutputStream out) throws IOException {
        EngineSnapshot.write(state, out);
    }

    /**
     * Checks every structural invariant: books (sorted, not crossed, level aggregates and counts), every live
     * order (CumQty + LeavesQty = OrderQty, in exactly one book level or stop queue), the id and ClOrdID
     * indexes against the live list. Diagnostic; O(state); allocates only to describe a violation.
     *
     * @return null when consistent, otherwise the first violation
     */
    public String checkInvariants() {
        return EngineInvariants.check(state);
    }
}
