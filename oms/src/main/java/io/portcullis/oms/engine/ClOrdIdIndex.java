package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;

/**
 * Live orders by (FIX session, ClOrdID), one table for all sessions: open addressing with linear probing over
 * a power-of-two table of orders with their key hashes beside them (so probes and deletions compare ints and
 * never touch another order's strings), the two {@code String} hash codes combined and spread by Fibonacci
 * hashing (sequential ClOrdIDs have sequential hash codes, which plain linear probing turns into long runs),
 * backward-shift deletion. Load factor at most 1/2. Engine thread only; allocates only when more orders are
 * live than the table was sized for (it doubles).
 *
 * <p>Callers keep each entry's {@link #hash} (the engine keeps it beside the order in its OrderID index), so
 * removing the entry of a replaced ClOrdID needs neither the old string nor its hash code again.
 */
final class ClOrdIdIndex {

    private static final int GOLDEN = 0x9E3779B9;

    private Order[] table;
    private int[] hashes;
    private int mask;
    private int shift;
    private int size;

    /**
     * @param expected live orders to hold without growing; at least 1
     */
    ClOrdIdIndex(final int expected) {
        allocate(Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) << 1));
    }

    private void allocate(final int capacity) {
        table = new Order[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    /**
     * @param sessionId a FIX session; non-null
     * @param clOrdId   a ClOrdID; non-null
     * @return the key's hash, the same for equal keys whatever the table size
     */
    static int hash(final String sessionId, final String clOrdId) {
        return (sessionId.hashCode() * 31 + clOrdId.hashCode()) * GOLDEN;
    }

    private int home(final int hash) {
        return hash >>> shift;
    }

    /** @return number of indexed orders */
    int size() {
        return size;
    }

    /**
     * @param sessionId a FIX session; non-null
     * @param clOrdId   a ClOrdID; non-null
     * @param hash      {@link #hash} of the two
     * @return the live order of that session with that ClOrdID, or null
     */
    Order get(final String sessionId, final String clOrdId, final int hash) {
        final Order[] t = table;
        final int[] h = hashes;
        final int m = mask;
        int i = home(hash);
        Order o;
        while ((o = t[i]) != null) {
            if (h[i] == hash && o.clOrdId().equals(clOrdId) && o.sessionId().equals(sessionId)) {
                return o;
            }
            i = (i + 1) & m;
        }
        return null;
    }

    /**
     * Indexes an order under its session and current ClOrdID, replacing any order with the same key.
     *
     * @param order a live order; non-null
     * @param hash  {@link #hash} of its session and current ClOrdID
     */
    void put(final Order order, final int hash) {
        final String sessionId = order.sessionId();
        final String clOrdId = order.clOrdId();
        final Order[] t = table;
        final int[] h = hashes;
        final int m = mask;
        int i = home(hash);
        Order o;
        while ((o = t[i]) != null) {
            if (h[i] == hash && o.clOrdId().equals(clOrdId) && o.sessionId().equals(sessionId)) {
                t[i] = order;
                return;
            }
            i = (i + 1) & m;
        }
        t[i] = order;
        h[i] = hash;
        if (++size > (t.length >>> 1)) {
            grow();
        }
    }

    /**
     * Removes {@code order}'s entry if it is filed under {@code hash}; otherwise changes nothing.
     *
     * @param order the order the entry must map to; non-null
     * @param hash  {@link #hash} of the key it was filed under (its current or previous ClOrdID)
     */
    void remove(final Order order, final int hash) {
        final Order[] t = table;
        final int m = mask;
        int i = home(hash);
        Order o;
        while ((o = t[i]) != null) {
            if (o == order) {
                deleteAt(i);
                return;
            }
            i = (i + 1) & m;
        }
    }

    private void deleteAt(final int slot) {
        final Order[] t = table;
        final int[] h = hashes;
        final int m = mask;
        int hole = slot;
        int i = slot;
        Order o;
        while ((o = t[i = (i + 1) & m]) != null) {
            final int home = home(h[i]);
            // the entry may fill the hole when its home is not cyclically within (hole, i]
            if (((i - home) & m) >= ((i - hole) & m)) {
                t[hole] = o;
                h[hole] = h[i];
                hole = i;
            }
        }
        t[hole] = null;
        size--;
    }

    private void grow() {
        final Order[] old = table;
        final int[] oldHashes = hashes;
        allocate(old.length * 2);
        final Order[] t = table;
        final int m = mask;
        for (int j = 0; j < old.length; j++) {
            final Order o = old[j];
            if (o != null) {
                int i = home(oldHashes[j]);
                while (t[i] != null) {
                    i = (i + 1) & m;
                }
                t[i] = o;
                hashes[i] = oldHashes[j];
            }
        }
    }
}
