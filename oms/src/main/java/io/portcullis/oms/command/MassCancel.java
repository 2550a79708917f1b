package io.portcullis.oms.command;

/**
 * OrderMassCancelRequest: cancels every live order in the scope, one CANCELED ExecutionReport each, then one
 * mass action report. Entitlement (may this session cancel that firm's orders?) is checked at the gateway.
 * Immutable.
 *
 * @param sequence   journal sequence number
 * @param timestamp  ingress time, epoch nanos UTC
 * @param sessionId  requesting FIX session; non-null
 * @param requestId  ClOrdID(11) of the mass cancel request, echoed; may be null
 * @param scope      which orders; non-null
 * @param scopeValue the account, firm, session or symbol; ignored for {@link MassScope#ALL}
 */
public record MassCancel(long sequence, long timestamp, String sessionId, String requestId, MassScope scope,
                         String scopeValue) implements Command {
}
