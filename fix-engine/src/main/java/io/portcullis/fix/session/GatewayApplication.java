package io.portcullis.fix.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.FieldException;
import quickfix.FieldNotFound;
import quickfix.FixVersions;
import quickfix.IncorrectDataFormat;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;
import quickfix.field.MsgType;

/**
 * The QuickFIX/J {@link Application} of every acceptor session: authenticates Logon in {@code fromAdmin}
 * ({@link LogonAuthenticator}; a refusal becomes {@link RejectLogon}, i.e. a Logout with the text and a disconnect),
 * throttles inbound application messages ({@link MessageRateLimiter}; the excess gets a BusinessMessageReject), and
 * hands the rest to {@link SessionEvents} with the session's {@link SessionProfile}.
 *
 * <p>Called on QuickFIX/J session threads (one per session with the threaded acceptor). Thread-safe.
 */
final class GatewayApplication implements Application {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayApplication.class);
    private static final int USERNAME = 553;
    private static final int PASSWORD = 554;

    private final SessionEvents events;
    private final SessionRegistry registry;
    private final LogonAuthenticator authenticator;
    /** Profiles of the sessions currently logged on, as handed to {@link SessionEvents#onLogon}. */
    private final Map<SessionID, SessionProfile> loggedOn = new ConcurrentHashMap<>();
    private final Map<SessionID, MessageRateLimiter> limiters = new ConcurrentHashMap<>();

    GatewayApplication(final SessionEvents events, final SessionRegistry registry,
                       final LogonAuthenticator authenticator) {
        this.events = events;
        this.registry = registry;
        this.authenticator = authenticator;
    }

    @Override
    public void onCreate(final SessionID sessionId) {
        LOG.debug("session {} created", sessionId);
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        final SessionEntry entry = registry.get(sessionId).orElse(null);
        if (entry == null) {
            LOG.error("session {} logged on without a profile; logging it out", sessionId);
            final Session session = Session.lookupSession(sessionId);
            if (session != null) {
                session.logout("no profile");
            }
            return;
        }
        limiters.put(sessionId, new MessageRateLimiter(entry.profile().maxMessagesPerSecond(), System.nanoTime()));
        loggedOn.put(sessionId, entry.profile());
        events.onLogon(sessionId, entry.profile());
    }

    @Override
    public void onLogout(final SessionID sessionId) {
        limiters.remove(sessionId);
        final SessionProfile profile = loggedOn.remove(sessionId);
        if (profile != null) {
            events.onLogout(sessionId, profile);
        }
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        // nothing to add to outgoing session messages
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId)
        throws FieldNotFound, IncorrectDataFormat, IncorrectTagValue, RejectLogon {
        if (!MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD))) {
            return;
        }
        final Session session = Session.lookupSession(sessionId);
        final String address = AddressAllowlist.hostOf(session == null ? null : session.getRemoteAddress());
        final SessionEntry entry;
        try {
            entry = registry.refresh(sessionId).orElse(null);
        } catch (final RuntimeException ex) {
            LOG.error("cannot read session {} from MySQL at logon: {}", sessionId, ex.getMessage());
            throw new RejectLogon("Logon temporarily unavailable");
        }
        final String refusal;
        try {
            refusal = authenticator.check(sessionId, entry, address,
                message.isSetField(USERNAME) ? message.getString(USERNAME) : null,
                message.isSetField(PASSWORD) ? message.getString(PASSWORD) : null);
        } catch (final RuntimeException ex) {
            LOG.error("logon check of session {} failed: {}", sessionId, ex.toString());
            throw new RejectLogon("Logon temporarily unavailable");
        }
        if (refusal != null) {
            throw new RejectLogon(refusal);
        }
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId) {
        // outgoing application messages are the order layer's
    }

    /** ApplVerID(1128). */
    private static final int APPL_VER_ID = 1128;
    /** ApplVerID value of FIX.5.0SP2, the only application version a FIXT 1.1 session here serves. */
    private static final String FIX50SP2_APPL_VER_ID = "9";
    /** SessionRejectReason(373) 18: invalid or unsupported application version. */
    private static final int INVALID_APPLICATION_VERSION = 18;

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, IncorrectDataFormat, IncorrectTagValue, UnsupportedMessageType {
        final SessionProfile profile = loggedOn.get(sessionId);
        if (profile == null) {
            throw new UnsupportedMessageType();
        }
        if (FixVersions.BEGINSTRING_FIXT11.equals(sessionId.getBeginString())
            && message.getHeader().isSetField(APPL_VER_ID)
            && !FIX50SP2_APPL_VER_ID.equals(message.getHeader().getString(APPL_VER_ID))) {
            // Parsed with the 5.0SP2 dictionary only so that it can be answered (GatewaySessions maps every
            // ApplVerID to it); the session serves FIX.5.0SP2 alone.
            throw new FieldException(INVALID_APPLICATION_VERSION, APPL_VER_ID);
        }
        final MessageRateLimiter limiter = limiters.get(sessionId);
        if (limiter != null && !limiter.tryAcquire(System.nanoTime())) {
            rejectForRate(message, sessionId, limiter.perSecond());
            return;
        }
        events.onApplicationMessage(message, sessionId, profile);
    }

    private static void rejectForRate(final Message message, final SessionID sessionId, final int perSecond)
        throws FieldNotFound {
        final Session session = Session.lookupSession(sessionId);
        if (session == null) {
            return;
        }
        session.send(RateReject.of(message, perSecond));
    }
}
