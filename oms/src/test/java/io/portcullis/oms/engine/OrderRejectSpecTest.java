package io.portcullis.oms.engine;

import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.HaltSymbol;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.event.EngineEvent;
import io.portcullis.oms.risk.PreTradeResult;
import org.junit.jupiter.api.Test;

import static io.portcullis.oms.engine.EngineDriver.AAPL;
import static io.portcullis.oms.engine.EngineDriver.SPY;
import static io.portcullis.oms.engine.EngineDriver.buy;
import static io.portcullis.oms.engine.EngineDriver.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** Every bad new order is rejected with its stable code, and the book does not change. */
class OrderRejectSpecTest {

    private final EngineDriver driver = new EngineDriver();

    @Test
    void shouldRejectOrderForUnknownSymbol() {
        assertRejected(buy(100, "ZZZZ").at("10.00"), RejectCode.UNKNOWN_SYMBOL);
    }

    @Test
    void shouldRejectOrderForHaltedSymbol() {
        driver.apply(new HaltSymbol(driver.nextSequence(), driver.tick(), AAPL));
        assertRejected(buy(100, AAPL).at("187.25"), RejectCode.SYMBOL_HALTED);
    }

    @Test
    void shouldRejectOrderForUnknownAccount() {
        assertRejected(buy(100, AAPL).at("187.25").by("MALLORY"), RejectCode.UNKNOWN_ACCOUNT);
    }

    @Test
    void shouldRejectOrderWhenQuantityIsZeroOrNegative() {
        assertRejected(buy(0, AAPL).at("187.25"), RejectCode.QTY_NOT_POSITIVE);
        assertRejected(buy(-5, AAPL).at("187.25"), RejectCode.QTY_NOT_POSITIVE);
    }

    @Test
    void shouldRejectOrderWhenQuantityIsNotALotMultiple() {
        assertRejected(buy(150, SPY).at("668.73"), RejectCode.QTY_NOT_LOT_MULTIPLE);
    }

    @Test
    void shouldRejectOrderWhenQuantityExceedsTheMaximum() {
        assertRejected(buy(EngineConfig.DEFAULT_MAX_ORDER_QTY + 1, AAPL).at("187.25"), RejectCode.QTY_TOO_LARGE);
    }

    @Test
    void shouldRejectOrderWhenPriceIsZeroOrNegative() {
        assertRejected(buy(100, AAPL).at("187.25").priced(0), RejectCode.PRICE_NOT_POSITIVE);
        assertRejected(buy(100, AAPL).at("187.25").priced(-100), RejectCode.PRICE_NOT_POSITIVE);
    }

    @Test
    void shouldRejectOrderWhenPriceIsOffTick() {
        assertRejected(buy(100, AAPL).at("187.255"), RejectCode.PRICE_OFF_TICK);
    }

    @Test
    void shouldRejectOrderWhenPriceExceedsTheMaximum() {
        assertRejected(buy(1, AAPL).at("187.25").priced(EngineConfig.DEFAULT_MAX_PRICE + 100),
            RejectCode.PRICE_TOO_LARGE);
    }

    @Test
    void shouldRejectMarketOrderWithAPrice() {
        assertRejected(buy(100, AAPL).type(OrdType.MARKET).priced(EngineDriver.px("187.25")),
            RejectCode.MARKET_ORDER_WITH_PRICE);
    }

    @Test
    void shouldRejectLimitOrderWithoutAPrice() {
        assertRejected(buy(100, AAPL).type(OrdType.LIMIT), RejectCode.LIMIT_PRICE_MISSING);
    }

    @Test
    void shouldRejectStopOrderWithoutAStopPrice() {
        assertRejected(buy(100, AAPL).type(OrdType.STOP), RejectCode.STOP_PRICE_MISSING);
        assertRejected(buy(100, AAPL).at("187.25").type(OrdType.STOP_LIMIT), RejectCode.STOP_PRICE_MISSING);
    }

    @Test
    void shouldRejectStopPriceOnANonStopOrder() {
        final EngineDriver.Spec spec = buy(100, AAPL).at("187.25");
        spec.stopPx = EngineDriver.px("180.00");
        assertRejected(spec, RejectCode.STOP_PRICE_NOT_ALLOWED);
    }

    @Test
    void shouldRejectGtdOrderWithoutAnExpiry() {
        assertRejected(buy(100, AAPL).at("187.25").tif(TimeInForce.GTD), RejectCode.GTD_EXPIRY_MISSING);
    }

    @Test
    void shouldRejectGtdOrderWhoseExpiryHasPassed() {
        assertRejected(buy(100, AAPL).at("187.25").expiresAt(EngineDriver.T0), RejectCode.GTD_EXPIRY_IN_PAST);
    }

    @Test
    void shouldRejectMinQtyAboveOrderQty() {
        assertRejected(buy(100, AAPL).at("187.25").minQty(200), RejectCode.INVALID_MIN_QTY);
    }

    @Test
    void shouldRejectDuplicateClOrdIdAmongTheSessionsLiveOrders() {
        driver.submit(buy(100, AAPL).at("187.25").clOrdId("A-1"));
        assertRejected(buy(100, AAPL).at("187.20").clOrdId("A-1"), RejectCode.DUPLICATE_CLORDID);
    }

    @Test
    void shouldAcceptTheSameClOrdIdOnAnotherSessionOrOnceTheFirstOrderIsDone() {
        final long first = driver.submit(buy(100, AAPL).at("187.25").clOrdId("A-1"));
        assertThat(driver.submit(buy(100, AAPL).at("187.25").clOrdId("A-1").on(EngineDriver.OTHER_SESSION)))
            .isPositive();
        driver.cancel(first);
        assertThat(driver.submit(buy(100, AAPL).at("187.25").clOrdId("A-1"))).isPositive();
    }

    @Test
    void shouldRejectMissingClOrdIdAndMissingSide() {
        assertRejected(buy(100, AAPL).at("187.25").clOrdId(""), RejectCode.CLORDID_MISSING);
        driver.apply(new NewOrder(driver.nextSequence(), driver.tick(), EngineDriver.SESSION, "Q", "ALICE", AAPL,
            null, OrdType.LIMIT, TimeInForce.DAY, 100, 1_000_000, Prices.NONE, 0, 0));
        assertThat(driver.lastExecution().rejectCode()).isEqualTo(RejectCode.UNSUPPORTED_ORDER);
    }

    @Test
    void shouldRejectOrderWhenThePreTradeCheckSaysSo() {
        final EngineDriver risky = new EngineDriver((order, exposure) -> order.orderQty() > 1_000
            ? PreTradeResult.reject(RejectCode.RISK_LIMIT_BREACH, "qty 5000 > 1000")
            : PreTradeResult.PASS);
        risky.submit(buy(5_000, AAPL).at("187.25"));
        assertThat(risky.lastExecution().rejectCode()).isEqualTo(RejectCode.RISK_LIMIT_BREACH);
        assertThat(risky.lastExecution().text()).isEqualTo("qty 5000 > 1000");
        assertThat(risky.engine.liveOrderCount()).isZero();
    }

    @Test
    void shouldGiveTheRiskCheckTheCurrentExposure() {
        final long[] seen = new long[1];
        final EngineDriver risky = new EngineDriver((order, exposure) -> {
            seen[0] = exposure.openBuyNotional(order.account().accountId());
            return PreTradeResult.PASS;
        });
        risky.submit(buy(100, AAPL).at("187.25"));
        risky.submit(buy(10, AAPL).at("187.00"));
        assertThat(seen[0]).isEqualTo(100 * EngineDriver.px("187.25"));
    }

    private void assertRejected(final EngineDriver.Spec spec, final RejectCode code) {
        driver.submit(sell(50, AAPL).at("190.00").by(EngineDriver.BOB));
        final String bookBefore = driver.queue(AAPL, Side.BUY) + " " + driver.queue(AAPL, Side.SELL);
        final int live = driver.engine.liveOrderCount();
        final long orderId = driver.submit(spec);
        final EngineEvent.Execution reject = driver.lastExecution();
        assertThat(orderId).isZero();
        assertThat(reject.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(reject.ordStatus()).isEqualTo(OrdStatus.REJECTED);
        assertThat(reject.rejectCode()).isEqualTo(code);
        assertThat(reject.text()).isEqualTo(code.text());
        assertThat(driver.engine.liveOrderCount()).isEqualTo(live);
        assertThat(driver.queue(AAPL, Side.BUY) + " " + driver.queue(AAPL, Side.SELL)).isEqualTo(bookBefore);
    }
}
