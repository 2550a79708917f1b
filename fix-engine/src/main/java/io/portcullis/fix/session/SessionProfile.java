package io.portcullis.fix.session;

/**
 * What Portcullis knows about one FIX session beyond QuickFIX/J's settings: whose it is and how it may trade.
 * Immutable; safe on any thread.
 *
 * @param sessionId          the QuickFIX/J SessionID string, e.g. {@code FIX.4.4:PORTCULLIS->BROKER1}; the engine's
 *                           session key (ClOrdIDs are unique per session)
 * @param firmId             the broker firm that owns the session
 * @param role               order entry or drop copy
 * @param defaultAccount     the account orders without Account(1) go to; null when the session has none (such
 *                           orders are rejected)
 * @param cancelOnDisconnect whether the session's open orders are cancelled when it logs out or disconnects
 * @param maxMessagesPerSecond inbound application message rate above which messages are rejected, 0 = no limit
 */
public record SessionProfile(String sessionId, String firmId, Role role, String defaultAccount,
                             boolean cancelOnDisconnect, int maxMessagesPerSecond) {
    /** What a session is for. */
    public enum Role {
        /** Sends orders and receives their ExecutionReports. */
        ORDER_ENTRY,
        /** Receives a copy of every ExecutionReport of its firm; sends no orders. */
        DROP_COPY
    }
}
