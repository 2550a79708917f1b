package io.portcullis.fix.session;

import static io.portcullis.sql.schema.Tables.BROKER_FIRM;
import static io.portcullis.sql.schema.Tables.FIX_SESSION;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.portcullis.config.Settings;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.TestDatabase;
import org.slf4j.LoggerFactory;
import quickfix.ConfigError;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * A gateway for one test class: its own database (migrated), a broker firm BRK1, a FIX 4.4 template on a free
 * loopback port taking every {@code fix_session} row, recording SessionEvents and SessionAudit, and every log event
 * captured.
 */
final class SessionTestGateway implements AutoCloseable {
    static final String FIRM = "BRK1";
    static final String US = "PORTCULLIS";

    final TestDatabase testDatabase;
    final Database database;
    final int port;
    final RecordingEvents events = new RecordingEvents();
    final RecordingAudit audit = new RecordingAudit();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Map<String, String> defaults;
    GatewaySessions gateway;

    private SessionTestGateway(final Class<?> testClass, final Map<String, String> defaults) {
        quietLogging();
        logs.start();
        root().addAppender(logs);
        this.defaults = defaults;
        testDatabase = TestDatabase.create(testClass);
        database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of(
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password", testDatabase.password(),
            "db.pool-size", "4"), Map.of(), Map.of())));
        database.migrate();
        database.dsl().insertInto(BROKER_FIRM).set(BROKER_FIRM.FIRM_ID, FIRM).set(BROKER_FIRM.NAME, "Broker One")
            .set(BROKER_FIRM.CREATED_AT, LocalDateTime.now()).execute();
        port = freePort();
    }

    /** A started gateway; {@code defaults} are extra [DEFAULT] settings. */
    static SessionTestGateway start(final Class<?> testClass, final Map<String, String> defaults) throws ConfigError {
        final SessionTestGateway gateway = new SessionTestGateway(testClass, defaults);
        gateway.startGateway();
        return gateway;
    }

    void startGateway() throws ConfigError {
        gateway = new GatewaySessions(settings(), database.dataSource(), database.dsl(), events, audit,
            Clock.systemUTC());
        gateway.start();
    }

    void restartGateway() throws ConfigError {
        gateway.stop();
        startGateway();
    }

    SessionSettings settings() {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SenderCompID", US);
        settings.setString("NonStopSession", "Y");
        settings.setString("SocketAcceptAddress", "127.0.0.1");
        settings.setString("SocketReuseAddress", "Y");
        settings.setString("PortcullisSessionRefreshSeconds", "0");
        settings.setString("PortcullisAddressFailureLimit", "1000");
        defaults.forEach(settings::setString);
        final SessionID template = new SessionID("FIX.4.4", US, "*");
        settings.setString(template, "AcceptorTemplate", "Y");
        settings.setString(template, "SocketAcceptPort", Integer.toString(port));
        return settings;
    }

    /** Inserts a FIX 4.4 session for counterparty {@code target}. */
    void addSession(final String target, final String allowedAddresses, final Integer maxPerSecond) {
        final LocalDateTime now = LocalDateTime.now();
        database.dsl().insertInto(FIX_SESSION)
            .set(FIX_SESSION.SESSION_ID, "FIX.4.4:" + US + "->" + target)
            .set(FIX_SESSION.BEGIN_STRING, "FIX.4.4").set(FIX_SESSION.SENDER_COMP_ID, US)
            .set(FIX_SESSION.TARGET_COMP_ID, target).set(FIX_SESSION.FIRM_ID, FIRM)
            .set(FIX_SESSION.SESSION_ROLE, "ORDER_ENTRY").set(FIX_SESSION.ALLOWED_ADDRESSES, allowedAddresses)
            .set(FIX_SESSION.MAX_MSGS_PER_SECOND, maxPerSecond).set(FIX_SESSION.CANCEL_ON_DISCONNECT, true)
            .set(FIX_SESSION.ENABLED, true).set(FIX_SESSION.CREATED_AT, now).set(FIX_SESSION.UPDATED_AT, now)
            .execute();
    }

    void addCredential(final String username, final String compId, final String password) {
        gateway.credentials().set(username, compId, password.toCharArray(), "test");
    }

    SessionID sessionOf(final String target) {
        return new SessionID("FIX.4.4", US, target);
    }

    /** Every captured log line, formatted. */
    String allLogText() {
        final StringBuilder text = new StringBuilder();
        for (final ILoggingEvent event : List.copyOf(logs.list)) {
            text.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.stop();
        }
        root().detachAppender(logs);
        database.close();
        testDatabase.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static void quietLogging() {
        root().setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("org.apache.mina")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("org.flywaydb")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("com.zaxxer.hikari")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("org.jooq")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("quickfixj.msg")).setLevel(Level.INFO);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** SessionEvents that records what it is told. */
    static final class RecordingEvents implements SessionEvents {
        final List<SessionProfile> logons = new CopyOnWriteArrayList<>();
        final List<SessionProfile> logouts = new CopyOnWriteArrayList<>();
        final List<Message> messages = new CopyOnWriteArrayList<>();

        @Override
        public void onLogon(final SessionID sessionId, final SessionProfile profile) {
            logons.add(profile);
        }

        @Override
        public void onLogout(final SessionID sessionId, final SessionProfile profile) {
            logouts.add(profile);
        }

        @Override
        public void onApplicationMessage(final Message message, final SessionID sessionId,
                                         final SessionProfile profile) {
            messages.add(message);
        }
    }

    /** SessionAudit that records refusals and actions (and logs them too). */
    static final class RecordingAudit implements SessionAudit {
        record Refusal(SessionID sessionId, String address, String username, LogonRefusal reason, String detail) {
        }

        final List<Refusal> refusals = new CopyOnWriteArrayList<>();
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final List<String> actions = new CopyOnWriteArrayList<>();
        private final LoggingSessionAudit log = new LoggingSessionAudit();

        @Override
        public void logonRefused(final SessionID sessionId, final String remoteAddress, final String username,
                                 final LogonRefusal reason, final String detail) {
            refusals.add(new Refusal(sessionId, remoteAddress, username, reason, detail));
            log.logonRefused(sessionId, remoteAddress, username, reason, detail);
        }

        @Override
        public void logonAccepted(final SessionID sessionId, final String remoteAddress, final String username) {
            accepted.add(sessionId + " " + username + " " + remoteAddress);
        }

        @Override
        public void sessionAction(final SessionID sessionId, final String action, final String detail,
                                  final String operator, final String reason) {
            actions.add(sessionId + " " + action + " " + detail + " " + operator + " " + reason);
        }

        @Override
        public void credentialAction(final String username, final String compId, final String action,
                                     final String operator) {
            actions.add(username + " " + action);
        }
    }
}
