package io.portcullis.risk.check;

import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.risk.model.ListName;
import org.junit.jupiter.api.Test;

import static io.portcullis.risk.check.RiskDriver.A1;
import static io.portcullis.risk.check.RiskDriver.A2;
import static io.portcullis.risk.check.RiskDriver.AAPL;
import static io.portcullis.risk.check.RiskDriver.BROKER1;
import static io.portcullis.risk.check.RiskDriver.MSFT;
import static io.portcullis.risk.check.RiskDriver.sell;
import static io.portcullis.risk.check.RiskDriver.sellShort;
import static io.portcullis.risk.check.RiskDriver.sellShortExempt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reg SHO: a short sale (Side=5) needs a locate of its account in its symbol with enough shares left, consumed when
 * accepted (also by a replace's increment) and gone at the day's close; hard-to-borrow symbols need one even when
 * the firm presumes availability; short sale exempt (Side=6) only for permitted accounts.
 */
class RegShoTest {

    private final RiskDriver driver = new RiskDriver();

    @Test
    void shouldRefuseAShortSaleWithoutALocateId() {
        driver.submit(sellShort(100, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_NO_LOCATE,
            "NO_LOCATE: a short sale of 100 AAPL needs a locate id (account B1-CUST-001)");
        driver.submit(sell(100, AAPL).at("187.00"));
        driver.assertAccepted();
    }

    @Test
    void shouldConsumeTheLocateUpToExactlyItsQuantityAndRefuseOneShareMore() {
        driver.locate("L1", A1, AAPL, 500);
        driver.submit(sellShort(300, AAPL).at("187.00").locate("L1"));
        driver.assertAccepted();
        assertThat(driver.risk.locateRemaining("L1")).isEqualTo(200);
        driver.submit(sellShort(201, AAPL).at("187.00").locate("L1"));
        driver.assertRejected(RejectCode.RISK_LOCATE_EXHAUSTED,
            "LOCATE_EXHAUSTED: 201 > 200 shares left of locate L1 (account B1-CUST-001 AAPL)");
        assertThat(driver.risk.locateRemaining("L1")).isEqualTo(200);
        final long id = driver.submit(sellShort(200, AAPL).at("187.00").locate("L1"));
        driver.assertAccepted();
        assertThat(driver.risk.locateRemaining("L1")).isZero();
        driver.cancel(id);
        assertThat(driver.risk.locateRemaining("L1")).as("a cancel does not give shares back").isZero();
        driver.locate("L1", A1, AAPL, 500);
        assertThat(driver.risk.locateRemaining("L1")).as("the same grant sent again changes nothing").isZero();
        driver.locate("L1", A1, AAPL, 50);
        assertThat(driver.risk.locateRemaining("L1")).as("a new grant under the id starts again").isEqualTo(50);
    }

    @Test
    void shouldTakeAReplacesIncrementFromTheOrdersLocate() {
        driver.locate("L1", A1, AAPL, 500);
        final long id = driver.submit(sellShort(300, AAPL).at("187.00").locate("L1"));
        assertThat(driver.replace(id, 500, "187.00")).isTrue();
        assertThat(driver.risk.locateRemaining("L1")).isZero();
        assertThat(driver.replace(id, 501, "187.00")).isFalse();
        assertThat(driver.lastCancelReject().rejectCode()).isEqualTo(RejectCode.RISK_LOCATE_EXHAUSTED);
        assertThat(driver.replace(id, 500, "187.01")).as("a price change adds no shares").isTrue();
    }

    @Test
    void shouldRefuseALocateOfAnotherAccountOrSymbolOrAnUnknownOne() {
        driver.locate("L1", A2, AAPL, 500);
        driver.locate("L2", A1, MSFT, 500);
        driver.submit(sellShort(1, AAPL).at("187.00").locate("L1"));
        driver.assertRejected(RejectCode.RISK_NO_LOCATE,
            "NO_LOCATE: locate L1 not found for account B1-CUST-001 in AAPL");
        driver.submit(sellShort(1, AAPL).at("187.00").locate("L2"));
        driver.assertRejected(RejectCode.RISK_NO_LOCATE);
        driver.submit(sellShort(1, AAPL).at("187.00").locate("L9"));
        driver.assertRejected(RejectCode.RISK_NO_LOCATE);
        driver.submit(sellShort(1, AAPL).at("187.00").locate("L1").by(A2));
        driver.assertAccepted();
    }

    @Test
    void shouldExpireLocatesWhenTheTradingDayCloses() {
        driver.locate("L1", A1, AAPL, 500);
        driver.endOfDay();
        driver.submit(sellShort(1, AAPL).at("187.00").locate("L1"));
        driver.assertRejected(RejectCode.RISK_NO_LOCATE);
        assertThat(driver.risk.locateRemaining("L1")).isEqualTo(-1);
    }

    @Test
    void shouldRequireALocateForHardToBorrowSymbolsEvenWhenTheFirmPresumesAvailability() {
        final RiskDriver presuming = new RiskDriver(new RiskConfig().presumeEasyToBorrow(true));
        presuming.submit(sellShort(100, AAPL).at("187.00"));
        presuming.assertAccepted();
        presuming.list(ListName.HARD_TO_BORROW, LimitKey.ANY, AAPL, true);
        presuming.list(ListName.HARD_TO_BORROW, A1, MSFT, true);
        presuming.submit(sellShort(100, AAPL).at("187.00"));
        presuming.assertRejected(RejectCode.RISK_HARD_TO_BORROW,
            "HARD_TO_BORROW: AAPL is hard to borrow, a short sale of 100 needs a locate (account B1-CUST-001)");
        presuming.submit(sellShort(100, MSFT).at("400.00"));
        presuming.assertRejected(RejectCode.RISK_HARD_TO_BORROW);
        presuming.submit(sellShort(100, MSFT).at("400.00").by(A2));
        presuming.assertAccepted();
        presuming.locate("L1", A1, AAPL, 100);
        presuming.submit(sellShort(100, AAPL).at("187.00").locate("L1"));
        presuming.assertAccepted();
    }

    @Test
    void shouldAllowShortSaleExemptOnlyForPermittedAccounts() {
        driver.submit(sellShortExempt(100, AAPL).at("187.00"));
        driver.assertRejected(RejectCode.RISK_SHORT_EXEMPT_NOT_PERMITTED,
            "SHORT_EXEMPT_ALLOWED: not 1, short sale exempt (Side=6) refused (account B1-CUST-001)");
        driver.limit(LimitScope.BROKER_FIRM, BROKER1, LimitName.SHORT_EXEMPT_ALLOWED, "1");
        driver.limit(LimitScope.ACCOUNT, A2, LimitName.SHORT_EXEMPT_ALLOWED, "0");
        driver.submit(sellShortExempt(100, AAPL).at("187.00"));
        driver.assertAccepted();
        assertThat(driver.lastExecution().side()).isEqualTo(Side.SELL_SHORT_EXEMPT);
        driver.submit(sellShortExempt(100, AAPL).at("187.00").by(A2));
        driver.assertRejected(RejectCode.RISK_SHORT_EXEMPT_NOT_PERMITTED);
    }
}
