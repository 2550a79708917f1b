package io.portcullis.app.risk;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.portcullis.app.Gateway;
import io.portcullis.fix.messages.fix44.NewOrderSingle;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.runner.CommandCallback;
import io.portcullis.risk.check.EngineRiskCommandSink;
import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;
import io.portcullis.risk.model.RiskCommandSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.FieldNotFound;
import quickfix.Message;

/**
 * Every pre-trade risk reject code end to end: a real gateway (engine with {@code RiskEngine}, Kafka journal, MySQL),
 * limits, lists, locates and kill switches set through the engine's risk command sink (journaled commands, as the
 * risk desk sends them), and orders from a QuickFIX/J initiator over FIX 4.4. Each case uses an account of its own
 * and asserts the ExecutionReport the broker gets: ExecType and OrdStatus rejected, OrdRejReason(103) of the code, and
 * a Text(58) naming the limit. Trading hours are off here (the test runs at any hour); they are unit-tested in risk.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiskControlsOverFixTest {
    @TempDir
    static Path temp;

    private static RiskTestGateway node;
    private static Gateway gateway;
    private static RiskCommandSink sink;
    private static FixBroker broker1;
    private static FixBroker broker2;
    private static BigDecimal aapl;
    private static final AtomicLong IDS = new AtomicLong();

    @BeforeAll
    static void start() throws Exception {
        node = RiskTestGateway.start(RiskControlsOverFixTest.class, temp, Map.of(),
            java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(RiskControlsOverFixTest::account).toList());
        gateway = node.gateway;
        final int port = node.port;
        sink = new EngineRiskCommandSink(gateway.enginePort()::submit, new CommandCallback() {
            @Override
            public void onDurable(final long sequence, final long offset, final byte[] record) {
            }

            @Override
            public void onLost(final long sequence, final String reason) {
                throw new IllegalStateException("risk command lost: " + reason);
            }
        });
        aapl = BigDecimal.valueOf(gateway.reference().instruments().find("AAPL").referencePrice(), 4)
            .setScale(2, RoundingMode.HALF_UP);
        broker1 = new FixBroker("BROKER1", "broker1-demo", port);
        broker2 = new FixBroker("BROKER2", "broker2-demo", port);
    }

    @AfterAll
    static void stop() {
        if (broker1 != null) {
            broker1.close();
            broker2.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private static String account(final int i) {
        return String.format("RK-%02d", i);
    }

    private static void limit(final int account, final LimitName name, final String value) {
        sink.setLimit(new LimitKey(LimitScope.ACCOUNT, account(account), LimitKey.ANY, name), new BigDecimal(value));
    }

    private static void expectReject(final Message report, final RejectCode code, final String textStart)
        throws FieldNotFound {
        assertThat(report.getChar(150)).as("ExecType of " + report).isEqualTo('8');
        assertThat(report.getChar(39)).as("OrdStatus").isEqualTo('8');
        assertThat(report.getInt(103)).as("OrdRejReason of " + code).isEqualTo(code.ordRejReason());
        assertThat(report.getString(58)).as("Text").startsWith(textStart);
    }

    private static void expectAccepted(final Message report) throws FieldNotFound {
        assertThat(report.getChar(150)).as("ExecType of " + report).isIn('0', 'F');
    }

    @Test
    @Order(1)
    void maxOrderQuantityAtTheLimitPassesAndOneShareOverIsRefused() throws Exception {
        limit(1, LimitName.MAX_ORDER_QTY, "100");
        expectAccepted(broker1.send(order(1, '1', 100, aapl)));
        expectReject(broker1.send(order(1, '1', 101, aapl)), RejectCode.RISK_MAX_QTY, "MAX_ORDER_QTY");
        assertThat(gateway.riskDesk().rejects(account(1), 10)).as("the risk desk's recent rejects").hasSize(1)
            .first().satisfies(r -> assertThat(r.reason()).startsWith("RISK_MAX_QTY: MAX_ORDER_QTY"));
    }

    @Test
    @Order(2)
    void maxOrderNotional() throws Exception {
        limit(2, LimitName.MAX_ORDER_NOTIONAL, aapl.multiply(BigDecimal.valueOf(100)).toPlainString());
        expectReject(broker1.send(order(2, '1', 101, aapl)), RejectCode.RISK_MAX_NOTIONAL, "MAX_ORDER_NOTIONAL");
    }

    @Test
    @Order(3)
    void priceCollar() throws Exception {
        limit(3, LimitName.PRICE_COLLAR_PCT, "5");
        final BigDecimal far = aapl.multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.HALF_UP);
        expectReject(broker1.send(order(3, '1', 10, far)), RejectCode.RISK_PRICE_COLLAR, "PRICE_COLLAR");
    }

    @Test
    @Order(4)
    void marketOrdersNotAllowed() throws Exception {
        limit(4, LimitName.MARKET_ORDERS_ALLOWED, "0");
        expectReject(broker1.send(order(4, '1', 10, null)), RejectCode.RISK_MARKET_ORDER_NOT_ALLOWED,
            "MARKET_ORDERS_ALLOWED");
    }

    @Test
    @Order(5)
    void grossAndNetCredit() throws Exception {
        limit(5, LimitName.GROSS_NOTIONAL, "1000");
        expectReject(broker1.send(order(5, '1', 100, aapl)), RejectCode.RISK_CREDIT_GROSS, "GROSS_NOTIONAL");
        limit(6, LimitName.NET_NOTIONAL, "1000");
        expectReject(broker1.send(order(6, '1', 100, aapl)), RejectCode.RISK_CREDIT_NET, "NET_NOTIONAL");
    }

    @Test
    @Order(6)
    void longAndShortPositionLimits() throws Exception {
        limit(7, LimitName.MAX_LONG_POSITION, "50");
        expectAccepted(broker1.send(order(7, '1', 50, BigDecimal.ONE)));
        expectReject(broker1.send(order(7, '1', 1, BigDecimal.ONE)), RejectCode.RISK_POSITION_LONG,
            "MAX_LONG_POSITION");
        limit(8, LimitName.MAX_SHORT_POSITION, "50");
        expectReject(broker1.send(order(8, '2', 51, aapl.multiply(BigDecimal.TEN))), RejectCode.RISK_POSITION_SHORT,
            "MAX_SHORT_POSITION");
    }

    @Test
    @Order(7)
    void restrictedList() throws Exception {
        sink.setListEntry(ListName.RESTRICTED, account(9), "AAPL", true);
        expectReject(broker1.send(order(9, '1', 10, aapl)), RejectCode.RISK_RESTRICTED, "RESTRICTED");
    }

    @Test
    @Order(8)
    void regShoLocatesHardToBorrowAndShortExempt() throws Exception {
        final BigDecimal high = aapl.multiply(BigDecimal.TEN);
        expectReject(broker1.send(order(10, '5', 10, high)), RejectCode.RISK_NO_LOCATE, "NO_LOCATE");
        sink.addLocate(new Locate("LOC-11", account(11), "AAPL", 100));
        final Message over = order(11, '5', 101, high);
        over.setString(5700, "LOC-11");
        expectReject(broker1.send(over), RejectCode.RISK_LOCATE_EXHAUSTED, "LOCATE_EXHAUSTED");
        final Message exact = order(11, '5', 100, high);
        exact.setString(5700, "LOC-11");
        expectAccepted(broker1.send(exact));
        sink.setListEntry(ListName.HARD_TO_BORROW, account(12), "AAPL", true);
        expectReject(broker1.send(order(12, '5', 10, high)), RejectCode.RISK_HARD_TO_BORROW, "HARD_TO_BORROW");
        expectReject(broker1.send(order(13, '6', 10, high)), RejectCode.RISK_SHORT_EXEMPT_NOT_PERMITTED,
            "SHORT_EXEMPT_ALLOWED");
    }

    @Test
    @Order(9)
    void duplicateOrdersWithinTheWindowAreBlocked() throws Exception {
        limit(14, LimitName.DUPLICATE_WINDOW_MS, "60000");
        limit(14, LimitName.DUPLICATE_BLOCK, "1");
        expectAccepted(broker1.send(order(14, '1', 10, BigDecimal.ONE)));
        expectReject(broker1.send(order(14, '1', 10, BigDecimal.ONE)), RejectCode.RISK_DUPLICATE_ORDER, "DUPLICATE");
    }

    @Test
    @Order(10)
    void orderRatePerAccount() throws Exception {
        limit(15, LimitName.MAX_ORDERS_PER_SECOND, "2");
        final List<Message> orders = List.of(order(15, '1', 1, new BigDecimal("1.01")),
            order(15, '1', 1, new BigDecimal("1.02")), order(15, '1', 1, new BigDecimal("1.03")));
        final List<Message> reports = broker1.sendAll(orders);
        expectReject(reports.get(2), RejectCode.RISK_ORDER_RATE, "MAX_ORDERS_PER_SECOND");
    }

    @Test
    @Order(11)
    void averageDailyVolume() throws Exception {
        limit(16, LimitName.MAX_ADV_PCT, "1");
        final long adv = gateway.reference().instruments().find("AAPL").averageDailyVolume();
        expectAccepted(broker1.send(order(16, '1', adv / 100, BigDecimal.ONE)));
        expectReject(broker1.send(order(16, '1', adv / 100 + 1, new BigDecimal("1.01"))), RejectCode.RISK_ADV,
            "MAX_ADV_PCT");
    }

    @Test
    @Order(12)
    void killSwitchCancelsOpenOrdersAndBlocksNewOnes() throws Exception {
        final Message resting = order(17, '1', 10, BigDecimal.ONE);
        expectAccepted(broker1.send(resting));
        sink.setKillSwitch(KillScope.ACCOUNT, account(17), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker1.reportsOf(resting.getString(11)).stream()
            .anyMatch(r -> "4".equals(FixBroker.field(r, 150))));
        expectReject(broker1.send(order(17, '1', 10, BigDecimal.ONE)), RejectCode.RISK_KILL_SWITCH, "KILL_SWITCH");
        sink.setKillSwitch(KillScope.ACCOUNT, account(17), false);
        expectAccepted(broker1.send(order(17, '1', 10, new BigDecimal("1.01"))));
    }

    @Test
    @Order(13)
    void messageRatePerSession() throws Exception {
        sink.setLimit(new LimitKey(LimitScope.BROKER_FIRM, "BROKER2", LimitKey.ANY, LimitName.MAX_MESSAGES_PER_SECOND),
            new BigDecimal("2"));
        final List<Message> orders = List.of(order("B2-CUST-001", '1', 1, new BigDecimal("1.01")),
            order("B2-CUST-001", '1', 1, new BigDecimal("1.02")), order("B2-CUST-001", '1', 1, new BigDecimal("1.03")));
        final List<Message> reports = broker2.sendAll(orders);
        expectReject(reports.get(2), RejectCode.RISK_MESSAGE_RATE, "MAX_MESSAGES_PER_SECOND");
    }

    @Test
    @Order(14)
    void firmCapitalThreshold() throws Exception {
        final LimitKey capital = new LimitKey(LimitScope.FIRM, LimitKey.ANY, LimitKey.ANY, LimitName.CAPITAL_THRESHOLD);
        sink.setLimit(capital, BigDecimal.ONE);
        expectReject(broker1.send(order(18, '1', 10, BigDecimal.ONE)), RejectCode.RISK_CAPITAL, "CAPITAL_THRESHOLD");
        sink.removeLimit(capital);
        expectAccepted(broker1.send(order(18, '1', 10, new BigDecimal("1.01"))));
    }

    private static Message order(final int account, final char side, final long qty, final BigDecimal price) {
        return order(account(account), side, qty, price);
    }

    private static Message order(final String account, final char side, final long qty, final BigDecimal price) {
        final Message order = new NewOrderSingle();
        order.setString(11, "RK-" + IDS.incrementAndGet() + "-" + System.nanoTime());
        order.setString(1, account);
        order.setString(55, "AAPL");
        order.setChar(54, side);
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC), true);
        order.setDecimal(38, BigDecimal.valueOf(qty));
        if (price == null) {
            order.setChar(40, '1');
        } else {
            order.setChar(40, '2');
            order.setDecimal(44, price);
        }
        order.setChar(59, '0');
        return order;
    }

}
