package io.portcullis.app;

import static io.portcullis.sql.schema.Tables.EXECUTIONS;
import static io.portcullis.sql.schema.Tables.INSTRUMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.portcullis.app.demo.DemoData;
import io.portcullis.app.demo.MarketSimulator;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway node on the real stack: it starts, reports ready, trades the simulator's flow, projects it into MySQL,
 * and after a restart recovers exactly where it stopped.
 */
@Timeout(180)
class GatewayNodeTest {
    @TempDir
    static Path temp;

    private static TestDatabase testDatabase;
    private static Settings settings;

    @BeforeAll
    static void setUp() throws Exception {
        LocalStack.require(LocalStack.Service.MYSQL, LocalStack.Service.KAFKA);
        testDatabase = TestDatabase.create(GatewayNodeTest.class);
        final int fixPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            fixPort = socket.getLocalPort();
        }
        final Path fixConfig = Files.writeString(temp.resolve("gateway.cfg"), String.join("\n",
            "[DEFAULT]", "ConnectionType=acceptor", "SenderCompID=PORTCULLIS", "SocketAcceptAddress=127.0.0.1",
            "NonStopSession=Y", "", "[SESSION]", "BeginString=FIX.4.4", "TargetCompID=*", "AcceptorTemplate=Y",
            "SocketAcceptPort=" + fixPort, ""));
        settings = Settings.of(Map.of(
            "gateway.fix-config", fixConfig.toString(),
            "gateway.http-port", "0", "risk.enforce-trading-hours", "false",
            "gateway.data-dir", temp.resolve("data").toString(),
            "engine.snapshot-every", "500",
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password", testDatabase.password(),
            "kafka.bootstrap", LocalStack.kafkaBootstrap(),
            "journal.topic", Isolation.topicName(GatewayNodeTest.class, "journal")), Map.of(), Map.of());
    }

    @AfterAll
    static void tearDown() {
        testDatabase.close();
    }

    @Test
    void aNodeTradesProjectsAndRecoversWhereItStopped() throws Exception {
        final List<String> progress = new ArrayList<>();
        final long lastSequence;
        try (Gateway gateway = Gateway.start(settings, database -> {
            DemoData.seed(database);
            io.portcullis.app.demo.DemoSessions.seed(database);
        }, progress::add)) {
            assertThat(get(gateway, "/health/ready").statusCode()).isEqualTo(200);
            final List<Instrument> symbols = gateway.reference().instruments().instruments().subList(0, 3);
            try (MarketSimulator simulator = new MarketSimulator(gateway.enginePort(), symbols,
                DemoData.SIM_MAKER_ACCOUNT, DemoData.SIM_TAKER_ACCOUNT, Gateway::nowNanos, 1)) {
                simulator.start(20);
                await().atMost(Duration.ofSeconds(60)).until(() -> simulator.commands() > 1_500);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> gateway.runner().queueDepth() == 0
                && gateway.projector().lag() == 0 && gateway.projector().nextOffset() >= gateway.runner().processed());
            final HttpResponse<String> metrics = get(gateway, "/metrics");
            assertThat(metrics.body()).contains("portcullis_projector_lag_records 0")
                .contains("portcullis_engine_commands_total ");
            assertThat(gateway.database().dsl().fetchCount(EXECUTIONS)).as("fills projected").isPositive();
            assertThat(gateway.database().dsl().fetchCount(INSTRUMENT)).isGreaterThanOrEqualTo(50);
            lastSequence = gateway.runner().processed();
        }
        assertThat(progress).anyMatch(line -> line.startsWith("engine recovered: last sequence 0"));

        final List<String> restart = new ArrayList<>();
        try (Gateway gateway = Gateway.start(settings, null, restart::add)) {
            assertThat(restart).anyMatch(line -> line.startsWith("engine recovered: last sequence " + lastSequence
                + ", snapshot at "));
            assertThat(get(gateway, "/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "/nowhere").headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void aMissingSessionFileStopsStartUpNamingTheSetting() {
        final Settings bad = Settings.of(Map.of("gateway.fix-config", temp.resolve("missing.cfg").toString()),
            Map.of(), Map.of());

        assertThatThrownBy(() -> Gateway.start(bad, null, line -> { }))
            .isInstanceOf(SettingException.class)
            .hasMessageContaining("setting gateway.fix-config: must name a readable file");
    }

    private static HttpResponse<String> get(final Gateway gateway, final String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
