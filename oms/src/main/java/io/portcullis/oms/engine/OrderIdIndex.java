package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;

/**
 * Live orders by OrderID: open addressing with linear probing over a power-of-two table of orders (the key
 * is read from the order itself), Fibonacci hashing so that consecutive OrderIDs scatter instead of forming
 * runs, and backward-shift deletion (no tombstones, no chain compaction beyond the entry's own cluster).
 * Load factor at most 1/2. Each entry carries one {@code int} of payload for the engine (the order's
 * ClOrdID index hash, so that re-indexing after a replace never has to read the old ClOrdID string again).
 * Engine thread only; allocates only when more orders are live than the table was sized for (it doubles).
 */
final class OrderIdIndex {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Order[] table;
    private int[] payloads;
    private int mask;
    private int shift;
    private int size;
    /** Slot of the last successful {@link #get}; a hint for the payload access that usually follows. */
    private int lastSlot;

    /**
     * @param expected live orders to hold without growing; at least 1
     */
    OrderIdIndex(final int expected) {
        allocate(Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) << 1));
    }

    private void allocate(final int capacity) {
        table = new Order[capacity];
        payloads = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private int home(final long orderId) {
        return (int) ((orderId * GOLDEN) >>> shift);
    }

    /** @return number of indexed orders */
    int size() {
        return size;
    }

    /**
     * @param orderId an OrderID
     * @return the live order with that id, or null
     */
    Order get(final long orderId) {
        final Order[] t = table;
        final int m = mask;
        int i = home(orderId);
        Order o;
        while ((o = t[i]) != null) {
            if (o.orderId() == orderId) {
                lastSlot = i;
                return o;
            }
            i = (i + 1) & m;
        }
        return null;
    }

    /**
     * Replaces the payload of an indexed OrderID.
     *
     * @param orderId an OrderID
     * @param payload the new payload
     * @return the previous payload, or {@code payload} when the id is not indexed (nothing changes then)
     */
    int replacePayload(final long orderId, final int payload) {
        final Order[] t = table;
        final Order last = t[lastSlot];
        if (last != null && last.orderId() == orderId) {
            final int previous = payloads[lastSlot];
            payloads[lastSlot] = payload;
            return previous;
        }
        final int m = mask;
        int i = home(orderId);
        Order o;
        while ((o = t[i]) != null) {
            if (o.orderId() == orderId) {
                final int previous = payloads[i];
                payloads[i] = payload;
                return previous;
            }
            i = (i + 1) & m;
        }
        return payload;
    }

    /**
     * Indexes an order by its OrderID, replacing any order with the same id.
     *
     * @param order   a live order; non-null
     * @param payload the entry's payload
     */
    void put(final Order order, final int payload) {
        final long orderId = order.orderId();
        final Order[] t = table;
        final int m = mask;
        int i = home(orderId);
        Order o;
        while ((o = t[i]) != null) {
            if (o.orderId() == orderId) {
                t[i] = order;
                payloads[i] = payload;
                return;
            }
            i = (i + 1) & m;
        }
        t[i] = order;
        payloads[i] = payload;
        if (++size > (t.length >>> 1)) {
            grow();
        }
    }

    /**
     * Removes the entry of an OrderID.
     *
     * @param orderId an OrderID
     * @param absent  what to return when the id is not indexed
     * @return the removed entry's payload, or {@code absent}
     */
    int remove(final long orderId, final int absent) {
        final Order[] t = table;
        final int m = mask;
        int i = home(orderId);
        Order o;
        while ((o = t[i]) != null) {
            if (o.orderId() == orderId) {
                final int payload = payloads[i];
                deleteAt(i);
                return payload;
            }
            i = (i + 1) & m;
        }
        return absent;
    }

    private void deleteAt(final int slot) {
        final Order[] t = table;
        final int[] p = payloads;
        final int m = mask;
        int hole = slot;
        int i = slot;
        Order o;
        while ((o = t[i = (i + 1) & m]) != null) {
            final int h = home(o.orderId());
            // the entry may fill the hole when its home is not cyclically within (hole, i]
            if (((i - h) & m) >= ((i - hole) & m)) {
                t[hole] = o;
                p[hole] = p[i];
                hole = i;
            }
        }
        t[hole] = null;
        size--;
    }

    private void grow() {
        final Order[] old = table;
        final int[] oldPayloads = payloads;
        allocate(old.length * 2);
        final Order[] t = table;
        final int m = mask;
        for (int j = 0; j < old.length; j++) {
            final Order o = old[j];
            if (o != null) {
                int i = home(o.orderId());
                while (t[i] != null) {
                    i = (i + 1) & m;
                }
                t[i] = o;
                payloads[i] = oldPayloads[j];
            }
        }
    }
}
