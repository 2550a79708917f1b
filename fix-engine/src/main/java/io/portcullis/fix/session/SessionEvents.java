package io.portcullis.fix.session;

import quickfix.FieldNotFound;
import quickfix.IncorrectDataFormat;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;

/**
 * The seam between the session layer ({@code io.portcullis.fix.session}: acceptors, logon, throttles) and the order
 * layer ({@code io.portcullis.fix.order}: FIX to engine commands and engine events back to FIX). The session layer
 * calls these methods only for sessions that have logged on and passed authentication; the order layer implements
 * them.
 *
 * <p>Called on QuickFIX/J session threads. Implementations must not block and must not take locks the engine or
 * the journal's I/O thread hold: decode, validate, map and enqueue.
 */
public interface SessionEvents {
    /** A session logged on (after its credentials were accepted). */
    void onLogon(SessionID sessionId, SessionProfile profile);

    /** A session logged out or disconnected. */
    void onLogout(SessionID sessionId, SessionProfile profile);

    /**
     * An application message arrived (already validated against the session's dictionary by QuickFIX/J, and within
     * the session's message rate). Throw the QuickFIX/J exceptions for the standard answers: UnsupportedMessageType
     * becomes a BusinessMessageReject, IncorrectTagValue / FieldNotFound / IncorrectDataFormat a session Reject.
     */
    void onApplicationMessage(Message message, SessionID sessionId, SessionProfile profile)
        throws FieldNotFound, IncorrectDataFormat, IncorrectTagValue, UnsupportedMessageType;
}
