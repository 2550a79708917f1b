package io.portcullis.system.gateway;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.portcullis.fix.dictionary.FixDictionary;
import io.portcullis.fix.messages.PortcullisMessageFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;

/**
 * A broker's QuickFIX/J FIX 4.4 initiator with a persistent {@link FileStoreFactory} (its sequence numbers and sent
 * messages survive, so a reconnect resumes the session through resend and gap fill instead of a reset). It records
 * every ExecutionReport it receives, with its PossDupFlag(43) and PossResend(97).
 */
final class RecordingInitiator implements Application, AutoCloseable {
    /** One ExecutionReport as received. */
    record Report(String clOrdId, char execType, String execId, boolean possDup, boolean possResend, String text) {
        boolean flaggedAsRepeat() {
            return possDup || possResend;
        }
    }

    private static final PortcullisMessageFactory MESSAGES = new PortcullisMessageFactory();

    final SessionID sessionId;
    final List<Report> reports = new CopyOnWriteArrayList<>();
    final Set<String> sent = ConcurrentHashMap.newKeySet();
    final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger logons = new AtomicInteger();
    private final String password;
    private final SocketInitiator initiator;
    private volatile boolean loggedOn;

    RecordingInitiator(final String compId, final String password, final int port, final Path store)
        throws ConfigError {
        this.password = password;
        sessionId = new SessionID("FIX.4.4", compId, "PORTCULLIS");
        final SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "initiator");
        settings.setString(sessionId, "SocketConnectHost", "127.0.0.1");
        settings.setString(sessionId, "SocketConnectPort", Integer.toString(port));
        settings.setString(sessionId, "HeartBtInt", "10");
        settings.setString(sessionId, "ReconnectInterval", "1");
        settings.setString(sessionId, "NonStopSession", "Y");
        settings.setString(sessionId, "ResetOnLogon", "N");
        settings.setString(sessionId, "ResetOnDisconnect", "N");
        settings.setString(sessionId, "FileStorePath", store.toString());
        settings.setString(sessionId, "FileStoreSync", "Y");
        FixDictionary.sessionSettings("FIX.4.4").forEach((key, value) -> settings.setString(sessionId, key, value));
        initiator = new SocketInitiator(this, new FileStoreFactory(settings), settings,
            new SLF4JLogFactory(new SessionSettings()), MESSAGES);
    }

    void start() throws ConfigError {
        initiator.start();
    }

    boolean loggedOn() {
        return loggedOn;
    }

    /**
     * Sends a limit DAY order for 100 AAPL; while logged out QuickFIX/J stores it under the next MsgSeqNum and the
     * gateway gets it by resend after the next logon.
     */
    void sendOrder(final String clOrdId, final char side, final String account, final String price)
        throws SessionNotFound {
        final Message order = MESSAGES.create("FIX.4.4", "D");
        order.setString(11, clOrdId);
        order.setString(1, account);
        order.setChar(21, '1');
        order.setString(55, "AAPL");
        order.setChar(54, side);
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        order.setDecimal(38, new BigDecimal("100"));
        order.setChar(40, '2');
        order.setDecimal(44, new BigDecimal(price));
        order.setChar(59, '0');
        sent.add(clOrdId);
        Session.sendToTarget(order, sessionId);
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
        logons.incrementAndGet();
    }

    @Override
    public void onLogout(final SessionID id) {
        loggedOn = false;
    }

    @Override
    public void toAdmin(final Message message, final SessionID id) {
        try {
            if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD))) {
                message.setString(553, id.getSenderCompID());
                message.setString(554, password);
            }
        } catch (final FieldNotFound ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID id) {
    }

    @Override
    public void toApp(final Message message, final SessionID id) {
    }

    @Override
    public void fromApp(final Message message, final SessionID id) throws FieldNotFound {
        if (!"8".equals(message.getHeader().getString(MsgType.FIELD))) {
            return;
        }
        final Report report = new Report(message.getString(11), message.getChar(150),
            message.getString(17), flag(message, 43), flag(message, 97),
            message.isSetField(58) ? message.getString(58) : null);
        reports.add(report);
        if (report.execType() != '8') {
            acknowledged.put(report.clOrdId(), Boolean.TRUE);
        }
    }

    private static boolean flag(final Message message, final int tag) throws FieldNotFound {
        return message.getHeader().isSetField(tag) && message.getHeader().getBoolean(tag);
    }
}
