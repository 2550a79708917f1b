package io.portcullis.fix.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.SessionID;

/**
 * A {@link SessionAudit} that writes one log line per event to the logger {@code io.portcullis.fix.session.audit}:
 * WARN for refused logons, INFO for the rest. Until the audit trail exists this is the record. Thread-safe.
 */
public final class LoggingSessionAudit implements SessionAudit {
    private static final Logger LOG = LoggerFactory.getLogger("io.portcullis.fix.session.audit");

    @Override
    public void logonRefused(final SessionID sessionId, final String remoteAddress, final String username,
                             final LogonRefusal reason, final String detail) {
        LOG.warn("logon refused session={} address={} username={} reason={} detail={}",
            sessionId, remoteAddress, username, reason, detail);
    }

    @Override
    public void logonAccepted(final SessionID sessionId, final String remoteAddress, final String username) {
        LOG.info("logon accepted session={} address={} username={}", sessionId, remoteAddress, username);
    }

    @Override
    public void sessionAction(final SessionID sessionId, final String action, final String detail,
                              final String operator, final String reason) {
        LOG.info("session action session={} action={} detail={} operator={} reason={}",
            sessionId, action, detail, operator, reason);
    }

    @Override
    public void credentialAction(final String username, final String compId, final String action,
                                 final String operator) {
        LOG.info("credential action username={} compId={} action={} operator={}", username, compId, action, operator);
    }
}
