package io.portcullis.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.portcullis.app.demo.DemoData;
import io.portcullis.app.risk.FixBroker;
import io.portcullis.fix.messages.fix44.NewOrderSingle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

/**
 * The trade-date close's DAY order expiry through the real gateway: {@code POST /api/engine/expire-day-orders}
 * (BACK_OFFICE) expires a resting DAY order in the engine and the broker receives its Expired report over FIX; a GTC
 * order stays; a second call expires nothing; the call needs a reason and is audited.
 */
@Timeout(300)
class DayOrderExpiryApiTest {
    @TempDir
    static Path temp;

    private static AdminGateway api;
    private static FixBroker broker;

    @BeforeAll
    static void startGateway() throws Exception {
        api = AdminGateway.start(DayOrderExpiryApiTest.class, temp);
        broker = new FixBroker("BROKER1", "broker1-demo", api.fixPort());
    }

    @AfterAll
    static void stopGateway() {
        if (broker != null) {
            broker.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theCloseExpiresDayOrdersThroughTheEngineAndTheBrokerHearsOfIt() throws Exception {
        final Message day = order("EXP-DAY-1", '0');
        final Message gtc = order("EXP-GTC-1", '1');
        assertThat(broker.send(day).getChar(150)).as("DAY order accepted").isEqualTo('0');
        assertThat(broker.send(gtc).getChar(150)).as("GTC order accepted").isEqualTo('0');

        final String token = api.token(Role.BACK_OFFICE);
        final AdminGateway.Answer missingReason = api.call("POST", "/api/engine/expire-day-orders", token, "{}");
        assertThat(missingReason.status()).isEqualTo(400);
        assertThat(missingReason.response().body()).contains("reason");

        final AdminGateway.Answer answer = api.call("POST", "/api/engine/expire-day-orders", token,
            "{\"reason\":\"close of the trading day\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("expiredOrders").asInt()).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> broker.reportsOf("EXP-DAY-1").stream()
            .anyMatch(DayOrderExpiryApiTest::expired));
        assertThat(broker.reportsOf("EXP-GTC-1")).noneMatch(DayOrderExpiryApiTest::expired);
        assertThat(api.lastAudit().getAction()).isEqualTo("ENGINE_EXPIRE_DAY_ORDERS");
        assertThat(api.lastAudit().getReason()).isEqualTo("close of the trading day");

        final AdminGateway.Answer again = api.call("POST", "/api/engine/expire-day-orders", token,
            "{\"reason\":\"sent twice\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("expiredOrders").asInt()).isZero();
    }

    private static boolean expired(final Message report) {
        try {
            return report.getChar(150) == 'C';
        } catch (final quickfix.FieldNotFound ex) {
            return false;
        }
    }

    private static Message order(final String clOrdId, final char timeInForce) {
        final Message order = new NewOrderSingle();
        order.setString(11, clOrdId);
        order.setString(1, DemoData.BROKER1_DEFAULT_ACCOUNT);
        order.setString(55, "MSFT");
        order.setChar(54, '1');
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC), true);
        order.setDecimal(38, BigDecimal.valueOf(100));
        order.setChar(40, '2');
        order.setDecimal(44, new BigDecimal("470.00"));
        order.setChar(59, timeInForce);
        return order;
    }
}
