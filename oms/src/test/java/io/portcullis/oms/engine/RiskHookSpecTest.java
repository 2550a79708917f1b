package io.portcullis.oms.engine;

import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.ExpireDayOrders;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.event.EngineEvent;
import io.portcullis.oms.event.RecordingListener;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.EventEncoder;
import io.portcullis.oms.journal.TeeListener;
import io.portcullis.oms.risk.ExposureView;
import io.portcullis.oms.risk.PreTradeOrder;
import io.portcullis.oms.risk.PreTradeResult;
import io.portcullis.oms.risk.RiskStateful;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.portcullis.oms.engine.EngineDriver.AAPL;
import static io.portcullis.oms.engine.EngineDriver.ALICE;
import static io.portcullis.oms.engine.EngineDriver.BOB;
import static io.portcullis.oms.engine.EngineDriver.CAROL;
import static io.portcullis.oms.engine.EngineDriver.MSFT;
import static io.portcullis.oms.engine.EngineDriver.buy;
import static io.portcullis.oms.engine.EngineDriver.px;
import static io.portcullis.oms.engine.EngineDriver.sell;
import static io.portcullis.oms.engine.EngineDriver.sellShort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the engine gives a pre-trade check: the exposure view's per account, broker firm and firm totals (open and
 * today's executed notional), books and indexes; and the stateful-check hooks: risk updates, order messages, the
 * trading day's end, warnings, and the check's state in the snapshot and the state hash.
 */
class RiskHookSpecTest {

    @Test
    void shouldKeepTodaysExecutedNotionalPerAccountBrokerFirmAndFirmUntilTheDayCloses() {
        final EngineDriver driver = new EngineDriver();
        driver.submit(buy(100, AAPL).at("187.00"));
        driver.submit(sellShort(40, AAPL).at("187.00").by(BOB));
        driver.submit(sell(10, MSFT).at("400.00").by(CAROL));
        driver.submit(buy(10, MSFT).at("400.00").by(BOB));
        final ExposureView view = driver.engine.exposures();
        final int alice = view.accountIndex(ALICE);
        final int bob = view.accountIndex(BOB);
        final int firmA = view.brokerFirmIndex("FIRMA");
        final int firmB = view.brokerFirmIndex("FIRMB");
        assertThat(view.brokerFirmOf(alice)).isEqualTo(firmA).isEqualTo(view.brokerFirmOf(bob));
        assertThat(view.brokerFirmCount()).isEqualTo(2);
        assertThat(view.executedBuyNotional(alice)).isEqualTo(40 * px("187.00"));
        assertThat(view.executedSellNotional(bob)).isEqualTo(40 * px("187.00"));
        assertThat(view.executedBuyNotional(bob)).isEqualTo(10 * px("400.00"));
        assertThat(view.brokerFirmExecutedBuyNotional(firmA)).isEqualTo(40 * px("187.00") + 10 * px("400.00"));
        assertThat(view.brokerFirmExecutedSellNotional(firmB)).isEqualTo(10 * px("400.00"));
        assertThat(view.firmExecutedBuyNotional()).isEqualTo(view.firmExecutedSellNotional())
            .isEqualTo(40 * px("187.00") + 10 * px("400.00"));
        assertThat(view.openBuyNotional(alice)).isEqualTo(60 * px("187.00"));
        assertThat(view.brokerFirmOpenBuyNotional(firmA)).isEqualTo(60 * px("187.00"));
        assertThat(view.firmOpenBuyNotional()).isEqualTo(60 * px("187.00"));
        assertThat(view.volumeToday(view.symbolIndex(AAPL))).isEqualTo(40);

        driver.apply(new ExpireDayOrders(driver.nextSequence(), driver.tick()));
        assertThat(view.executedBuyNotional(alice)).isZero();
        assertThat(view.brokerFirmExecutedBuyNotional(firmA)).isZero();
        assertThat(view.firmExecutedSellNotional()).isZero();
        assertThat(view.firmOpenBuyNotional()).as("the DAY order expired").isZero();
        assertThat(view.netPosition(alice, view.symbolIndex(AAPL))).isEqualTo(40);
    }

    @Test
    void shouldShowTheBestBidAndOfferAndUnknownNamesAsMinusOne() {
        final EngineDriver driver = new EngineDriver();
        final ExposureView view = driver.engine.exposures();
        final int aapl = view.symbolIndex(AAPL);
        assertThat(view.bestBid(aapl)).isEqualTo(Prices.NONE);
        assertThat(view.bestAsk(aapl)).isEqualTo(Prices.NONE);
        driver.submit(buy(100, AAPL).at("186.99"));
        driver.submit(sellShort(100, AAPL).at("187.02").by(BOB));
        assertThat(view.bestBid(aapl)).isEqualTo(px("186.99"));
        assertThat(view.bestAsk(aapl)).isEqualTo(px("187.02"));
        assertThat(view.lastPrice(aapl)).isEqualTo(Prices.NONE);
        assertThat(view.accountIndex("NOBODY")).isEqualTo(-1);
        assertThat(view.symbolIndex("ZZZZ")).isEqualTo(-1);
        assertThat(view.brokerFirmIndex("NOFIRM")).isEqualTo(-1);
        assertThat(view.accountCount()).isEqualTo(EngineDriver.accounts().size());
        assertThat(view.symbolCount()).isEqualTo(3);
    }

    @Test
    void shouldRefuseARiskUpdateWhenTheCheckKeepsNoState() {
        final EngineDriver driver = new EngineDriver();
        driver.apply(new RiskUpdate(driver.nextSequence(), driver.tick(), new byte[] {1, 2, 3}));
        assertThat(driver.events.ofType(EngineEvent.AdminRejected.class)).singleElement()
            .extracting(EngineEvent.AdminRejected::rejectCode).isEqualTo(RejectCode.RISK_UPDATE_REFUSED);
        assertThat(driver.events.executions()).isEmpty();
        assertThat(driver.engine.lastSequence()).isEqualTo(1);
    }

    @Test
    void shouldHandRiskUpdatesOrderMessagesAndTheDaysEndToAStatefulCheck() {
        final CountingCheck check = new CountingCheck();
        final EngineDriver driver = new EngineDriver(check);
        driver.apply(new RiskUpdate(driver.nextSequence(), driver.tick(), new byte[] {7}));
        driver.apply(new RiskUpdate(driver.nextSequence(), driver.tick(), new byte[] {}));
        assertThat(check.updates).isEqualTo(7);
        assertThat(driver.events.ofType(EngineEvent.AdminRejected.class)).singleElement()
            .extracting(EngineEvent.AdminRejected::rejectCode).isEqualTo(RejectCode.RISK_UPDATE_REFUSED);

        final long id = driver.submit(buy(100, AAPL).at("187.00"));
        driver.submit(buy(0, AAPL).at("187.00"));
        driver.replace(id, 90, "187.00");
        driver.apply(new CancelOrder(driver.nextSequence(), driver.tick(), EngineDriver.SESSION, "X", null, 99));
        assertThat(check.messages).as("new, invalid new, replace, cancel of an unknown order").isEqualTo(4);
        assertThat(check.checks).as("only the valid new order reached the check").isEqualTo(1);
        assertThat(check.seen).containsExactly("C1 t=" + (EngineDriver.T0 + 3_000) + " seq=3 account=0 symbol=0");

        driver.apply(new ExpireDayOrders(driver.nextSequence(), driver.tick()));
        assertThat(check.daysEnded).isEqualTo(1);
    }

    @Test
    void shouldReportAWarningBeforeTheNewAckAndStillAcceptTheOrder() {
        final CountingCheck check = new CountingCheck();
        check.warnNext = true;
        final EngineDriver driver = new EngineDriver(check);
        final long id = driver.submit(buy(100, AAPL).at("187.00"));
        assertThat(id).isPositive();
        final List<EngineEvent> events = driver.events.events();
        assertThat(events.get(0)).isEqualTo(new EngineEvent.RiskWarning(1, id, EngineDriver.SESSION, "C1",
            RejectCode.RISK_DUPLICATE_ORDER, "DUPLICATE_ORDER: warned", driver.now()));
        assertThat(events.get(1)).isInstanceOfSatisfying(EngineEvent.Execution.class,
            e -> assertThat(e.execType()).isEqualTo(ExecType.NEW));
    }

    @Test
    void shouldJournalTheWarningAsAnEventThatDecodesToTheSame() {
        final CountingCheck check = new CountingCheck();
        check.warnNext = true;
        final EventEncoder encoder = new EventEncoder();
        final RecordingListener live = new RecordingListener();
        final OrderEngine engine = new OrderEngine(EngineDriver.config().preTradeCheck(check)
            .listener(new TeeListener(encoder, live)));
        engine.apply(new NewOrder(1, EngineDriver.T0, EngineDriver.SESSION, "W1", ALICE, AAPL, Side.BUY, OrdType.LIMIT,
            TimeInForce.DAY, 100, px("187.00"), Prices.NONE, 0, 0));
        final RecordingListener decoded = new RecordingListener();
        EventDecoder.decode(encoder.buffer().array(), 0, encoder.buffer().length(), decoded);
        assertThat(decoded.events()).isEqualTo(live.events());
        assertThat(decoded.ofType(EngineEvent.RiskWarning.class)).singleElement()
            .extracting(EngineEvent.RiskWarning::clOrdId).isEqualTo("W1");
    }

    @Test
    void shouldPutTheChecksStateInTheSnapshotAndTheStateHash() throws IOException {
        final CountingCheck check = new CountingCheck();
        final EngineDriver driver = new EngineDriver(check);
        final String before = driver.engine.stateHashHex();
        driver.apply(new RiskUpdate(driver.nextSequence(), driver.tick(), new byte[] {5}));
        assertThat(driver.engine.stateHashHex()).as("only the check's state changed").isNotEqualTo(before);

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        driver.engine.writeSnapshot(out);
        final CountingCheck fresh = new CountingCheck();
        final OrderEngine restored = OrderEngine.restore(EngineDriver.config().preTradeCheck(fresh),
            new ByteArrayInputStream(out.toByteArray()));
        assertThat(fresh.updates).isEqualTo(5);
        assertThat(restored.stateHashHex()).isEqualTo(driver.engine.stateHashHex());

        assertThatThrownBy(() -> OrderEngine.restore(EngineDriver.config(),
            new ByteArrayInputStream(out.toByteArray())))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("risk state");
    }

    /** A stateful check that counts what the engine tells it; its state is the sum of the update bodies' bytes. */
    private static final class CountingCheck implements RiskStateful {
        long updates;
        int messages;
        int checks;
        int daysEnded;
        boolean warnNext;
        final List<String> seen = new ArrayList<>();

        @Override
        public PreTradeResult check(final PreTradeOrder order, final ExposureView exposure) {
            checks++;
            seen.add(order.clOrdId() + " t=" + order.timestamp() + " seq=" + order.sequence() + " account="
                + order.accountIndex() + " symbol=" + order.symbolIndex());
            if (warnNext) {
                warnNext = false;
                return PreTradeResult.warn(RejectCode.RISK_DUPLICATE_ORDER, "DUPLICATE_ORDER: warned");
            }
            return PreTradeResult.PASS;
        }

        @Override
        public RejectCode apply(final RiskUpdate update) {
            if (update.bodyLength() == 0) {
                return RejectCode.RISK_UPDATE_REFUSED;
            }
            updates += update.bodyByte(0);
            return RejectCode.NONE;
        }

        @Override
        public void onOrderMessage(final String sessionId, final long timestamp) {
            messages++;
        }

        @Override
        public void onTradingDayEnd(final long timestamp) {
            daysEnded++;
        }

        @Override
        public void writeSnapshot(final DataOutput out) throws IOException {
            out.writeLong(updates);
        }

        @Override
        public void readSnapshot(final DataInput in) throws IOException {
            updates = in.readLong();
        }
    }
}
