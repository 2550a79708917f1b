package io.portcullis.oms.command;

/**
 * OrderMassStatusRequest: one ORDER_STATUS ExecutionReport per live order in the scope, in order id order,
 * then one mass action report. Immutable.
 *
 * @param sequence   journal sequence number
 * @param timestamp  ingress time, epoch nanos UTC
 * @param sessionId  requesting FIX session; non-null
 * @param requestId  MassStatusReqID(584), echoed; may be null
 * @param scope      which orders; non-null
 * @param scopeValue the account, firm, session or symbol; ignored for {@link MassScope#ALL}
 */
public record MassStatus(long sequence, long timestamp, String sessionId, String requestId, MassScope scope,
                         String scopeValue) implements Command {
}
