package io.portcullis.risk.desk;

import static io.portcullis.risk.desk.DeskFixture.A1;
import static io.portcullis.risk.desk.DeskFixture.firm;
import static io.portcullis.risk.desk.RedisDistributionTest.awaitValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.ListName;
import io.portcullis.testsupport.ThrowawayRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis killed in the middle of a run (a redis-server of the test's own, no persistence): engines keep their copy,
 * a decrease, a kill switch and a restriction made on one node still reach another node within seconds through MySQL,
 * an increase nobody approved reaches no engine, and when Redis comes back empty a node rebuilds it from MySQL, after
 * which changes travel through it again.
 */
@Timeout(180)
class RedisOutageTest {
    private static final String QTY = "L|FIRM|*|*|MAX_ORDER_QTY";

    @TempDir
    static Path temp;

    private static ThrowawayRedis redis;
    private static DeskFixture fixture;
    private static DeskFixture.Node nodeA;
    private static DeskFixture.Node nodeB;

    @BeforeAll
    static void start() throws Exception {
        redis = ThrowawayRedis.start(temp);
        fixture = DeskFixture.create(RedisOutageTest.class, redis.url());
        nodeA = fixture.node();
        nodeB = fixture.node();
    }

    @AfterAll
    static void stop() {
        try {
            if (fixture != null) {
                fixture.close();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Test
    void changesGoOnThroughMySqlWhileRedisIsDownAndRedisIsRebuiltWhenItReturnsEmpty() throws Exception {
        nodeA.limits().set(firm(LimitName.MAX_ORDER_QTY, "1000", 0, "alice"));
        awaitValue(() -> nodeB.sink().value(QTY), "1000", Duration.ofSeconds(1));
        awaitTrue("Redis built", () -> redisVersion() == DeskLedger.current(fixture.dsl()), Duration.ofSeconds(5));

        redis.kill();

        final long started = System.nanoTime();
        final ChangeOutcome decrease = nodeA.limits().set(firm(LimitName.MAX_ORDER_QTY, "500", 1, "alice"));
        nodeA.desk().killSwitches().set(KillScope.ACCOUNT, A1, true, "runaway algo", "alice");
        nodeA.desk().lists().set(ListName.RESTRICTED, null, "NVDA", true, "material news", "alice");
        final ChangeOutcome increase = nodeA.limits().set(firm(LimitName.MAX_ORDER_QTY, "900", 2, "alice"));

        assertThat(decrease.engineApplied()).as("the node's own engine takes it without Redis").isTrue();
        assertThat(nodeA.sink().value(QTY)).isEqualTo("500");
        assertThat(increase.change().status()).isEqualTo(ChangeStatus.PENDING_APPROVAL);
        awaitValue(() -> nodeB.sink().value("K|ACCOUNT|" + A1), "1", Duration.ofSeconds(10));
        awaitValue(() -> nodeB.sink().value("S|RESTRICTED|*|NVDA"), "1", Duration.ofSeconds(10));
        assertThat(nodeB.sink().value(QTY)).isEqualTo("500");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(nodeB.desk().sync().mode()).isEqualTo(LimitSync.Mode.MYSQL_FALLBACK);
        assertThat(nodeA.sink().calls()).extracting(RecordingSink.Call::value).doesNotContain("900");
        assertThat(nodeB.sink().calls()).extracting(RecordingSink.Call::value).doesNotContain("900");

        redis.restart();

        awaitTrue("Redis rebuilt from MySQL", () -> redisVersion() == DeskLedger.current(fixture.dsl()),
            Duration.ofSeconds(15));
        assertThat(nodeA.desk().distributor().state()).isEqualTo(authorityState());
        assertThat(nodeA.desk().sync().rebuilds() + nodeB.desk().sync().rebuilds()).isPositive();
        awaitTrue("both nodes back on Redis", () -> nodeA.desk().sync().mode() == LimitSync.Mode.REDIS
            && nodeB.desk().sync().mode() == LimitSync.Mode.REDIS, Duration.ofSeconds(10));

        nodeA.limits().approve(increase.change().changeId(), "bob", "collateral received");

        awaitValue(() -> nodeB.sink().value(QTY), "900", Duration.ofSeconds(1));
        awaitTrue("Redis follows", () -> redisVersion() == DeskLedger.current(fixture.dsl()), Duration.ofSeconds(5));
        assertThat(nodeB.sink().state()).isEqualTo(nodeA.sink().state());
    }

    private static long redisVersion() {
        try {
            return nodeA.desk().distributor().version();
        } catch (final RuntimeException ex) {
            return -2;
        }
    }

    private static Map<String, String> authorityState() {
        final Map<String, String> state = new TreeMap<>();
        DeskLedger.since(fixture.dsl(), 0).entries().forEach(entry -> state.put(entry.id(), entry.encode()));
        return state;
    }

    private static void awaitTrue(final String what, final BooleanSupplier condition, final Duration within)
        throws InterruptedException {
        final long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as(what + " within " + within).isTrue();
    }
}
