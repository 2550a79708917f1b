package io.portcullis.risk.check;

import io.portcullis.oms.domain.RejectCode;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import org.junit.jupiter.api.Test;

import static io.portcullis.risk.check.RiskDriver.A1;
import static io.portcullis.risk.check.RiskDriver.A2;
import static io.portcullis.risk.check.RiskDriver.AAPL;
import static io.portcullis.risk.check.RiskDriver.BROKER1;
import static io.portcullis.risk.check.RiskDriver.MSFT;
import static io.portcullis.risk.check.RiskDriver.buy;
import static io.portcullis.risk.check.RiskDriver.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** Max order quantity, max order notional, the ADV limit, and how the scope hierarchy resolves a limit. */
class OrderSizeCheckTest {

    private final RiskDriver driver = new RiskDriver();

    @Test
    void shouldAcceptAnOrderExactlyAtTheMaxQuantityAndRejectOneShareMore() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.MAX_ORDER_QTY, "10000");
        driver.submit(buy(10_000, AAPL).at("187.00"));
        driver.assertAccepted();
        driver.submit(buy(10_001, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_MAX_QTY, "MAX_ORDER_QTY: 10001 > limit 10000 (account B1-CUST-001)");
        assertThat(driver.lastExecution().rejectCode().ordRejReason()).isEqualTo(3);
        assertThat(driver.risk.rejects(RejectCode.RISK_MAX_QTY)).isEqualTo(1);
    }

    @Test
    void shouldResolveTheNarrowestScopeThatSetsALimit() {
        driver.firmLimit(LimitName.MAX_ORDER_QTY, "100");
        driver.limit(LimitScope.BROKER_FIRM, BROKER1, LimitName.MAX_ORDER_QTY, "200");
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.MAX_ORDER_QTY, "300");
        driver.symbolLimit(A1, AAPL, LimitName.MAX_ORDER_QTY, "400");

        driver.submit(buy(401, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_MAX_QTY,
            "MAX_ORDER_QTY: 401 > limit 400 (account B1-CUST-001 symbol AAPL)");
        driver.submit(buy(400, AAPL).at("187.00"));
        driver.assertAccepted();
        driver.submit(buy(301, MSFT).at("400.00"));
        driver.assertRejected(RejectCode.RISK_MAX_QTY, "MAX_ORDER_QTY: 301 > limit 300 (account B1-CUST-001)");
        driver.submit(buy(201, MSFT).at("400.00").by(A2));
        driver.assertRejected(RejectCode.RISK_MAX_QTY, "MAX_ORDER_QTY: 201 > limit 200 (broker firm B1)");
        driver.submit(buy(101, MSFT).at("400.00").by(RiskDriver.B1).on(RiskDriver.SESSION2));
        driver.assertRejected(RejectCode.RISK_MAX_QTY, "MAX_ORDER_QTY: 101 > limit 100 (firm)");

        driver.removeLimit(LimitScope.ACCOUNT, A1, LimitName.MAX_ORDER_QTY);
        driver.submit(buy(201, MSFT).at("400.00"));
        driver.assertRejected(RejectCode.RISK_MAX_QTY, "MAX_ORDER_QTY: 201 > limit 200 (broker firm B1)");
        driver.submit(buy(400, AAPL).at("187.00"));
        driver.assertAccepted();
    }

    @Test
    void shouldAcceptAnOrderExactlyAtTheMaxNotionalAndRejectOneCentMore() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.MAX_ORDER_NOTIONAL, "187000");
        driver.submit(buy(1_000, AAPL).at("187.00"));
        driver.assertAccepted();
        driver.submit(sell(1_000, AAPL).at("187.01"));
        driver.assertRejected(RejectCode.RISK_MAX_NOTIONAL,
            "MAX_ORDER_NOTIONAL: 187010.00 > limit 187000.00 USD (account B1-CUST-001)");
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.MAX_ORDER_NOTIONAL, "187009.99");
        driver.submit(sell(1, AAPL).at("187.00"));
        driver.assertAccepted();
    }

    @Test
    void shouldValueAMarketOrderAtTheReferencePrice() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.MAX_ORDER_NOTIONAL, "18725");
        driver.submit(buy(100, AAPL));
        driver.assertAccepted();
        driver.submit(buy(101, AAPL));
        driver.assertRejected(RejectCode.RISK_MAX_NOTIONAL, "MAX_ORDER_NOTIONAL: 18912.25 (market order valued at "
            + "the reference price 187.25) > limit 18725.00 USD (account B1-CUST-001)");
        driver.trade(AAPL, 10, "180.00");
        driver.submit(buy(104, AAPL));
        driver.assertAccepted();
        driver.submit(buy(105, AAPL));
        driver.assertRejected(RejectCode.RISK_MAX_NOTIONAL, "MAX_ORDER_NOTIONAL: 18900.00 (market order valued at "
            + "the last trade 180.00) > limit 18725.00 USD (account B1-CUST-001)");
    }

    @Test
    void shouldRejectAQuantityOverTheAdvPercentageAndAcceptOneExactlyAtIt() {
        driver.firmLimit(LimitName.MAX_ADV_PCT, "1");
        driver.submit(buy(10_000, AAPL).at("187.00"));
        driver.assertAccepted();
        driver.submit(buy(10_001, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_ADV, "MAX_ADV_PCT: 10001 > limit 1% of ADV 1000000 = 10000 (firm)");
        driver.symbolLimit(A1, AAPL, LimitName.MAX_ADV_PCT, "0.0015");
        driver.submit(buy(15, AAPL).at("187.00"));
        driver.assertAccepted();
        driver.submit(buy(16, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_ADV,
            "MAX_ADV_PCT: 16 > limit 0.0015% of ADV 1000000 = 15 (account B1-CUST-001 symbol AAPL)");
    }

    @Test
    void shouldCheckAReplaceThatRaisesTheQuantityOnTheWholeNewOrder() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.MAX_ORDER_QTY, "500");
        final long id = driver.submit(buy(400, AAPL).at("187.00"));
        assertThat(driver.replace(id, 500, "187.00")).isTrue();
        assertThat(driver.replace(id, 501, "187.00")).isFalse();
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.RISK_MAX_QTY);
        assertThat(driver.lastCancelReject().text()).isEqualTo(
            "MAX_ORDER_QTY: 501 > limit 500 (account B1-CUST-001)");
        assertThat(driver.engine.order(id).orderQty()).isEqualTo(500);
    }
}
