package io.portcullis.risk.desk;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.BROKER_FIRM;
import static io.portcullis.sql.schema.Tables.FIX_SESSION;

import java.math.BigDecimal;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.portcullis.config.Settings;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.jooq.DSLContext;
import org.redisson.api.RedissonClient;

/**
 * The desk on the real services for one test class: a database of its own (migrated, with two broker firms, three
 * accounts and a FIX session), Redis (the stack's with a key prefix of the class's own, or a throwaway server), and
 * any number of gateway nodes, each with its own Redisson client and recording engine.
 */
final class DeskFixture implements AutoCloseable {
    static final String FIRM_A = "FIRMA";
    static final String FIRM_B = "FIRMB";
    static final String A1 = "A-CUST-1";
    static final String A2 = "A-CUST-2";
    static final String B1 = "B-CUST-1";
    static final String SESSION = "FIX.4.4:PORTCULLIS->FIRMA";
    static final Set<String> SYMBOLS = Set.of("AAPL", "MSFT", "NVDA");

    /** A gateway node: its desk, its engine, its Redis client. */
    record Node(RiskDesk desk, RecordingSink sink, RedissonClient redisson) {
        LimitService limits() {
            return desk.limits();
        }
    }

    private final TestDatabase testDatabase;
    private final Database database;
    private final String redisUrl;
    private final String prefix;
    private final boolean sharedRedis;
    private final List<Node> nodes = new ArrayList<>();

    private DeskFixture(final TestDatabase testDatabase, final Database database, final String redisUrl,
                        final String prefix, final boolean sharedRedis) {
        this.testDatabase = testDatabase;
        this.database = database;
        this.redisUrl = redisUrl;
        this.prefix = prefix;
        this.sharedRedis = sharedRedis;
    }

    /** On the stack's Redis, under a key prefix of the test class's own. */
    static DeskFixture create(final Class<?> testClass) {
        LocalStack.require(LocalStack.Service.MYSQL, LocalStack.Service.REDIS);
        return create(testClass, LocalStack.redisUrl(), true);
    }

    /** On the given (throwaway) Redis. */
    static DeskFixture create(final Class<?> testClass, final String redisUrl) {
        LocalStack.require(LocalStack.Service.MYSQL);
        return create(testClass, redisUrl, false);
    }

    private static DeskFixture create(final Class<?> testClass, final String redisUrl, final boolean shared) {
        final TestDatabase testDatabase = TestDatabase.create(testClass);
        final Database database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of(
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password", testDatabase.password(),
            "db.pool-size", "12"), Map.of(), Map.of())));
        database.migrate();
        seed(database.dsl());
        return new DeskFixture(testDatabase, database, redisUrl, Isolation.indexPrefix(testClass), shared);
    }

    private static void seed(final DSLContext dsl) {
        final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (final String firm : List.of(FIRM_A, FIRM_B)) {
            dsl.insertInto(BROKER_FIRM).set(BROKER_FIRM.FIRM_ID, firm).set(BROKER_FIRM.NAME, firm)
                .set(BROKER_FIRM.CREATED_AT, now).execute();
        }
        for (final String[] account : List.of(new String[] {A1, FIRM_A}, new String[] {A2, FIRM_A},
            new String[] {B1, FIRM_B})) {
            dsl.insertInto(ACCOUNT).set(ACCOUNT.ACCOUNT_ID, account[0]).set(ACCOUNT.FIRM_ID, account[1])
                .set(ACCOUNT.NAME, account[0]).set(ACCOUNT.ACCOUNT_TYPE, "CUSTOMER")
                .set(ACCOUNT.FDID, "F-" + account[0])
                .set(ACCOUNT.CREATED_AT, now).execute();
        }
        dsl.insertInto(FIX_SESSION).set(FIX_SESSION.SESSION_ID, SESSION).set(FIX_SESSION.BEGIN_STRING, "FIX.4.4")
            .set(FIX_SESSION.SENDER_COMP_ID, "PORTCULLIS").set(FIX_SESSION.TARGET_COMP_ID, FIRM_A)
            .set(FIX_SESSION.FIRM_ID, FIRM_A).set(FIX_SESSION.SESSION_ROLE, "ORDER_ENTRY")
            .set(FIX_SESSION.CREATED_AT, now).set(FIX_SESSION.UPDATED_AT, now).execute();
    }

    /** The desk's settings for these tests: Redis commands time out after 500 ms, nodes reconcile every 200 ms. */
    DeskConfiguration configuration(final long syncIntervalMillis) {
        return DeskConfiguration.from(Settings.of(Map.of("redis.url", redisUrl, "redis.key-prefix", prefix,
            "redis.timeout-ms", "500", "risk.sync-interval-ms", Long.toString(syncIntervalMillis),
            "risk.authority-check-every", "5", "risk.engine-wait-ms", "2000"), Map.of(), Map.of()));
    }

    /** Starts another gateway node on the same database and Redis, reconciling every 200 ms. */
    Node node() {
        return node(200);
    }

    /** Starts another gateway node that reconciles (and, with Redis down, polls MySQL) every given milliseconds. */
    Node node(final long syncIntervalMillis) {
        final DeskConfiguration configuration = configuration(syncIntervalMillis);
        final RedissonClient redisson = configuration.connect();
        final RecordingSink sink = new RecordingSink();
        final RiskDesk desk;
        try {
            desk = RiskDesk.start(configuration, database.dsl(), redisson, sink, SYMBOLS::contains,
                new MysqlExposureSource(database.dsl(), InstantSource.system()), new MysqlRejectSource(database.dsl()),
                InstantSource.system());
        } catch (final RuntimeException ex) {
            redisson.shutdown();
            throw ex;
        }
        final Node node = new Node(desk, sink, redisson);
        nodes.add(node);
        return node;
    }

    DSLContext dsl() {
        return database.dsl();
    }

    /** A request as an officer would make it. */
    static LimitRequest request(final LimitScope scope, final String key, final String symbol, final LimitName name,
                                final String value, final long expectedVersion, final String actor) {
        return new LimitRequest(scope, key, symbol, name, value == null ? null : new BigDecimal(value),
            expectedVersion, null, "test: " + name + " to " + value, actor);
    }

    /** The firm-wide limit request. */
    static LimitRequest firm(final LimitName name, final String value, final long expectedVersion,
                             final String actor) {
        return request(LimitScope.FIRM, "*", null, name, value, expectedVersion, actor);
    }

    @Override
    public void close() {
        for (final Node node : nodes) {
            node.desk().close();
        }
        try {
            if (sharedRedis && !nodes.isEmpty()) {
                nodes.get(0).redisson().getKeys().deleteByPattern(prefix + "*");
            }
        } finally {
            nodes.forEach(node -> node.redisson().shutdown());
            database.close();
            testDatabase.close();
        }
    }
}
