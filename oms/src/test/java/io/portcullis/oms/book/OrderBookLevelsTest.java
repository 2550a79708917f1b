package io.portcullis.oms.book;

import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The levels (the tick ladder with its learned tick and re-centred window; the sorted arrays with their hinted
 * search and vacant level, used when a side spans too many ticks) against a naive sorted map, over seeded random
 * adds, removes, partial reductions and price moves of nearby and distant orders.
 */
class OrderBookLevelsTest {

    private static final Account ACCOUNT = Account.customer("ACC", "BD");
    /** The best possible bid, in ticks; asks start one tick above. */
    private static final long MID = 1_000_000;

    @Test
    void shouldKeepLevelsSortedAndAggregatedLikeANaiveMap() {
        for (long seed = 1; seed <= 200; seed++) {
            runSeed(seed, 300, 1, false);
        }
    }

    @Test
    void shouldLearnTheTickAndRecentreTheLadder() {
        for (long seed = 1; seed <= 100; seed++) {
            runSeed(seed, 20_000, 100, seed % 2 == 0);
        }
    }

    @Test
    void shouldFallBackToSortedArraysForWideSidesAndComeBack() {
        for (long seed = 1; seed <= 100; seed++) {
            runSeed(seed, 400_000, 1, false);
        }
    }

    /**
     * @param maxSpread prices (in ticks) go at most this far from the touch
     * @param tick      every price is a multiple of it...
     * @param halfTicks ...except now and then one that is a multiple of half of it
     */
    private static void runSeed(final long seed, final int maxSpread, final long tick, final boolean halfTicks) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<long[]> events = new ArrayList<>();
        final OrderBook book = new OrderBook("SYM", (symbol, side, price, qty, count) ->
            events.add(new long[] {side == Side.BUY ? 0 : 1, price, qty, count}));
        final List<Order> resting = new ArrayList<>();
        long nextId = 1;
        final int spread = 1 + random.nextInt(maxSpread);
        for (int step = 0; step < 2_000; step++) {
            final int action = random.nextInt(10);
            if (resting.isEmpty() || action < 3) {
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long odd = halfTicks && random.nextInt(50) == 0 ? tick / 2 : 0;
                final long price = side == Side.BUY ? (MID - random.nextInt(spread)) * tick - odd
                    : (MID + 1 + random.nextInt(spread)) * tick + odd;
                final Order order = new Order();
                order.init(nextId++, "S", "C" + nextId, ACCOUNT, 0, "SYM", 0, side, OrdType.LIMIT, TimeInForce.GTC,
                    price, Prices.NONE, 1 + random.nextInt(100), 0, 0, 0);
                book.add(order);
                resting.add(order);
            } else {
                final Order order = resting.get(random.nextInt(resting.size()));
                if (action < 5) {
                    book.remove(order);
                    resting.remove(order);
                } else if (action < 6 && order.leavesQty() > 1) {
                    final long qty = 1 + random.nextInt((int) order.leavesQty() - 1);
                    order.fill(qty, order.price());
                    book.reduced(order, qty);
                } else {
                    // a move: out of the book, a new price near (or now and then far from) the old one, back in
                    book.remove(order);
                    final long distance = random.nextInt(10) == 0 ? random.nextInt(spread) : random.nextInt(4);
                    long price = order.side() == Side.BUY ? order.price() + (distance - 2) * tick
                        : order.price() - (distance - 2) * tick;
                    price = order.side() == Side.BUY ? Math.min(price, MID * tick) : Math.max(price, (MID + 1) * tick);
                    order.replace(order.clOrdId(), order.orderQty(), price, Prices.NONE);
                    book.add(order);
                }
            }
            if (maxSpread > 100_000 && step % 500 == 499) {
                // empty the book now and then: a side on the sorted arrays goes back to a ladder
                for (final Order order : resting) {
                    book.remove(order);
                }
                resting.clear();
            }
            if (random.nextInt(4) == 0) {
                assertSameAsNaive(seed, step, book, resting, tick);
            }
        }
        assertSameAsNaive(seed, -1, book, resting, tick);
        assertThat(book.checkInvariants()).as("seed %d", seed).isNull();
    }

    private static void assertSameAsNaive(final long seed, final int step, final OrderBook book,
                                          final List<Order> resting, final long tick) {
        for (final Side side : List.of(Side.BUY, Side.SELL)) {
            final Comparator<Long> bestFirst = side == Side.BUY ? Comparator.reverseOrder() : Comparator.naturalOrder();
            final TreeMap<Long, long[]> naive = new TreeMap<>(bestFirst);
            for (final Order o : resting) {
                if (o.side() == side) {
                    final long[] agg = naive.computeIfAbsent(o.price(), p -> new long[2]);
                    agg[0] += o.leavesQty();
                    agg[1]++;
                }
            }
            final BookSide bookSide = book.side(side);
            assertThat(bookSide.levelCount()).as("seed %d step %d %s count", seed, step, side).isEqualTo(naive.size());
            int depth = 0;
            for (final Map.Entry<Long, long[]> e : naive.entrySet()) {
                final PriceLevel level = bookSide.levelAt(depth++);
                assertThat(level.price()).as("seed %d step %d %s depth %d", seed, step, side, depth)
                    .isEqualTo(e.getKey());
                assertThat(level.totalQty()).isEqualTo(e.getValue()[0]);
                assertThat(level.orderCount()).isEqualTo((int) e.getValue()[1]);
                assertThat(bookSide.find(e.getKey())).isSameAs(level);
            }
            assertThat(bookSide.find(side == Side.BUY ? (MID + 1) * tick : MID * tick)).isNull();
            assertThat(bookSide.best()).isSameAs(naive.isEmpty() ? null : bookSide.levelAt(0));
        }
        assertThat(book.checkInvariants()).as("seed %d step %d", seed, step).isNull();
    }
}
