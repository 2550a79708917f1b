package io.portcullis.risk.check;

import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.event.EngineEvent;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import org.junit.jupiter.api.Test;

import static io.portcullis.risk.check.RiskDriver.A1;
import static io.portcullis.risk.check.RiskDriver.A2;
import static io.portcullis.risk.check.RiskDriver.AAPL;
import static io.portcullis.risk.check.RiskDriver.BROKER1;
import static io.portcullis.risk.check.RiskDriver.EARLY;
import static io.portcullis.risk.check.RiskDriver.MILLI;
import static io.portcullis.risk.check.RiskDriver.MONDAY_10AM;
import static io.portcullis.risk.check.RiskDriver.SESSION2;
import static io.portcullis.risk.check.RiskDriver.buy;
import static io.portcullis.risk.check.RiskDriver.sell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order rate per account and message rate per session (sliding one-second windows of command timestamps at 100 ms
 * resolution), duplicate orders (block or warn), and trading hours in New York time.
 */
class RateDuplicateAndHoursTest {

    private static final long SECOND = 1_000 * MILLI;
    private final RiskDriver driver = new RiskDriver();

    @Test
    void shouldAcceptExactlyTheOrderRateLimitInOneSecondAndRejectTheNext() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.MAX_ORDERS_PER_SECOND, "5");
        final long start = MONDAY_10AM + 10 * SECOND;
        driver.at(start);
        for (int i = 0; i < 5; i++) {
            driver.submit(buy(1, AAPL).at("187.00"));
            driver.assertAccepted();
        }
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_ORDER_RATE,
            "MAX_ORDERS_PER_SECOND: 6 orders in 1 s > limit 5 (account B1-CUST-001)");
        driver.submit(buy(1, AAPL).at("187.00").by(A2));
        driver.assertAccepted();
        driver.at(start + 999 * MILLI);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_ORDER_RATE);
        driver.at(start + SECOND);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertAccepted();
    }

    @Test
    void shouldCountCancelsAndEveryOrderMessageOfTheSessionTowardsItsMessageRate() {
        driver.limit(LimitScope.BROKER_FIRM, BROKER1, LimitName.MAX_MESSAGES_PER_SECOND, "4");
        driver.at(MONDAY_10AM + 20 * SECOND);
        final long id = driver.submit(buy(1, AAPL).at("187.00"));
        driver.cancel(id);
        driver.cancel(12_345);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).at("187.00").by(A2));
        driver.assertRejected(RejectCode.RISK_MESSAGE_RATE, "MAX_MESSAGES_PER_SECOND: 5 messages in 1 s on session "
            + RiskDriver.SESSION + " > limit 4 (broker firm B1)");
        driver.submit(buy(1, AAPL).at("187.00").by(A2).on(SESSION2));
        driver.assertAccepted();
        driver.at(MONDAY_10AM + 21 * SECOND);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertAccepted();
    }

    @Test
    void shouldBlockADuplicateWithinTheWindowAndAcceptItJustAfter() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.DUPLICATE_WINDOW_MS, "500");
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.DUPLICATE_BLOCK, "1");
        final long start = MONDAY_10AM + 30 * SECOND;
        driver.at(start);
        driver.submit(buy(100, AAPL).at("187.00"));
        driver.submit(buy(100, AAPL).at("187.01"));
        driver.assertAccepted();
        driver.submit(sell(100, AAPL).at("188.00"));
        driver.assertAccepted();
        driver.at(start + 500 * MILLI);
        driver.submit(buy(100, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_DUPLICATE_ORDER, "DUPLICATE_ORDER: same account, symbol, side, "
            + "quantity and price as an order within 500 ms (DUPLICATE_WINDOW_MS of account B1-CUST-001)");
        driver.submit(buy(100, AAPL).at("187.00").by(A2));
        driver.assertAccepted();
        driver.at(start + 500 * MILLI + 1);
        driver.submit(buy(100, AAPL).at("187.00"));
        driver.assertAccepted();
    }

    @Test
    void shouldLetADuplicatePassWithAJournaledWarningWhenNotBlocking() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.DUPLICATE_WINDOW_MS, "1000");
        driver.submit(buy(100, AAPL));
        final long second = driver.submit(buy(100, AAPL));
        assertThat(second).isPositive();
        assertThat(driver.risk.duplicateWarnings()).isEqualTo(1);
        final EngineEvent.RiskWarning warning = driver.events.ofType(EngineEvent.RiskWarning.class).getFirst();
        assertThat(warning.orderId()).isEqualTo(second);
        assertThat(warning.code()).isEqualTo(RejectCode.RISK_DUPLICATE_ORDER);
        assertThat(warning.text()).isEqualTo("DUPLICATE_ORDER: same account, symbol, side, quantity and price as an "
            + "order within 1000 ms (DUPLICATE_WINDOW_MS of account B1-CUST-001), passed (DUPLICATE_BLOCK 0)");
        assertThat(driver.executionsOfOrder(second).getFirst().execType()).isEqualTo(ExecType.NEW);
    }

    @Test
    void shouldTradeOnlyDuringTheRegularSessionInNewYorkTime() {
        final long monday930 = MONDAY_10AM - 30 * 60 * SECOND;
        driver.at(monday930 - 1);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_OUTSIDE_TRADING_HOURS, "OUTSIDE_TRADING_HOURS: Monday 09:29 "
            + "America/New_York is outside AAPL's trading hours, Monday to Friday 09:30-16:00");
        driver.at(monday930);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertAccepted();
        final long monday1600 = MONDAY_10AM + 6 * 3_600 * SECOND;
        driver.at(monday1600 - 1);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertAccepted();
        driver.at(monday1600);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_OUTSIDE_TRADING_HOURS);
        driver.at(MONDAY_10AM - 2 * 86_400 * SECOND);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_OUTSIDE_TRADING_HOURS, "OUTSIDE_TRADING_HOURS: Saturday 10:00 "
            + "America/New_York is outside AAPL's trading hours, Monday to Friday 09:30-16:00");
    }

    @Test
    void shouldFollowDaylightSavingTimeAndEachInstrumentsOwnHours() {
        // Monday 2026-07-06 13:30 UTC is 09:30 EDT
        final long july930 = 1_783_344_600_000_000_000L;
        driver.at(july930 - 1);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_OUTSIDE_TRADING_HOURS);
        driver.at(july930);
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertAccepted();
        driver.submit(buy(1, EARLY).at("50.00"));
        driver.assertRejected(RejectCode.RISK_OUTSIDE_TRADING_HOURS, "OUTSIDE_TRADING_HOURS: Monday 09:30 "
            + "America/New_York is outside EARLY's trading hours, Monday to Friday 04:00-09:30");
        driver.at(july930 - 5 * 3_600 * SECOND);
        driver.submit(buy(1, EARLY).at("50.00"));
        driver.assertAccepted();
    }

    @Test
    void shouldSkipTradingHoursWhenNotEnforced() {
        final RiskDriver anytime = new RiskDriver(new RiskConfig().enforceTradingHours(false));
        anytime.at(MONDAY_10AM - 2 * 86_400 * SECOND);
        anytime.submit(buy(1, AAPL).at("187.00"));
        anytime.assertAccepted();
    }
}
