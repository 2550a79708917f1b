package io.portcullis.oms.book;

import io.portcullis.oms.domain.Side;

import java.util.Arrays;

/**
 * One side of a book: price levels in a sorted array, worst price first and best price last, so the levels
 * that change most often (near the top) move the fewest elements on insert and remove. Insert/remove shift at
 * most the levels behind the best, O(n) element moves that are a single {@code System.arraycopy}. Levels are
 * pooled. Engine thread only. Allocates only when the side holds more levels than ever before (arrays double,
 * the pool grows).
 *
 * <p>Two shortcuts for the dominant flow, an order re-entered a few ticks away from where it rested:
 * <ul>
 *   <li>Lookup gallops from a hint, the index of the level this side touched last (for a price change that is
 *       the order's old level, and the new price is usually a few levels away): O(log d) for a price d levels
 *       from the hint, never worse than twice a binary search.</li>
 *   <li>A level that empties is not shifted out at once but kept as the side's one <i>vacant</i> level. If the
 *       next change of this side creates a level, the vacant one is reused and only the levels between its old
 *       and new place move (none when the order came back to the same price). Any other access first removes
 *       the vacant level for real, so no reader ever sees it.</li>
 * </ul>
 */
public final class BookSide {

    private static final int INITIAL_CAPACITY = 64;

    private final Side side;
    private long[] keys = new long[INITIAL_CAPACITY];
    private PriceLevel[] levels = new PriceLevel[INITIAL_CAPACITY];
    private int size;
    private PriceLevel[] pool = new PriceLevel[INITIAL_CAPACITY];
    private int pooled;
    /** Index of the level touched last (found, created or emptied); a search hint, not always in range. */
    private int cursor;
    /** An emptied level still in the arrays (at {@code vacantIndex}), or null. */
    private PriceLevel vacant;
    private int vacantIndex;

    BookSide(final Side side) {
        this.side = side;
    }

    /** @return which side this is */
    public Side side() {
        return side;
    }

    /** @return number of price levels */
    public int levelCount() {
        if (vacant != null) {
            flushVacant();
        }
        return size;
    }

    /** @return the best level (highest bid, lowest ask), or null when empty */
    public PriceLevel best() {
        if (vacant != null) {
            flushVacant();
        }
        return size == 0 ? null : levels[size - 1];
    }

    /**
     * @param depth 0 for the best level, 1 for the next, ... below {@link #levelCount()}
     * @return the level at that depth
     */
    public PriceLevel levelAt(final int depth) {
        if (vacant != null) {
            flushVacant();
        }
        return levels[size - 1 - depth];
    }

    /**
     * @param price price in 1e-4 USD
     * @return the level at exactly that price, or null
     */
    public PriceLevel find(final long price) {
        if (vacant != null) {
            flushVacant();
        }
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

    /**
     * Like {@link Arrays#binarySearch(long[], int, int, long)} over the used keys, but galloping from
     * {@code hint}: O(log d) for a key d levels away from it.
     *
     * @return the key's index, or {@code -(insertion point) - 1}
     */
    private int search(final long key, final int hint) {
        final long[] k = keys;
        final int n = size;
        final int from = Math.min(Math.max(hint, 0), n - 1);
        if (from < 0) {
            return -1;
        }
        if (k[from] < key) {
            int below = from;
            int above = from + 1;
            int step = 1;
            while (above < n && k[above] < key) {
                below = above;
                step <<= 1;
                above = from + step;
            }
            return lowerBound(k, below + 1, Math.min(above + 1, n), key);
        }
        int atOrAbove = from;
        int below = from - 1;
        int step = 1;
        while (below >= 0 && k[below] >= key) {
            atOrAbove = below;
            step <<= 1;
            below = from - step;
        }
        return lowerBound(k, Math.max(below + 1, 0), atOrAbove + 1, key);
    }

    /**
     * Binary search in {@code k[from, to)} written so that the JIT can use conditional moves instead of
     * branches that mispredict half the time.
     *
     * @return the key's index, or {@code -(insertion point) - 1}
     */
    private static int lowerBound(final long[] k, final int from, final int to, final long key) {
        int base = from;
        int n = to - from;
        if (n <= 0) {
            return -from - 1;
        }
        while (n > 1) {
            final int half = n >>> 1;
            base = k[base + half - 1] < key ? base + half : base;
            n -= half;
        }
        final long found = k[base];
        if (found == key) {
            return base;
        }
        return found < key ? -base - 2 : -base - 1;
    }

    /**
     * Uses a level index as the hint of the next lookup.
     *
     * @param level a level of this side (its remembered index may be stale)
     */
    void touched(final PriceLevel level) {
        final int fromBest = size - 1 - level.depth;
        cursor = fromBest >= 0 && levels[fromBest] == level ? fromBest : level.slot;
    }

    /** Remembers where a level is, counted from both ends: shifts below it or above it leave one count valid. */
    private void remember(final PriceLevel level, final int index) {
        level.slot = index;
        level.depth = size - 1 - index;
    }

    PriceLevel findOrCreate(final long price) {
        final long key = key(price);
        final int index = search(key, cursor);
        if (index >= 0) {
            final PriceLevel found = levels[index];
            if (found == vacant) {
                vacant = null;
                found.reset(price);
                remember(found, index);
                cursor = index;
                return found;
            }
            if (vacant != null) {
                final int vacantAt = vacantIndex;
                flushVacant();
                return located(found, vacantAt < index ? index - 1 : index);
            }
            return located(found, index);
        }
        final int insertAt = -index - 1;
        if (vacant != null) {
            return refill(price, key, insertAt);
        }
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
        return place(level, price, key, insertAt);
    }

    private PriceLevel located(final PriceLevel level, final int index) {
        remember(level, index);
        cursor = index;
        return level;
    }

    private PriceLevel place(final PriceLevel level, final long price, final long key, final int index) {
        level.reset(price);
        keys[index] = key;
        levels[index] = level;
        size++;
        remember(level, index);
        cursor = index;
        return level;
    }

    /** Moves the vacant level to a new price whose insertion point (vacant level included) is {@code insertAt}. */
    private PriceLevel refill(final long price, final long key, final int insertAt) {
        final PriceLevel level = vacant;
        final int from = vacantIndex;
        vacant = null;
        final int to;
        if (insertAt > from) {
            to = insertAt - 1;
            final int moved = to - from;
            if (moved > 0) {
                System.arraycopy(keys, from + 1, keys, from, moved);
                System.arraycopy(levels, from + 1, levels, from, moved);
            }
        } else {
            to = insertAt;
            final int moved = from - to;
            if (moved > 0) {
                System.arraycopy(keys, to, keys, to + 1, moved);
                System.arraycopy(levels, to, levels, to + 1, moved);
            }
        }
        size--;
        return place(level, price, key, to);
    }

    /** Takes an emptied level out; it stays in the arrays as the vacant level until the side is next used. */
    void removeLevel(final PriceLevel level) {
        if (vacant != null) {
            flushVacant();
        }
        final int hint = level.slot;
        final int fromBest = size - 1 - level.depth;
        final int index;
        if (hint < size && levels[hint] == level) {
            index = hint;
        } else if (fromBest >= 0 && levels[fromBest] == level) {
            index = fromBest;
        } else if (size > 0 && levels[size - 1] == level) {
            index = size - 1;
        } else {
            index = search(key(level.price), hint);
        }
        vacant = level;
        vacantIndex = index;
        cursor = index;
    }

    private void flushVacant() {
        final PriceLevel level = vacant;
        final int index = vacantIndex;
        vacant = null;
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
        cursor = index;
    }

    /**
     * Checks the side's structure: strictly sorted levels, no empty level, aggregates equal to the sum of
     * the orders, counts, back links. Diagnostic; O(orders); allocates only to describe a violation.
     *
     * @return null when consistent, otherwise the first violation
     */
    String checkInvariants() {
        if (vacant != null) {
            flushVacant();
        }
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
