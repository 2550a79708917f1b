package io.portcullis.oms.book;

/**
 * All resting orders at one price on one side, in time priority: an intrusive doubly-linked FIFO with the
 * aggregate quantity and order count kept up to date. Pooled by its {@link BookSide}. Engine thread only;
 * does not allocate.
 */
public final class PriceLevel {

    long price;
    long totalQty;
    int orderCount;
    /**
     * On a tick ladder: the level's slot (always exact). On sorted arrays: where this level last was in its side's
     * arrays, a hint only, stale after inserts or removes below it.
     */
    int slot;
    /**
     * On sorted arrays: where this level last was counted from the best level; a hint only, stale after changes
     * above it.
     */
    int depth;
    Order head;
    Order tail;

    void reset(final long price) {
        this.price = price;
        this.totalQty = 0;
        this.orderCount = 0;
        this.head = null;
        this.tail = null;
    }

    void append(final Order order) {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        orderCount++;
        totalQty += order.leavesQty();
    }

    void unlink(final Order order) {
        final Order before = order.prev;
        final Order after = order.next;
        if (before == null) {
            head = after;
        } else {
            before.next = after;
        }
        if (after == null) {
            tail = before;
        } else {
            after.prev = before;
        }
        order.prev = null;
        order.next = null;
        order.level = null;
        orderCount--;
    }

    /** @return the level's price in 1e-4 USD */
    public long price() {
        return price;
    }

    /** @return the sum of leavesQty of the level's orders, in shares */
    public long totalQty() {
        return totalQty;
    }

    /** @return number of orders at this level */
    public int orderCount() {
        return orderCount;
    }

    /** @return the order with the highest time priority; non-null while the level is in a book */
    public Order head() {
        return head;
    }
}
