package io.portcullis.app.risk;

import static io.portcullis.sql.schema.Tables.ACCOUNT;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.portcullis.app.Gateway;
import io.portcullis.app.demo.DemoData;
import io.portcullis.app.demo.DemoSessions;
import io.portcullis.config.Settings;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;

/**
 * A gateway for the risk tests: the demo FIX configuration, firms, accounts and sessions, plus BROKER1 accounts of the
 * test's own, on a database and journal topic of the test class, FIX 4.4 on {@link #port}, no HTTP. Close it after.
 */
final class RiskTestGateway implements AutoCloseable {
    final TestDatabase testDatabase;
    final Gateway gateway;
    final int port;

    private RiskTestGateway(final TestDatabase testDatabase, final Gateway gateway, final int port) {
        this.testDatabase = testDatabase;
        this.gateway = gateway;
        this.port = port;
    }

    /**
     * @param extraSettings settings on top of the defaults (e.g. {@code risk.enforce-trading-hours})
     * @param accounts      BROKER1 accounts to create besides the demo's
     */
    static RiskTestGateway start(final Class<?> testClass, final Path temp, final Map<String, String> extraSettings,
                                 final List<String> accounts) throws Exception {
        LocalStack.require(LocalStack.Service.MYSQL, LocalStack.Service.KAFKA, LocalStack.Service.REDIS);
        final TestDatabase testDatabase = TestDatabase.create(testClass);
        final int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        for (final String name : List.of("PORTCULLIS_FIX44_PORT", "PORTCULLIS_FIX42_PORT", "PORTCULLIS_FIXT11_PORT")) {
            try (ServerSocket socket = new ServerSocket(0)) {
                System.setProperty(name, Integer.toString(name.contains("44") ? port : socket.getLocalPort()));
            }
        }
        final Path home = Path.of(System.getenv().getOrDefault("PORTCULLIS_HOME", ".."));
        final Map<String, String> settings = new HashMap<>(Map.of(
            "gateway.fix-config", home.resolve("etc/demo/gateway.cfg").toString(),
            "gateway.http-port", "-1", "risk.enforce-trading-hours", "false",
            "gateway.data-dir", temp.resolve("data").toString(),
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password", testDatabase.password(),
            "kafka.bootstrap", LocalStack.kafkaBootstrap(),
            "journal.topic", Isolation.topicName(testClass, "journal")));
        settings.putAll(extraSettings);
        final Gateway gateway = Gateway.start(Settings.of(settings, Map.of(), Map.of()), database -> {
            DemoData.seed(database);
            DemoSessions.seed(database);
            for (final String account : accounts) {
                database.dsl().insertInto(ACCOUNT).set(ACCOUNT.ACCOUNT_ID, account).set(ACCOUNT.FIRM_ID, "BROKER1")
                    .set(ACCOUNT.NAME, account).set(ACCOUNT.ACCOUNT_TYPE, "CUSTOMER").set(ACCOUNT.FDID, "FDID-" + account)
                    .set(ACCOUNT.IS_DEFAULT, false).set(ACCOUNT.CREATED_AT, LocalDateTime.now(ZoneOffset.UTC))
                    .onDuplicateKeyIgnore().execute();
            }
        }, line -> { });
        return new RiskTestGateway(testDatabase, gateway, port);
    }

    @Override
    public void close() {
        gateway.close();
        testDatabase.close();
    }
}
