package io.portcullis.system.audit;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import io.portcullis.fix.dictionary.FixDictionary;
import io.portcullis.fix.messages.PortcullisMessageFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;

/**
 * A broker's FIX 4.4 order-entry session for load: sends limit orders, cancel/replaces and cancels, and measures
 * order-to-ack latency (the first ExecutionReport for a ClOrdID, from the moment the order was handed to
 * QuickFIX/J) into whatever sink is current. Thread-safe.
 */
final class LoadSession implements Application, AutoCloseable {
    private static final PortcullisMessageFactory MESSAGES = new PortcullisMessageFactory();

    final SessionID sessionId;
    final AtomicLong executionReports = new AtomicLong();
    final AtomicLong rejects = new AtomicLong();
    /** OrderID(37) by ClOrdID, from the acknowledgements. */
    final Map<String, String> orderIds = new ConcurrentHashMap<>();
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final String password;
    private final SocketInitiator initiator;
    private volatile boolean loggedOn;
    private volatile LongConsumer latencies = nanos -> { };

    LoadSession(final String compId, final String password, final int port) throws ConfigError {
        this.password = password;
        sessionId = new SessionID("FIX.4.4", compId, "PORTCULLIS");
        final SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "initiator");
        settings.setString(sessionId, "SocketConnectHost", "127.0.0.1");
        settings.setString(sessionId, "SocketConnectPort", Integer.toString(port));
        settings.setString(sessionId, "HeartBtInt", "30");
        settings.setString(sessionId, "ReconnectInterval", "1");
        settings.setString(sessionId, "StartTime", "00:00:00");
        settings.setString(sessionId, "EndTime", "00:00:00");
        settings.setString(sessionId, "ResetOnLogon", "N");
        FixDictionary.sessionSettings("FIX.4.4").forEach((key, value) -> settings.setString(sessionId, key, value));
        initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings,
            new SLF4JLogFactory(new SessionSettings()), MESSAGES);
    }

    void start() throws ConfigError {
        initiator.start();
    }

    boolean loggedOn() {
        return loggedOn;
    }

    /** Where order-to-ack latencies (nanoseconds) go from now on. */
    void latencies(final LongConsumer sink) {
        this.latencies = sink;
    }

    /** Sends a DAY limit order for AAPL. */
    void order(final String clOrdId, final char side, final String account, final long qty, final String price)
        throws SessionNotFound {
        order(clOrdId, "AAPL", side, account, qty, price);
    }

    /** Sends a DAY limit order. */
    void order(final String clOrdId, final String symbol, final char side, final String account, final long qty,
               final String price) throws SessionNotFound {
        final Message order = MESSAGES.create("FIX.4.4", "D");
        order.setString(11, clOrdId);
        order.setString(1, account);
        order.setChar(21, '1');
        order.setString(55, symbol);
        order.setChar(54, side);
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        order.setDecimal(38, BigDecimal.valueOf(qty));
        order.setChar(40, '2');
        order.setDecimal(44, new BigDecimal(price));
        order.setChar(59, '0');
        pending.put(clOrdId, System.nanoTime());
        Session.sendToTarget(order, sessionId);
    }

    /** Sends an OrderCancelReplaceRequest for the order first sent as {@code origClOrdId}. */
    void replace(final String clOrdId, final String origClOrdId, final String symbol, final char side, final long qty,
                 final String price) throws SessionNotFound {
        final Message replace = MESSAGES.create("FIX.4.4", "G");
        replace.setString(11, clOrdId);
        replace.setString(41, origClOrdId);
        replace.setString(55, symbol);
        replace.setChar(54, side);
        replace.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        replace.setDecimal(38, BigDecimal.valueOf(qty));
        replace.setChar(40, '2');
        replace.setDecimal(44, new BigDecimal(price));
        Session.sendToTarget(replace, sessionId);
    }

    /** Sends an OrderCancelRequest. */
    void cancel(final String clOrdId, final String origClOrdId, final String symbol, final char side)
        throws SessionNotFound {
        final Message cancel = MESSAGES.create("FIX.4.4", "F");
        cancel.setString(11, clOrdId);
        cancel.setString(41, origClOrdId);
        cancel.setString(55, symbol);
        cancel.setChar(54, side);
        cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        Session.sendToTarget(cancel, sessionId);
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
        if (!"8".equals(message.getHeader().getString(35))) {
            return;
        }
        final long now = System.nanoTime();
        executionReports.incrementAndGet();
        final String clOrdId = message.getString(11);
        final Long sent = pending.remove(clOrdId);
        if (sent != null) {
            latencies.accept(now - sent);
            if (message.getChar(150) == '8') {
                rejects.incrementAndGet();
            } else if (message.isSetField(37)) {
                orderIds.put(clOrdId, message.getString(37));
            }
        }
    }
}
