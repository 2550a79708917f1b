package io.portcullis.risk.check;

import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.instrument.InstrumentRegistry;
import io.portcullis.oms.risk.ExposureView;
import io.portcullis.oms.risk.PreTradeOrder;
import io.portcullis.oms.risk.PreTradeResult;
import io.portcullis.oms.risk.RiskStateful;
import io.portcullis.risk.model.LimitName;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The pre-trade risk checks of SEC Rule 15c3-5, run by the order engine on its thread for every new order and every
 * replace that raises quantity or changes price. Limits, lists, locates and kill switches reach it only as journaled
 * {@link RiskUpdate} commands (encoded by {@link RiskUpdates}), so replay and recovery decide exactly as the live
 * engine did; its whole state is part of the engine snapshot and state hash.
 *
 * <p>Order of the checks (the first failing one decides the reject code and the text):
 * <ol>
 *   <li>kill switch: firm, broker firm, session, account, symbol ({@code RISK_KILL_SWITCH});</li>
 *   <li>message rate of the session ({@code RISK_MESSAGE_RATE}: every new order, cancel and replace the session
 *       sent, valid or not) and order rate of the account ({@code RISK_ORDER_RATE}: every new order and replace that
 *       reaches this check, rejected ones included), sliding one-second windows of command timestamps;</li>
 *   <li>trading hours of the instrument in America/New_York ({@code RISK_OUTSIDE_TRADING_HOURS});</li>
 *   <li>restricted lists, firm-wide then the account's ({@code RISK_RESTRICTED});</li>
 *   <li>market (and stop) orders where MARKET_ORDERS_ALLOWED is 0 ({@code RISK_MARKET_ORDER_NOT_ALLOWED});</li>
 *   <li>Reg SHO: Side=6 needs SHORT_EXEMPT_ALLOWED=1 ({@code RISK_SHORT_EXEMPT_NOT_PERMITTED}); Side=5 needs a
 *       locate of the account in the symbol with enough shares left ({@code RISK_NO_LOCATE},
 *       {@code RISK_LOCATE_EXHAUSTED}); without a locate id a hard-to-borrow symbol gives
 *       {@code RISK_HARD_TO_BORROW};</li>
 *   <li>{@link LimitChecks}: quantity, ADV, notional, collar, position, credit, capital;</li>
 *   <li>duplicate (new orders only): same account, symbol, side, quantity, price and stop price as an accepted order
 *       within DUPLICATE_WINDOW_MS ({@code RISK_DUPLICATE_ORDER} when DUPLICATE_BLOCK is 1, otherwise a warning: the
 *       order passes, the engine journals a risk warning event and {@link #duplicateWarnings()} counts it).</li>
 * </ol>
 * When everything passes, the short sale's increment is taken from its locate and the order's terms are remembered
 * for the duplicate check. Trading halts are the engine's ({@code HaltSymbol}): a halted symbol is refused with
 * {@code SYMBOL_HALTED} before this check runs.
 *
 * <p>One instance per order engine, built with that engine's accounts and registry (the dense indexes must agree;
 * {@link #check} refuses, as a bug, an order whose account is not at its index here). A restore needs a fresh
 * instance: {@code OrderEngine.restore} reads the risk state into the one its configuration names.
 *
 * <p>Threading and cost: engine thread only. {@link #check} is O(1) (a few array reads per limit, one hash probe per
 * list, locate, symbol override or duplicate lookup) and allocates nothing when the order passes; a reject or a
 * warning allocates its text. {@link #apply}, snapshots and the first message of a new session allocate.
 */
public final class RiskEngine implements RiskStateful {

    private static final int SNAPSHOT_MAGIC = 0x50435253;
    private static final int SNAPSHOT_VERSION = 1;
    private static final int DUPLICATE_WINDOW = LimitName.DUPLICATE_WINDOW_MS.ordinal();
    private static final int DUPLICATE_BLOCK = LimitName.DUPLICATE_BLOCK.ordinal();
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Universe universe;
    private final LimitTable limits;
    private final SymbolLists lists;
    private final Locates locates = new Locates();
    private final KillSwitches kills;
    private final Sessions sessions = new Sessions();
    private final RateWindows accountOrders;
    private final DuplicateTable duplicates;
    private final AccessChecks access;
    private final LimitChecks limitChecks;
    private final RiskUpdateApplier updates;
    private final CheckContext context = new CheckContext();
    private final long[] rejects = new long[RejectCode.values().length];
    private long duplicateWarnings;
    private long refusedUpdates;

    /**
     * Builds an engine with no limits, lists, locates or kill switches. Configuration time; allocates its tables.
     *
     * @param accounts    the order engine's accounts, in the same order (its {@code EngineConfig.accounts()})
     * @param instruments the order engine's instrument registry
     * @param config      settings; validated here
     * @throws IllegalArgumentException when the configuration is invalid
     */
    public RiskEngine(final List<Account> accounts, final InstrumentRegistry instruments, final RiskConfig config) {
        config.validate();
        this.universe = new Universe(accounts, instruments);
        this.limits = new LimitTable(universe);
        this.lists = new SymbolLists(universe);
        this.kills = new KillSwitches(universe);
        this.accountOrders = new RateWindows(universe.accountCount());
        this.duplicates = new DuplicateTable(config.duplicateTableCapacity());
        this.access = new AccessChecks(universe, limits, lists, locates, kills, sessions, config);
        this.limitChecks = new LimitChecks(universe, limits);
        this.updates = new RiskUpdateApplier(universe, limits, lists, locates, kills, sessions);
    }

    @Override
    public PreTradeResult check(final PreTradeOrder order, final ExposureView exposure) {
        final int a = order.accountIndex();
        final Account expected = a >= 0 && a < universe.accounts.length ? universe.accounts[a] : null;
        if (expected != order.account() && (expected == null || !expected.equals(order.account()))) {
            throw new IllegalStateException("the risk engine was built for other accounts than the order engine's: "
                + "index " + a + " is " + expected + " there, " + order.account() + " here");
        }
        final CheckContext c = context;
        c.fill(order, exposure, universe.brokerOf[a], limits.symbolRow(a, order.symbolIndex()));
        final int ordersInWindow = accountOrders.hit(a, c.timestamp);
        PreTradeResult result = access.check(c, sessions.get(order.sessionId()), ordersInWindow);
        if (result == null) {
            result = limitChecks.check(c);
        }
        if (result == null && !order.isReplace()) {
            result = duplicate(c);
        }
        if (result != null && !result.passed()) {
            rejects[result.code().ordinal()]++;
            c.clear();
            return result;
        }
        accept(c);
        c.clear();
        return result == null ? PreTradeResult.PASS : result;
    }

    private PreTradeResult duplicate(final CheckContext c) {
        final long window = limits.resolve(c.limitRow, c.account, DUPLICATE_WINDOW);
        if (window == LimitTable.UNSET || window <= 0) {
            return null;
        }
        c.duplicateExpiry = c.timestamp + window * NANOS_PER_MILLI;
        final PreTradeOrder o = c.order;
        if (!duplicates.contains(DuplicateTable.key(c.account, c.symbol, c.side.ordinal()), c.qty, o.price(),
            o.stopPx(), c.timestamp)) {
            return null;
        }
        final String text = "DUPLICATE_ORDER: same account, symbol, side, quantity and price as an order within "
            + window + " ms (DUPLICATE_WINDOW_MS of " + limits.source(c.limitRow, c.account, c.symbol, DUPLICATE_WINDOW)
            + ")";
        if (limits.resolve(c.limitRow, c.account, DUPLICATE_BLOCK) == 1) {
            return PreTradeResult.reject(RejectCode.RISK_DUPLICATE_ORDER, text);
        }
        duplicateWarnings++;
        return PreTradeResult.warn(RejectCode.RISK_DUPLICATE_ORDER, text + ", passed (DUPLICATE_BLOCK 0)");
    }

    /** The order is accepted: take the short sale's shares from its locate, remember the terms. */
    private void accept(final CheckContext c) {
        if (c.locate != null) {
            c.locate.remaining -= c.qtyIncrement;
        }
        if (c.duplicateExpiry != 0) {
            final PreTradeOrder o = c.order;
            duplicates.record(DuplicateTable.key(c.account, c.symbol, c.side.ordinal()), c.qty, o.price(), o.stopPx(),
                c.timestamp, c.duplicateExpiry);
        }
    }

    @Override
    public RejectCode apply(final RiskUpdate update) {
        final RejectCode code = updates.apply(update);
        if (code != RejectCode.NONE) {
            refusedUpdates++;
        }
        return code;
    }

    @Override
    public void onOrderMessage(final String sessionId, final long timestamp) {
        final Sessions.Session session = sessions.get(sessionId);
        if (session != null) {
            sessions.message(session, timestamp);
        }
    }

    @Override
    public void onTradingDayEnd(final long timestamp) {
        locates.clear();
    }

    /**
     * @param code a reject code
     * @return how many orders this engine rejected with it (replays included: the count is state)
     */
    public long rejects(final RejectCode code) {
        return rejects[code.ordinal()];
    }

    /** @return how many duplicate orders passed with a warning */
    public long duplicateWarnings() {
        return duplicateWarnings;
    }

    /** @return how many risk updates were refused */
    public long refusedUpdates() {
        return refusedUpdates;
    }

    /**
     * @param locateId a locate id
     * @return the shares the locate has left, or -1 when there is no such locate (diagnostics; engine thread)
     */
    public long locateRemaining(final String locateId) {
        final Locates.Entry entry = locates.find(locateId);
        return entry == null ? -1 : entry.remaining;
    }

    @Override
    public void writeSnapshot(final DataOutput out) throws IOException {
        out.writeInt(SNAPSHOT_MAGIC);
        out.writeShort(SNAPSHOT_VERSION);
        out.writeInt(universe.accountCount());
        out.writeInt(universe.symbolCount());
        out.writeInt(universe.brokerCount());
        limits.write(out);
        lists.write(out);
        locates.write(out);
        kills.write(out);
        sessions.write(out);
        accountOrders.write(out, universe.accountCount());
        duplicates.write(out);
        out.writeLong(duplicateWarnings);
        out.writeLong(refusedUpdates);
        int codes = 0;
        for (final long count : rejects) {
            codes += count != 0 ? 1 : 0;
        }
        out.writeInt(codes);
        for (final RejectCode code : RejectCode.values()) {
            if (rejects[code.ordinal()] != 0) {
                out.writeShort(code.code());
                out.writeLong(rejects[code.ordinal()]);
            }
        }
    }

    /**
     * {@inheritDoc} Into a freshly built engine only (the order engine's restore does that).
     */
    @Override
    public void readSnapshot(final DataInput in) throws IOException {
        if (in.readInt() != SNAPSHOT_MAGIC) {
            throw new IOException("not a risk engine state (bad magic)");
        }
        final int version = in.readUnsignedShort();
        if (version != SNAPSHOT_VERSION) {
            throw new IOException("unsupported risk state version " + version);
        }
        final int accounts = in.readInt();
        final int symbols = in.readInt();
        final int brokers = in.readInt();
        if (accounts != universe.accountCount() || symbols != universe.symbolCount()
            || brokers != universe.brokerCount()) {
            throw new IOException("risk state for " + accounts + " accounts, " + symbols + " symbols, " + brokers
                + " broker firms; configured " + universe.accountCount() + ", " + universe.symbolCount() + ", "
                + universe.brokerCount());
        }
        limits.read(in);
        lists.read(in);
        locates.read(in, universe);
        kills.read(in);
        sessions.read(in);
        accountOrders.read(in);
        duplicates.read(in);
        duplicateWarnings = in.readLong();
        refusedUpdates = in.readLong();
        final int codes = in.readInt();
        for (int i = 0; i < codes; i++) {
            final RejectCode code = RejectCode.fromCode(in.readUnsignedShort());
            final long count = in.readLong();
            if (code == null) {
                throw new IOException("risk state counts rejects of an unknown code");
            }
            rejects[code.ordinal()] = count;
        }
    }
}
