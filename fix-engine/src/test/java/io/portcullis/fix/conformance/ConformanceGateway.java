package io.portcullis.fix.conformance;

import static io.portcullis.sql.schema.Tables.BROKER_FIRM;
import static io.portcullis.sql.schema.Tables.FIX_SESSION;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.portcullis.config.Settings;
import io.portcullis.fix.order.FixSender;
import io.portcullis.fix.order.OrderFlowHandler;
import io.portcullis.fix.order.Outbound;
import io.portcullis.fix.session.GatewaySessions;
import io.portcullis.fix.session.LoggingSessionAudit;
import io.portcullis.fix.session.SessionStatus;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.oms.runner.EngineRunner;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.TestDatabase;
import org.slf4j.LoggerFactory;
import quickfix.ConfigError;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * The gateway the conformance scripts talk to: the real session layer ({@link GatewaySessions}: MySQL message store,
 * logon credentials, pre-logon guard) with a FIX 4.4, a FIX 4.2 and a FIXT 1.1 (FIX 5.0SP2, DefaultApplVerID 9)
 * template on three loopback ports, and the real order layer ({@link OrderFlowHandler} and {@link Outbound}) on the
 * real engine runner journaling to Kafka. The counterparty is {@value #CLIENT} (Username {@value #CLIENT}, Password
 * {@value #PASSWORD}) of firm FIRMA, trading for accounts ALICE and BOB in AAPL, MSFT and SPY; our CompID is
 * {@value #US}.
 */
final class ConformanceGateway implements AutoCloseable {
    static final String US = "PORTCULLIS";
    static final String CLIENT = "TW";
    static final String PASSWORD = "tw-conformance-1";
    static final String[] VERSIONS = {"FIX.4.4", "FIX.4.2", "FIXT.1.1"};

    private final TestDatabase testDatabase;
    private final Database database;
    private final KafkaJournal kafka;
    private final Outbound outbound;
    private final EngineRunner runner;
    private final GatewaySessions sessions;
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    ConformanceGateway(final Class<?> testClass, final String kafkaBootstrap) throws ConfigError {
        quietLogging();
        testDatabase = TestDatabase.create(testClass);
        database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of(
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password", testDatabase.password(),
            "db.pool-size", "4"), Map.of(), Map.of())));
        database.migrate();
        final LocalDateTime now = LocalDateTime.now();
        database.dsl().insertInto(BROKER_FIRM).set(BROKER_FIRM.FIRM_ID, "FIRMA").set(BROKER_FIRM.NAME, "Firm A")
            .set(BROKER_FIRM.CREATED_AT, now).execute();
        for (final String version : VERSIONS) {
            ports.put(version, freePort());
            database.dsl().insertInto(FIX_SESSION)
                .set(FIX_SESSION.SESSION_ID, sessionId(version).toString())
                .set(FIX_SESSION.BEGIN_STRING, version).set(FIX_SESSION.SENDER_COMP_ID, US)
                .set(FIX_SESSION.TARGET_COMP_ID, CLIENT).set(FIX_SESSION.FIRM_ID, "FIRMA")
                .set(FIX_SESSION.SESSION_ROLE, "ORDER_ENTRY").set(FIX_SESSION.CANCEL_ON_DISCONNECT, false)
                .set(FIX_SESSION.ENABLED, true).set(FIX_SESSION.CREATED_AT, now).set(FIX_SESSION.UPDATED_AT, now)
                .execute();
        }

        final JournalConfiguration journal = JournalConfiguration.from(Settings.of(
            Map.of("kafka.bootstrap", kafkaBootstrap), Map.of(), Map.of()))
            .withTopic(Isolation.topicName(testClass, "journal"));
        kafka = KafkaJournal.open(journal);
        final Recovery.Result recovered = Recovery.recover(RandomFlowAccess.config(), null, journal);
        outbound = new Outbound(ConformanceGateway::firmOf, s -> s.equals("AAPL") || s.equals("MSFT")
            || s.equals("SPY"), journal, database.dataSource(), FixSender.QUICKFIXJ, 4096);
        runner = new EngineRunner(recovered, kafka, null, 4096, 0, outbound);
        outbound.start(recovered.nextOffset());
        final OrderFlowHandler orders = new OrderFlowHandler(runner::submit, outbound, ConformanceGateway::firmOf,
            InstantSource.system(), FixSender.QUICKFIXJ);

        sessions = new GatewaySessions(settings(), database.dataSource(), database.dsl(), orders,
            new LoggingSessionAudit(), Clock.systemUTC());
        sessions.start();
        sessions.credentials().set(CLIENT, CLIENT, PASSWORD.toCharArray(), "conformance");
    }

    /** @return the folder under {@code conformance/} holding the scripts of a version: fix44, fix42, fixt11 */
    static String scriptDirectory(final String beginString) {
        return beginString.toLowerCase(Locale.ROOT).replace(".", "");
    }

    int port(final String beginString) {
        return ports.get(beginString);
    }

    static SessionID sessionId(final String beginString) {
        return new SessionID(beginString, US, CLIENT);
    }

    /**
     * Makes the session fresh for the next script: waits (up to {@code wait}) until the gateway has seen the last
     * script's connection go, then resets both sequence numbers to 1 (what QuickFIX's acceptance server gets from
     * ResetOnDisconnect=Y, done here through the audited operator action instead).
     */
    void freshSession(final String beginString, final Duration wait) throws IOException, InterruptedException {
        final String id = sessionId(beginString).toString();
        final long deadline = System.nanoTime() + wait.toNanos();
        SessionStatus status = sessions.admin().status(id);
        while (status.loggedOn() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = sessions.admin().status(id);
        }
        if (status.loggedOn()) {
            throw new IllegalStateException("session " + id + " is still logged on " + wait.toSeconds()
                + " s after the previous script");
        }
        // the session thread may still be finishing the disconnect
        Thread.sleep(100);
        sessions.admin().resetSequenceNumbers(id, "conformance script boundary", "conformance");
    }

    @Override
    public void close() {
        sessions.stop();
        runner.close();
        outbound.close();
        kafka.close();
        database.close();
        testDatabase.close();
    }

    private SessionSettings settings() {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SenderCompID", US);
        settings.setString("NonStopSession", "Y");
        settings.setString("SocketAcceptAddress", "127.0.0.1");
        settings.setString("SocketReuseAddress", "Y");
        settings.setString("PortcullisSessionRefreshSeconds", "0");
        settings.setString("PortcullisAddressFailureLimit", "1000");
        // longer than a script step (10 s), so that a missing disconnect is seen as missing, not as the guard's
        settings.setString("PortcullisLogonTimeoutSeconds", "20");
        for (final String version : VERSIONS) {
            final SessionID template = new SessionID(version, US, "*");
            settings.setString(template, "AcceptorTemplate", "Y");
            settings.setString(template, "SocketAcceptPort", Integer.toString(ports.get(version)));
        }
        return settings;
    }

    private static String firmOf(final String account) {
        return switch (account) {
            case "ALICE", "BOB" -> "FIRMA";
            case "CAROL", "DAVE" -> "FIRMB";
            default -> null;
        };
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void quietLogging() {
        // INFO at most: QuickFIX/J's decoder logs whole raw messages (passwords included) at DEBUG
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        for (final String name : new String[] {"org.apache.mina", "org.flywaydb", "com.zaxxer.hikari", "org.jooq",
            "org.apache.kafka"}) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }
}
