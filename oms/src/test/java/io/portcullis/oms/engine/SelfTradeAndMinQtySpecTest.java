package io.portcullis.oms.engine;

import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.event.EngineEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.portcullis.oms.engine.EngineDriver.AAPL;
import static io.portcullis.oms.engine.EngineDriver.ALICE;
import static io.portcullis.oms.engine.EngineDriver.BOB;
import static io.portcullis.oms.engine.EngineDriver.BOTH_STP;
import static io.portcullis.oms.engine.EngineDriver.RESTING_STP;
import static io.portcullis.oms.engine.EngineDriver.buy;
import static io.portcullis.oms.engine.EngineDriver.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** Self-trade prevention per account, and MinQty. */
class SelfTradeAndMinQtySpecTest {

    private final EngineDriver driver = new EngineDriver();

    @Test
    void shouldCancelTheIncomingOrderByDefaultAndKeepEarlierFills() {
        final long other = driver.submit(sell(50, AAPL).at("187.00").by(BOB));
        final long own = driver.submit(sell(50, AAPL).at("187.00").by(ALICE));
        final long incoming = driver.submit(buy(100, AAPL).at("187.00").by(ALICE));
        assertThat(driver.events.trades()).singleElement().extracting(EngineEvent.Trade::makerOrderId)
            .isEqualTo(other);
        final EngineEvent.Execution last = driver.executionsOf(incoming).getLast();
        assertThat(last.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(last.rejectCode()).isEqualTo(RejectCode.SELF_TRADE_PREVENTED);
        assertThat(last.cumQty()).isEqualTo(50);
        assertThat(driver.queue(AAPL, Side.SELL)).containsExactly(List.of(own));
    }

    @Test
    void shouldCancelTheRestingOrderAndContinueWhenConfigured() {
        final long own = driver.submit(sell(50, AAPL).at("187.00").by(RESTING_STP));
        final long other = driver.submit(sell(50, AAPL).at("187.00").by(BOB));
        final long incoming = driver.submit(buy(50, AAPL).at("187.00").by(RESTING_STP));
        assertThat(driver.executionsOf(own).getLast().rejectCode()).isEqualTo(RejectCode.SELF_TRADE_PREVENTED);
        assertThat(driver.events.trades()).singleElement().extracting(EngineEvent.Trade::makerOrderId)
            .isEqualTo(other);
        assertThat(driver.engine.order(incoming)).isNull();
    }

    @Test
    void shouldCancelBothOrdersWhenConfigured() {
        final long own = driver.submit(sell(50, AAPL).at("187.00").by(BOTH_STP));
        final long incoming = driver.submit(buy(50, AAPL).at("187.00").by(BOTH_STP));
        assertThat(driver.executionsOf(own).getLast().execType()).isEqualTo(ExecType.CANCELED);
        assertThat(driver.executionsOf(incoming).getLast().rejectCode()).isEqualTo(RejectCode.SELF_TRADE_PREVENTED);
        assertThat(driver.events.trades()).isEmpty();
        assertThat(driver.engine.liveOrderCount()).isZero();
    }

    @Test
    void shouldNotCountOwnOrdersAsLiquidityForFok() {
        driver.submit(sell(50, AAPL).at("187.00").by(ALICE));
        driver.submit(sell(50, AAPL).at("187.00").by(BOB));
        final long fok = driver.submit(buy(100, AAPL).at("187.00").by(ALICE).tif(TimeInForce.FOK));
        assertThat(driver.executionsOf(fok).getLast().rejectCode()).isEqualTo(RejectCode.FOK_NOT_FILLED);
        assertThat(driver.events.trades()).isEmpty();
    }

    @Test
    void shouldCancelTheWholeOrderWhenLessThanMinQtyIsExecutableOnArrival() {
        final long maker = driver.submit(sell(40, AAPL).at("187.00").by(BOB));
        final long order = driver.submit(buy(100, AAPL).at("187.00").minQty(50));
        assertThat(driver.executionsOf(order).getLast().rejectCode()).isEqualTo(RejectCode.MIN_QTY_NOT_MET);
        assertThat(driver.events.trades()).isEmpty();
        assertThat(driver.engine.order(maker).leavesQty()).isEqualTo(40);
    }

    @Test
    void shouldExecuteAndRestTheRemainderWhenMinQtyIsMet() {
        driver.submit(sell(60, AAPL).at("187.00").by(BOB));
        final long order = driver.submit(buy(100, AAPL).at("187.00").minQty(50));
        assertThat(driver.engine.order(order).cumQty()).isEqualTo(60);
        assertThat(driver.queue(AAPL, Side.BUY)).containsExactly(List.of(order));
        driver.submit(sell(10, AAPL).at("187.00").by(BOB));
        assertThat(driver.engine.order(order).cumQty()).isEqualTo(70);
    }
}
