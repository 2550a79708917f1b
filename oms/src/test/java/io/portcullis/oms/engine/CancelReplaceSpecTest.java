package io.portcullis.oms.engine;

import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.event.EngineEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.portcullis.oms.engine.EngineDriver.AAPL;
import static io.portcullis.oms.engine.EngineDriver.BOB;
import static io.portcullis.oms.engine.EngineDriver.MSFT;
import static io.portcullis.oms.engine.EngineDriver.SESSION;
import static io.portcullis.oms.engine.EngineDriver.buy;
import static io.portcullis.oms.engine.EngineDriver.px;
import static io.portcullis.oms.engine.EngineDriver.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** Cancel and cancel/replace, including time priority rules and rejects. */
class CancelReplaceSpecTest {

    private final EngineDriver driver = new EngineDriver();

    @Test
    void shouldCancelARestingOrderAndReportBothClOrdIds() {
        driver.submit(buy(100, AAPL).at("187.00").clOrdId("B-1"));
        driver.cancelByClOrdId(SESSION, "B-1");
        final EngineEvent.Execution report = driver.lastExecution();
        assertThat(report.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(report.origClOrdId()).isEqualTo("B-1");
        assertThat(report.clOrdId()).startsWith("X");
        assertThat(report.leavesQty()).isZero();
        assertThat(driver.queue(AAPL, Side.BUY)).isEmpty();
    }

    @Test
    void shouldCancelAPartiallyFilledOrderKeepingItsCumQty() {
        final long id = driver.submit(buy(100, AAPL).at("187.00"));
        driver.submit(sell(40, AAPL).at("187.00").by(BOB));
        driver.cancel(id);
        assertThat(driver.lastExecution().cumQty()).isEqualTo(40);
        assertThat(driver.lastExecution().ordStatus()).isEqualTo(OrdStatus.CANCELED);
    }

    @Test
    void shouldRejectCancelOfAnUnknownOrFinishedOrder() {
        driver.cancel(999);
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.UNKNOWN_ORDER);
        assertThat(driver.lastCancelReject().replace()).isFalse();
        final long id = driver.submit(buy(100, AAPL).at("187.00"));
        driver.cancel(id);
        driver.cancel(id);
        assertThat(driver.events.cancelRejects()).hasSize(2);
    }

    @Test
    void shouldKeepTimePriorityWhenQuantityGoesDown() {
        final long first = driver.submit(buy(100, AAPL).at("187.00"));
        final long second = driver.submit(buy(100, AAPL).at("187.00"));
        driver.replace(first, 60, "187.00");
        assertThat(driver.queue(AAPL, Side.BUY)).containsExactly(List.of(first, second));
        assertThat(driver.engine.book(AAPL).side(Side.BUY).best().totalQty()).isEqualTo(160);
        assertThat(driver.lastExecution().execType()).isEqualTo(ExecType.REPLACED);
        assertThat(driver.lastExecution().leavesQty()).isEqualTo(60);
    }

    @Test
    void shouldLoseTimePriorityWhenQuantityGoesUp() {
        final long first = driver.submit(buy(100, AAPL).at("187.00"));
        final long second = driver.submit(buy(100, AAPL).at("187.00"));
        driver.replace(first, 150, "187.00");
        assertThat(driver.queue(AAPL, Side.BUY)).containsExactly(List.of(second, first));
    }

    @Test
    void shouldLoseTimePriorityWhenPriceChangesAndTradeIfItNowCrosses() {
        final long ask = driver.submit(sell(50, AAPL).at("187.10").by(BOB));
        final long first = driver.submit(buy(100, AAPL).at("187.00"));
        final long second = driver.submit(buy(100, AAPL).at("187.00"));
        driver.replace(first, 100, "187.10");
        assertThat(driver.events.trades()).singleElement().satisfies(t -> {
            assertThat(t.makerOrderId()).isEqualTo(ask);
            assertThat(t.takerOrderId()).isEqualTo(first);
        });
        assertThat(driver.queue(AAPL, Side.BUY)).containsExactly(List.of(first), List.of(second));
        assertThat(driver.engine.order(first).leavesQty()).isEqualTo(50);
    }

    @Test
    void shouldFinishTheOrderWhenReplacedDownToItsExecutedQuantity() {
        final long id = driver.submit(buy(100, AAPL).at("187.00"));
        driver.submit(sell(40, AAPL).at("187.00").by(BOB));
        driver.replace(id, 40, "187.00");
        assertThat(driver.lastExecution().execType()).isEqualTo(ExecType.REPLACED);
        assertThat(driver.lastExecution().ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(driver.engine.order(id)).isNull();
        assertThat(driver.queue(AAPL, Side.BUY)).isEmpty();
    }

    @Test
    void shouldRejectReplaceBelowTheExecutedQuantity() {
        final long id = driver.submit(buy(100, AAPL).at("187.00"));
        driver.submit(sell(40, AAPL).at("187.00").by(BOB));
        driver.replace(id, 30, "187.00");
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.REPLACE_QTY_BELOW_CUM);
        assertThat(driver.lastCancelReject().ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
    }

    @Test
    void shouldRejectReplaceThatChangesSideOrSymbol() {
        final long id = driver.submit(buy(100, AAPL).at("187.00"));
        driver.replaceRaw(id, "R-side", AAPL, Side.SELL, 100, px("187.00"), Prices.NONE);
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.REPLACE_CHANGES_SIDE);
        driver.replaceRaw(id, "R-sym", MSFT, Side.BUY, 100, px("187.00"), Prices.NONE);
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.REPLACE_CHANGES_SYMBOL);
        assertThat(driver.engine.order(id).clOrdId()).isEqualTo("C1");
    }

    @Test
    void shouldRejectReplaceOfAnUnknownOrder() {
        driver.replaceRaw(77, "R-1", AAPL, Side.BUY, 100, px("187.00"), Prices.NONE);
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.UNKNOWN_ORDER);
        assertThat(driver.lastCancelReject().replace()).isTrue();
    }

    @Test
    void shouldRejectReplaceWithADuplicateClOrdIdOrBadPrice() {
        final long id = driver.submit(buy(100, AAPL).at("187.00").clOrdId("K1"));
        driver.submit(buy(100, AAPL).at("186.00").clOrdId("K2"));
        driver.replaceRaw(id, "K2", AAPL, Side.BUY, 100, px("187.00"), Prices.NONE);
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.DUPLICATE_CLORDID);
        driver.replaceRaw(id, "K3", AAPL, Side.BUY, 100, px("187.005"), Prices.NONE);
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.PRICE_OFF_TICK);
        driver.replaceRaw(id, "K3", AAPL, Side.BUY, 100, Prices.NONE, Prices.NONE);
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.LIMIT_PRICE_MISSING);
    }

    @Test
    void shouldFindTheReplacedOrderByItsNewClOrdId() {
        driver.submit(buy(100, AAPL).at("187.00").clOrdId("K1"));
        final long id = driver.engine.order(SESSION, "K1").orderId();
        driver.replaceRaw(id, "K1b", AAPL, Side.BUY, 80, px("187.00"), Prices.NONE);
        assertThat(driver.engine.order(SESSION, "K1")).isNull();
        assertThat(driver.engine.order(SESSION, "K1b").orderId()).isEqualTo(id);
        assertThat(driver.engine.order(id).origClOrdId()).isEqualTo("K1");
    }
}
