package io.portcullis.app.admin;

import static io.portcullis.sql.schema.Tables.ADMIN_AUDIT;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.app.Gateway;
import io.portcullis.app.admin.account.Accounts;
import io.portcullis.app.admin.account.Tokens;
import io.portcullis.app.demo.DemoData;
import io.portcullis.app.demo.DemoSessions;
import io.portcullis.app.demo.MarketSimulator;
import io.portcullis.config.Settings;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.runner.CommandCallback;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;

/**
 * A real gateway node for admin API tests (MySQL, Kafka and Redis of the local stack, the demo's firms and FIX
 * sessions, a FIX 4.4 acceptor template on a free port, HTTP on a free port), with helpers to create users, issue
 * tokens and call the API. One per test class.
 */
final class AdminGateway implements AutoCloseable {
    /** Password of every user {@link #user} creates. */
    static final String PASSWORD = "correct-horse-battery";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabase testDatabase;
    private final Gateway gateway;
    private final int fixPort;
    private final Accounts accounts;
    private final Tokens tokens;
    private final Map<Role, String> roleUsers = new EnumMap<>(Role.class);
    private final HttpClient client = HttpClient.newHttpClient();

    private AdminGateway(final TestDatabase testDatabase, final Gateway gateway, final int fixPort) {
        this.testDatabase = testDatabase;
        this.gateway = gateway;
        this.fixPort = fixPort;
        this.accounts = new Accounts(gateway.database().dsl(), InstantSource.system());
        this.tokens = new Tokens(gateway.database().dsl(), InstantSource.system());
    }

    static AdminGateway start(final Class<?> testClass, final Path temp) throws Exception {
        LocalStack.require(LocalStack.Service.MYSQL, LocalStack.Service.KAFKA, LocalStack.Service.REDIS);
        final TestDatabase testDatabase = TestDatabase.create(testClass);
        final int fixPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            fixPort = socket.getLocalPort();
        }
        final Path fixConfig = Files.writeString(temp.resolve("gateway.cfg"), String.join("\n",
            "[DEFAULT]", "ConnectionType=acceptor", "SenderCompID=PORTCULLIS", "SocketAcceptAddress=127.0.0.1",
            "NonStopSession=Y", "", "[SESSION]", "BeginString=FIX.4.4", "TargetCompID=*", "AcceptorTemplate=Y",
            "SocketAcceptPort=" + fixPort, ""));
        final Map<String, String> values = new java.util.HashMap<>(Map.of(
            "gateway.fix-config", fixConfig.toString(),
            "gateway.http-port", "0", "risk.enforce-trading-hours", "false",
            "gateway.data-dir", temp.resolve("data").toString(),
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password", testDatabase.password(),
            "kafka.bootstrap", LocalStack.kafkaBootstrap(), "redis.url", LocalStack.redisUrl(),
            "journal.topic", Isolation.topicName(testClass, "journal")));
        // The console's sockets are checked for revoked tokens every second, not every 30.
        values.put("console.token-recheck-seconds", "1");
        final Settings settings = Settings.of(values, Map.of(), Map.of());
        try {
            return new AdminGateway(testDatabase, Gateway.start(settings, database -> {
                DemoData.seed(database);
                DemoSessions.seed(database);
            }, line -> { }), fixPort);
        } catch (final RuntimeException ex) {
            testDatabase.close();
            throw ex;
        }
    }

    Gateway gateway() {
        return gateway;
    }

    int fixPort() {
        return fixPort;
    }

    Accounts accounts() {
        return accounts;
    }

    Tokens tokens() {
        return tokens;
    }

    /**
     * The user holding exactly {@code role} (created with {@link #PASSWORD} on first use; a BROKER_VIEWER of the
     * broker firm BROKER1).
     */
    String user(final Role role) {
        return roleUsers.computeIfAbsent(role, r -> {
            final String name = "user-" + r.name().toLowerCase(java.util.Locale.ROOT);
            // A broker viewer belongs to a broker firm (the demo's BROKER1); staff to none.
            accounts.create(name, Set.of(r), r == Role.BROKER_VIEWER ? "BROKER1" : null, PASSWORD.toCharArray(),
                "test");
            return name;
        });
    }

    /** A fresh token of the user holding exactly {@code role}. */
    String token(final Role role) {
        return tokens.issue(user(role), Duration.ofMinutes(10)).token();
    }

    /**
     * Submits a DAY limit order of 100 shares through the engine, as the demo's market simulator does, and waits
     * until it is durable.
     */
    void order(final Side side, final String account, final String symbol, final long price, final String clOrdId)
        throws InterruptedException {
        final CountDownLatch durable = new CountDownLatch(1);
        final boolean taken = gateway.enginePort().submit(new NewOrder(0, Gateway.nowNanos(), MarketSimulator.SESSION,
            clOrdId, account, symbol, side, OrdType.LIMIT, TimeInForce.DAY, 100, price, Prices.NONE, 0,
            NewOrder.NO_EXPIRY), new CommandCallback() {
                @Override
                public void onDurable(final long sequence, final long offset, final byte[] record) {
                    durable.countDown();
                }

                @Override
                public void onLost(final long sequence, final String reason) {
                    throw new AssertionError(reason);
                }
            });
        if (!taken || !durable.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("order " + clOrdId + " was not journaled within 30 s");
        }
    }

    /** Rows in admin_audit. */
    int auditRows() {
        return gateway.database().dsl().fetchCount(ADMIN_AUDIT);
    }

    /** The newest audit row. */
    io.portcullis.sql.schema.tables.records.AdminAuditRecord lastAudit() {
        return gateway.database().dsl().selectFrom(ADMIN_AUDIT).orderBy(ADMIN_AUDIT.ID.desc()).limit(1).fetchOne();
    }

    /** The admin API's registered routes, {@code METHOD path}. */
    List<String> apiRoutes() {
        return gateway.http().routes().stream().filter(route -> route.contains(" /api/")).toList();
    }

    /** Calls the API; {@code token} and {@code body} may be null. */
    Answer call(final String method, final String path, final String token, final String body) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + gateway.httpPort() + path)).timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new Answer(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Override
    public void close() {
        client.close();
        try {
            gateway.close();
        } finally {
            testDatabase.close();
        }
    }

    /** An HTTP answer with its body parsed when it is JSON. */
    record Answer(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String header(final String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (final Exception ex) {
                throw new AssertionError("not JSON: " + response.body(), ex);
            }
        }

        @Override
        public String toString() {
            return response.request().method() + " " + response.uri().getRawPath() + " -> " + response.statusCode()
                + " " + response.body();
        }
    }
}
