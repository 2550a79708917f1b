package io.portcullis.risk.desk;

import static io.portcullis.risk.desk.DeskFixture.A1;
import static io.portcullis.risk.desk.DeskFixture.firm;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.ListName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Distribution through the stack's Redis: a change made on one node reaches another node's engine within a second
 * through the announcement alone (that node reconciles only every 30 s); Redis mirrors MySQL entry for entry; a node
 * that starts later loads the whole authority, released and removed items included, before it takes orders.
 */
@Timeout(120)
class RedisDistributionTest {
    private static DeskFixture fixture;
    private static DeskFixture.Node writer;
    private static DeskFixture.Node listener;

    @BeforeAll
    static void start() {
        fixture = DeskFixture.create(RedisDistributionTest.class);
        writer = fixture.node();
        listener = fixture.node(30_000);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aChangeOnOneNodeReachesAnotherNodesEngineWithinOneSecondThroughRedis() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            final String value = Integer.toString(5_000 - i * 100);
            final long started = System.nanoTime();

            writer.limits().set(firm(LimitName.MAX_ORDER_QTY, value, i, "alice"));

            awaitValue(() -> listener.sink().value("L|FIRM|*|*|MAX_ORDER_QTY"), value, Duration.ofSeconds(1));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        }
        assertThat(listener.desk().sync().mode()).isEqualTo(LimitSync.Mode.REDIS);
    }

    @Test
    void redisMirrorsTheAuthorityAndALateNodeLoadsEverythingAtStart() throws InterruptedException {
        writer.desk().killSwitches().set(KillScope.ACCOUNT, A1, true, "runaway algo", "alice");
        writer.desk().killSwitches().set(KillScope.ACCOUNT, A1, false, "fixed", "alice");
        writer.desk().lists().set(ListName.RESTRICTED, null, "MSFT", true, "M&A", "alice");
        writer.desk().lists().set(ListName.RESTRICTED, null, "MSFT", false, "announced", "alice");
        writer.desk().lists().set(ListName.HARD_TO_BORROW, A1, "NVDA", true, "lender recall", "alice");
        writer.desk().locates().grant("LOC-T1", A1, "NVDA", 500, null, "lender confirmation 42", "alice");
        writer.limits().set(firm(LimitName.MARKET_ORDERS_ALLOWED, "0", 0, "alice"));
        final long authority = DeskLedger.current(fixture.dsl());

        assertThat(writer.desk().sync().awaitApplied(authority, Duration.ofSeconds(5))).isTrue();
        assertThat(listener.desk().sync().awaitApplied(authority, Duration.ofSeconds(5))).isTrue();
        assertThat(writer.desk().distributor().version()).isEqualTo(authority);
        assertThat(writer.desk().distributor().state()).isEqualTo(authorityState());

        final DeskFixture.Node late = fixture.node();

        assertThat(late.desk().sync().appliedSeq()).isEqualTo(authority);
        assertThat(late.sink().state()).isEqualTo(listener.sink().state());
        assertThat(late.sink().value("K|ACCOUNT|" + A1)).isEqualTo("0");
        assertThat(late.sink().value("S|RESTRICTED|*|MSFT")).isEqualTo("0");
        assertThat(late.sink().value("S|HARD_TO_BORROW|" + A1 + "|NVDA")).isEqualTo("1");
        assertThat(late.sink().value("C|LOC-T1")).isEqualTo(A1 + "|NVDA|500");
        assertThat(late.sink().value("L|FIRM|*|*|MARKET_ORDERS_ALLOWED")).isEqualTo("0");
    }

    private static Map<String, String> authorityState() {
        final Map<String, String> state = new TreeMap<>();
        DeskLedger.since(fixture.dsl(), 0).entries().forEach(entry -> state.put(entry.id(), entry.encode()));
        return state;
    }

    static void awaitValue(final Supplier<String> actual, final String expected, final Duration within)
        throws InterruptedException {
        final long deadline = System.nanoTime() + within.toNanos();
        while (!expected.equals(actual.get()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(actual.get()).isEqualTo(expected);
    }
}
