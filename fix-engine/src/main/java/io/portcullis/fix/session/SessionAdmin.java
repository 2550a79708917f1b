package io.portcullis.fix.session;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

import quickfix.Session;
import quickfix.SessionID;
import quickfix.ThreadedSocketAcceptor;

/**
 * Operator actions on the acceptor's sessions, for the admin API: list, logout, enable/disable, set or reset sequence
 * numbers. Every change takes the operator and a reason and is audited ({@link SessionAudit#sessionAction}).
 *
 * <p>Any thread. Sessions are named by their SessionID string ({@code FIX.4.4:PORTCULLIS->BROKER1}); an unknown name
 * throws {@link NoSuchElementException}.
 */
public final class SessionAdmin {
    private static final Duration RE_ENABLE_WAIT = Duration.ofSeconds(10);

    private final ThreadedSocketAcceptor acceptor;
    private final SessionRegistry registry;
    private final SessionAudit audit;

    SessionAdmin(final ThreadedSocketAcceptor acceptor, final SessionRegistry registry, final SessionAudit audit) {
        this.acceptor = acceptor;
        this.registry = registry;
        this.audit = audit;
    }

    /** Every session of the acceptor (configured, and MySQL ones created so far), by SessionID. */
    public List<SessionStatus> list() {
        final List<SessionStatus> out = new ArrayList<>();
        for (final Session session : acceptor.getManagedSessions()) {
            out.add(status(session));
        }
        out.sort(Comparator.comparing(SessionStatus::sessionId));
        return out;
    }

    /** One session's status. */
    public SessionStatus status(final String sessionId) {
        return status(session(sessionId));
    }

    /**
     * Sends Logout and disconnects; the counterparty may log on again afterwards (the session is re-enabled once it
     * is logged out, within 10 s).
     *
     * @return false when the session was not logged on
     */
    public boolean logout(final String sessionId, final String reason, final String operator) {
        final Session session = session(sessionId);
        if (!session.isLoggedOn()) {
            return false;
        }
        audit.sessionAction(session.getSessionID(), "LOGOUT", null, operator, reason);
        session.logout(reason);
        Thread.ofVirtual().name("portcullis-relogon-" + sessionId).start(() -> {
            final long deadline = System.nanoTime() + RE_ENABLE_WAIT.toNanos();
            while (session.isLoggedOn() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (final InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            session.logon();
        });
        return true;
    }

    /** Refuses logons from now on (logging out a logged-on counterparty); persisted in MySQL for MySQL sessions. */
    public void disable(final String sessionId, final String reason, final String operator) {
        final Session session = session(sessionId);
        audit.sessionAction(session.getSessionID(), "DISABLE", null, operator, reason);
        registry.get(session.getSessionID()).ifPresent(entry -> {
            registry.put(entry.withEnabled(false));
            if (entry.source() == SessionEntry.Source.DATABASE) {
                registry.setEnabledInDatabase(session.getSessionID(), false);
            }
        });
        session.logout(reason);
    }

    /** Accepts logons again; persisted in MySQL for MySQL sessions. */
    public void enable(final String sessionId, final String reason, final String operator) {
        final Session session = session(sessionId);
        audit.sessionAction(session.getSessionID(), "ENABLE", null, operator, reason);
        registry.get(session.getSessionID()).ifPresent(entry -> {
            registry.put(entry.withEnabled(true));
            if (entry.source() == SessionEntry.Source.DATABASE) {
                registry.setEnabledInDatabase(session.getSessionID(), true);
            }
        });
        session.logon();
    }

    /** Sets MsgSeqNum(34) of our next outgoing message (stored in MySQL at once). */
    public void setNextSenderSeqNum(final String sessionId, final int next, final String reason,
                                    final String operator) throws IOException {
        requirePositive(next);
        final Session session = session(sessionId);
        audit.sessionAction(session.getSessionID(), "SET_NEXT_SENDER_SEQ_NUM",
            session.getExpectedSenderNum() + " -> " + next, operator, reason);
        session.setNextSenderMsgSeqNum(next);
    }

    /** Sets the MsgSeqNum(34) expected on the next incoming message (stored in MySQL at once). */
    public void setNextTargetSeqNum(final String sessionId, final int next, final String reason,
                                    final String operator) throws IOException {
        requirePositive(next);
        final Session session = session(sessionId);
        audit.sessionAction(session.getSessionID(), "SET_NEXT_TARGET_SEQ_NUM",
            session.getExpectedTargetNum() + " -> " + next, operator, reason);
        session.setNextTargetMsgSeqNum(next);
    }

    /**
     * Resets both sequence numbers to 1 and deletes the stored messages (QuickFIX/J {@code Session.reset()}: a
     * logged-on counterparty gets a Logout first). An operational event: the counterparty must reset too.
     */
    public void resetSequenceNumbers(final String sessionId, final String reason, final String operator)
        throws IOException {
        final Session session = session(sessionId);
        audit.sessionAction(session.getSessionID(), "RESET_SEQ_NUMS",
            session.getExpectedSenderNum() + "/" + session.getExpectedTargetNum() + " -> 1/1", operator, reason);
        session.reset();
    }

    private SessionStatus status(final Session session) {
        final SessionID id = session.getSessionID();
        final SessionEntry entry = registry.get(id).orElse(null);
        return new SessionStatus(id.toString(),
            entry == null ? null : entry.profile().firmId(),
            entry == null ? null : entry.profile().role().name(),
            entry == null ? null : entry.source().name(),
            session.isEnabled() && (entry == null || entry.enabled()),
            session.isLoggedOn(),
            session.isLoggedOn() ? AddressAllowlist.hostOf(session.getRemoteAddress()) : null,
            session.getExpectedSenderNum(), session.getExpectedTargetNum());
    }

    private Session session(final String sessionId) {
        for (final Session session : acceptor.getManagedSessions()) {
            if (session.getSessionID().toString().equals(sessionId)) {
                return session;
            }
        }
        throw new NoSuchElementException("no FIX session " + sessionId);
    }

    private static void requirePositive(final int next) {
        if (next < 1) {
            throw new IllegalArgumentException("a sequence number must be 1 or more, not " + next);
        }
    }
}
