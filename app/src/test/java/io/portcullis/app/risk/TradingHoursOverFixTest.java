package io.portcullis.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.portcullis.fix.messages.fix44.NewOrderSingle;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.instrument.InstrumentCsvLoader;
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

    private static RiskTestGateway node;
    private static FixBroker broker;

    @BeforeAll
    static void start() throws Exception {
        final int hourNow = LocalDateTime.now(ZoneId.of("America/New_York")).getHour();
        final String closedHours = hourNow < 12 ? "13:00-14:00" : "01:00-02:00";
        final Path instruments = temp.resolve("instruments.csv");
        Files.writeString(instruments, InstrumentCsvLoader.EXTENDED_HEADER + "\n"
            + "AAPL,Apple Inc.,XNAS,true,0.01,1,268.47,ACTIVE,50000000," + closedHours + "\n");
        node = RiskTestGateway.start(TradingHoursOverFixTest.class, temp, Map.of("risk.enforce-trading-hours", "true",
            "gateway.instruments", instruments.toString()), List.of());
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
