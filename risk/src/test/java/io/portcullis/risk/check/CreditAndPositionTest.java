package io.portcullis.risk.check;

import io.portcullis.oms.domain.RejectCode;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import org.junit.jupiter.api.Test;

import static io.portcullis.risk.check.RiskDriver.A1;
import static io.portcullis.risk.check.RiskDriver.A2;
import static io.portcullis.risk.check.RiskDriver.AAPL;
import static io.portcullis.risk.check.RiskDriver.B1;
import static io.portcullis.risk.check.RiskDriver.BROKER1;
import static io.portcullis.risk.check.RiskDriver.MSFT;
import static io.portcullis.risk.check.RiskDriver.SESSION2;
import static io.portcullis.risk.check.RiskDriver.buy;
import static io.portcullis.risk.check.RiskDriver.sell;
import static io.portcullis.risk.check.RiskDriver.sellShort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credit (gross and net notional of open orders plus today's executions) per account and per broker firm, the
 * firm's capital threshold, and long and short position limits (filled plus open in the order's direction).
 */
class CreditAndPositionTest {

    private final RiskDriver driver = new RiskDriver();

    @Test
    void shouldAcceptAnOrderThatReachesTheGrossLimitExactlyAndRejectOneCentMore() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.GROSS_NOTIONAL, "100000");
        driver.submit(buy(300, AAPL).at("180.00"));
        driver.submit(sell(100, MSFT).at("460.00"));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).at("0.01"));
        driver.assertRejected(RejectCode.RISK_CREDIT_GROSS, "GROSS_NOTIONAL: 100000.01 > limit 100000.00 USD "
            + "(account B1-CUST-001 open + executed today; set for account B1-CUST-001)");
        assertThat(driver.lastExecution().rejectCode().ordRejReason()).isEqualTo(3);
    }

    @Test
    void shouldCountTodaysExecutionsUntilTheDayClosesAndOpenOrdersUntilTheyAreDone() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.GROSS_NOTIONAL, "10000");
        driver.submit(sell(100, AAPL).at("100.00").by(B1).on(SESSION2));
        driver.submit(buy(60, AAPL).at("100.00"));
        final long open = driver.submit(sell(40, MSFT).at("100.00"));
        driver.submit(buy(1, AAPL).at("0.01"));
        driver.assertRejected(RejectCode.RISK_CREDIT_GROSS);
        driver.cancel(open);
        driver.submit(buy(40, AAPL).at("100.00"));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).at("0.01"));
        driver.assertRejected(RejectCode.RISK_CREDIT_GROSS, "GROSS_NOTIONAL: 10000.01 > limit 10000.00 USD "
            + "(account B1-CUST-001 open + executed today; set for account B1-CUST-001)");
        driver.endOfDay();
        driver.submit(buy(100, AAPL).at("100.00"));
        driver.assertAccepted();
    }

    @Test
    void shouldLimitTheNetNotionalButLetOrdersThatLowerItPass() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.NET_NOTIONAL, "10000");
        driver.submit(buy(100, AAPL).at("100.00"));
        driver.submit(buy(1, MSFT).at("0.01"));
        driver.assertRejected(RejectCode.RISK_CREDIT_NET, "NET_NOTIONAL: 10000.01 > limit 10000.00 USD "
            + "(account B1-CUST-001 open + executed today; set for account B1-CUST-001)");
        driver.submit(sell(150, MSFT).at("100.00"));
        driver.assertAccepted();
        driver.submit(sell(50, MSFT).at("100.00"));
        driver.assertAccepted();
        driver.submit(sell(1, MSFT).at("0.01"));
        driver.assertRejected(RejectCode.RISK_CREDIT_NET);
    }

    @Test
    void shouldBoundTheBrokerFirmsTotalOverAllItsAccounts() {
        driver.limit(LimitScope.BROKER_FIRM, BROKER1, LimitName.GROSS_NOTIONAL, "20000");
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.GROSS_NOTIONAL, "15000");
        driver.limit(LimitScope.ACCOUNT, A2, LimitName.GROSS_NOTIONAL, "15000");
        driver.submit(buy(100, AAPL).at("100.00"));
        driver.submit(buy(100, AAPL).at("100.00").by(A2));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).at("0.01").by(A2));
        driver.assertRejected(RejectCode.RISK_CREDIT_GROSS, "GROSS_NOTIONAL: 20000.01 > limit 20000.00 USD "
            + "(broker firm B1 open + executed today; set for broker firm B1)");
        driver.submit(buy(100, AAPL).at("100.00").by(B1).on(SESSION2));
        driver.assertAccepted();
    }

    @Test
    void shouldRejectAnOrderThatTakesTheFirmOverItsCapitalThreshold() {
        driver.firmLimit(LimitName.CAPITAL_THRESHOLD, "30000");
        driver.submit(buy(100, AAPL).at("100.00"));
        driver.submit(sell(100, MSFT).at("100.00").by(B1).on(SESSION2));
        driver.submit(buy(100, MSFT).at("99.99").by(A2));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).at("1.00").by(A2));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).at("0.01").by(B1).on(SESSION2));
        driver.assertRejected(RejectCode.RISK_CAPITAL,
            "CAPITAL_THRESHOLD: 30000.01 gross of the firm > limit 30000.00 USD (firm)");
    }

    @Test
    void shouldCheckAReplaceOnlyOnWhatItAdds() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.GROSS_NOTIONAL, "10000");
        final long id = driver.submit(buy(100, AAPL).at("100.00"));
        assertThat(driver.replace(id, 100, "100.01")).isFalse();
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.RISK_CREDIT_GROSS);
        assertThat(driver.lastCancelReject().text()).isEqualTo("GROSS_NOTIONAL: 10001.00 > limit 10000.00 USD "
            + "(account B1-CUST-001 open + executed today; set for account B1-CUST-001)");
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.GROSS_NOTIONAL, "5000");
        assertThat(driver.replace(id, 120, "80.00")).as("lower notional, though above the new limit").isTrue();
        assertThat(driver.replace(id, 110, "80.00")).as("quantity cut keeps priority, no check").isTrue();
    }

    @Test
    void shouldLimitTheLongPositionToFilledPlusOpenBuysPlusTheOrder() {
        driver.symbolLimit(A1, AAPL, LimitName.MAX_LONG_POSITION, "1000");
        driver.submit(sell(400, AAPL).at("100.00").by(B1).on(SESSION2));
        driver.submit(buy(400, AAPL).at("100.00"));
        driver.submit(buy(500, AAPL).at("99.00"));
        driver.submit(buy(100, AAPL).at("99.00"));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).at("99.00"));
        driver.assertRejected(RejectCode.RISK_POSITION_LONG, "MAX_LONG_POSITION: 1001 (position 400 + open buys 600 "
            + "+ order 1) > limit 1000 (account B1-CUST-001 symbol AAPL)");
        driver.submit(sell(1_400, AAPL).at("101.00"));
        driver.assertAccepted();
        driver.submit(buy(1, MSFT).at("99.00"));
        driver.assertAccepted();
    }

    @Test
    void shouldLimitTheShortPositionForEveryKindOfSale() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.MAX_SHORT_POSITION, "500");
        driver.submit(buy(200, AAPL).at("100.00").by(B1).on(SESSION2));
        driver.submit(sell(200, AAPL).at("100.00"));
        driver.submit(sell(300, AAPL).at("101.00"));
        driver.assertAccepted();
        driver.submit(sell(1, AAPL).at("101.00"));
        driver.assertRejected(RejectCode.RISK_POSITION_SHORT, "MAX_SHORT_POSITION: 501 (open sales 300 + order 1 "
            + "- position -200) > limit 500 (account B1-CUST-001)");
        driver.locate("L1", A1, AAPL, 1_000);
        driver.submit(sellShort(1, AAPL).at("101.00").locate("L1"));
        driver.assertRejected(RejectCode.RISK_POSITION_SHORT);
        driver.submit(buy(1, AAPL).at("90.00"));
        driver.assertAccepted();
    }
}
