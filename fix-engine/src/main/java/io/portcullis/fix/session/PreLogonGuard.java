package io.portcullis.fix.session;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Session;
import quickfix.mina.SessionConnector;

/**
 * A MINA filter, first in every acceptor's chain (before TLS and the FIX codec), that protects the acceptor from
 * connections that never authenticate (QuickFIX/J 3.0.0 has no such protection):
 * <ul>
 *   <li>a connection whose FIX session has not logged on within {@code logonTimeoutMillis} of connecting is closed;</li>
 *   <li>a connection that sends more than {@code maxPreLogonBytes} before its session has logged on is closed, and
 *       the bytes past the cap never reach the decoder (so {@code 9=2147483647} cannot make it buffer without
 *       bound).</li>
 * </ul>
 * "Logged on" means QuickFIX/J has bound the connection to a session and that session completed its logon, i.e.
 * after our logon authentication accepted it. After that this filter only passes data through.
 *
 * <p>Runs on MINA I/O threads; the timer runs on one shared daemon thread. Thread-safe.
 */
final class PreLogonGuard extends IoFilterAdapter {
    static final String NAME = "portcullis-prelogon-guard";
    private static final Logger LOG = LoggerFactory.getLogger(PreLogonGuard.class);
    private static final AttributeKey PASSED = new AttributeKey(PreLogonGuard.class, "passed");
    private static final AttributeKey RECEIVED = new AttributeKey(PreLogonGuard.class, "received");
    private static final AttributeKey TIMER = new AttributeKey(PreLogonGuard.class, "timer");

    private final long logonTimeoutMillis;
    private final long maxPreLogonBytes;
    private final ScheduledExecutorService timer;

    PreLogonGuard(final long logonTimeoutMillis, final long maxPreLogonBytes, final ScheduledExecutorService timer) {
        this.logonTimeoutMillis = logonTimeoutMillis;
        this.maxPreLogonBytes = maxPreLogonBytes;
        this.timer = timer;
    }

    @Override
    public void sessionOpened(final NextFilter next, final IoSession session) throws Exception {
        final ScheduledFuture<?> check = timer.schedule(() -> closeIfNotLoggedOn(session),
            logonTimeoutMillis, TimeUnit.MILLISECONDS);
        session.setAttribute(TIMER, check);
        next.sessionOpened(session);
    }

    @Override
    public void sessionClosed(final NextFilter next, final IoSession session) throws Exception {
        final Object check = session.removeAttribute(TIMER);
        if (check instanceof ScheduledFuture<?> future) {
            future.cancel(false);
        }
        next.sessionClosed(session);
    }

    @Override
    public void messageReceived(final NextFilter next, final IoSession session, final Object message)
        throws Exception {
        if (!passed(session) && message instanceof IoBuffer buffer) {
            final long received = (Long) session.getAttribute(RECEIVED, 0L) + buffer.remaining();
            session.setAttribute(RECEIVED, received);
            if (received > maxPreLogonBytes) {
                LOG.warn("closing connection from {}: {} bytes before logon, more than the {} allowed",
                    session.getRemoteAddress(), received, maxPreLogonBytes);
                buffer.position(buffer.limit());
                session.closeNow();
                return;
            }
        }
        next.messageReceived(session, message);
    }

    private void closeIfNotLoggedOn(final IoSession session) {
        if (session.isConnected() && !passed(session)) {
            LOG.warn("closing connection from {}: no logon within {} ms", session.getRemoteAddress(),
                logonTimeoutMillis);
            session.closeNow();
        }
    }

    private static boolean passed(final IoSession session) {
        if (session.containsAttribute(PASSED)) {
            return true;
        }
        if (session.getAttribute(SessionConnector.QF_SESSION) instanceof Session fix && fix.isLoggedOn()) {
            session.setAttribute(PASSED, Boolean.TRUE);
            return true;
        }
        return false;
    }
}
