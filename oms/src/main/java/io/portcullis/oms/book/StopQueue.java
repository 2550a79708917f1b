package io.portcullis.oms.book;

/**
 * Untriggered stop and stop-limit orders of one symbol, in arrival order (an intrusive doubly-linked list
 * through the same links a book level uses; an order is in a level or in a stop queue, never both). Triggered
 * stops are taken out in this order, so time priority among stops triggered by the same trade is arrival
 * order. Engine thread only; does not allocate.
 */
public final class StopQueue {

    private Order head;
    private Order tail;
    private int size;

    /**
     * @param order a working stop order in no level or queue
     */
    public void append(final Order order) {
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        size++;
    }

    /**
     * @param order an order in this queue
     */
    public void remove(final Order order) {
        if (order.prev == null) {
            head = order.next;
        } else {
            order.prev.next = order.next;
        }
        if (order.next == null) {
            tail = order.prev;
        } else {
            order.next.prev = order.prev;
        }
        order.prev = null;
        order.next = null;
        size--;
    }

    /** @return the oldest stop order, or null; walk on with {@link Order#next()} */
    public Order head() {
        return head;
    }

    /** @return number of stop orders waiting */
    public int size() {
        return size;
    }
}
