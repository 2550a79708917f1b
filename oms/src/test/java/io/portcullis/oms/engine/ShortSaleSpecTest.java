package io.portcullis.oms.engine;

import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.event.EngineEvent;
import io.portcullis.oms.event.RecordingListener;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.EventEncoder;
import io.portcullis.oms.journal.TeeListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static io.portcullis.oms.engine.EngineDriver.AAPL;
import static io.portcullis.oms.engine.EngineDriver.ALICE;
import static io.portcullis.oms.engine.EngineDriver.BOB;
import static io.portcullis.oms.engine.EngineDriver.SESSION;
import static io.portcullis.oms.engine.EngineDriver.buy;
import static io.portcullis.oms.engine.EngineDriver.px;
import static io.portcullis.oms.engine.EngineDriver.sell;
import static io.portcullis.oms.engine.EngineDriver.sellShort;
import static io.portcullis.oms.engine.EngineDriver.sellShortExempt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short sales (Side=5) and short sales exempt (Side=6) trade, rest, count and self-trade exactly like long sales,
 * while their own side travels on the order, its execution reports, the journal's events and the snapshot; market
 * data only ever shows BUY or SELL.
 */
class ShortSaleSpecTest {

    private final EngineDriver driver = new EngineDriver();

    @Test
    void shouldRestAShortSaleOnTheAskSideInPriceTimePriorityWithLongSales() {
        final long longSale = driver.submit(sell(100, AAPL).at("187.10").by(BOB));
        final long shortSale = driver.submit(sellShort(100, AAPL).at("187.00"));
        final long exempt = driver.submit(sellShortExempt(100, AAPL).at("187.10"));
        assertThat(driver.queue(AAPL, Side.SELL)).containsExactly(List.of(shortSale), List.of(longSale, exempt));
        assertThat(driver.queue(AAPL, Side.BUY)).isEmpty();
        assertThat(driver.engine.book(AAPL).bestAsk()).isEqualTo(px("187.00"));
        assertThat(driver.engine.order(shortSale).side()).isEqualTo(Side.SELL_SHORT);
        assertThat(driver.engine.order(exempt).side()).isEqualTo(Side.SELL_SHORT_EXEMPT);
    }

    @Test
    void shouldMatchABuyAgainstShortSalesAndReportEachSideWithItsOwnSideValue() {
        final long shortSale = driver.submit(sellShort(100, AAPL).at("187.00").by(BOB));
        final long exempt = driver.submit(sellShortExempt(50, AAPL).at("187.05").by(BOB));
        final long buy = driver.submit(buy(150, AAPL).at("187.05"));
        assertThat(driver.engine.order(buy)).isNull();
        assertThat(driver.executionsOf(shortSale)).extracting(EngineEvent.Execution::side)
            .containsOnly(Side.SELL_SHORT);
        assertThat(driver.executionsOf(exempt)).extracting(EngineEvent.Execution::side)
            .containsOnly(Side.SELL_SHORT_EXEMPT);
        assertThat(driver.executionsOf(shortSale).getLast().execType()).isEqualTo(ExecType.TRADE);
        assertThat(driver.events.trades()).extracting(EngineEvent.Trade::qty).containsExactly(100L, 50L);
        assertThat(driver.engine.position(BOB, AAPL).netQty()).isEqualTo(-150);
        assertThat(driver.engine.position(BOB, AAPL).soldQty()).isEqualTo(150);
        assertThat(driver.engine.position(ALICE, AAPL).netQty()).isEqualTo(150);
    }

    @Test
    void shouldLetAnAggressiveShortSaleTakeBidsAndPrintAsASellInMarketData() {
        driver.submit(buy(100, AAPL).at("187.00").by(BOB));
        final long shortSale = driver.submit(sellShort(60, AAPL).at("187.00"));
        assertThat(driver.executionsOf(shortSale).getLast().cumQty()).isEqualTo(60);
        assertThat(driver.events.trades().getLast().aggressorSide()).isEqualTo(Side.SELL);
        assertThat(driver.events.ofType(EngineEvent.Depth.class)).extracting(EngineEvent.Depth::side)
            .containsOnly(Side.BUY);
        driver.submit(sellShortExempt(10, AAPL).at("188.00"));
        assertThat(driver.events.ofType(EngineEvent.Depth.class).getLast().side()).isEqualTo(Side.SELL);
    }

    @Test
    void shouldPreventSelfTradesBetweenABuyAndTheSameAccountsShortSale() {
        final long resting = driver.submit(sellShort(100, AAPL).at("187.00"));
        final long buy = driver.submit(buy(100, AAPL).at("187.00"));
        assertThat(driver.events.trades()).isEmpty();
        assertThat(driver.executionsOf(buy).getLast().rejectCode()).isEqualTo(RejectCode.SELF_TRADE_PREVENTED);
        assertThat(driver.engine.order(resting)).isNotNull();
    }

    @Test
    void shouldCountShortSalesAsSellExposureForTheAccountItsBrokerFirmAndTheFirm() {
        driver.submit(sellShort(100, AAPL).at("187.00"));
        driver.submit(sellShortExempt(10, AAPL).at("190.00"));
        final var view = driver.engine.exposures();
        final int alice = view.accountIndex(ALICE);
        final int aapl = view.symbolIndex(AAPL);
        assertThat(view.openSellQty(alice, aapl)).isEqualTo(110);
        assertThat(view.openSellNotional(alice)).isEqualTo(100 * px("187.00") + 10 * px("190.00"));
        assertThat(view.brokerFirmOpenSellNotional(view.brokerFirmOf(alice)))
            .isEqualTo(view.openSellNotional(alice));
        assertThat(view.firmOpenSellNotional()).isEqualTo(view.openSellNotional(alice));
        assertThat(view.openBuyNotional(alice)).isZero();
    }

    @Test
    void shouldRefuseAReplaceThatTurnsAShortSaleIntoALongSale() {
        final long id = driver.submit(sellShort(100, AAPL).at("187.00"));
        driver.replaceRaw(id, "R-long", AAPL, Side.SELL, 100, px("187.00"), Prices.NONE);
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.REPLACE_CHANGES_SIDE);
        driver.replaceRaw(id, "R-short", AAPL, Side.SELL_SHORT, 120, px("187.01"), Prices.NONE);
        assertThat(driver.lastExecution().execType()).isEqualTo(ExecType.REPLACED);
        assertThat(driver.lastExecution().side()).isEqualTo(Side.SELL_SHORT);
    }

    @Test
    void shouldKeepTheLocateIdOnTheOrderAndLetAReplaceChangeIt() {
        final long id = driver.submit(sellShort(100, AAPL).at("187.00").locate("LOC-1"));
        assertThat(driver.engine.order(id).locateId()).isEqualTo("LOC-1");
        driver.replace(id, 90, "187.00");
        assertThat(driver.engine.order(id).locateId()).isEqualTo("LOC-1");
        driver.apply(new ReplaceOrder(driver.nextSequence(), driver.tick(), SESSION, "R-loc", null, id, AAPL,
            Side.SELL_SHORT, 150, px("187.00"), Prices.NONE, "LOC-2"));
        assertThat(driver.engine.order(id).locateId()).isEqualTo("LOC-2");
    }

    @Test
    void shouldCarryShortSidesAndLocateIdsThroughTheSnapshot() throws IOException {
        driver.submit(sellShort(100, AAPL).at("187.00").locate("LOC-1"));
        driver.submit(sellShortExempt(50, AAPL).at("187.10").by(BOB));
        driver.submit(buy(30, AAPL).at("187.00").by(BOB));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        driver.engine.writeSnapshot(out);
        final OrderEngine restored = OrderEngine.restore(EngineDriver.config(),
            new ByteArrayInputStream(out.toByteArray()));
        assertThat(restored.stateHashHex()).isEqualTo(driver.engine.stateHashHex());
        assertThat(restored.order(1).side()).isEqualTo(Side.SELL_SHORT);
        assertThat(restored.order(1).locateId()).isEqualTo("LOC-1");
        assertThat(restored.order(2).side()).isEqualTo(Side.SELL_SHORT_EXEMPT);
        assertThat(restored.exposures().executedSellNotional(restored.exposures().accountIndex(ALICE)))
            .isEqualTo(30 * px("187.00"));
        assertThat(restored.checkInvariants()).isNull();
    }

    @Test
    void shouldJournalShortSidesInExecutionReports() {
        final EventEncoder encoder = new EventEncoder();
        final RecordingListener live = new RecordingListener();
        final OrderEngine engine = new OrderEngine(EngineDriver.config().listener(new TeeListener(encoder, live)));
        engine.apply(new NewOrder(1, EngineDriver.T0, SESSION, "S1", ALICE, AAPL, Side.SELL_SHORT_EXEMPT,
            OrdType.LIMIT, TimeInForce.DAY, 100, px("187.00"), Prices.NONE, 0, 0, "LOC-9"));
        final RecordingListener decoded = new RecordingListener();
        EventDecoder.decode(encoder.buffer().array(), 0, encoder.buffer().length(), decoded);
        assertThat(decoded.events()).isEqualTo(live.events());
        assertThat(decoded.executions().getFirst().side()).isEqualTo(Side.SELL_SHORT_EXEMPT);
        assertThat(engine.order(1).locateId()).isEqualTo("LOC-9");
    }
}
