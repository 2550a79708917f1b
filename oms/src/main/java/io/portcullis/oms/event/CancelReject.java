package io.portcullis.oms.event;

import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.RejectCode;

/**
 * Everything a FIX OrderCancelReject(9) needs, as a reused flyweight: valid only during
 * {@link EngineListener#onCancelReject}. Accessors do not allocate.
 */
public interface CancelReject {

    /** @return journal sequence of the rejected command */
    long commandSequence();

    /** @return OrderID(37) of the order, or 0 when unknown */
    long orderId();

    /** @return requesting FIX session; non-null */
    CharSequence sessionId();

    /** @return ClOrdID(11) of the cancel/replace request; may be null if the request had none */
    CharSequence clOrdId();

    /** @return OrigClOrdID(41) of the request; may be null */
    CharSequence origClOrdId();

    /** @return OrdStatus(39) of the order now, or REJECTED when the order is unknown; non-null */
    OrdStatus ordStatus();

    /** @return true when a replace was rejected (CxlRejResponseTo(434)=2), false for a cancel (=1) */
    boolean replace();

    /** @return the reason; map with {@link RejectCode#cxlRejReason()}; non-null */
    RejectCode rejectCode();

    /** @return Text(58); non-null */
    CharSequence text();

    /** @return TransactTime(60): the command's ingress time, epoch nanos UTC */
    long transactTime();
}
