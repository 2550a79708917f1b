package io.portcullis.app.admin;

import java.util.concurrent.atomic.AtomicInteger;

import io.portcullis.fix.dictionary.FixDictionary;
import io.portcullis.fix.field.Password;
import io.portcullis.fix.field.Username;
import io.portcullis.fix.messages.PortcullisMessageFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;

/**
 * A FIX 4.4 initiator for tests: logs on as a counterparty with Username(553)/Password(554), reconnects every second,
 * and counts its logons and logouts. QuickFIX/J threads call the callbacks.
 */
final class FixClient implements Application, AutoCloseable {
    private final String compId;
    private final String password;
    private final AtomicInteger logons = new AtomicInteger();
    private final AtomicInteger logouts = new AtomicInteger();
    private final SocketInitiator initiator;
    private volatile boolean loggedOn;

    FixClient(final String compId, final String password, final int port) throws ConfigError {
        this.compId = compId;
        this.password = password;
        final SessionSettings settings = new SessionSettings();
        final SessionID id = new SessionID("FIX.4.4", compId, "PORTCULLIS");
        settings.setString(id, "ConnectionType", "initiator");
        settings.setString(id, "SocketConnectHost", "127.0.0.1");
        settings.setString(id, "SocketConnectPort", Integer.toString(port));
        settings.setString(id, "HeartBtInt", "30");
        settings.setString(id, "ReconnectInterval", "1");
        settings.setString(id, "StartTime", "00:00:00");
        settings.setString(id, "EndTime", "00:00:00");
        settings.setString(id, "NonStopSession", "Y");
        settings.setString(id, "ResetOnLogon", "Y");
        settings.setString(id, "DataDictionary", FixDictionary.FIX44.resourceName());
        initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings,
            new SLF4JLogFactory(new SessionSettings()), new PortcullisMessageFactory());
        initiator.start();
    }

    int logons() {
        return logons.get();
    }

    int logouts() {
        return logouts.get();
    }

    boolean loggedOn() {
        return loggedOn;
    }

    @Override
    public void onCreate(final SessionID sessionId) {
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        loggedOn = true;
        logons.incrementAndGet();
    }

    @Override
    public void onLogout(final SessionID sessionId) {
        loggedOn = false;
        logouts.incrementAndGet();
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        try {
            if ("A".equals(message.getHeader().getString(35))) {
                message.setField(new Username(compId));
                message.setField(new Password(password));
            }
        } catch (final quickfix.FieldNotFound ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) {
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId) {
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) {
    }

    @Override
    public void close() {
        initiator.stop(true);
    }
}
