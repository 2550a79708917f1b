package io.portcullis.app.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.portcullis.app.demo.DemoSessions;
import io.portcullis.fix.dictionary.FixDictionary;
import io.portcullis.fix.messages.PortcullisMessageFactory;
import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.Initiator;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;

/** A FIX 4.4 broker session for tests: logs on with its password and collects ExecutionReports by ClOrdID. */
public final class FixBroker implements Application, AutoCloseable {
    private final Map<String, List<Message>> reports = new ConcurrentHashMap<>();
    private final String password;
    private final SessionID id;
    private final Initiator initiator;
    private volatile boolean loggedOn;

    /** Logs on as {@code compId} on the gateway at {@code port} and waits for the logon. */
    public FixBroker(final String compId, final String password, final int port) throws Exception {
        this.password = password;
        this.id = new SessionID("FIX.4.4", compId, DemoSessions.GATEWAY_COMP_ID);
        final SessionSettings settings = new SessionSettings();
        settings.setString(id, "ConnectionType", "initiator");
        settings.setString(id, "SocketConnectHost", "127.0.0.1");
        settings.setString(id, "SocketConnectPort", Integer.toString(port));
        settings.setString(id, "HeartBtInt", "30");
        settings.setString(id, "ReconnectInterval", "1");
        settings.setString(id, "NonStopSession", "Y");
        settings.setString(id, "ResetOnLogon", "Y");
        FixDictionary.sessionSettings("FIX.4.4").forEach((key, value) -> settings.setString(id, key, value));
        initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings,
            new SLF4JLogFactory(new SessionSettings()), new PortcullisMessageFactory());
        initiator.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> loggedOn);
    }

    /** @return every ExecutionReport received so far */
    List<Message> allReports() {
        return reports.values().stream().flatMap(List::stream).toList();
    }

    /** @return the ExecutionReports received for {@code clOrdId} so far */
    public List<Message> reportsOf(final String clOrdId) {
        return reports.getOrDefault(clOrdId, List.of());
    }

    /** Sends the order and returns its first ExecutionReport. */
    public Message send(final Message order) throws Exception {
        return sendAll(List.of(order)).get(0);
    }

    /** Sends the orders back to back and returns the first ExecutionReport of each. */
    List<Message> sendAll(final List<Message> orders) throws Exception {
        for (final Message order : orders) {
            assertThat(Session.sendToTarget(order, id)).isTrue();
        }
        final List<String> ids = orders.stream().map(o -> field(o, 11)).toList();
        await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream().noneMatch(c -> reportsOf(c).isEmpty()));
        return ids.stream().map(c -> reportsOf(c).get(0)).toList();
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound {
        if ("8".equals(message.getHeader().getString(35))) {
            reports.computeIfAbsent(message.getString(11), c -> new CopyOnWriteArrayList<>()).add(message);
        }
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        if ("A".equals(field(message.getHeader(), 35))) {
            message.setString(553, sessionId.getSenderCompID());
            message.setString(554, password);
        }
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        loggedOn = true;
    }

    @Override
    public void onLogout(final SessionID sessionId) {
        loggedOn = false;
    }

    @Override
    public void onCreate(final SessionID sessionId) {
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) {
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId) {
    }

    @Override
    public void close() {
        initiator.stop(true);
    }

    static String field(final quickfix.FieldMap message, final int tag) {
        try {
            return message.getString(tag);
        } catch (final FieldNotFound ex) {
            return null;
        }
    }
}
