package io.portcullis.bench.engine.oms;

import io.portcullis.bench.engine.latency.MixDriver;
import io.portcullis.bench.engine.workload.MixCommand;
import io.portcullis.bench.engine.workload.Workload;
import io.portcullis.bench.engine.workload.WorkloadOutcome;
import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.engine.EngineConfig;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.event.CancelReject;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.instrument.InstrumentRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The neutral workload translated into our engine's commands, once, before measuring: a GTC or IOC place is a
 * {@link NewOrder} (LIMIT), a cancel a {@link CancelOrder} by OrderID, a move a {@link ReplaceOrder} by OrderID
 * with the new price and the unchanged OrderQty (our engine re-enters it with its remaining quantity, at the back
 * of the new level, like exchange-core's move). One symbol (tick 0.01 USD, lot 1), one FIX session, one account
 * per workload user. ClOrdIDs are distinct pre-built strings. Engine thread only; allocates only when building.
 */
public final class OmsMix implements MixDriver {

    /** The benchmark's symbol. */
    public static final String SYMBOL = "BENCH";
    /** One tick in 1e-4 USD (0.01 USD). */
    public static final long TICK = 100L;
    private static final String SESSION = "BENCH-SESSION";
    private static final long T0 = 1_767_225_600_000_000_000L;

    private final Workload workload;
    private final InstrumentRegistry instruments;
    private final List<Account> accounts;
    private final Command[] fill;
    private final Command[] mix;
    private final Supplier<EngineListener> listeners;
    private OrderEngine engine;

    /**
     * Translates the workload. Allocates the command records.
     *
     * @param workload  the neutral sequence
     * @param listeners makes the listener of each fresh engine ({@link EngineListener#NO_OP} for the main run)
     */
    public OmsMix(final Workload workload, final Supplier<EngineListener> listeners) {
        this.workload = workload;
        this.listeners = listeners;
        this.instruments = InstrumentRegistry.of(List.of(new Instrument(SYMBOL, "Benchmark Corp", "XNAS", false,
            TICK, 1, workload.price[0] * TICK, InstrumentStatus.ACTIVE)));
        int maxUid = 0;
        for (final int uid : workload.uid) {
            maxUid = Math.max(maxUid, uid);
        }
        final String[] accountIds = new String[maxUid + 1];
        this.accounts = new ArrayList<>(maxUid);
        for (int uid = 1; uid <= maxUid; uid++) {
            accountIds[uid] = "ACC" + uid;
            accounts.add(Account.customer(accountIds[uid], "BENCH-BD"));
        }
        this.fill = new Command[workload.fillCount];
        this.mix = new Command[workload.mixCount];
        for (int i = 0; i < workload.size(); i++) {
            final Command c = translate(workload, i, accountIds);
            if (i < workload.fillCount) {
                fill[i] = c;
            } else {
                mix[i - workload.fillCount] = c;
            }
        }
    }

    private static Command translate(final Workload w, final int i, final String[] accountIds) {
        final long sequence = i + 1;
        final long timestamp = T0 + sequence * 1_000L;
        final Side side = w.buy[i] ? Side.BUY : Side.SELL;
        final MixCommand kind = w.kind(i);
        return switch (kind) {
            case PLACE_GTC, PLACE_IOC -> new NewOrder(sequence, timestamp, SESSION, "N" + w.orderId[i],
                accountIds[w.uid[i]], SYMBOL, side, OrdType.LIMIT,
                kind == MixCommand.PLACE_GTC ? TimeInForce.GTC : TimeInForce.IOC, w.qty[i], w.price[i] * TICK,
                Prices.NONE, 0, NewOrder.NO_EXPIRY);
            case CANCEL -> new CancelOrder(sequence, timestamp, SESSION, "C" + sequence, null, w.orderId[i]);
            case MOVE -> new ReplaceOrder(sequence, timestamp, SESSION, "R" + sequence, null, w.orderId[i], SYMBOL,
                side, w.qty[i], w.price[i] * TICK, Prices.NONE);
        };
    }

    /**
     * A fresh engine with the fill orders applied. Allocates (pools, indexes); never measured.
     *
     * @param listener the engine's listener
     * @return the engine
     */
    public OrderEngine newEngine(final EngineListener listener) {
        final OrderEngine e = new OrderEngine(new EngineConfig().instruments(instruments).accounts(accounts)
            .listener(listener));
        for (final Command c : fill) {
            e.apply(c);
        }
        return e;
    }

    /** @return the translated mix, in order */
    public Command[] mix() {
        return mix;
    }

    /**
     * Replays fill and mix on a fresh engine with a counting listener and compares what it saw with the reference
     * book. Allocates; run once before measuring.
     *
     * @throws IllegalStateException when the engine rejected anything or diverged from the reference
     */
    public void verify() {
        final Counter counter = new Counter();
        final OrderEngine e = newEngine(counter);
        for (final Command c : mix) {
            e.apply(c);
        }
        final int[] resting = new int[2];
        final long[] shares = new long[2];
        e.forEachLiveOrder(o -> {
            final int s = o.side() == Side.BUY ? 0 : 1;
            resting[s]++;
            shares[s] += o.leavesQty();
        });
        if (counter.rejects != 0 || e.internalErrors() != 0) {
            throw new IllegalStateException("portcullis rejected " + counter.rejects + " commands, "
                + e.internalErrors() + " internal errors");
        }
        final String diff = workload.outcome.differenceFrom(WorkloadOutcome.observed(counter.trades,
            counter.tradedQty, resting[0], resting[1], shares[0], shares[1]));
        if (diff != null) {
            throw new IllegalStateException("portcullis diverged from the reference book: " + diff);
        }
    }

    @Override
    public String engineName() {
        return "portcullis";
    }

    @Override
    public int mixCount() {
        return mix.length;
    }

    @Override
    public void reset() {
        engine = newEngine(listeners.get());
    }

    @Override
    public void apply(final int i) {
        engine.apply(mix[i]);
    }

    /** Counts trades and rejects during verification. */
    private static final class Counter implements EngineListener {
        long trades;
        long tradedQty;
        long rejects;

        @Override
        public void onTrade(final CharSequence symbol, final long tradeId, final long price, final long qty,
                            final Side aggressorSide, final long takerOrderId, final long makerOrderId,
                            final long transactTime) {
            trades++;
            tradedQty += qty;
        }

        @Override
        public void onExecutionReport(final ExecutionReport report) {
            if (report.execType() == ExecType.REJECTED) {
                rejects++;
            }
        }

        @Override
        public void onCancelReject(final CancelReject reject) {
            rejects++;
        }
    }
}
