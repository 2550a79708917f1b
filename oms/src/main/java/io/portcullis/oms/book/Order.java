package io.portcullis.oms.book;

import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;

/**
 * A live order and its state machine. Pooled and reused by the engine: a reference is valid only while the
 * order is live (never keep one beyond the callback or command that handed it to you).
 *
 * <p>The status is derived, never stored, so it cannot disagree with the quantities: while working it is
 * NEW or PARTIALLY_FILLED by {@code cumQty}; once done it is the terminal status set by {@link #fill},
 * {@link #cancel()} or {@link #expire()}. Transitions out of a done state throw {@link IllegalStateException}
 * (a bug; the engine counts it). Invariants: {@code cumQty + leavesQty == orderQty} while working,
 * {@code leavesQty == 0} when done, {@code cumNotional} is the exact sum of lastPx * lastQty.
 *
 * <p>Engine thread only. Accessors do not allocate. Prices in 1e-4 USD, quantities in shares, times in epoch
 * nanos UTC.
 */
public final class Order {

    private long orderId;
    private String sessionId;
    private String clOrdId;
    private String origClOrdId;
    private Account account;
    private int accountIndex;
    private String symbol;
    private int symbolIndex;
    private Side side;
    private OrdType ordType;
    private TimeInForce tif;
    private long price;
    private long stopPx;
    private long orderQty;
    private long cumQty;
    private long leavesQty;
    private long cumNotional;
    private long minQty;
    private long expireTime;
    private long entryTime;
    private boolean triggered;
    private OrdStatus doneStatus;
    private String locateId;

    Order prev;
    Order next;
    PriceLevel level;
    private Order olderLive;
    private Order newerLive;

    /**
     * Makes this (pooled) instance a new working order with nothing executed. Does not allocate.
     *
     * @param orderId      engine-assigned OrderID(37), positive
     * @param sessionId    FIX session; non-null
     * @param clOrdId      ClOrdID(11); non-null
     * @param account      account; non-null
     * @param accountIndex dense index of the account in the engine
     * @param symbol       symbol; non-null
     * @param symbolIndex  dense index of the symbol in the engine
     * @param side         side; non-null
     * @param ordType      order type as entered; non-null
     * @param tif          time in force; non-null
     * @param price        limit price in 1e-4 USD, or NONE
     * @param stopPx       stop price in 1e-4 USD, or NONE
     * @param orderQty     shares, positive
     * @param minQty       MinQty in shares, 0 for none
     * @param expireTime   GTD expire time in epoch nanos, or 0
     * @param entryTime    acceptance time in epoch nanos
     */
    public void init(final long orderId, final String sessionId, final String clOrdId, final Account account,
                     final int accountIndex, final String symbol, final int symbolIndex, final Side side,
                     final OrdType ordType, final TimeInForce tif, final long price, final long stopPx,
                     final long orderQty, final long minQty, final long expireTime, final long entryTime) {
        this.orderId = orderId;
        this.sessionId = sessionId;
        this.clOrdId = clOrdId;
        this.origClOrdId = null;
        this.account = account;
        this.accountIndex = accountIndex;
        this.symbol = symbol;
        this.symbolIndex = symbolIndex;
        this.side = side;
        this.ordType = ordType;
        this.tif = tif;
        this.price = price;
        this.stopPx = stopPx;
        this.orderQty = orderQty;
        this.cumQty = 0;
        this.leavesQty = orderQty;
        this.cumNotional = 0;
        this.minQty = minQty;
        this.expireTime = expireTime;
        this.entryTime = entryTime;
        this.triggered = false;
        this.doneStatus = null;
        this.locateId = null;
        this.prev = null;
        this.next = null;
        this.level = null;
        this.olderLive = null;
        this.newerLive = null;
    }

    /**
     * Restores executed state from a snapshot. Does not allocate.
     *
     * @param origClOrdId previous ClOrdID after a replace, or null
     * @param cumQty      executed shares
     * @param cumNotional executed notional in 1e-4 USD
     * @param triggered   whether a stop order has been triggered
     */
    public void restore(final String origClOrdId, final long cumQty, final long cumNotional,
                        final boolean triggered) {
        this.origClOrdId = origClOrdId;
        this.cumQty = cumQty;
        this.leavesQty = orderQty - cumQty;
        this.cumNotional = cumNotional;
        this.triggered = triggered;
    }

    /**
     * Executes part of the order. Becomes FILLED when nothing is left.
     *
     * @param qty   shares, 1..leavesQty
     * @param price execution price in 1e-4 USD
     * @throws IllegalStateException when the order is done or {@code qty} is out of range (a bug)
     */
    public void fill(final long qty, final long price) {
        requireWorking();
        if (qty <= 0 || qty > leavesQty) {
            throw new IllegalStateException("fill " + qty + " of order " + orderId + " leaves " + leavesQty);
        }
        cumQty += qty;
        leavesQty -= qty;
        cumNotional += price * qty;
        if (leavesQty == 0) {
            doneStatus = OrdStatus.FILLED;
        }
    }

    /**
     * Cancels what is left. @throws IllegalStateException when already done (a bug)
     */
    public void cancel() {
        finish(OrdStatus.CANCELED);
    }

    /**
     * Expires what is left. @throws IllegalStateException when already done (a bug)
     */
    public void expire() {
        finish(OrdStatus.EXPIRED);
    }

    /**
     * Applies an accepted cancel/replace. When the new quantity equals the executed quantity the order is
     * done (FILLED).
     *
     * @param newClOrdId the request's ClOrdID; non-null
     * @param newQty     new OrderQty in shares, at least cumQty and positive
     * @param newPrice   new limit price in 1e-4 USD, or NONE
     * @param newStopPx  new stop price in 1e-4 USD, or NONE
     * @throws IllegalStateException when done or newQty &lt; cumQty (a bug: the engine validates first)
     */
    public void replace(final String newClOrdId, final long newQty, final long newPrice, final long newStopPx) {
        requireWorking();
        if (newQty < cumQty || newQty <= 0) {
            throw new IllegalStateException("replace qty " + newQty + " below cum " + cumQty);
        }
        origClOrdId = clOrdId;
        clOrdId = newClOrdId;
        orderQty = newQty;
        leavesQty = newQty - cumQty;
        price = newPrice;
        stopPx = newStopPx;
        if (leavesQty == 0) {
            doneStatus = OrdStatus.FILLED;
        }
    }

    /**
     * Marks an untriggered stop order as triggered: it now works as a market or limit order.
     *
     * @throws IllegalStateException when not an untriggered working stop order (a bug)
     */
    public void trigger() {
        requireWorking();
        if (!isPendingStop()) {
            throw new IllegalStateException("order " + orderId + " is not a pending stop");
        }
        triggered = true;
    }

    private void finish(final OrdStatus status) {
        requireWorking();
        leavesQty = 0;
        doneStatus = status;
    }

    private void requireWorking() {
        if (doneStatus != null) {
            throw new IllegalStateException("order " + orderId + " is already " + doneStatus);
        }
    }

    /** @return current FIX OrdStatus, derived from the quantities and the terminal status; never null */
    public OrdStatus status() {
        if (doneStatus != null) {
            return doneStatus;
        }
        return cumQty == 0 ? OrdStatus.NEW : OrdStatus.PARTIALLY_FILLED;
    }

    /** @return true while the order can still trade or be cancelled */
    public boolean isWorking() {
        return doneStatus == null;
    }

    /** @return true for a stop or stop-limit order that has not been triggered yet */
    public boolean isPendingStop() {
        return ordType.isStop() && !triggered;
    }

    /** @return the type the order trades as now: a triggered STOP is MARKET, a triggered STOP_LIMIT is LIMIT */
    public OrdType effectiveType() {
        if (!triggered) {
            return ordType;
        }
        return ordType == OrdType.STOP ? OrdType.MARKET : OrdType.LIMIT;
    }

    /** @return true when this order rests in a book level (as opposed to the stop queue or nowhere) */
    public boolean isInBook() {
        return level != null;
    }

    /** @return OrderID(37), positive */
    public long orderId() {
        return orderId;
    }

    /** @return the FIX session that entered the order; non-null */
    public String sessionId() {
        return sessionId;
    }

    /** @return current ClOrdID(11); non-null */
    public String clOrdId() {
        return clOrdId;
    }

    /** @return the ClOrdID before the last replace, or null */
    public String origClOrdId() {
        return origClOrdId;
    }

    /** @return the account; non-null */
    public Account account() {
        return account;
    }

    /** @return dense engine index of the account */
    public int accountIndex() {
        return accountIndex;
    }

    /** @return symbol; non-null */
    public String symbol() {
        return symbol;
    }

    /** @return dense engine index of the symbol */
    public int symbolIndex() {
        return symbolIndex;
    }

    /** @return side; non-null */
    public Side side() {
        return side;
    }

    /** @return order type as entered; non-null */
    public OrdType ordType() {
        return ordType;
    }

    /** @return time in force; non-null */
    public TimeInForce tif() {
        return tif;
    }

    /** @return limit price in 1e-4 USD, or NONE for market and stop orders */
    public long price() {
        return price;
    }

    /** @return stop price in 1e-4 USD, or NONE */
    public long stopPx() {
        return stopPx;
    }

    /** @return OrderQty in shares */
    public long orderQty() {
        return orderQty;
    }

    /** @return executed shares */
    public long cumQty() {
        return cumQty;
    }

    /** @return shares still working; 0 when done */
    public long leavesQty() {
        return leavesQty;
    }

    /** @return sum of lastPx * lastQty over all fills in 1e-4 USD (AvgPx = cumNotional / cumQty, exact) */
    public long cumNotional() {
        return cumNotional;
    }

    /** @return MinQty in shares, 0 for none */
    public long minQty() {
        return minQty;
    }

    /** @return GTD expire time in epoch nanos UTC, or 0 */
    public long expireTime() {
        return expireTime;
    }

    /** @return acceptance time in epoch nanos UTC */
    public long entryTime() {
        return entryTime;
    }

    /** @return the Reg SHO locate id the order carries (set at entry or by a replace), or null */
    public String locateId() {
        return locateId;
    }

    /**
     * Records the locate id the order relies on. Does not allocate.
     *
     * @param id the locate id, or null for none
     */
    public void locateId(final String id) {
        this.locateId = id;
    }

    /** @return true once a stop order has been triggered */
    public boolean isTriggered() {
        return triggered;
    }

    /** @return the next order in the same price level or stop queue (lower priority), or null */
    public Order next() {
        return next;
    }

    /** @return the next-older live order in order id order, or null */
    public Order olderLive() {
        return olderLive;
    }

    /** @return the next-newer live order in order id order, or null */
    public Order newerLive() {
        return newerLive;
    }

    /**
     * Links this order into the engine's live-order list (ordered by order id).
     *
     * @param older the previous newest live order, or null
     */
    public void linkLive(final Order older) {
        olderLive = older;
        newerLive = null;
        if (older != null) {
            older.newerLive = this;
        }
    }

    /** Unlinks this order from the engine's live-order list; the caller fixes its head/tail. */
    public void unlinkLive() {
        if (olderLive != null) {
            olderLive.newerLive = newerLive;
        }
        if (newerLive != null) {
            newerLive.olderLive = olderLive;
        }
        olderLive = null;
        newerLive = null;
    }

    @Override
    public String toString() {
        return "Order{" + orderId + ' ' + clOrdId + ' ' + side + ' ' + symbol + ' ' + orderQty + '@' + price
            + " cum=" + cumQty + " leaves=" + leavesQty + ' ' + status() + '}';
    }
}
