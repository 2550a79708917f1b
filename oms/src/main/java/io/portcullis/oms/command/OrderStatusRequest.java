package io.portcullis.oms.command;

/**
 * OrderStatusRequest: answered with one ExecutionReport of ExecType ORDER_STATUS. The order is found by
 * {@code orderId} when not 0, otherwise by {@code clOrdId} among the session's live orders. Immutable.
 *
 * @param sequence  journal sequence number
 * @param timestamp ingress time, epoch nanos UTC
 * @param sessionId requesting FIX session; non-null
 * @param requestId OrdStatusReqID(790), echoed; may be null
 * @param clOrdId   ClOrdID(11) of the order
 * @param orderId   OrderID(37), or 0
 */
public record OrderStatusRequest(long sequence, long timestamp, String sessionId, String requestId,
                                 String clOrdId, long orderId) implements Command {
}
