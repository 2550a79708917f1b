package io.portcullis.oms.engine;

import io.portcullis.oms.command.HaltSymbol;
import io.portcullis.oms.command.MassCancel;
import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.command.MassStatus;
import io.portcullis.oms.command.OrderStatusRequest;
import io.portcullis.oms.command.ResumeSymbol;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.event.EngineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.portcullis.oms.engine.EngineDriver.AAPL;
import static io.portcullis.oms.engine.EngineDriver.ALICE;
import static io.portcullis.oms.engine.EngineDriver.BOB;
import static io.portcullis.oms.engine.EngineDriver.CAROL;
import static io.portcullis.oms.engine.EngineDriver.MSFT;
import static io.portcullis.oms.engine.EngineDriver.OTHER_SESSION;
import static io.portcullis.oms.engine.EngineDriver.SESSION;
import static io.portcullis.oms.engine.EngineDriver.buy;
import static io.portcullis.oms.engine.EngineDriver.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** Mass cancel, mass status, order status, halt and resume. */
class MassActionSpecTest {

    private final EngineDriver driver = new EngineDriver();

    @ParameterizedTest(name = "mass cancel by {0} {1} cancels {2} orders")
    @CsvSource({"ACCOUNT,ALICE,2", "BROKER_FIRM,FIRMA,3", "BROKER_FIRM,FIRMB,1", "SESSION,FIX.BRKB,1",
        "SYMBOL,MSFT,2", "ALL,,4"})
    void shouldCancelExactlyTheOrdersInTheScope(final MassScope scope, final String value, final int expected) {
        fourOrders();
        driver.apply(new MassCancel(driver.nextSequence(), driver.tick(), SESSION, "M1", scope, value));
        final EngineEvent.MassAction report = driver.events.ofType(EngineEvent.MassAction.class).getLast();
        assertThat(report.affectedOrders()).isEqualTo(expected);
        assertThat(report.rejectCode()).isEqualTo(RejectCode.NONE);
        assertThat(driver.engine.liveOrderCount()).isEqualTo(4 - expected);
    }

    @Test
    void shouldRefuseAMassCancelWithoutAScopeValue() {
        fourOrders();
        driver.apply(new MassCancel(driver.nextSequence(), driver.tick(), SESSION, "M1", MassScope.ACCOUNT, ""));
        assertThat(driver.events.ofType(EngineEvent.MassAction.class).getLast().rejectCode())
            .isEqualTo(RejectCode.INVALID_MASS_SCOPE);
        assertThat(driver.engine.liveOrderCount()).isEqualTo(4);
    }

    @Test
    void shouldReportStatusOfEveryOrderInTheScopeInOrderIdOrder() {
        fourOrders();
        driver.events.clear();
        driver.apply(new MassStatus(driver.nextSequence(), driver.tick(), SESSION, "S1", MassScope.ALL, null));
        assertThat(driver.events.executions()).extracting(EngineEvent.Execution::orderId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(driver.events.executions()).allSatisfy(e -> {
            assertThat(e.execType()).isEqualTo(ExecType.ORDER_STATUS);
            assertThat(e.requestId()).isEqualTo("S1");
        });
    }

    @Test
    void shouldAnswerOrderStatusForLiveAndUnknownOrders() {
        driver.submit(buy(100, AAPL).at("187.00").clOrdId("Q1"));
        driver.apply(new OrderStatusRequest(driver.nextSequence(), driver.tick(), SESSION, "R1", "Q1", 0));
        assertThat(driver.lastExecution().ordStatus()).isEqualTo(OrdStatus.NEW);
        driver.apply(new OrderStatusRequest(driver.nextSequence(), driver.tick(), SESSION, "R2", "NOPE", 0));
        assertThat(driver.lastExecution().rejectCode()).isEqualTo(RejectCode.UNKNOWN_ORDER);
    }

    @Test
    void shouldRefuseNewOrdersAndReplacesWhileHaltedButAcceptCancels() {
        final long resting = driver.submit(buy(100, AAPL).at("187.00"));
        final long other = driver.submit(buy(100, AAPL).at("186.00"));
        driver.apply(new HaltSymbol(driver.nextSequence(), driver.tick(), AAPL));
        assertThat(driver.engine.status(AAPL)).isEqualTo(InstrumentStatus.HALTED);
        assertThat(driver.submit(sell(100, AAPL).at("187.00").by(BOB))).isZero();
        driver.replace(resting, 50, "187.00");
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.SYMBOL_HALTED);
        driver.cancel(other);
        assertThat(driver.lastExecution().execType()).isEqualTo(ExecType.CANCELED);
        driver.apply(new ResumeSymbol(driver.nextSequence(), driver.tick(), AAPL));
        assertThat(driver.submit(sell(100, AAPL).at("187.00").by(BOB))).isPositive();
        assertThat(driver.events.trades()).hasSize(1);
    }

    @Test
    void shouldRefuseToHaltAnUnknownSymbol() {
        driver.apply(new HaltSymbol(driver.nextSequence(), driver.tick(), "NOPE"));
        assertThat(driver.events.ofType(EngineEvent.AdminRejected.class).getLast().rejectCode())
            .isEqualTo(RejectCode.UNKNOWN_SYMBOL);
    }

    private void fourOrders() {
        driver.submit(buy(100, AAPL).at("187.00").by(ALICE));
        driver.submit(buy(100, MSFT).at("478.00").by(ALICE));
        driver.submit(sell(100, MSFT).at("479.00").by(BOB).on(OTHER_SESSION));
        driver.submit(sell(100, AAPL).at("188.00").by(CAROL));
    }
}
