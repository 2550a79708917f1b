package io.portcullis.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.portcullis.app.Gateway;
import io.portcullis.config.Settings;
import io.portcullis.fix.dictionary.FixDictionary;
import io.portcullis.fix.messages.PortcullisMessageFactory;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Application;
import quickfix.Initiator;
import quickfix.Message;
import quickfix.Session;
import quickfix.MemoryStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;

/**
 * The demo contract of the README, over real sockets: the demo gateway configuration accepts BROKER1 with
 * broker1-demo on FIX 4.4, 4.2 and FIXT 1.1, orders without Account(1) go to the broker's default account and get
 * filled against the market simulator, and a wrong password is refused.
 */
@Timeout(180)
class DemoContractTest {
    @TempDir
    static Path temp;

    private static TestDatabase testDatabase;
    private static Gateway gateway;
    private static MarketSimulator simulator;
    private static final Map<String, Integer> PORTS = new java.util.HashMap<>();

    @BeforeAll
    static void startDemoGateway() throws IOException {
        LocalStack.require(LocalStack.Service.MYSQL, LocalStack.Service.KAFKA);
        testDatabase = TestDatabase.create(DemoContractTest.class);
        for (final String name : List.of("PORTCULLIS_FIX44_PORT", "PORTCULLIS_FIX42_PORT", "PORTCULLIS_FIXT11_PORT")) {
            try (ServerSocket socket = new ServerSocket(0)) {
                PORTS.put(name, socket.getLocalPort());
                System.setProperty(name, Integer.toString(socket.getLocalPort()));
            }
        }
        final Path home = Path.of(System.getenv().getOrDefault("PORTCULLIS_HOME", ".."));
        final Settings settings = Settings.of(Map.of(
            "gateway.fix-config", home.resolve("etc/demo/gateway.cfg").toString(),
            "gateway.http-port", "-1", "risk.enforce-trading-hours", "false",
            "gateway.data-dir", temp.resolve("data").toString(),
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password", testDatabase.password(),
            "kafka.bootstrap", LocalStack.kafkaBootstrap(),
            "journal.topic", Isolation.topicName(DemoContractTest.class, "journal")), Map.of(), Map.of());
        gateway = Gateway.start(settings, database -> {
            DemoData.seed(database);
            DemoSessions.seed(database);
        }, line -> { });
        final List<Instrument> symbols = List.of(gateway.reference().instruments().find("AAPL"),
            gateway.reference().instruments().find("MSFT"));
        simulator = new MarketSimulator(gateway.enginePort(), symbols, DemoData.SIM_MAKER_ACCOUNT,
            DemoData.SIM_TAKER_ACCOUNT, Gateway::nowNanos, 3);
        simulator.start(100);
    }

    @AfterAll
    static void stop() {
        simulator.close();
        gateway.close();
        testDatabase.close();
    }

    @Test
    void broker1LogsOnWithTheDocumentedPasswordAndItsOrdersGetFilled() throws Exception {
        final DemoTrader client = new DemoTrader("BROKER1", "broker1-demo",
            List.of(gateway.reference().instruments().find("AAPL")), 11);
        final Initiator initiator = initiator(client, "FIX.4.4", "BROKER1", PORTS.get("PORTCULLIS_FIX44_PORT"));
        try {
            initiator.start();
            await().atMost(Duration.ofSeconds(30)).until(client::loggedOn);
            client.start(100);
            await().atMost(Duration.ofSeconds(60)).until(() -> client.fills() >= 3);
            assertThat(client.rejects()).isZero();
            assertThat(client.acked()).isGreaterThanOrEqualTo(3);
            assertThat(gateway.http().scrape())
                .containsPattern("portcullis_fix_messages_total\\{session=\"FIX.4.4:PORTCULLIS->BROKER1\",direction=\"in\","
                    + "msg_type=\"D\"\\} [1-9]")
                .containsPattern("portcullis_fix_messages_total\\{session=\"FIX.4.4:PORTCULLIS->BROKER1\",direction=\"out\","
                    + "msg_type=\"8\"\\} [1-9]")
                .containsPattern("portcullis_order_ack_latency_seconds_count [1-9]");
        } finally {
            client.close();
            initiator.stop();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(gateway.database().dsl()
            .fetchCount(io.portcullis.sql.schema.Tables.ORDERS, io.portcullis.sql.schema.Tables.ORDERS.ACCOUNT_ID
                .eq(DemoData.BROKER1_DEFAULT_ACCOUNT))).as("orders without Account(1) in BROKER1's default account")
            .isGreaterThanOrEqualTo(3));
    }

    @Test
    void broker1LogsOnOverFix42AndFixt11Too() throws Exception {
        for (final String version : List.of("FIX.4.2", "FIXT.1.1")) {
            final DemoTrader client = new DemoTrader("BROKER1", "broker1-demo", List.of(), 1);
            final Initiator initiator = initiator(client, version, "BROKER1", PORTS.get(version.equals("FIX.4.2")
                ? "PORTCULLIS_FIX42_PORT" : "PORTCULLIS_FIXT11_PORT"));
            try {
                initiator.start();
                await(version + " logon").atMost(Duration.ofSeconds(30)).until(client::loggedOn);
            } finally {
                initiator.stop();
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        final DemoTrader client = new DemoTrader("BROKER2", "not-the-password", List.of(), 1);
        final Initiator initiator = initiator(client, "FIX.4.4", "BROKER2", PORTS.get("PORTCULLIS_FIX44_PORT"));
        try {
            initiator.start();
            Thread.sleep(3_000);
            assertThat(client.loggedOn()).isFalse();
        } finally {
            initiator.stop();
        }
    }

    @Test
    void aGtdOrderExpiresAtItsExpireTimeWithoutAnyoneAsking() throws Exception {
        final Reports client = new Reports("broker2-demo");
        final Initiator initiator = initiator(client, "FIX.4.4", "BROKER2", PORTS.get("PORTCULLIS_FIX44_PORT"));
        try {
            initiator.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> client.loggedOn);
            final java.time.LocalDateTime expire = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2);
            final Message order = new io.portcullis.fix.messages.fix44.NewOrderSingle();
            order.setString(11, "GTD-" + System.nanoTime());
            order.setString(55, "MSFT");
            order.setChar(54, '1');
            order.setUtcTimeStamp(60, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC), true);
            order.setDecimal(38, new java.math.BigDecimal("100"));
            order.setChar(40, '2');
            order.setDecimal(44, new java.math.BigDecimal("1.00"));
            order.setChar(59, '6');
            order.setUtcTimeStamp(126, expire, true);
            assertThat(Session.sendToTarget(order, new SessionID("FIX.4.4", "BROKER2", DemoSessions.GATEWAY_COMP_ID)))
                .isTrue();
            await().atMost(Duration.ofSeconds(15)).until(() -> client.reports.stream().anyMatch(r -> r.startsWith("C")));
            assertThat(client.reports).as("acknowledged, then expired").startsWith("00").contains("CC");
        } finally {
            initiator.stop();
        }
    }

    /** Collects ExecType(150) + OrdStatus(39) of every ExecutionReport. */
    private static final class Reports implements Application {
        final ConcurrentLinkedQueue<String> reports = new ConcurrentLinkedQueue<>();
        private final String password;
        volatile boolean loggedOn;

        Reports(final String password) {
            this.password = password;
        }

        @Override
        public void fromApp(final Message message, final SessionID sessionId) throws quickfix.FieldNotFound {
            if ("8".equals(message.getHeader().getString(35))) {
                reports.add(message.getString(150) + message.getString(39));
            }
        }

        @Override
        public void toAdmin(final Message message, final SessionID sessionId) {
            try {
                if ("A".equals(message.getHeader().getString(35))) {
                    message.setString(553, sessionId.getSenderCompID());
                    message.setString(554, password);
                }
            } catch (final quickfix.FieldNotFound ex) {
                throw new IllegalStateException(ex);
            }
        }

        @Override
        public void onLogon(final SessionID sessionId) {
            loggedOn = true;
        }

        @Override
        public void onCreate(final SessionID sessionId) {
        }

        @Override
        public void onLogout(final SessionID sessionId) {
            loggedOn = false;
        }

        @Override
        public void fromAdmin(final Message message, final SessionID sessionId) {
        }

        @Override
        public void toApp(final Message message, final SessionID sessionId) {
        }
    }

    private static Initiator initiator(final Application client, final String version, final String compId,
                                       final int port) throws Exception {
        final SessionSettings settings = new SessionSettings();
        final SessionID id = new SessionID(version, compId, DemoSessions.GATEWAY_COMP_ID);
        settings.setString(id, "ConnectionType", "initiator");
        settings.setString(id, "SocketConnectHost", "127.0.0.1");
        settings.setString(id, "SocketConnectPort", Integer.toString(port));
        settings.setString(id, "HeartBtInt", "30");
        settings.setString(id, "ReconnectInterval", "1");
        settings.setString(id, "StartTime", "00:00:00");
        settings.setString(id, "EndTime", "00:00:00");
        settings.setString(id, "NonStopSession", "Y");
        settings.setString(id, "ResetOnLogon", "Y");
        FixDictionary.sessionSettings(version).forEach((key, value) -> settings.setString(id, key, value));
        return new SocketInitiator(client, new MemoryStoreFactory(), settings, new SLF4JLogFactory(new SessionSettings()),
            new PortcullisMessageFactory());
    }
}
