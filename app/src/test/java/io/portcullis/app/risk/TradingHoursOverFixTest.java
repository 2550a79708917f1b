package io.portcullis.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.portcullis.app.Gateway;
import io.portcullis.app.demo.DemoData;
import io.portcullis.app.demo.DemoSessions;
import io.portcullis.config.Settings;
import io.portcullis.fix.messages.fix44.NewOrderSingle;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.instrument.InstrumentCsvLoader;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

/**
 * The trading-hours check end to end: a gateway with {@code risk.enforce-trading-hours=true} and an instrument file
 * whose AAPL session is an hour that is not now (New York time); an order in it reaches the broker as an
 * ExecutionReport rejected with RISK_OUTSIDE_TRADING_HOURS's OrdRejReason and a Text naming the hours.
 */
@Timeout(120)
class TradingHoursOverFixTest {
    @TempDir
    static Path temp;

    private static TestDatabase testDatabase;
    private static Gateway gateway;
    private static FixBroker broker;

    @BeforeAll
    static void start() throws Exception {
        LocalStack.require(LocalStack.Service.MYSQL, LocalStack.Service.KAFKA, LocalStack.Service.REDIS);
        testDatabase = TestDatabase.create(TradingHoursOverFixTest.class);
        final int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        for (final String name : List.of("PORTCULLIS_FIX44_PORT", "PORTCULLIS_FIX42_PORT", "PORTCULLIS_FIXT11_PORT")) {
            try (ServerSocket socket = new ServerSocket(0)) {
                System.setProperty(name, Integer.toString(name.contains("44") ? port : socket.getLocalPort()));
            }
        }
        final int hourNow = LocalDateTime.now(ZoneId.of("America/New_York")).getHour();
        final String closedHours = hourNow < 12 ? "13:00-14:00" : "01:00-02:00";
        final Path instruments = temp.resolve("instruments.csv");
        Files.writeString(instruments, InstrumentCsvLoader.EXTENDED_HEADER + "\n"
            + "AAPL,Apple Inc.,XNAS,true,0.01,1,268.47,ACTIVE,50000000," + closedHours + "\n");
        final Path home = Path.of(System.getenv().getOrDefault("PORTCULLIS_HOME", ".."));
        final Settings settings = Settings.of(Map.of(
            "gateway.fix-config", home.resolve("etc/demo/gateway.cfg").toString(),
            "gateway.http-port", "-1", "risk.enforce-trading-hours", "true",
            "gateway.instruments", instruments.toString(),
            "gateway.data-dir", temp.resolve("data").toString(),
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password", testDatabase.password(),
            "kafka.bootstrap", LocalStack.kafkaBootstrap(),
            "journal.topic", Isolation.topicName(TradingHoursOverFixTest.class, "journal")), Map.of(), Map.of());
        gateway = Gateway.start(settings, database -> {
            DemoData.seed(database);
            DemoSessions.seed(database);
        }, line -> { });
        broker = new FixBroker("BROKER1", "broker1-demo", port);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        testDatabase.close();
    }

    @Test
    void anOrderOutsideTheInstrumentsHoursIsRefused() throws Exception {
        final Message order = new NewOrderSingle();
        order.setString(11, "TH-" + System.nanoTime());
        order.setString(55, "AAPL");
        order.setChar(54, '1');
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC), true);
        order.setDecimal(38, BigDecimal.TEN);
        order.setChar(40, '2');
        order.setDecimal(44, new BigDecimal("268.00"));
        order.setChar(59, '0');
        final Message report = broker.send(order);
        assertThat(report.getChar(150)).isEqualTo('8');
        assertThat(report.getInt(103)).isEqualTo(RejectCode.RISK_OUTSIDE_TRADING_HOURS.ordRejReason());
        assertThat(report.getString(58)).as("Text").isNotBlank();
    }
}
