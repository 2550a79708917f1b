package io.portcullis.oms.book;

import io.portcullis.oms.domain.Side;

import java.util.Arrays;

/**
 * One side of a book: price levels in a sorted array, worst price first and best price last, so the levels
 * that change most often (near the top) move the fewest elements on insert and remove. Lookup is a binary
 * search, O(log n); insert/remove shift at most the levels behind the best, O(n) element moves that are a
 * single {@code System.arraycopy}. Levels are pooled. Engine thread only. Allocates only when the side holds
 * more levels than ever before (arrays double, the pool grows).
 */
public final class BookSide {

    private static final int INITIAL_CAPACITY = 64;

    private final Side side;
    private long[] keys = new long[INITIAL_CAPACITY];
    private PriceLevel[] levels = new PriceLevel[INITIAL_CAPACITY];
    private int size;
    private PriceLevel[] pool = new PriceLevel[INITIAL_CAPACITY];
    private int pooled;

    BookSide(final Side side) {
        this.side = side;
    }

    /** @return which side this is */
    public Side side() {
        return side;
    }

    /** @return number of price levels */
    public int levelCount() {
        return size;
    }

    /** @return the best level (highest bid, lowest ask), or null when empty */
    public PriceLevel best() {
        return size == 0 ? null : levels[size - 1];
    }

    /**
     * @param depth 0 for the best level, 1 for the next, ... below {@link #levelCount()}
     * @return the level at that depth
     */
    public PriceLevel levelAt(final int depth) {
        return levels[size - 1 - depth];
    }

    /**
     * @param price price in 1e-4 USD
     * @return the level at exactly that price, or null
     */
    public PriceLevel find(final long price) {
        final int index = Arrays.binarySearch(keys, 0, size, key(price));
        return index >= 0 ? levels[index] : null;
    }

    /**
     * @param price a price in 1e-4 USD
     * @return true when {@code price} is at least as good for this side's orders as {@code other}
     *         (higher or equal for bids, lower or equal for asks)
     */
    public boolean isAtLeastAsGood(final long price, final long other) {
        return side == Side.BUY ? price >= other : price <= other;
    }

    PriceLevel findOrCreate(final long price) {
        final long key = key(price);
        final int index = Arrays.binarySearch(keys, 0, size, key);
        if (index >= 0) {
            return levels[index];
        }
        final int insertAt = -index - 1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
        }
        final int moved = size - insertAt;
        if (moved > 0) {
            System.arraycopy(keys, insertAt, keys, insertAt + 1, moved);
            System.arraycopy(levels, insertAt, levels, insertAt + 1, moved);
        }
        final PriceLevel level = pooled > 0 ? pool[--pooled] : new PriceLevel();
        pool[pooled] = null;
        level.reset(price);
        keys[insertAt] = key;
        levels[insertAt] = level;
        size++;
        return level;
    }

    void removeLevel(final PriceLevel level) {
        final int index;
        if (size > 0 && levels[size - 1] == level) {
            index = size - 1;
        } else {
            index = Arrays.binarySearch(keys, 0, size, key(level.price));
        }
        final int moved = size - index - 1;
        if (moved > 0) {
            System.arraycopy(keys, index + 1, keys, index, moved);
            System.arraycopy(levels, index + 1, levels, index, moved);
        }
        size--;
        levels[size] = null;
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = level;
    }

    /**
     * Checks the side's structure: strictly sorted levels, no empty level, aggregates equal to the sum of
     * the orders, counts, back links. Diagnostic; O(orders); allocates only to describe a violation.
     *
     * @return null when consistent, otherwise the first violation
     */
    String checkInvariants() {
        for (int i = 0; i < size; i++) {
            final PriceLevel level = levels[i];
            if (keys[i] != key(level.price)) {
                return side + " key mismatch at index " + i;
            }
            if (i > 0 && keys[i - 1] >= keys[i]) {
                return side + " levels not strictly sorted at index " + i;
            }
            long qty = 0;
            int count = 0;
            Order before = null;
            for (Order o = level.head; o != null; o = o.next) {
                if (o.level != level || o.prev != before || o.price() != level.price || o.side() != side
                    || !o.isWorking() || o.leavesQty() <= 0) {
                    return side + " bad order " + o + " at level " + level.price;
                }
                qty += o.leavesQty();
                count++;
                before = o;
            }
            if (before != level.tail || count == 0 || count != level.orderCount || qty != level.totalQty) {
                return side + " level " + level.price + " aggregate mismatch: qty " + level.totalQty + " vs " + qty
                    + ", count " + level.orderCount + " vs " + count;
            }
        }
        return null;
    }

    private long key(final long price) {
        return side == Side.BUY ? price : -price;
    }
}
