package io.portcullis.risk.check;

import io.portcullis.oms.command.HaltSymbol;
import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.event.EngineEvent;
import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.ListName;
import org.junit.jupiter.api.Test;

import static io.portcullis.risk.check.RiskDriver.A1;
import static io.portcullis.risk.check.RiskDriver.A2;
import static io.portcullis.risk.check.RiskDriver.AAPL;
import static io.portcullis.risk.check.RiskDriver.B1;
import static io.portcullis.risk.check.RiskDriver.BROKER1;
import static io.portcullis.risk.check.RiskDriver.MSFT;
import static io.portcullis.risk.check.RiskDriver.SESSION;
import static io.portcullis.risk.check.RiskDriver.SESSION2;
import static io.portcullis.risk.check.RiskDriver.buy;
import static io.portcullis.risk.check.RiskDriver.sell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill switches at every scope (block new orders and replaces, cancel the open orders of the scope, let cancels
 * through, release), the restricted lists, and halts.
 */
class KillSwitchAndListTest {

    private final RiskDriver driver = new RiskDriver();

    @Test
    void shouldBlockNewOrdersAndReplacesOfTheAccountAndCancelItsOpenOrdersWhenEngaged() {
        final long a1Order = driver.submit(buy(100, AAPL).at("187.00"));
        final long a2Order = driver.submit(buy(100, AAPL).at("187.00").by(A2));
        driver.kill(KillScope.ACCOUNT, A1, true);
        assertThat(driver.engine.order(a1Order)).as("cancelled by the kill switch's mass cancel").isNull();
        assertThat(driver.events.ofType(EngineEvent.MassAction.class).getLast()).satisfies(m -> {
            assertThat(m.sessionId()).isEqualTo(EngineRiskCommandSink.KILL_SWITCH_SESSION);
            assertThat(m.scope()).isEqualTo(MassScope.ACCOUNT);
            assertThat(m.affectedOrders()).isEqualTo(1);
        });
        assertThat(driver.engine.order(a2Order)).isNotNull();
        driver.submit(buy(100, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_KILL_SWITCH, "KILL_SWITCH: engaged for account B1-CUST-001");
        assertThat(driver.replace(a2Order, 200, "187.00")).isTrue();

        driver.kill(KillScope.ACCOUNT, A1, false);
        driver.submit(buy(100, AAPL).at("187.00"));
        driver.assertAccepted();
    }

    @Test
    void shouldBlockReplacesButLetCancelsThroughWhileEngaged() {
        final long id = driver.submit(buy(100, MSFT).at("400.00"));
        driver.kill(KillScope.SYMBOL, AAPL, true);
        assertThat(driver.replace(id, 200, "400.00")).isTrue();
        driver.kill(KillScope.SYMBOL, MSFT, true);
        assertThat(driver.engine.order(id)).isNull();
        final long other = driver.submit(buy(100, MSFT).at("400.00"));
        assertThat(other).isZero();
        driver.assertRejected(RejectCode.RISK_KILL_SWITCH, "KILL_SWITCH: engaged for symbol MSFT");
        driver.kill(KillScope.SYMBOL, MSFT, false);
        driver.kill(KillScope.SYMBOL, AAPL, false);
        final long again = driver.submit(buy(100, MSFT).at("400.00"));
        driver.update(RiskUpdates.killSwitch(KillScope.ACCOUNT, A1, true));
        assertThat(driver.replace(again, 300, "400.00")).isFalse();
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.RISK_KILL_SWITCH);
        assertThat(driver.lastCancelReject().text()).isEqualTo("KILL_SWITCH: engaged for account B1-CUST-001");
        assertThat(driver.cancel(again)).isTrue();
        assertThat(driver.lastExecution().execType()).isEqualTo(ExecType.CANCELED);
    }

    @Test
    void shouldEngageAtFirmBrokerFirmAndSessionScope() {
        driver.kill(KillScope.BROKER_FIRM, BROKER1, true);
        driver.submit(buy(1, AAPL).at("187.00").by(A2));
        driver.assertRejected(RejectCode.RISK_KILL_SWITCH, "KILL_SWITCH: engaged for broker firm B1");
        driver.submit(buy(1, AAPL).at("187.00").by(B1).on(SESSION2));
        driver.assertAccepted();
        driver.kill(KillScope.BROKER_FIRM, BROKER1, false);

        driver.kill(KillScope.SESSION, SESSION2, true);
        assertThat(driver.engine.liveOrderCount()).as("the session's order was cancelled").isZero();
        driver.submit(buy(1, AAPL).at("187.00").by(B1).on(SESSION2));
        driver.assertRejected(RejectCode.RISK_KILL_SWITCH, "KILL_SWITCH: engaged for session " + SESSION2);
        driver.submit(buy(1, AAPL).at("187.00").by(B1).on(SESSION));
        driver.assertAccepted();
        driver.kill(KillScope.SESSION, SESSION2, false);

        driver.kill(KillScope.FIRM, LimitKey.ANY, true);
        assertThat(driver.engine.liveOrderCount()).isZero();
        assertThat(driver.events.ofType(EngineEvent.MassAction.class).getLast().scope()).isEqualTo(MassScope.ALL);
        driver.submit(sell(1, MSFT).at("400.00").by(B1).on(SESSION2));
        driver.assertRejected(RejectCode.RISK_KILL_SWITCH, "KILL_SWITCH: engaged for the firm");
        driver.kill(KillScope.FIRM, LimitKey.ANY, false);
        driver.submit(sell(1, MSFT).at("400.00").by(B1).on(SESSION2));
        driver.assertAccepted();
    }

    @Test
    void shouldRefuseSymbolsOnTheFirmOrTheAccountsRestrictedList() {
        driver.list(ListName.RESTRICTED, LimitKey.ANY, MSFT, true);
        driver.list(ListName.RESTRICTED, A1, AAPL, true);
        driver.submit(buy(1, MSFT).at("400.00").by(A2));
        driver.assertRejected(RejectCode.RISK_RESTRICTED, "RESTRICTED: MSFT is on the firm's restricted list");
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_RESTRICTED, "RESTRICTED: AAPL is on the restricted list of account "
            + "B1-CUST-001");
        driver.submit(buy(1, AAPL).at("187.00").by(A2));
        driver.assertAccepted();
        driver.list(ListName.RESTRICTED, A1, AAPL, false);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertAccepted();
    }

    @Test
    void shouldLeaveHaltsToTheEngineWhichRefusesThemBeforeRisk() {
        driver.apply(new HaltSymbol(driver.nextSequence(), driver.tick(), AAPL));
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.SYMBOL_HALTED, "Symbol is halted");
    }

    @Test
    void shouldRefuseRiskUpdatesForKeysTheEngineDoesNotKnow() {
        driver.kill(KillScope.ACCOUNT, "NOBODY", true);
        assertThat(driver.events.ofType(EngineEvent.AdminRejected.class)).first()
            .extracting(EngineEvent.AdminRejected::rejectCode).isEqualTo(RejectCode.RISK_UPDATE_REFUSED);
        driver.list(ListName.RESTRICTED, LimitKey.ANY, "ZZZZ", true);
        driver.locate("L1", A1, "ZZZZ", 100);
        assertThat(driver.risk.refusedUpdates()).isEqualTo(3);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertAccepted();
    }
}
