package io.portcullis.fix.session;

import quickfix.SessionID;

/**
 * Where the session layer reports what an auditor must be able to find later: every refused logon, every accepted
 * logon, every operator action on a session or credential. The audit trail (Elasticsearch) implements it later;
 * {@link LoggingSessionAudit} writes a log line now.
 *
 * <p>Called on QuickFIX/J session threads (logons) and on admin threads (actions). Implementations must be
 * thread-safe and must not block for long. No method ever receives a password.
 */
public interface SessionAudit {
    /** Why a logon was refused. */
    enum LogonRefusal {
        /** Too many failed logons from this source address recently. */
        ADDRESS_THROTTLED,
        /** The source address is not on the session's allowlist. */
        ADDRESS_NOT_ALLOWED,
        /** The session is disabled (by an operator or in MySQL), or no longer exists. */
        SESSION_DISABLED,
        /** Username(553) or Password(554) missing. */
        MISSING_CREDENTIALS,
        /** No credential with that username. */
        UNKNOWN_USER,
        /** The credential belongs to another counterparty CompID. */
        WRONG_COMP_ID,
        /** The credential is locked after too many failures. */
        LOCKED_OUT,
        /** Wrong password. */
        BAD_PASSWORD
    }

    /**
     * A logon was refused; the counterparty got a Logout and was disconnected.
     *
     * @param username Username(553) as sent, or null
     * @param remoteAddress the source address, e.g. {@code 127.0.0.1}, or null if unknown
     * @param detail extra facts for the auditor (e.g. "locked until ..."); never the password
     */
    void logonRefused(SessionID sessionId, String remoteAddress, String username, LogonRefusal reason, String detail);

    /** A logon passed authentication. */
    void logonAccepted(SessionID sessionId, String remoteAddress, String username);

    /**
     * An operator changed a session: logout, enable, disable, sequence number change or reset.
     *
     * @param action e.g. {@code SET_NEXT_SENDER_SEQ_NUM}
     * @param detail what changed, e.g. {@code 17 -> 1}
     * @param operator who did it, as the admin API authenticated them
     * @param reason why, as the operator wrote it
     */
    void sessionAction(SessionID sessionId, String action, String detail, String operator, String reason);

    /** An operator created, changed, unlocked or removed a logon credential. */
    void credentialAction(String username, String compId, String action, String operator);
}
