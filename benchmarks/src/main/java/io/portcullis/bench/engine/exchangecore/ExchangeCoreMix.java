package io.portcullis.bench.engine.exchangecore;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;
import io.portcullis.bench.engine.latency.MixDriver;
import io.portcullis.bench.engine.workload.MixCommand;
import io.portcullis.bench.engine.workload.Workload;
import io.portcullis.bench.engine.workload.WorkloadOutcome;

/**
 * The neutral workload translated into exchange-core {@link OrderCommand}s, once, before measuring: places are
 * {@code PLACE_ORDER} GTC or IOC, a cancel is {@code CANCEL_ORDER}, a move is {@code MOVE_ORDER} with the new price
 * (exchange-core keeps the remaining size and re-queues the order at the back of the new level). Commands are
 * applied the way exchange-core's own order book performance test ({@code ITOrderBookBase}) does it: each
 * pre-built command is copied into one reusable work command ({@code writeTo}), marked valid for matching, and
 * passed to {@link IOrderBook#processCommand}. The book is {@link OrderBookDirectImpl} (adaptive radix trees,
 * object pools) with {@link ObjectsPool#createDefaultTestPool()} and {@link OrderBookEventsHelper#NON_POOLED_EVENTS_HELPER}
 * (0.5.3 ships with {@code ExchangeCore.EVENTS_POOLING = false}, so its pipeline allocates trade events the same
 * way). The symbol is a futures contract like exchange-core's tests, so no exchange-pair risk checks run in the
 * book. Single-threaded; allocates only when building.
 */
public final class ExchangeCoreMix implements MixDriver {

    private static final int SYMBOL = 1;
    private static final CoreSymbolSpecification SPEC = CoreSymbolSpecification.builder()
        .symbolId(SYMBOL)
        .type(SymbolType.FUTURES_CONTRACT)
        .baseCurrency(978)
        .quoteCurrency(840)
        .baseScaleK(1)
        .quoteScaleK(1)
        .marginBuy(2200)
        .marginSell(3210)
        .takerFee(0)
        .makerFee(0)
        .build();

    private final Workload workload;
    private final OrderCommand[] fill;
    private final OrderCommand[] mix;
    private final OrderCommand work = new OrderCommand();
    private IOrderBook book;

    /**
     * Translates the workload. Allocates the commands.
     *
     * @param workload the neutral sequence
     */
    public ExchangeCoreMix(final Workload workload) {
        this.workload = workload;
        this.fill = new OrderCommand[workload.fillCount];
        this.mix = new OrderCommand[workload.mixCount];
        for (int i = 0; i < workload.size(); i++) {
            final OrderCommand c = translate(workload, i);
            if (i < workload.fillCount) {
                fill[i] = c;
            } else {
                mix[i - workload.fillCount] = c;
            }
        }
    }

    private static OrderCommand translate(final Workload w, final int i) {
        final OrderAction action = w.buy[i] ? OrderAction.BID : OrderAction.ASK;
        final MixCommand kind = w.kind(i);
        final OrderCommand c = switch (kind) {
            case PLACE_GTC, PLACE_IOC -> OrderCommand.newOrder(
                kind == MixCommand.PLACE_GTC ? OrderType.GTC : OrderType.IOC, w.orderId[i], w.uid[i], w.price[i],
                w.buy[i] ? Long.MAX_VALUE : 0, w.qty[i], action);
            case CANCEL -> OrderCommand.cancel(w.orderId[i], w.uid[i]);
            case MOVE -> OrderCommand.update(w.orderId[i], w.uid[i], w.price[i]);
        };
        c.symbol = SYMBOL;
        c.timestamp = i + 1;
        return c;
    }

    /**
     * A fresh book with the fill orders applied. Allocates; never measured.
     *
     * @return the book
     */
    public IOrderBook newBook() {
        final IOrderBook b = new OrderBookDirectImpl(SPEC, ObjectsPool.createDefaultTestPool(),
            OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER, LoggingConfiguration.DEFAULT);
        for (final OrderCommand c : fill) {
            process(b, work, c);
        }
        return b;
    }

    /** @return the translated mix, in order */
    public OrderCommand[] mix() {
        return mix;
    }

    /**
     * Applies one command as exchange-core's order book test does; the work command's events are replaced by
     * this command's.
     *
     * @param b    the book
     * @param work the reusable work command
     * @param c    the pre-built command
     * @return the book's result code
     */
    public static CommandResultCode process(final IOrderBook b, final OrderCommand work, final OrderCommand c) {
        c.writeTo(work);
        work.resultCode = CommandResultCode.VALID_FOR_MATCHING_ENGINE;
        work.matcherEvent = null;
        return IOrderBook.processCommand(b, work);
    }

    /**
     * Replays fill and mix on a fresh book, counting trade events, and compares with the reference book.
     * Allocates; run once before measuring.
     *
     * @throws IllegalStateException when a command failed or the book diverged from the reference
     */
    public void verify() {
        final IOrderBook b = new OrderBookDirectImpl(SPEC, ObjectsPool.createDefaultTestPool(),
            OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER, LoggingConfiguration.DEFAULT);
        long trades = 0;
        long tradedQty = 0;
        for (int i = 0; i < workload.size(); i++) {
            final OrderCommand c = i < workload.fillCount ? fill[i] : mix[i - workload.fillCount];
            final CommandResultCode code = process(b, work, c);
            if (code != CommandResultCode.SUCCESS) {
                throw new IllegalStateException("exchange-core answered " + code + " to command " + i + ": " + c);
            }
            for (MatcherTradeEvent ev = work.matcherEvent; ev != null; ev = ev.nextEvent) {
                if (ev.eventType == MatcherEventType.TRADE) {
                    trades++;
                    tradedQty += ev.size;
                }
            }
        }
        b.validateInternalState();
        final String diff = workload.outcome.differenceFrom(WorkloadOutcome.observed(trades, tradedQty,
            b.getOrdersNum(OrderAction.BID), b.getOrdersNum(OrderAction.ASK),
            b.getTotalOrdersVolume(OrderAction.BID), b.getTotalOrdersVolume(OrderAction.ASK)));
        if (diff != null) {
            throw new IllegalStateException("exchange-core diverged from the reference book: " + diff);
        }
    }

    @Override
    public String engineName() {
        return "exchange-core";
    }

    @Override
    public int mixCount() {
        return mix.length;
    }

    @Override
    public void reset() {
        book = newBook();
    }

    @Override
    public void apply(final int i) {
        process(book, work, mix[i]);
    }
}
