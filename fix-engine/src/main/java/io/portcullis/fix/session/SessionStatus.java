package io.portcullis.fix.session;

/**
 * One session as the admin API lists it. Immutable snapshot.
 *
 * @param sessionId          QuickFIX/J SessionID string, e.g. {@code FIX.4.4:PORTCULLIS->BROKER1}
 * @param firmId             owning firm, null if unknown
 * @param role               ORDER_ENTRY or DROP_COPY, null if unknown
 * @param source             CONFIG_FILE or DATABASE
 * @param enabled            whether logons are accepted
 * @param loggedOn           whether the counterparty is logged on now
 * @param remoteAddress      the counterparty's address while connected, else null
 * @param nextSenderSeqNum   MsgSeqNum(34) of our next outgoing message
 * @param nextTargetSeqNum   MsgSeqNum(34) expected on the next incoming message
 */
public record SessionStatus(String sessionId, String firmId, String role, String source, boolean enabled,
                            boolean loggedOn, String remoteAddress, int nextSenderSeqNum, int nextTargetSeqNum) {
}
