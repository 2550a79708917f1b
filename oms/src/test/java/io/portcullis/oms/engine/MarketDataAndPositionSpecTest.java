package io.portcullis.oms.engine;

import io.portcullis.oms.command.ExpireDayOrders;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.event.EngineEvent;
import org.junit.jupiter.api.Test;

import static io.portcullis.oms.engine.EngineDriver.AAPL;
import static io.portcullis.oms.engine.EngineDriver.ALICE;
import static io.portcullis.oms.engine.EngineDriver.BOB;
import static io.portcullis.oms.engine.EngineDriver.buy;
import static io.portcullis.oms.engine.EngineDriver.px;
import static io.portcullis.oms.engine.EngineDriver.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** Depth, top of book, trade prints, daily statistics, positions and exposure. */
class MarketDataAndPositionSpecTest {

    private final EngineDriver driver = new EngineDriver();

    @Test
    void shouldPublishDepthByLevelWithAggregateQtyAndOrderCount() {
        driver.submit(buy(100, AAPL).at("187.00"));
        driver.submit(buy(50, AAPL).at("187.00").by(BOB));
        assertThat(driver.events.ofType(EngineEvent.Depth.class).getLast())
            .isEqualTo(new EngineEvent.Depth(AAPL, Side.BUY, px("187.00"), 150, 2, driver.now()));
    }

    @Test
    void shouldPublishTopOfBookOnlyWhenItChanges() {
        driver.submit(buy(100, AAPL).at("187.00"));
        driver.submit(buy(100, AAPL).at("186.00"));
        driver.submit(sell(100, AAPL).at("188.00").by(BOB));
        assertThat(driver.events.ofType(EngineEvent.TopOfBook.class))
            .extracting(t -> t.bidPx() + "x" + t.bidQty() + "/" + Prices.format(t.askPx()) + "x" + t.askQty())
            .containsExactly(px("187.00") + "x100/nonex0", px("187.00") + "x100/188.0000x100");
    }

    @Test
    void shouldKeepDailyOpenHighLowLastVolumeAndResetThemAtTheClose() {
        trade("187.00", 10);
        trade("189.00", 20);
        trade("186.00", 30);
        trade("188.00", 40);
        assertThat(driver.events.ofType(EngineEvent.DailyStats.class).getLast()).satisfies(s -> {
            assertThat(s.open()).isEqualTo(px("187.00"));
            assertThat(s.high()).isEqualTo(px("189.00"));
            assertThat(s.low()).isEqualTo(px("186.00"));
            assertThat(s.last()).isEqualTo(px("188.00"));
            assertThat(s.volume()).isEqualTo(100);
            assertThat(s.tradeCount()).isEqualTo(4);
        });
        driver.apply(new ExpireDayOrders(driver.nextSequence(), driver.tick()));
        trade("190.00", 5);
        assertThat(driver.events.ofType(EngineEvent.DailyStats.class).getLast().open()).isEqualTo(px("190.00"));
    }

    @Test
    void shouldKeepPositionAverageCostAndRealizedPnl() {
        trade("100.00", 100);
        trade("110.00", 100);
        final Position bought = driver.engine.position(ALICE, AAPL);
        assertThat(bought.netQty()).isEqualTo(200);
        assertThat(bought.costBasis()).isEqualTo(px("21000.00"));
        sellFromAlice("120.00", 50);
        assertThat(bought.netQty()).isEqualTo(150);
        assertThat(bought.realizedPnl()).isEqualTo(px("750.00"));
        assertThat(bought.costBasis()).isEqualTo(px("15750.00"));
        sellFromAlice("90.00", 250);
        assertThat(bought.netQty()).isEqualTo(-100);
        assertThat(bought.realizedPnl()).isEqualTo(px("750.00") - px("2250.00"));
        assertThat(bought.costBasis()).isEqualTo(px("9000.00"));
        assertThat(bought.boughtQty()).isEqualTo(200);
        assertThat(bought.soldQty()).isEqualTo(300);
        assertThat(driver.engine.position(BOB, AAPL).netQty()).isEqualTo(100);
    }

    @Test
    void shouldTrackOpenOrderExposure() {
        final long id = driver.submit(buy(100, AAPL).at("187.00"));
        assertThat(driver.engine.exposures().openBuyQty(ALICE, AAPL)).isEqualTo(100);
        assertThat(driver.engine.exposures().openBuyNotional(ALICE)).isEqualTo(100 * px("187.00"));
        driver.submit(sell(30, AAPL).at("187.00").by(BOB));
        assertThat(driver.engine.exposures().openBuyQty(ALICE, AAPL)).isEqualTo(70);
        driver.cancel(id);
        assertThat(driver.engine.exposures().openBuyNotional(ALICE)).isZero();
        assertThat(driver.engine.exposures().netPosition(ALICE, AAPL)).isEqualTo(30);
    }

    private void trade(final String usd, final long qty) {
        driver.submit(sell(qty, AAPL).at(usd).by(BOB));
        driver.submit(buy(qty, AAPL).at(usd).by(ALICE));
    }

    private void sellFromAlice(final String usd, final long qty) {
        driver.submit(buy(qty, AAPL).at(usd).by(BOB));
        driver.submit(sell(qty, AAPL).at(usd).by(ALICE));
    }
}
