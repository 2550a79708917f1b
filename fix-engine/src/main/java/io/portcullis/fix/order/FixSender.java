package io.portcullis.fix.order;

import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;

/**
 * How the order layer puts a message on a FIX session: {@link #QUICKFIXJ} in the gateway, a recording fake in unit
 * tests. Called on the outbound thread (reports) and on session threads (immediate rejects); must be thread-safe.
 */
@FunctionalInterface
public interface FixSender {
    /**
     * Sends through QuickFIX/J, but only to a session that is logged on: a report for a logged-out session would
     * otherwise go into QuickFIX/J's store and be delivered only if the counterparty asks for a resend. The order
     * layer keeps such reports in the journal instead and re-sends them at the next logon.
     */
    FixSender QUICKFIXJ = (message, sessionId) -> {
        final Session session = Session.lookupSession(sessionId);
        if (session == null || !session.isLoggedOn()) {
            return false;
        }
        return session.send(message);
    };

    /**
     * @param message   a complete application message (header fields other than MsgType are filled by the session)
     * @param sessionId the target session
     * @return true when the session took the message (it is logged on); false when it was not sent
     */
    boolean send(Message message, SessionID sessionId);
}
