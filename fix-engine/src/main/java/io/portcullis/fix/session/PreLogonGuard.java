package io.portcullis.fix.session;

import java.util.Map;
import java.util.Set;
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
 *   <li>a connection whose first message names a BeginString that its port does not serve (say FIX.4.2 on the FIX
 *       4.4 port) is closed at once: QuickFIX/J would find the session of that name on the other port, answer
 *       nothing, and keep the connection open until the logon timeout.</li>
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
    private static final AttributeKey CHECKED = new AttributeKey(PreLogonGuard.class, "checked");

    private final long logonTimeoutMillis;
    private final long maxPreLogonBytes;
    private final ScheduledExecutorService timer;
    private final Map<Integer, Set<String>> beginStringsByPort;

    /**
     * @param beginStringsByPort the BeginStrings each local port serves; a port missing here is not checked
     */
    PreLogonGuard(final long logonTimeoutMillis, final long maxPreLogonBytes, final ScheduledExecutorService timer,
                  final Map<Integer, Set<String>> beginStringsByPort) {
        this.logonTimeoutMillis = logonTimeoutMillis;
        this.maxPreLogonBytes = maxPreLogonBytes;
        this.timer = timer;
        this.beginStringsByPort = Map.copyOf(beginStringsByPort);
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
            if (!session.containsAttribute(CHECKED) && wrongBeginString(session, buffer)) {
                buffer.position(buffer.limit());
                session.closeNow();
                return;
            }
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

    /**
     * Reads the BeginString of the connection's first bytes (when they are plain FIX, not TLS) and says whether the
     * local port does not serve it. Marks the connection checked once the BeginString could be read.
     */
    private boolean wrongBeginString(final IoSession session, final IoBuffer buffer) {
        final int start = buffer.position();
        final int limit = Math.min(buffer.limit(), start + 32);
        if (limit - start < 3 || buffer.get(start) != '8' || buffer.get(start + 1) != '=') {
            if (limit - start >= 2) {
                session.setAttribute(CHECKED, Boolean.TRUE);
            }
            return false;
        }
        int end = start + 2;
        while (end < limit && buffer.get(end) != 1) {
            end++;
        }
        if (end == limit) {
            return false;
        }
        session.setAttribute(CHECKED, Boolean.TRUE);
        final byte[] value = new byte[end - start - 2];
        for (int i = 0; i < value.length; i++) {
            value[i] = buffer.get(start + 2 + i);
        }
        final String beginString = new String(value, java.nio.charset.StandardCharsets.US_ASCII);
        final Set<String> served = session.getLocalAddress() instanceof java.net.InetSocketAddress local
            ? beginStringsByPort.get(local.getPort()) : null;
        if (served != null && !served.contains(beginString)) {
            LOG.warn("closing connection from {}: BeginString {} is not served on this port (it serves {})",
                session.getRemoteAddress(), beginString, served);
            return true;
        }
        return false;
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
