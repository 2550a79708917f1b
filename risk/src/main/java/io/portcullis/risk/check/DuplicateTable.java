package io.portcullis.risk.check;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recently accepted orders by their terms (account, symbol, side, quantity, price, stop price), each with the time
 * until which an order with the same terms is a duplicate. Open addressing with linear probing over one
 * {@code long} array of 64-byte slots; an entry whose expiry is before the latest timestamp seen is dead (reused by inserts, dropped
 * by rebuilds), so what a lookup answers depends only on the commands seen, never on the table's layout or history:
 * replays and restored snapshots decide identically. When more than half the slots are used the table is rebuilt
 * with only the live entries, into a spare array of the same size or, when over a quarter are live, twice the size
 * (allocating). Lookups and inserts do not allocate otherwise. Engine thread only.
 */
final class DuplicateTable {

    private static final long EMPTY = -1L;
    /** Per slot: key, qty, price, stop, expiry (and padding to 64 bytes, so a probe touches one or two lines). */
    private static final int STRIDE = 8;
    private static final int QTY = 1;
    private static final int PRICE = 2;
    private static final int STOP = 3;
    private static final int EXPIRY = 4;

    private final int initialCapacity;
    private long[] slots;
    private long[] spare;
    private int mask;
    private int used;
    private long highWater = Long.MIN_VALUE;

    DuplicateTable(final int initialCapacity) {
        this.initialCapacity = initialCapacity;
    }

    /**
     * Packs the identifying fields into one key.
     *
     * @param a    account index (below 2^31)
     * @param s    symbol index (below 2^28)
     * @param side side ordinal (below 8)
     * @return the key, never negative
     */
    static long key(final int a, final int s, final int side) {
        return ((long) a << 31) | ((long) s << 3) | side;
    }

    /**
     * @param timestamp the order's command timestamp, epoch nanos
     * @return true when an order with the same terms was recorded with an expiry at or after the timestamp (or the
     *         latest timestamp seen, if later)
     */
    boolean contains(final long key, final long qty, final long price, final long stop, final long timestamp) {
        if (slots == null) {
            return false;
        }
        final long now = Math.max(timestamp, highWater);
        final int at = find(key, qty, price, stop);
        return at >= 0 && slots[at + EXPIRY] >= now;
    }

    /**
     * Records an accepted order's terms until {@code expiry}.
     *
     * @param timestamp the order's command timestamp, epoch nanos
     * @param expiry    until when the same terms are a duplicate, epoch nanos
     */
    void record(final long key, final long qty, final long price, final long stop, final long timestamp,
                final long expiry) {
        if (slots == null) {
            allocate(initialCapacity);
        }
        highWater = Math.max(highWater, timestamp);
        final long[] t = slots;
        final int found = find(key, qty, price, stop);
        if (found >= 0) {
            t[found + EXPIRY] = Math.max(t[found + EXPIRY], expiry);
            return;
        }
        int slot = index(key, qty, price, stop);
        while (t[slot * STRIDE] != EMPTY && t[slot * STRIDE + EXPIRY] >= highWater) {
            slot = (slot + 1) & mask;
        }
        if (t[slot * STRIDE] == EMPTY) {
            used++;
        }
        write(t, slot * STRIDE, key, qty, price, stop, expiry);
        if (used > (mask + 1) / 2) {
            rebuild();
        }
    }

    /** @return the array offset of the entry with these terms, or -1 */
    private int find(final long key, final long qty, final long price, final long stop) {
        final long[] t = slots;
        int slot = index(key, qty, price, stop);
        while (true) {
            final int at = slot * STRIDE;
            final long k = t[at];
            if (k == EMPTY) {
                return -1;
            }
            if (k == key && t[at + QTY] == qty && t[at + PRICE] == price && t[at + STOP] == stop) {
                return at;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int index(final long key, final long qty, final long price, final long stop) {
        long h = key * 0x9E3779B97F4A7C15L ^ qty * 0xC2B2AE3D27D4EB4FL ^ price * 0x165667B19E3779F9L
            ^ stop * 0x27D4EB2F165667C5L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h >>> 32) & mask;
    }

    private static void write(final long[] t, final int at, final long key, final long qty, final long price,
                              final long stop, final long expiry) {
        t[at] = key;
        t[at + QTY] = qty;
        t[at + PRICE] = price;
        t[at + STOP] = stop;
        t[at + EXPIRY] = expiry;
    }

    private void allocate(final int capacity) {
        slots = newSlots(capacity);
        mask = capacity - 1;
        used = 0;
    }

    private static long[] newSlots(final int capacity) {
        final long[] t = new long[capacity * STRIDE];
        for (int at = 0; at < t.length; at += STRIDE) {
            t[at] = EMPTY;
        }
        return t;
    }

    private void rebuild() {
        final long[] old = slots;
        int live = 0;
        for (int at = 0; at < old.length; at += STRIDE) {
            live += old[at] != EMPTY && old[at + EXPIRY] >= highWater ? 1 : 0;
        }
        if (live * 4 > old.length / STRIDE) {
            spare = null;
            allocate(old.length / STRIDE * 2);
        } else if (spare != null) {
            slots = spare;
            for (int at = 0; at < slots.length; at += STRIDE) {
                slots[at] = EMPTY;
            }
            used = 0;
        } else {
            allocate(old.length / STRIDE);
        }
        final long[] t = slots;
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at] != EMPTY && old[at + EXPIRY] >= highWater) {
                int slot = index(old[at], old[at + QTY], old[at + PRICE], old[at + STOP]);
                while (t[slot * STRIDE] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                write(t, slot * STRIDE, old[at], old[at + QTY], old[at + PRICE], old[at + STOP], old[at + EXPIRY]);
                used++;
            }
        }
        if (old.length == t.length) {
            spare = old;
        }
    }

    /** @return live entries (diagnostics and tests) */
    int live() {
        int live = 0;
        for (int at = 0; slots != null && at < slots.length; at += STRIDE) {
            live += slots[at] != EMPTY && slots[at + EXPIRY] >= highWater ? 1 : 0;
        }
        return live;
    }

    /** Writes the latest timestamp seen and the live entries, sorted. */
    void write(final DataOutput out) throws IOException {
        out.writeLong(highWater);
        final List<long[]> entries = new ArrayList<>();
        for (int at = 0; slots != null && at < slots.length; at += STRIDE) {
            if (slots[at] != EMPTY && slots[at + EXPIRY] >= highWater) {
                entries.add(Arrays.copyOfRange(slots, at, at + EXPIRY + 1));
            }
        }
        entries.sort(Arrays::compare);
        out.writeInt(entries.size());
        for (final long[] e : entries) {
            for (final long v : e) {
                out.writeLong(v);
            }
        }
    }

    void read(final DataInput in) throws IOException {
        final long seen = in.readLong();
        final int count = in.readInt();
        if (count < 0) {
            throw new IOException("bad duplicate entry count " + count);
        }
        for (int i = 0; i < count; i++) {
            final long key = in.readLong();
            if (key < 0) {
                throw new IOException("bad duplicate key " + key);
            }
            record(key, in.readLong(), in.readLong(), in.readLong(), seen, in.readLong());
        }
        highWater = seen;
    }
}
