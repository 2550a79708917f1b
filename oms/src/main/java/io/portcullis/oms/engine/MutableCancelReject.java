package io.portcullis.oms.engine;

import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.event.CancelReject;

/**
 * The one {@link CancelReject} flyweight the engine fills. Engine thread only; does not allocate.
 */
final class MutableCancelReject implements CancelReject {

    long commandSequence;
    long orderId;
    CharSequence sessionId;
    CharSequence clOrdId;
    CharSequence origClOrdId;
    OrdStatus ordStatus;
    boolean replace;
    RejectCode rejectCode;
    CharSequence text;
    long transactTime;

    @Override
    public long commandSequence() {
        return commandSequence;
    }

    @Override
    public long orderId() {
        return orderId;
    }

    @Override
    public CharSequence sessionId() {
        return sessionId;
    }

    @Override
    public CharSequence clOrdId() {
        return clOrdId;
    }

    @Override
    public CharSequence origClOrdId() {
        return origClOrdId;
    }

    @Override
    public OrdStatus ordStatus() {
        return ordStatus;
    }

    @Override
    public boolean replace() {
        return replace;
    }

    @Override
    public RejectCode rejectCode() {
        return rejectCode;
    }

    @Override
    public CharSequence text() {
        return text;
    }

    @Override
    public long transactTime() {
        return transactTime;
    }
}
