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
 * The level arrays (hinted search, the vacant level kept after a level empties) against a naive sorted map, over
 * seeded random adds, removes, partial reductions and price moves of nearby and distant orders.
 */
class OrderBookLevelsTest {

    private static final Account ACCOUNT = Account.customer("ACC", "BD");

    @Test
    void shouldKeepLevelsSortedAndAggregatedLikeANaiveMap() {
        for (long seed = 1; seed <= 200; seed++) {
            runSeed(seed);
        }
    }

    private static void runSeed(final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<long[]> events = new ArrayList<>();
        final OrderBook book = new OrderBook("SYM", (symbol, side, price, qty, count) ->
            events.add(new long[] {side == Side.BUY ? 0 : 1, price, qty, count}));
        final List<Order> resting = new ArrayList<>();
        long nextId = 1;
        final int spread = 1 + random.nextInt(300);
        for (int step = 0; step < 2_000; step++) {
            final int action = random.nextInt(10);
            if (resting.isEmpty() || action < 3) {
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long price = side == Side.BUY ? 10_000 - random.nextInt(spread) : 10_001 + random.nextInt(spread);
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
                    long price = order.side() == Side.BUY ? order.price() + distance - 2 : order.price() - distance + 2;
                    price = order.side() == Side.BUY ? Math.min(price, 10_000) : Math.max(price, 10_001);
                    order.replace(order.clOrdId(), order.orderQty(), price, Prices.NONE);
                    book.add(order);
                }
            }
            if (random.nextInt(4) == 0) {
                assertSameAsNaive(seed, step, book, resting);
            }
        }
        assertSameAsNaive(seed, -1, book, resting);
        assertThat(book.checkInvariants()).as("seed %d", seed).isNull();
    }

    private static void assertSameAsNaive(final long seed, final int step, final OrderBook book,
                                          final List<Order> resting) {
        for (final Side side : Side.values()) {
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
            assertThat(bookSide.find(side == Side.BUY ? 10_001 : 10_000)).isNull();
            assertThat(bookSide.best()).isSameAs(naive.isEmpty() ? null : bookSide.levelAt(0));
        }
        assertThat(book.checkInvariants()).as("seed %d step %d", seed, step).isNull();
    }
}
