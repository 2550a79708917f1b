package io.portcullis.oms.command;

/**
 * OrderCancelRequest. The order is found by {@code orderId} when it is not 0, otherwise by
 * {@code origClOrdId} among the live orders of {@code sessionId}. Immutable.
 *
 * @param sequence    journal sequence number
 * @param timestamp   ingress time, epoch nanos UTC
 * @param sessionId   requesting FIX session; non-null
 * @param clOrdId     ClOrdID(11) of this request; reported back as ClOrdID
 * @param origClOrdId OrigClOrdID(41): the current ClOrdID of the order to cancel
 * @param orderId     OrderID(37) assigned by the engine, or 0
 */
public record CancelOrder(long sequence, long timestamp, String sessionId, String clOrdId, String origClOrdId,
                          long orderId) implements Command {
}
