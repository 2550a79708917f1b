package io.portcullis.oms.engine;

import io.portcullis.oms.command.ExpireDayOrders;
import io.portcullis.oms.command.ExpireGtdOrders;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.event.EngineEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.portcullis.oms.engine.EngineDriver.AAPL;
import static io.portcullis.oms.engine.EngineDriver.BOB;
import static io.portcullis.oms.engine.EngineDriver.CAROL;
import static io.portcullis.oms.engine.EngineDriver.buy;
import static io.portcullis.oms.engine.EngineDriver.px;
import static io.portcullis.oms.engine.EngineDriver.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** Limit, market, IOC, FOK, GTC, DAY and GTD behaviour, and price-time priority. */
class OrderTypeSpecTest {

    private final EngineDriver driver = new EngineDriver();

    @Test
    void shouldAcknowledgeAndRestALimitOrderThatDoesNotCross() {
        final long id = driver.submit(buy(100, AAPL).at("187.25"));
        assertThat(driver.lastExecution().execType()).isEqualTo(ExecType.NEW);
        assertThat(driver.lastExecution().ordStatus()).isEqualTo(OrdStatus.NEW);
        assertThat(driver.lastExecution().leavesQty()).isEqualTo(100);
        assertThat(driver.queue(AAPL, Side.BUY)).containsExactly(List.of(id));
    }

    @Test
    void shouldTradeAtTheRestingOrdersPrice() {
        final long maker = driver.submit(sell(100, AAPL).at("187.20").by(BOB));
        final long taker = driver.submit(buy(100, AAPL).at("187.30"));
        final EngineEvent.Trade trade = driver.events.trades().get(0);
        assertThat(trade.price()).isEqualTo(px("187.20"));
        assertThat(trade.qty()).isEqualTo(100);
        assertThat(trade.takerOrderId()).isEqualTo(taker);
        assertThat(trade.makerOrderId()).isEqualTo(maker);
        assertThat(driver.executionsOf(taker)).last().satisfies(e -> {
            assertThat(e.ordStatus()).isEqualTo(OrdStatus.FILLED);
            assertThat(e.lastPx()).isEqualTo(px("187.20"));
            assertThat(e.aggressor()).isTrue();
        });
        assertThat(driver.engine.liveOrderCount()).isZero();
    }

    @Test
    void shouldFillInPriceThenTimePriority() {
        final long late = driver.submit(sell(100, AAPL).at("187.20").by(BOB));
        final long better = driver.submit(sell(100, AAPL).at("187.10").by(BOB));
        final long early = driver.submit(sell(100, AAPL).at("187.20").by(CAROL));
        driver.submit(buy(250, AAPL).at("187.20"));
        assertThat(driver.events.trades()).extracting(EngineEvent.Trade::makerOrderId)
            .containsExactly(better, late, early);
        assertThat(driver.engine.order(early).leavesQty()).isEqualTo(50);
        assertThat(driver.queue(AAPL, Side.SELL)).containsExactly(List.of(early));
    }

    @Test
    void shouldKeepAvgPxExactAsNotionalOverCumQty() {
        driver.submit(sell(1, AAPL).at("187.01").by(BOB));
        driver.submit(sell(2, AAPL).at("187.02").by(BOB));
        final long taker = driver.submit(buy(3, AAPL).at("187.02"));
        final EngineEvent.Execution last = driver.executionsOf(taker).getLast();
        assertThat(last.cumNotional()).isEqualTo(px("187.01") + 2 * px("187.02"));
        assertThat(last.cumQty() + last.leavesQty()).isEqualTo(last.orderQty());
        assertThat(new BigDecimal(last.cumNotional()).divide(BigDecimal.valueOf(30_000), 6,
            java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("187.016667");
    }

    @Test
    void shouldFillAMarketOrderAcrossLevelsAndCancelWhatIsLeft() {
        driver.submit(sell(100, AAPL).at("187.20").by(BOB));
        driver.submit(sell(100, AAPL).at("187.30").by(BOB));
        final long market = driver.submit(buy(300, AAPL));
        final List<EngineEvent.Execution> reports = driver.executionsOf(market);
        assertThat(reports).extracting(EngineEvent.Execution::execType)
            .containsExactly(ExecType.NEW, ExecType.TRADE, ExecType.TRADE, ExecType.CANCELED);
        assertThat(reports.getLast().rejectCode()).isEqualTo(RejectCode.NO_LIQUIDITY);
        assertThat(reports.getLast().cumQty()).isEqualTo(200);
        assertThat(reports.getLast().leavesQty()).isZero();
        assertThat(driver.queue(AAPL, Side.BUY)).isEmpty();
    }

    @Test
    void shouldCancelAMarketOrderThatFindsNoLiquidity() {
        final long market = driver.submit(sell(100, AAPL));
        assertThat(driver.executionsOf(market).getLast().ordStatus()).isEqualTo(OrdStatus.CANCELED);
        assertThat(driver.engine.liveOrderCount()).isZero();
    }

    @Test
    void shouldCancelTheUnfilledRestOfAnIocOrder() {
        driver.submit(sell(60, AAPL).at("187.20").by(BOB));
        final long ioc = driver.submit(buy(100, AAPL).at("187.20").tif(TimeInForce.IOC));
        final EngineEvent.Execution last = driver.executionsOf(ioc).getLast();
        assertThat(last.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(last.cumQty()).isEqualTo(60);
        assertThat(driver.queue(AAPL, Side.BUY)).isEmpty();
    }

    @Test
    void shouldKillAFokOrderThatCannotFillCompletelyWithoutTouchingTheBook() {
        final long maker = driver.submit(sell(60, AAPL).at("187.20").by(BOB));
        final long fok = driver.submit(buy(100, AAPL).at("187.20").tif(TimeInForce.FOK));
        assertThat(driver.events.trades()).isEmpty();
        assertThat(driver.executionsOf(fok).getLast().rejectCode()).isEqualTo(RejectCode.FOK_NOT_FILLED);
        assertThat(driver.engine.order(maker).leavesQty()).isEqualTo(60);
    }

    @Test
    void shouldFillAFokOrderCompletelyWhenEnoughIsThere() {
        driver.submit(sell(60, AAPL).at("187.20").by(BOB));
        driver.submit(sell(60, AAPL).at("187.25").by(CAROL));
        final long fok = driver.submit(buy(100, AAPL).at("187.25").tif(TimeInForce.FOK));
        assertThat(driver.executionsOf(fok).getLast().ordStatus()).isEqualTo(OrdStatus.FILLED);
    }

    @Test
    void shouldExpireDayOrdersAtTheTradeDateCloseButKeepGtcOrders() {
        final long day = driver.submit(buy(100, AAPL).at("187.00"));
        final long gtc = driver.submit(buy(100, AAPL).at("186.00").tif(TimeInForce.GTC));
        driver.apply(new ExpireDayOrders(driver.nextSequence(), driver.tick()));
        assertThat(driver.executionsOf(day).getLast().execType()).isEqualTo(ExecType.EXPIRED);
        assertThat(driver.executionsOf(day).getLast().ordStatus()).isEqualTo(OrdStatus.EXPIRED);
        assertThat(driver.engine.order(gtc)).isNotNull();
        assertThat(driver.queue(AAPL, Side.BUY)).containsExactly(List.of(gtc));
    }

    @Test
    void shouldExpireGtdOrdersWhoseExpiryTimeHasPassed() {
        final long soon = driver.submit(buy(100, AAPL).at("187.00").expiresAt(EngineDriver.T0 + 1_000_000));
        final long later = driver.submit(buy(100, AAPL).at("187.00").expiresAt(EngineDriver.T0 + 9_000_000));
        driver.apply(new ExpireGtdOrders(driver.nextSequence(), driver.tick(), EngineDriver.T0 + 1_000_000));
        assertThat(driver.executionsOf(soon).getLast().execType()).isEqualTo(ExecType.EXPIRED);
        assertThat(driver.engine.order(later)).isNotNull();
        assertThat(driver.engine.order(soon)).isNull();
    }

    @Test
    void shouldAssignIncreasingExecIdsAndOneTradeIdToBothSides() {
        driver.submit(sell(100, AAPL).at("187.20").by(BOB));
        driver.submit(buy(100, AAPL).at("187.20"));
        final List<EngineEvent.Execution> all = driver.events.executions();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).execId()).isGreaterThan(all.get(i - 1).execId());
        }
        final List<EngineEvent.Execution> trades = all.stream().filter(e -> e.execType() == ExecType.TRADE).toList();
        assertThat(trades).hasSize(2);
        assertThat(trades.get(0).tradeId()).isEqualTo(trades.get(1).tradeId()).isPositive();
    }
}
