package io.portcullis.oms.engine;

import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.event.EngineEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.portcullis.oms.engine.EngineDriver.AAPL;
import static io.portcullis.oms.engine.EngineDriver.BOB;
import static io.portcullis.oms.engine.EngineDriver.CAROL;
import static io.portcullis.oms.engine.EngineDriver.buy;
import static io.portcullis.oms.engine.EngineDriver.px;
import static io.portcullis.oms.engine.EngineDriver.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** Stop and stop-limit orders wait for the last trade price, then trade as market / limit with new priority. */
class StopOrderSpecTest {

    private final EngineDriver driver = new EngineDriver();

    @Test
    void shouldWaitUntilALastTradeReachesTheStopPrice() {
        final long stop = driver.submit(buy(100, AAPL).stop("188.00"));
        assertThat(driver.engine.order(stop).isPendingStop()).isTrue();
        assertThat(driver.queue(AAPL, Side.BUY)).isEmpty();
        tradeAt("187.50");
        assertThat(driver.engine.order(stop).isPendingStop()).isTrue();
    }

    @Test
    void shouldTriggerABuyStopIntoAMarketOrderWhenATradePrintsAtOrAboveItsStopPrice() {
        final long stop = driver.submit(buy(100, AAPL).stop("188.00"));
        driver.submit(sell(100, AAPL).at("188.50").by(CAROL));
        tradeAt("188.00");
        final List<EngineEvent.Execution> reports = driver.executionsOf(stop);
        assertThat(reports).extracting(EngineEvent.Execution::execType)
            .containsExactly(ExecType.NEW, ExecType.TRIGGERED, ExecType.TRADE);
        assertThat(reports.getLast().lastPx()).isEqualTo(px("188.50"));
        assertThat(reports.getLast().ordStatus()).isEqualTo(OrdStatus.FILLED);
    }

    @Test
    void shouldTriggerASellStopLimitIntoALimitOrderThatRestsWithNewPriority() {
        final long resting = driver.submit(sell(100, AAPL).at("186.00").by(CAROL));
        final long stopLimit = driver.submit(sell(100, AAPL).stop("187.00").at("186.00"));
        tradeAt("186.90");
        assertThat(driver.executionsOf(stopLimit).getLast().execType()).isEqualTo(ExecType.TRIGGERED);
        assertThat(driver.queue(AAPL, Side.SELL)).first().isEqualTo(List.of(resting, stopLimit));
    }

    @Test
    void shouldTriggerOnAnyPriceOfASweepNotOnlyTheLast() {
        final long sellStop = driver.submit(sell(10, AAPL).stop("187.10"));
        driver.submit(sell(10, AAPL).at("187.10").by(BOB));
        driver.submit(sell(10, AAPL).at("187.30").by(BOB));
        driver.submit(buy(20, AAPL).at("187.30").by(CAROL));
        assertThat(driver.executionsOf(sellStop)).extracting(EngineEvent.Execution::execType)
            .contains(ExecType.TRIGGERED);
    }

    @Test
    void shouldTriggerAtOnceWhenTheLastPriceAlreadySatisfiesTheStop() {
        tradeAt("190.00");
        assertThat(driver.engine.lastPrice(AAPL)).isEqualTo(px("190.00"));
        final long stop = driver.submit(buy(100, AAPL).stop("189.00"));
        assertThat(driver.executionsOf(stop)).extracting(EngineEvent.Execution::execType)
            .containsExactly(ExecType.NEW, ExecType.TRIGGERED, ExecType.CANCELED);
    }

    @Test
    void shouldReleaseStopsTriggeredByTheSameTradeInArrivalOrder() {
        final long first = driver.submit(buy(10, AAPL).stop("188.00").at("189.00"));
        final long second = driver.submit(buy(10, AAPL).stop("187.50").at("189.00"));
        tradeAt("188.00");
        assertThat(driver.queue(AAPL, Side.BUY)).containsExactly(List.of(first, second));
    }

    @Test
    void shouldCancelAndReplaceAnUntriggeredStop() {
        final long stop = driver.submit(buy(100, AAPL).stop("188.00"));
        driver.replaceRaw(stop, "S2", AAPL, Side.BUY, 50, Prices.NONE, px("189.00"));
        assertThat(driver.engine.order(stop).stopPx()).isEqualTo(px("189.00"));
        tradeAt("188.50");
        assertThat(driver.engine.order(stop).isPendingStop()).isTrue();
        driver.cancel(stop);
        assertThat(driver.lastExecution().execType()).isEqualTo(ExecType.CANCELED);
        assertThat(driver.engine.liveOrderCount()).isZero();
    }

    /** Prints one trade at the price: a resting bid from BOB hit by CAROL (the ask side stays untouched). */
    private void tradeAt(final String usd) {
        driver.submit(buy(1, AAPL).at(usd).by(BOB));
        driver.submit(sell(1, AAPL).at(usd).by(CAROL));
    }
}
