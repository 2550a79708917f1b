package io.portcullis.oms.book;

import io.portcullis.oms.domain.Side;

import java.util.Arrays;

/**
 * One side of a book: its price levels, best first for readers. Levels are pooled. Engine thread only.
 * Allocates only when the side holds more levels, or spans more ticks, than ever before (arrays grow, the pool
 * grows).
 *
 * <p>Two representations, chosen by the prices seen:
 * <ul>
 *   <li>A <i>ladder</i> (the normal case): an array of levels indexed by {@code (key - base) / tick} over a
 *       window of ticks, plus a bitmap of the occupied slots. The tick is learned as the greatest common divisor
 *       of the prices seen (it only ever shrinks). Finding or creating a level is one division and one array
 *       access; removing one clears a bit; nothing shifts and no index goes stale. The best level is tracked,
 *       the next one after it is found by scanning the bitmap 64 ticks at a time. When a price falls outside
 *       the window, the window is re-centred (and grown) around the side's levels, at most
 *       {@value #MAX_LADDER} ticks wide.</li>
 *   <li>Sorted arrays, when the levels span more ticks than that: worst price first and best price last, so
 *       the levels that change most often (near the top) move the fewest elements on insert and remove.
 *       Lookup gallops from a hint, the index of the level this side touched last; a level that empties is kept
 *       as the side's one <i>vacant</i> level and reused by the next level created on that side, so a move
 *       shifts only the levels between its old and its new place. The side returns to a ladder when it
 *       empties.</li>
 * </ul>
 */
public final class BookSide {

    private static final int INITIAL_CAPACITY = 64;
    /** Smallest ladder, in ticks (a power of two, at least 64). */
    private static final int MIN_LADDER = 1024;
    /** Largest ladder, in ticks; a side whose levels span more uses the sorted arrays. */
    private static final int MAX_LADDER = 1 << 17;

    private final Side side;
    /** Number of price levels (in either representation; the vacant level included). */
    private int size;
    private PriceLevel[] pool = new PriceLevel[INITIAL_CAPACITY];
    private int pooled;

    // ---- ladder
    private boolean ladder = true;
    /** Ticks between slots, in 1e-4 USD; 0 until the first price. */
    private long tick;
    /** Key of slot 0; a multiple of {@code tick}. */
    private long base;
    /** Occupied slots hold their level, the others null; allocated at the first price. */
    private PriceLevel[] slots;
    private long[] bits;
    /** Cleared arrays for the next re-centring (same length as {@code slots}), or null. */
    private PriceLevel[] spareSlots;
    private long[] spareBits;
    /** Highest occupied slot (the best level), or -1. */
    private int bestSlot = -1;
    /** Where {@link #levelAt} was last called, so that a depth walk steps from one level to the next. */
    private int iterDepth = -1;
    private int iterSlot;

    // ---- sorted arrays
    private long[] keys = new long[INITIAL_CAPACITY];
    private PriceLevel[] levels = new PriceLevel[INITIAL_CAPACITY];
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
        if (ladder) {
            return bestSlot < 0 ? null : slots[bestSlot];
        }
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
        if (ladder) {
            int slot;
            if (depth == iterDepth) {
                slot = iterSlot;
            } else if (depth == iterDepth + 1 && iterDepth >= 0) {
                slot = previousSet(iterSlot - 1);
            } else {
                slot = bestSlot;
                for (int d = 0; d < depth; d++) {
                    slot = previousSet(slot - 1);
                }
            }
            iterDepth = depth;
            iterSlot = slot;
            return slots[slot];
        }
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
        if (ladder) {
            final int slot = slotOf(key(price));
            return slot < 0 ? null : slots[slot];
        }
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

    PriceLevel findOrCreate(final long price) {
        if (!ladder) {
            if (vacant != null && size == 1) {
                flushVacant();
            }
            if (size > 0) {
                return arrayFindOrCreate(price);
            }
            ladder = true;
        }
        final long key = key(price);
        int slot = slotOf(key);
        if (slot < 0) {
            if (!fit(key)) {
                return arrayFindOrCreate(price);
            }
            slot = slotOf(key);
        }
        final PriceLevel existing = slots[slot];
        if (existing != null) {
            return existing;
        }
        final PriceLevel level = pooled > 0 ? pool[--pooled] : new PriceLevel();
        pool[pooled] = null;
        level.reset(price);
        level.slot = slot;
        slots[slot] = level;
        bits[slot >>> 6] |= 1L << slot;
        size++;
        if (slot > bestSlot) {
            bestSlot = slot;
        }
        iterDepth = -1;
        return level;
    }

    /** Takes an emptied level out. */
    void removeLevel(final PriceLevel level) {
        if (ladder) {
            final int slot = level.slot;
            slots[slot] = null;
            bits[slot >>> 6] &= ~(1L << slot);
            size--;
            if (slot == bestSlot) {
                bestSlot = previousSet(slot - 1);
            }
            iterDepth = -1;
            release(level);
            return;
        }
        arrayRemoveLevel(level);
    }

    /**
     * Uses a level index as the hint of the next lookup (sorted arrays only).
     *
     * @param level a level of this side (its remembered index may be stale)
     */
    void touched(final PriceLevel level) {
        if (ladder) {
            return;
        }
        final int fromBest = size - 1 - level.depth;
        cursor = fromBest >= 0 && levels[fromBest] == level ? fromBest : level.slot;
    }

    // ---------------------------------------------------------------- ladder

    /** @return the slot of {@code key} in the current window, or -1 when it has none */
    private int slotOf(final long key) {
        final long step = tick;
        if (step == 0) {
            return -1;
        }
        final long offset = key - base;
        if (offset < 0) {
            return -1;
        }
        final long slot = offset / step;
        if (slot >= slots.length || slot * step != offset) {
            return -1;
        }
        return (int) slot;
    }

    /** @return the highest occupied slot at or below {@code from}, or -1 */
    private int previousSet(final int from) {
        if (from < 0) {
            return -1;
        }
        int word = from >>> 6;
        long bitsLeft = bits[word] & (-1L >>> (63 - (from & 63)));
        while (bitsLeft == 0) {
            if (--word < 0) {
                return -1;
            }
            bitsLeft = bits[word];
        }
        return (word << 6) + 63 - Long.numberOfLeadingZeros(bitsLeft);
    }

    /** @return the lowest occupied slot, or -1 */
    private int lowestSet() {
        for (int word = 0; word < bits.length; word++) {
            if (bits[word] != 0) {
                return (word << 6) + Long.numberOfTrailingZeros(bits[word]);
            }
        }
        return -1;
    }

    private static long gcd(final long a, final long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            final long r = x % y;
            x = y;
            y = r;
        }
        return x;
    }

    /**
     * Makes the window hold {@code key}: learns a finer tick and re-centres (and grows) the window around the
     * side's levels and the new key, or moves everything to the sorted arrays when that would be too wide.
     *
     * @return true when {@code key} now has a slot, false when the side now uses the sorted arrays
     */
    private boolean fit(final long key) {
        if (key == Long.MIN_VALUE) {
            toArrays();
            return false;
        }
        long step = gcd(tick, Math.abs(key));
        if (step == 0) {
            step = 1;
        }
        long lo = key;
        long hi = key;
        if (size > 0) {
            lo = Math.min(lo, base + lowestSet() * tick);
            hi = Math.max(hi, base + bestSlot * tick);
        }
        final long width = hi - lo;
        if (width < 0 || width / step >= MAX_LADDER) {
            toArrays();
            return false;
        }
        final int span = (int) (width / step) + 1;
        int length = MIN_LADDER;
        while (length < 2 * span && length < MAX_LADDER) {
            length <<= 1;
        }
        if (slots != null) {
            length = Math.max(length, slots.length);
        }
        final long newBase = lo - (length - span) / 2 * step;
        if (slots == null) {
            slots = new PriceLevel[length];
            bits = new long[length >>> 6];
        } else if (size > 0 || slots.length != length) {
            relocate(length, newBase, step);
        }
        tick = step;
        base = newBase;
        iterDepth = -1;
        return true;
    }

    /** Moves every level to the spare arrays (allocated if need be) at its slot for the new window; swaps. */
    private void relocate(final int length, final long newBase, final long step) {
        if (spareSlots == null || spareSlots.length != length) {
            spareSlots = new PriceLevel[length];
            spareBits = new long[length >>> 6];
        }
        final PriceLevel[] to = spareSlots;
        final long[] toBits = spareBits;
        int best = -1;
        for (int word = 0; word < bits.length; word++) {
            long occupied = bits[word];
            while (occupied != 0) {
                final int slot = (word << 6) + Long.numberOfTrailingZeros(occupied);
                occupied &= occupied - 1;
                final PriceLevel level = slots[slot];
                slots[slot] = null;
                final int moved = (int) ((key(level.price) - newBase) / step);
                to[moved] = level;
                toBits[moved >>> 6] |= 1L << moved;
                level.slot = moved;
                best = Math.max(best, moved);
            }
            bits[word] = 0;
        }
        if (slots.length == length) {
            spareSlots = slots;
            spareBits = bits;
        } else {
            spareSlots = null;
            spareBits = null;
        }
        slots = to;
        bits = toBits;
        bestSlot = best;
    }

    /** Moves every level, worst first, into the sorted arrays and empties the ladder. */
    private void toArrays() {
        if (keys.length < size + 1) {
            int capacity = keys.length;
            while (capacity < size + 1) {
                capacity *= 2;
            }
            keys = Arrays.copyOf(keys, capacity);
            levels = Arrays.copyOf(levels, capacity);
        }
        int index = 0;
        if (bits != null) {
            for (int word = 0; word < bits.length; word++) {
                long occupied = bits[word];
                while (occupied != 0) {
                    final int slot = (word << 6) + Long.numberOfTrailingZeros(occupied);
                    occupied &= occupied - 1;
                    final PriceLevel level = slots[slot];
                    slots[slot] = null;
                    keys[index] = key(level.price);
                    levels[index] = level;
                    index++;
                }
                bits[word] = 0;
            }
        }
        for (int i = 0; i < index; i++) {
            remember(levels[i], i);
        }
        bestSlot = -1;
        iterDepth = -1;
        ladder = false;
        cursor = index - 1;
    }

    private void release(final PriceLevel level) {
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = level;
    }

    // ---------------------------------------------------------------- sorted arrays

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

    /** Remembers where a level is, counted from both ends: shifts below it or above it leave one count valid. */
    private void remember(final PriceLevel level, final int index) {
        level.slot = index;
        level.depth = size - 1 - index;
    }

    private PriceLevel arrayFindOrCreate(final long price) {
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
    private void arrayRemoveLevel(final PriceLevel level) {
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
        release(level);
        cursor = index;
    }

    /**
     * Checks the side's structure: strictly sorted levels, no empty level, aggregates equal to the sum of
     * the orders, counts, back links. Diagnostic; O(orders + ladder slots); allocates only to describe a
     * violation.
     *
     * @return null when consistent, otherwise the first violation
     */
    String checkInvariants() {
        if (ladder) {
            return checkLadder();
        }
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
            final String problem = checkLevel(level);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String checkLadder() {
        if (slots == null) {
            return size == 0 && bestSlot == -1 ? null : side + " ladder not allocated but " + size + " levels";
        }
        int count = 0;
        int highest = -1;
        for (int slot = 0; slot < slots.length; slot++) {
            final PriceLevel level = slots[slot];
            final boolean occupied = (bits[slot >>> 6] & (1L << slot)) != 0;
            if (occupied != (level != null)) {
                return side + " bitmap mismatch at slot " + slot;
            }
            if (level == null) {
                continue;
            }
            if (level.slot != slot || key(level.price) != base + slot * tick) {
                return side + " level " + level.price + " in the wrong slot " + slot;
            }
            final String problem = checkLevel(level);
            if (problem != null) {
                return problem;
            }
            count++;
            highest = slot;
        }
        if (count != size || highest != bestSlot) {
            return side + " ladder counts " + count + "/" + size + ", best " + highest + "/" + bestSlot;
        }
        return null;
    }

    private String checkLevel(final PriceLevel level) {
        long qty = 0;
        int count = 0;
        Order before = null;
        for (Order o = level.head; o != null; o = o.next) {
            if (o.level != level || o.prev != before || o.price() != level.price || o.side().bookSide() != side
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
        return null;
    }

    private long key(final long price) {
        return side == Side.BUY ? price : -price;
    }
}
