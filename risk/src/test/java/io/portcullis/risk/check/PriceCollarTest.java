package io.portcullis.risk.check;

import io.portcullis.oms.domain.RejectCode;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import org.junit.jupiter.api.Test;

import static io.portcullis.risk.check.RiskDriver.A1;
import static io.portcullis.risk.check.RiskDriver.A2;
import static io.portcullis.risk.check.RiskDriver.AAPL;
import static io.portcullis.risk.check.RiskDriver.B1;
import static io.portcullis.risk.check.RiskDriver.SESSION2;
import static io.portcullis.risk.check.RiskDriver.buy;
import static io.portcullis.risk.check.RiskDriver.sell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price collar around the reference price (last trade, else book mid, else the instrument's reference price),
 * in percent or ticks (the narrower applies), for limit prices and, through the opposite best price, market orders;
 * and the refusal of market orders where they are not allowed.
 */
class PriceCollarTest {

    private final RiskDriver driver = new RiskDriver();

    @Test
    void shouldAcceptLimitPricesOnTheBandsEdgesAndRejectOneTickOutside() {
        driver.trade(AAPL, 10, "100.00");
        driver.firmLimit(LimitName.PRICE_COLLAR_PCT, "10");
        driver.submit(buy(1, AAPL).at("110.00"));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).at("110.01"));
        driver.assertRejected(RejectCode.RISK_PRICE_COLLAR,
            "PRICE_COLLAR_PCT: 110.01 outside 90.00-110.00 (last trade 100.00 +/- 10%; firm)");
        driver.submit(sell(1, AAPL).at("90.00"));
        driver.assertAccepted();
        driver.submit(sell(1, AAPL).at("89.99"));
        driver.assertRejected(RejectCode.RISK_PRICE_COLLAR,
            "PRICE_COLLAR_PCT: 89.99 outside 90.00-110.00 (last trade 100.00 +/- 10%; firm)");
        driver.submit(buy(1, AAPL).at("89.99"));
        driver.assertRejected(RejectCode.RISK_PRICE_COLLAR);
    }

    @Test
    void shouldApplyTheNarrowerOfThePercentAndTickCollars() {
        driver.trade(AAPL, 10, "100.00");
        driver.firmLimit(LimitName.PRICE_COLLAR_PCT, "10");
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.PRICE_COLLAR_TICKS, "50");
        driver.submit(buy(1, AAPL).at("100.50"));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).at("100.51"));
        driver.assertRejected(RejectCode.RISK_PRICE_COLLAR,
            "PRICE_COLLAR_TICKS: 100.51 outside 99.50-100.50 (last trade 100.00 +/- 50 ticks; account B1-CUST-001)");
        driver.submit(buy(1, AAPL).at("110.00").by(A2));
        driver.assertAccepted();
    }

    @Test
    void shouldUseTheInstrumentsReferencePriceThenTheBookMidThenTheLastTrade() {
        driver.firmLimit(LimitName.PRICE_COLLAR_PCT, "1");
        driver.submit(buy(1, AAPL).at("189.13"));
        driver.assertRejected(RejectCode.RISK_PRICE_COLLAR,
            "PRICE_COLLAR_PCT: 189.13 outside 185.3775-189.1225 (reference price 187.25 +/- 1%; firm)");
        driver.submit(buy(1, AAPL).at("185.40"));
        driver.assertAccepted();
        driver.submit(sell(1, AAPL).at("189.12").by(B1).on(SESSION2));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).at("189.14"));
        driver.assertRejected(RejectCode.RISK_PRICE_COLLAR,
            "PRICE_COLLAR_PCT: 189.14 outside 185.3874-189.1326 (book mid 187.26 +/- 1%; firm)");
        driver.submit(buy(1, AAPL).at("189.13"));
        driver.assertAccepted();
        assertThat(driver.engine.lastPrice(AAPL)).isEqualTo(RiskDriver.px("189.12"));
        driver.submit(buy(1, AAPL).at("191.01"));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).at("191.02"));
        driver.assertRejected(RejectCode.RISK_PRICE_COLLAR,
            "PRICE_COLLAR_PCT: 191.02 outside 187.2288-191.0112 (last trade 189.12 +/- 1%; firm)");
    }

    @Test
    void shouldCollarAMarketOrderThroughTheBestOppositePrice() {
        driver.trade(AAPL, 10, "100.00");
        driver.firmLimit(LimitName.PRICE_COLLAR_PCT, "5");
        driver.limit(LimitScope.ACCOUNT, B1, LimitName.PRICE_COLLAR_PCT, "100");
        driver.submit(buy(100, AAPL));
        driver.assertAccepted();
        driver.submit(sell(100, AAPL).at("105.01").by(B1).on(SESSION2));
        driver.submit(buy(100, AAPL));
        driver.assertRejected(RejectCode.RISK_PRICE_COLLAR,
            "PRICE_COLLAR_PCT: market buy at the best offer 105.01 outside 95.00-105.00 (last trade 100.00 +/- 5%; "
                + "firm)");
        driver.submit(sell(100, AAPL).at("105.00").by(B1).on(SESSION2));
        final long marketBuy = driver.submit(buy(100, AAPL));
        assertThat(marketBuy).isPositive();
        assertThat(driver.engine.lastPrice(AAPL)).isEqualTo(RiskDriver.px("105.00"));
        driver.submit(buy(50, AAPL).at("99.74").by(B1).on(SESSION2));
        driver.submit(sell(10, AAPL));
        driver.assertRejected(RejectCode.RISK_PRICE_COLLAR,
            "PRICE_COLLAR_PCT: market sale at the best bid 99.74 outside 99.75-110.25 (last trade 105.00 +/- 5%; "
                + "firm)");
        driver.submit(buy(50, AAPL).at("99.75").by(B1).on(SESSION2));
        driver.submit(sell(10, AAPL));
        driver.assertAccepted();
        assertThat(driver.engine.lastPrice(AAPL)).isEqualTo(RiskDriver.px("99.75"));
    }

    @Test
    void shouldNotCollarStopOrdersAtEntry() {
        driver.firmLimit(LimitName.PRICE_COLLAR_PCT, "1");
        driver.submit(buy(1, AAPL).stop("250.00"));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).stop("250.00").at("250.00"));
        driver.assertRejected(RejectCode.RISK_PRICE_COLLAR);
    }

    @Test
    void shouldRefuseMarketAndStopOrdersWhereMarketOrdersAreNotAllowed() {
        driver.limit(LimitScope.ACCOUNT, A1, LimitName.MARKET_ORDERS_ALLOWED, "0");
        driver.submit(buy(1, AAPL));
        driver.assertRejected(RejectCode.RISK_MARKET_ORDER_NOT_ALLOWED,
            "MARKET_ORDERS_ALLOWED: 0, market order refused (account B1-CUST-001)");
        driver.submit(buy(1, AAPL).stop("190.00"));
        driver.assertRejected(RejectCode.RISK_MARKET_ORDER_NOT_ALLOWED,
            "MARKET_ORDERS_ALLOWED: 0, stop (market) order refused (account B1-CUST-001)");
        driver.submit(buy(1, AAPL).at("187.00"));
        driver.assertAccepted();
        driver.submit(buy(1, AAPL).by(A2));
        driver.assertAccepted();
        driver.symbolLimit(A1, AAPL, LimitName.MARKET_ORDERS_ALLOWED, "1");
        driver.submit(buy(1, AAPL));
        driver.assertAccepted();
    }
}
