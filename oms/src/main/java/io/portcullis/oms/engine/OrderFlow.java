package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.book.OrderBook;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.match.MatchOutcome;
import io.portcullis.oms.match.Matcher;

import java.util.Arrays;

/**
 * The life of an accepted order: execute on arrival (FOK and MinQty checks, matching, rest or cancel the
 * remainder), stop queueing and triggering, and ending an order (cancel, expire). Engine thread only; does
 * not allocate in steady state.
 *
 * <p>MinQty semantics: checked once, when the order first becomes executable (on arrival, or when a stop
 * triggers). If less than MinQty is executable right then (same walk as matching, same self-trade rules),
 * the whole order is cancelled with MIN_QTY_NOT_MET and nothing trades; otherwise it executes normally and
 * any remainder follows its time in force with no further minimum. A replace never re-checks MinQty.
 *
 * <p>Stop semantics: a buy stop triggers when a trade prints at or above its stop price, a sell stop at or
 * below. Every trade price counts (not only the last one of a sweep). A stop entered when the symbol's last
 * trade price already satisfies it triggers at once. Stops triggered by the same trades are released in
 * arrival order, each gets new time priority, and trades they cause can trigger further stops.
 */
final class OrderFlow {

    private final EngineState state;
    private final ExecutionPublisher publisher;
    private final Exposures exposures;
    private final TradeRecorder trades;
    private Order[] triggered = new Order[16];

    OrderFlow(final EngineState state, final ExecutionPublisher publisher, final Exposures exposures,
              final TradeRecorder trades) {
        this.state = state;
        this.publisher = publisher;
        this.exposures = exposures;
        this.trades = trades;
    }

    /** Starts a just-accepted (already registered and acknowledged) order. */
    void start(final Order order, final SymbolState symbol) {
        if (order.isPendingStop()) {
            if (isTriggeredBy(order, symbol.lastPrice, symbol.lastPrice)) {
                order.trigger();
                publisher.order(order, ExecType.TRIGGERED);
                execute(order, symbol, true);
            } else {
                symbol.stops.append(order);
            }
        } else {
            execute(order, symbol, true);
        }
        releaseTriggeredStops(symbol);
    }

    /**
     * Executes a working order that is in no book or queue: matches it, then rests it or cancels the rest.
     *
     * @param checkMinQty whether this is the order's first chance to execute
     */
    void execute(final Order order, final SymbolState symbol, final boolean checkMinQty) {
        final OrderBook book = symbol.book;
        state.touch(symbol);
        if (order.tif() == TimeInForce.FOK) {
            if (Matcher.executableQty(order, book, order.leavesQty()) < order.leavesQty()) {
                end(order, symbol, ExecType.CANCELED, RejectCode.FOK_NOT_FILLED, order.clOrdId(), null);
                return;
            }
        } else if (checkMinQty && order.minQty() > 0
            && Matcher.executableQty(order, book, order.minQty()) < order.minQty()) {
            end(order, symbol, ExecType.CANCELED, RejectCode.MIN_QTY_NOT_MET, order.clOrdId(), null);
            return;
        }
        final MatchOutcome outcome = Matcher.match(order, book, trades);
        if (!order.isWorking()) {
            return;
        }
        if (outcome == MatchOutcome.SELF_TRADE) {
            end(order, symbol, ExecType.CANCELED, RejectCode.SELF_TRADE_PREVENTED, order.clOrdId(), null);
        } else if (order.effectiveType() == OrdType.MARKET || order.tif().isImmediate()) {
            end(order, symbol, ExecType.CANCELED, RejectCode.NO_LIQUIDITY, order.clOrdId(), null);
        } else {
            book.add(order);
        }
    }

    /**
     * Ends a working order wherever it is (book, stop queue, or in flight) and reports it.
     *
     * @param type        CANCELED or EXPIRED
     * @param reason      reported reason
     * @param clOrdId     ClOrdID to report (a cancel request's own ClOrdID, or the order's)
     * @param origClOrdId OrigClOrdID to report, or null
     */
    void end(final Order order, final SymbolState symbol, final ExecType type, final RejectCode reason,
             final CharSequence clOrdId, final CharSequence origClOrdId) {
        if (order.isInBook()) {
            symbol.book.remove(order);
            state.touch(symbol);
        } else if (order.isPendingStop()) {
            symbol.stops.remove(order);
        }
        exposures.remove(order);
        if (type == ExecType.EXPIRED) {
            order.expire();
        } else {
            order.cancel();
        }
        publisher.done(order, type, reason, clOrdId, origClOrdId);
        state.retire(order);
    }

    /** Triggers and executes every stop the symbol's trades since the last scan have reached. */
    void releaseTriggeredStops(final SymbolState symbol) {
        while (symbol.scanLow != Prices.NONE) {
            final long low = symbol.scanLow;
            final long high = symbol.scanHigh;
            symbol.scanLow = Prices.NONE;
            symbol.scanHigh = Prices.NONE;
            int count = 0;
            for (Order stop = symbol.stops.head(); stop != null; stop = stop.next()) {
                if (isTriggeredBy(stop, low, high)) {
                    if (count == triggered.length) {
                        triggered = Arrays.copyOf(triggered, count * 2);
                    }
                    triggered[count++] = stop;
                }
            }
            for (int i = 0; i < count; i++) {
                final Order stop = triggered[i];
                triggered[i] = null;
                if (stop.isWorking() && stop.isPendingStop()) {
                    symbol.stops.remove(stop);
                    stop.trigger();
                    publisher.order(stop, ExecType.TRIGGERED);
                    execute(stop, symbol, true);
                }
            }
        }
    }

    /**
     * Checks a pending stop right after a replace changed its stop price.
     */
    void checkReplacedStop(final Order order, final SymbolState symbol) {
        if (order.isPendingStop() && isTriggeredBy(order, symbol.lastPrice, symbol.lastPrice)) {
            symbol.stops.remove(order);
            order.trigger();
            publisher.order(order, ExecType.TRIGGERED);
            execute(order, symbol, true);
        }
    }

    private static boolean isTriggeredBy(final Order stop, final long low, final long high) {
        if (low == Prices.NONE) {
            return false;
        }
        return stop.side() == Side.BUY ? high >= stop.stopPx() : low <= stop.stopPx();
    }
}
