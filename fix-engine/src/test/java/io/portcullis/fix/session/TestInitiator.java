package io.portcullis.fix.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.portcullis.fix.dictionary.FixDictionary;
import io.portcullis.fix.messages.PortcullisMessageFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.FieldNotFound;
import quickfix.Log;
import quickfix.LogFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;

/**
 * A real QuickFIX/J FIX 4.4 initiator over loopback (in the clear, or over TLS with the settings given) that logs on
 * with a username and password and records what it receives.
 */
final class TestInitiator implements Application, AutoCloseable {
    final SessionID sessionId;
    final List<String> logoutTexts = new CopyOnWriteArrayList<>();
    final List<Message> received = new CopyOnWriteArrayList<>();
    final List<String> incomingRaw = new CopyOnWriteArrayList<>();
    volatile boolean loggedOn;
    volatile int logons;
    private final String username;
    private final String password;
    private final SocketInitiator initiator;

    /** An initiator that sends ResetSeqNumFlag=Y on every logon (so refused attempts leave no sequence gap). */
    TestInitiator(final String senderCompId, final int port, final String username, final String password)
        throws ConfigError {
        this(senderCompId, port, username, password, true);
    }

    TestInitiator(final String senderCompId, final int port, final String username, final String password,
                  final boolean resetOnLogon) throws ConfigError {
        this(senderCompId, port, username, password, resetOnLogon, Map.of());
    }

    /**
     * An initiator that sends ResetSeqNumFlag=Y on every logon.
     *
     * @param extraSettings further QuickFIX/J settings of the session (TLS: SocketUseSSL, SocketTrustStore, ...)
     */
    TestInitiator(final String senderCompId, final int port, final String username, final String password,
                  final Map<String, String> extraSettings) throws ConfigError {
        this(senderCompId, port, username, password, true, extraSettings);
    }

    private TestInitiator(final String senderCompId, final int port, final String username, final String password,
                          final boolean resetOnLogon, final Map<String, String> extraSettings) throws ConfigError {
        this.sessionId = new SessionID("FIX.4.4", senderCompId, SessionTestGateway.US);
        this.username = username;
        this.password = password;
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("NonStopSession", "Y");
        settings.setString("HeartBtInt", "30");
        settings.setString("ReconnectInterval", "1");
        settings.setString("ResetOnLogon", resetOnLogon ? "Y" : "N");
        settings.setString("SocketConnectHost", "127.0.0.1");
        settings.setString(sessionId, "SocketConnectPort", Integer.toString(port));
        settings.setString(sessionId, "BeginString", "FIX.4.4");
        settings.setString(sessionId, "SenderCompID", senderCompId);
        settings.setString(sessionId, "TargetCompID", SessionTestGateway.US);
        FixDictionary.sessionSettings("FIX.4.4").forEach((k, v) -> settings.setString(sessionId, k, v));
        extraSettings.forEach((k, v) -> settings.setString(sessionId, k, v));
        initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings, new RecordingLogFactory(),
            new PortcullisMessageFactory());
        initiator.start();
    }

    Session session() {
        return Session.lookupSession(sessionId);
    }

    boolean send(final Message message) {
        return session().send(message);
    }

    @Override
    public void close() {
        initiator.stop(true);
    }

    @Override
    public void onCreate(final SessionID id) {
    }

    @Override
    public void onLogon(final SessionID id) {
        loggedOn = true;
        logons++;
    }

    @Override
    public void onLogout(final SessionID id) {
        loggedOn = false;
    }

    @Override
    public void toAdmin(final Message message, final SessionID id) {
        try {
            if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD))) {
                if (username != null) {
                    message.setString(553, username);
                }
                if (password != null) {
                    message.setString(554, password);
                }
            }
        } catch (final FieldNotFound ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID id) throws FieldNotFound {
        if (MsgType.LOGOUT.equals(message.getHeader().getString(MsgType.FIELD))) {
            logoutTexts.add(message.isSetField(58) ? message.getString(58) : "");
        }
    }

    @Override
    public void toApp(final Message message, final SessionID id) {
    }

    @Override
    public void fromApp(final Message message, final SessionID id) {
        received.add(message);
    }

    private final class RecordingLogFactory implements LogFactory {
        @Override
        public Log create(final SessionID id) {
            return new Log() {
                @Override
                public void clear() {
                }

                @Override
                public void onIncoming(final String message) {
                    incomingRaw.add(message);
                }

                @Override
                public void onOutgoing(final String message) {
                }

                @Override
                public void onEvent(final String text) {
                }

                @Override
                public void onErrorEvent(final String text) {
                }
            };
        }
    }
}
