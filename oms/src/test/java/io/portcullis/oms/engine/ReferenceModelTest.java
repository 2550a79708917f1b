package io.portcullis.oms.engine;

import io.portcullis.oms.book.BookSide;
import io.portcullis.oms.book.Order;
import io.portcullis.oms.book.PriceLevel;
import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.event.EngineEvent;
import io.portcullis.oms.event.RecordingListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast engine against {@link ReferenceEngine} over seeded random command streams: after every command
 * they must agree on the outcome, on every trade (price, qty, both order ids), on the book level by level and
 * order by order, and the fast engine's invariants must hold. A failure names the seed and command index.
 */
class ReferenceModelTest {

    private static final int SEEDS = 1_200;
    private static final int COMMANDS_PER_SEED = 400;

    @Test
    void shouldAgreeWithTheNaiveReferenceAfterEveryCommandOfEverySeededStream() {
        long trades = 0;
        long rejects = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            final long[] counts = runStream(seed);
            trades += counts[0];
            rejects += counts[1];
        }
        assertThat(trades).as("streams must actually trade").isGreaterThan(SEEDS * 20L);
        assertThat(rejects).as("streams must exercise rejects").isGreaterThan(SEEDS);
    }

    private static long[] runStream(final long seed) {
        final RecordingListener events = new RecordingListener();
        final OrderEngine engine = new OrderEngine(EngineDriver.config().listener(events));
        final ReferenceEngine reference = new ReferenceEngine(EngineDriver.accounts(),
            Map.of(EngineDriver.AAPL, 100L, EngineDriver.MSFT, 100L));
        final RandomCommands commands = new RandomCommands(seed);
        long trades = 0;
        long rejects = 0;
        for (int i = 0; i < COMMANDS_PER_SEED; i++) {
            final Command command = commands.next(RandomCommands.from(liveOrders(reference)));
            events.clear();
            engine.apply(command);
            final RejectCode expected = reference.apply(command);
            final String problem = compare(engine, events, reference, command, expected);
            if (problem != null) {
                throw new AssertionError("seed=" + seed + " command index=" + i + " command=" + command + "\n"
                    + problem);
            }
            trades += reference.trades.size();
            rejects += expected == RejectCode.NONE ? 0 : 1;
        }
        return new long[] {trades, rejects};
    }

    private static List<RandomCommands.LiveOrder> liveOrders(final ReferenceEngine reference) {
        final List<RandomCommands.LiveOrder> live = new ArrayList<>();
        reference.resting.stream().sorted(Comparator.comparingLong(r -> r.id)).forEach(r -> live.add(
            new RandomCommands.LiveOrder(r.id, r.session, r.clOrdId, r.symbol, r.side, r.price, r.qty, r.cum)));
        return live;
    }

    private static String compare(final OrderEngine engine, final RecordingListener events,
                                  final ReferenceEngine reference, final Command command, final RejectCode expected) {
        final RejectCode actual = outcome(events, command);
        if (actual != expected) {
            return "outcome: engine " + actual + ", reference " + expected;
        }
        final List<ReferenceEngine.Trade> engineTrades = events.trades().stream()
            .map(t -> new ReferenceEngine.Trade(t.price(), t.qty(), t.takerOrderId(), t.makerOrderId())).toList();
        if (!engineTrades.equals(reference.trades)) {
            return "trades: engine " + engineTrades + "\n reference " + reference.trades;
        }
        for (final String symbol : RandomCommands.SYMBOLS) {
            for (final Side side : List.of(Side.BUY, Side.SELL)) {
                final String fast = describe(engine.book(symbol).side(side));
                final String naive = describe(reference.sortedSide(symbol, side));
                if (!fast.equals(naive)) {
                    return symbol + " " + side + " book: engine " + fast + "\n reference " + naive;
                }
            }
        }
        if (engine.liveOrderCount() != reference.resting.size()) {
            return "live orders: engine " + engine.liveOrderCount() + ", reference " + reference.resting.size();
        }
        for (final ReferenceEngine.Ref r : reference.resting) {
            final Order o = engine.order(r.id);
            if (o == null || o.cumQty() != r.cum || o.orderQty() != r.qty || !o.clOrdId().equals(r.clOrdId)) {
                return "order " + r.id + ": engine " + o + ", reference cum=" + r.cum + " qty=" + r.qty;
            }
        }
        return engine.checkInvariants();
    }

    private static RejectCode outcome(final RecordingListener events, final Command command) {
        if (command instanceof NewOrder) {
            final EngineEvent.Execution first = events.executions().getFirst();
            return first.execType() == ExecType.REJECTED ? first.rejectCode() : RejectCode.NONE;
        }
        if (command instanceof CancelOrder || command instanceof ReplaceOrder) {
            final List<EngineEvent.CancelRejected> rejects = events.cancelRejects();
            return rejects.isEmpty() ? RejectCode.NONE : rejects.getFirst().rejectCode();
        }
        throw new IllegalArgumentException(command.toString());
    }

    private static String describe(final BookSide side) {
        final StringBuilder text = new StringBuilder();
        for (int depth = 0; depth < side.levelCount(); depth++) {
            final PriceLevel level = side.levelAt(depth);
            text.append(level.price()).append(':').append(level.totalQty()).append(':').append(level.orderCount())
                .append('[');
            for (Order o = level.head(); o != null; o = o.next()) {
                text.append(o.orderId()).append('/').append(o.leavesQty()).append(' ');
            }
            text.append("] ");
        }
        return text.toString();
    }

    private static String describe(final List<ReferenceEngine.Ref> sorted) {
        final StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            final long price = sorted.get(i).price;
            final StringBuilder orders = new StringBuilder();
            long total = 0;
            int count = 0;
            for (; i < sorted.size() && sorted.get(i).price == price; i++) {
                final ReferenceEngine.Ref r = sorted.get(i);
                orders.append(r.id).append('/').append(r.leaves()).append(' ');
                total += r.leaves();
                count++;
            }
            text.append(price).append(':').append(total).append(':').append(count).append('[').append(orders)
                .append("] ");
        }
        return text.toString();
    }
}
