package io.portcullis.bench.engine.workload;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately naive price-time book (TreeMap of FIFO queues) used only while generating: it tells the
 * generator which orders are still resting and where trades print, so that every cancel and move targets a
 * live order in both engines. Trades print at the resting order's price; a moved order keeps its remaining
 * quantity, leaves its queue and re-enters at the back of the new price (it may trade first). Generation
 * thread only; allocates freely.
 */
final class ReferenceBook {

    /** A resting order. */
    static final class RestingOrder {
        final long orderId;
        final boolean buy;
        final long qty;
        final int uid;
        long price;
        long filled;
        int liveSlot;

        RestingOrder(final long orderId, final boolean buy, final long price, final long qty, final int uid) {
            this.orderId = orderId;
            this.buy = buy;
            this.price = price;
            this.qty = qty;
            this.uid = uid;
        }

        long leaves() {
            return qty - filled;
        }
    }

    private final TreeMap<Long, ArrayDeque<RestingOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, ArrayDeque<RestingOrder>> asks = new TreeMap<>();
    private final Map<Long, RestingOrder> byId = new HashMap<>();
    private RestingOrder[] live = new RestingOrder[1024];
    private int liveCount;

    long trades;
    long tradedQty;
    long lastTradePrice;
    boolean tradedLastCall;

    /** @return resting orders */
    int liveCount() {
        return liveCount;
    }

    /** @return occupied price levels on both sides */
    int levelCount() {
        return bids.size() + asks.size();
    }

    /**
     * @param slot 0 to {@link #liveCount()} - 1
     * @return a resting order (slots are shuffled by removals; the generator picks them at random)
     */
    RestingOrder liveAt(final int slot) {
        return live[slot];
    }

    /**
     * Matches an incoming limit order and rests what is left when {@code rest} is set.
     */
    void place(final long orderId, final boolean buy, final long price, final long qty, final int uid,
               final boolean rest) {
        tradedLastCall = false;
        final long left = match(buy, price, qty);
        if (left > 0 && rest) {
            final RestingOrder o = new RestingOrder(orderId, buy, price, qty, uid);
            o.filled = qty - left;
            insert(o);
        }
    }

    /** Cancels a resting order. */
    void cancel(final long orderId) {
        tradedLastCall = false;
        final RestingOrder o = byId.get(orderId);
        unlinkFromLevel(o);
        forget(o);
    }

    /** Moves a resting order to a new price: out of its queue, match at the new price, rest the remainder. */
    void move(final long orderId, final long newPrice) {
        tradedLastCall = false;
        final RestingOrder o = byId.get(orderId);
        unlinkFromLevel(o);
        o.price = newPrice;
        final long left = match(o.buy, newPrice, o.leaves());
        o.filled = o.qty - left;
        if (left == 0) {
            forget(o);
        } else {
            final ArrayDeque<RestingOrder> level = (o.buy ? bids : asks).computeIfAbsent(newPrice,
                p -> new ArrayDeque<>());
            level.addLast(o);
        }
    }

    /** @return the resting order with this id, or null */
    RestingOrder find(final long orderId) {
        return byId.get(orderId);
    }

    int restingOrders(final boolean buy) {
        int n = 0;
        for (final ArrayDeque<RestingOrder> level : (buy ? bids : asks).values()) {
            n += level.size();
        }
        return n;
    }

    long restingQty(final boolean buy) {
        long q = 0;
        for (final ArrayDeque<RestingOrder> level : (buy ? bids : asks).values()) {
            for (final RestingOrder o : level) {
                q += o.leaves();
            }
        }
        return q;
    }

    private long match(final boolean buy, final long limit, final long qty) {
        final TreeMap<Long, ArrayDeque<RestingOrder>> opposite = buy ? asks : bids;
        long left = qty;
        final Iterator<Map.Entry<Long, ArrayDeque<RestingOrder>>> levels = opposite.entrySet().iterator();
        while (left > 0 && levels.hasNext()) {
            final Map.Entry<Long, ArrayDeque<RestingOrder>> level = levels.next();
            final long levelPrice = level.getKey();
            if (buy ? levelPrice > limit : levelPrice < limit) {
                break;
            }
            final ArrayDeque<RestingOrder> queue = level.getValue();
            while (left > 0 && !queue.isEmpty()) {
                final RestingOrder maker = queue.peekFirst();
                final long fill = Math.min(left, maker.leaves());
                maker.filled += fill;
                left -= fill;
                trades++;
                tradedQty += fill;
                lastTradePrice = levelPrice;
                tradedLastCall = true;
                if (maker.leaves() == 0) {
                    queue.pollFirst();
                    forget(maker);
                }
            }
            if (queue.isEmpty()) {
                levels.remove();
            }
        }
        return left;
    }

    private void insert(final RestingOrder o) {
        (o.buy ? bids : asks).computeIfAbsent(o.price, p -> new ArrayDeque<>()).addLast(o);
        byId.put(o.orderId, o);
        if (liveCount == live.length) {
            live = java.util.Arrays.copyOf(live, liveCount * 2);
        }
        o.liveSlot = liveCount;
        live[liveCount++] = o;
    }

    private void unlinkFromLevel(final RestingOrder o) {
        final TreeMap<Long, ArrayDeque<RestingOrder>> side = o.buy ? bids : asks;
        final ArrayDeque<RestingOrder> level = side.get(o.price);
        level.remove(o);
        if (level.isEmpty()) {
            side.remove(o.price);
        }
    }

    private void forget(final RestingOrder o) {
        byId.remove(o.orderId);
        final RestingOrder last = live[--liveCount];
        live[o.liveSlot] = last;
        last.liveSlot = o.liveSlot;
        live[liveCount] = null;
    }
}
