package io.portcullis.app.risk;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.EXECUTIONS;
import static io.portcullis.sql.schema.Tables.POSITIONS;
import static io.portcullis.sql.schema.Tables.RISK_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.portcullis.app.Gateway;
import io.portcullis.fix.messages.fix44.NewOrderSingle;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.risk.desk.DeskRefusal;
import io.portcullis.risk.desk.LimitRequest;
import io.portcullis.risk.desk.LimitService;
import io.portcullis.risk.desk.LimitView;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

/**
 * Risk officers editing limits while orders flow, on a real gateway: 8 threads set the MAX_ORDER_QTY limits of two
 * accounts through the desk (MySQL compare-and-set on the version) while a FIX 4.4 broker trades those two accounts
 * against each other. Afterwards: no lost update (each limit's version counts exactly the changes that reported
 * success, and its value is the last one applied); the engine obeys the final value (one share over is refused, the
 * value itself passes); and the exposures equal the sum of the applied fills (MySQL positions = MySQL executions =
 * the fills the broker received, and the two accounts mirror each other).
 */
@Timeout(300)
class RiskLimitsUnderLoadTest {
    private static final String BUYER = "UL-BUY";
    private static final String SELLER = "UL-SELL";
    private static final int THREADS = 8;
    private static final int EDITS_PER_THREAD = 40;

    @TempDir
    static Path temp;

    private static RiskTestGateway node;
    private static Gateway gateway;
    private static FixBroker broker;
    private static final AtomicLong IDS = new AtomicLong();

    @BeforeAll
    static void start() throws Exception {
        node = RiskTestGateway.start(RiskLimitsUnderLoadTest.class, temp, Map.of(), List.of(BUYER, SELLER));
        gateway = node.gateway;
        final int port = node.port;
        broker = new FixBroker("BROKER1", "broker1-demo", port);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private static LimitKey key(final String account) {
        return new LimitKey(LimitScope.ACCOUNT, account, LimitKey.ANY, LimitName.MAX_ORDER_QTY);
    }

    private static LimitRequest request(final String account, final BigDecimal value, final long version,
                                        final String actor) {
        return new LimitRequest(LimitScope.ACCOUNT, account, null, LimitName.MAX_ORDER_QTY, value, version, null,
            "load test edit", actor);
    }

    @Test
    void eightOfficersEditLimitsWhileOrdersFlowAndNothingIsLostOrDisobeyed() throws Exception {
        final LimitService limits = gateway.riskDesk().limits();
        for (final String account : List.of(BUYER, SELLER)) {
            limits.set(request(account, new BigDecimal("1000000"), 0, "officer-0"));
        }
        final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>(Map.of(BUYER, new AtomicInteger(1),
            SELLER, new AtomicInteger(1)));
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicBoolean editing = new AtomicBoolean(true);
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        final Future<Integer> flow = pool.submit(() -> {
            int pairs = 0;
            while (editing.get()) {
                final List<Message> reports = broker.sendAll(List.of(order(BUYER, '1', 10, "1.00"),
                    order(SELLER, '2', 10, "1.00")));
                for (final Message report : reports) {
                    assertThat(report.getChar(150)).as("order accepted while limits change: " + report)
                        .isIn('0', 'F');
                }
                pairs++;
            }
            return pairs;
        });
        final List<Future<?>> editors = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            final String account = t % 2 == 0 ? BUYER : SELLER;
            final String officer = "officer-" + (t + 1);
            editors.add(pool.submit(() -> {
                for (int i = 0; i < EDITS_PER_THREAD; i++) {
                    final LimitView current = limits.get(key(account));
                    final BigDecimal tighter = current.value()
                        .subtract(BigDecimal.valueOf(1 + ThreadLocalRandom.current().nextInt(50)));
                    try {
                        limits.set(request(account, tighter, current.version(), officer));
                        applied.get(account).incrementAndGet();
                    } catch (final DeskRefusal refusal) {
                        assertThat(refusal.kind()).as(refusal.getMessage()).isEqualTo(DeskRefusal.Kind.CONFLICT);
                        conflicts.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (final Future<?> editor : editors) {
            editor.get(120, TimeUnit.SECONDS);
        }
        editing.set(false);
        final int pairs = flow.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        System.out.println("limit edits applied " + applied + ", version conflicts " + conflicts + ", order pairs "
            + pairs);
        assertThat(pairs).as("orders flowed during the edits").isPositive();

        // No lost update: the version counts exactly the successful changes; MySQL holds the last value.
        for (final String account : List.of(BUYER, SELLER)) {
            final var row = gateway.database().dsl().selectFrom(RISK_LIMIT)
                .where(RISK_LIMIT.SCOPE.eq("ACCOUNT"), RISK_LIMIT.SCOPE_KEY.eq(account),
                    RISK_LIMIT.LIMIT_NAME.eq("MAX_ORDER_QTY")).fetchOne();
            assertThat(row).isNotNull();
            assertThat(row.getVersion()).as("versions of " + account).isEqualTo(applied.get(account).get());
            assertThat(limits.get(key(account)).value()).isEqualByComparingTo(row.getLimitValue());
        }

        // The engine obeys the final value.
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.riskDesk().sync().problem() == null);
        final long finalQty = limits.get(key(BUYER)).value().longValueExact();
        final Message over = broker.send(order(BUYER, '1', finalQty + 1, "0.50"));
        assertThat(over.getChar(150)).isEqualTo('8');
        assertThat(over.getInt(103)).isEqualTo(RejectCode.RISK_MAX_QTY.ordRejReason());
        assertThat(over.getString(58)).contains(Long.toString(finalQty));
        assertThat(broker.send(order(BUYER, '1', finalQty, "0.50")).getChar(150)).isEqualTo('0');

        // Exposures equal the sum of the applied fills.
        final long receivedBuys = filledQty(BUYER);
        final long receivedSells = filledQty(SELLER);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(position(BUYER)).as("BUYER position in MySQL").isEqualTo(executed(BUYER))
                .isEqualTo(receivedBuys).isEqualTo(10L * pairs);
            assertThat(position(SELLER)).as("SELLER position in MySQL").isEqualTo(-executed(SELLER))
                .isEqualTo(-receivedSells).isEqualTo(-10L * pairs);
        });
    }

    private static long position(final String account) {
        final Long quantity = gateway.database().dsl().select(POSITIONS.QUANTITY).from(POSITIONS)
            .where(POSITIONS.ACCOUNT_ID.eq(account), POSITIONS.SYMBOL.eq("AAPL")).fetchOne(POSITIONS.QUANTITY);
        return quantity == null ? 0 : quantity;
    }

    private static long executed(final String account) {
        final BigDecimal sum = gateway.database().dsl().select(org.jooq.impl.DSL.sum(EXECUTIONS.LAST_QTY))
            .from(EXECUTIONS).where(EXECUTIONS.ACCOUNT_ID.eq(account)).fetchOne(0, BigDecimal.class);
        return sum == null ? 0 : sum.longValueExact();
    }

    private static long filledQty(final String account) throws Exception {
        long total = 0;
        for (final Message report : broker.allReports()) {
            if (account.equals(FixBroker.field(report, 1)) && "F".equals(FixBroker.field(report, 150))) {
                total += report.getDecimal(32).longValueExact();
            }
        }
        return total;
    }

    private static Message order(final String account, final char side, final long qty, final String price) {
        final Message order = new NewOrderSingle();
        order.setString(11, "UL-" + IDS.incrementAndGet() + "-" + System.nanoTime());
        order.setString(1, account);
        order.setString(55, "AAPL");
        order.setChar(54, side);
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC), true);
        order.setDecimal(38, BigDecimal.valueOf(qty));
        order.setChar(40, '2');
        order.setDecimal(44, new BigDecimal(price));
        order.setChar(59, '0');
        return order;
    }
}
