package io.portcullis.oms.command;

import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;

/**
 * NewOrderSingle. The engine validates every field and rejects with a stable code; this record checks nothing,
 * so that bad input reaches the engine and is answered with a reject. Immutable.
 *
 * @param sequence   journal sequence number
 * @param timestamp  ingress time, epoch nanos UTC
 * @param sessionId  FIX session the order arrived on (ClOrdIDs are unique per session); non-null
 * @param clOrdId    ClOrdID(11); null or empty is rejected
 * @param account    Account(1); must name a configured account
 * @param symbol     Symbol(55)
 * @param side       Side(54); null is rejected
 * @param ordType    OrdType(40); null is rejected
 * @param tif        TimeInForce(59); null is rejected
 * @param qty        OrderQty(38) in shares
 * @param price      Price(44) in 1e-4 USD, or {@link Prices#NONE}
 * @param stopPx     StopPx(99) in 1e-4 USD, or {@link Prices#NONE}
 * @param minQty     MinQty(110) in shares; 0 means none
 * @param expireTime ExpireTime(126) in epoch nanos UTC for GTD, or {@link #NO_EXPIRY}
 * @param locateId   the Reg SHO locate the order relies on (a short sale's LocateReqd/locate id), or null when absent;
 *                   at most {@link CommandCodec#MAX_STRING_BYTES} UTF-8 bytes
 */
public record NewOrder(long sequence, long timestamp, String sessionId, String clOrdId, String account,
                       String symbol, Side side, OrdType ordType, TimeInForce tif, long qty, long price,
                       long stopPx, long minQty, long expireTime, String locateId) implements Command {

    /** Value of {@link #expireTime()} when the order has none. */
    public static final long NO_EXPIRY = 0L;

    /**
     * A new order without a locate id (every field but {@code locateId}, which is null).
     *
     * @param sequence   journal sequence number
     * @param timestamp  ingress time, epoch nanos UTC
     * @param sessionId  FIX session
     * @param clOrdId    ClOrdID(11)
     * @param account    Account(1)
     * @param symbol     Symbol(55)
     * @param side       Side(54)
     * @param ordType    OrdType(40)
     * @param tif        TimeInForce(59)
     * @param qty        OrderQty(38) in shares
     * @param price      Price(44) in 1e-4 USD, or {@link Prices#NONE}
     * @param stopPx     StopPx(99) in 1e-4 USD, or {@link Prices#NONE}
     * @param minQty     MinQty(110) in shares; 0 means none
     * @param expireTime ExpireTime(126) in epoch nanos UTC for GTD, or {@link #NO_EXPIRY}
     */
    public NewOrder(final long sequence, final long timestamp, final String sessionId, final String clOrdId,
                    final String account, final String symbol, final Side side, final OrdType ordType,
                    final TimeInForce tif, final long qty, final long price, final long stopPx, final long minQty,
                    final long expireTime) {
        this(sequence, timestamp, sessionId, clOrdId, account, symbol, side, ordType, tif, qty, price, stopPx, minQty,
            expireTime, null);
    }
}
