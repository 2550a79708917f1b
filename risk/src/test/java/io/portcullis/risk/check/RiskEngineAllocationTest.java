package io.portcullis.risk.check;

import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.risk.PreTradeOrder;
import io.portcullis.oms.risk.PreTradeResult;
import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passing check allocates nothing, with every kind of limit set at every scope, lists, locates, a session kill
 * switch elsewhere, duplicate detection on, replaces and short sales in the mix.
 */
class RiskEngineAllocationTest {

    private static final int CHECKS = 200_000;

    @Test
    void shouldNotAllocateWhenOrdersPass() {
        final List<Account> accounts = RiskDriver.accounts();
        final RiskEngine risk = new RiskEngine(accounts, RiskDriver.universe(), new RiskConfig());
        final OrderEngine engine = new OrderEngine(RiskDriver.config(risk));
        long sequence = 0;
        for (final byte[] body : List.of(
            RiskUpdates.setLimit(firm(LimitName.MAX_ORDER_QTY), new BigDecimal("1000000")),
            RiskUpdates.setLimit(firm(LimitName.PRICE_COLLAR_PCT), new BigDecimal("10")),
            RiskUpdates.setLimit(firm(LimitName.PRICE_COLLAR_TICKS), new BigDecimal("5000")),
            RiskUpdates.setLimit(firm(LimitName.CAPITAL_THRESHOLD), new BigDecimal("1000000000")),
            RiskUpdates.setLimit(firm(LimitName.DUPLICATE_WINDOW_MS), new BigDecimal("5")),
            RiskUpdates.setLimit(firm(LimitName.MAX_MESSAGES_PER_SECOND), new BigDecimal("1000000")),
            RiskUpdates.setLimit(firm(LimitName.SHORT_EXEMPT_ALLOWED), BigDecimal.ONE),
            RiskUpdates.setLimit(new LimitKey(LimitScope.BROKER_FIRM, RiskDriver.BROKER1, "*",
                LimitName.GROSS_NOTIONAL), new BigDecimal("100000000")),
            RiskUpdates.setLimit(new LimitKey(LimitScope.ACCOUNT, RiskDriver.A1, "*", LimitName.NET_NOTIONAL),
                new BigDecimal("50000000")),
            RiskUpdates.setLimit(new LimitKey(LimitScope.ACCOUNT, RiskDriver.A1, "*",
                LimitName.MAX_ORDERS_PER_SECOND), new BigDecimal("1000000")),
            RiskUpdates.setLimit(new LimitKey(LimitScope.SYMBOL, RiskDriver.A1, RiskDriver.AAPL,
                LimitName.MAX_LONG_POSITION), new BigDecimal("100000000")),
            RiskUpdates.setLimit(new LimitKey(LimitScope.SYMBOL, RiskDriver.A1, RiskDriver.AAPL,
                LimitName.MAX_SHORT_POSITION), new BigDecimal("100000000")),
            RiskUpdates.setLimit(firm(LimitName.MAX_ADV_PCT), new BigDecimal("100")),
            RiskUpdates.listEntry(ListName.RESTRICTED, RiskDriver.A1, RiskDriver.MSFT, true),
            RiskUpdates.listEntry(ListName.HARD_TO_BORROW, "*", RiskDriver.AAPL, true),
            RiskUpdates.addLocate(new Locate("L1", RiskDriver.A1, RiskDriver.AAPL, 1_000_000_000_000L)),
            RiskUpdates.killSwitch(KillScope.SESSION, RiskDriver.SESSION2, true))) {
            engine.apply(new RiskUpdate(++sequence, RiskDriver.MONDAY_10AM, body));
        }
        assertThat(risk.refusedUpdates()).isZero();
        final OrderView order = new OrderView(accounts.getFirst(), RiskDriver.universe().find(RiskDriver.AAPL));
        run(risk, engine, order, CHECKS);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        final long passed = run(risk, engine, order, CHECKS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(passed).isEqualTo(CHECKS);
        assertThat(allocated).as("bytes allocated by %d passing checks", CHECKS).isLessThan(1_024);
    }

    private static long run(final RiskEngine risk, final OrderEngine engine, final OrderView order, final int count) {
        long passed = 0;
        for (int i = 0; i < count; i++) {
            order.next(i);
            risk.onOrderMessage(RiskDriver.SESSION, order.timestamp);
            passed += risk.check(order, engine.exposures()) == PreTradeResult.PASS ? 1 : 0;
        }
        return passed;
    }

    private static LimitKey firm(final LimitName name) {
        return new LimitKey(LimitScope.FIRM, LimitKey.ANY, LimitKey.ANY, name);
    }

    /** A reusable order: buys, short sales with the locate, exempt sales, and replaces, all within the limits. */
    private static final class OrderView implements PreTradeOrder {
        private final Account account;
        private final Instrument instrument;
        private long timestamp = RiskDriver.MONDAY_10AM;
        private int kind;
        private long qty;

        OrderView(final Account account, final Instrument instrument) {
            this.account = account;
            this.instrument = instrument;
        }

        void next(final int i) {
            timestamp += 10_000;
            kind = i & 3;
            qty = 100 + i % 60_000;
        }

        @Override
        public boolean isReplace() {
            return kind == 3;
        }

        @Override
        public long orderId() {
            return kind == 3 ? 7 : 0;
        }

        @Override
        public String sessionId() {
            return RiskDriver.SESSION;
        }

        @Override
        public String clOrdId() {
            return "C1";
        }

        @Override
        public Account account() {
            return account;
        }

        @Override
        public Instrument instrument() {
            return instrument;
        }

        @Override
        public Side side() {
            return switch (kind) {
                case 1 -> Side.SELL_SHORT;
                case 2 -> Side.SELL_SHORT_EXEMPT;
                default -> Side.BUY;
            };
        }

        @Override
        public OrdType ordType() {
            return OrdType.LIMIT;
        }

        @Override
        public TimeInForce tif() {
            return TimeInForce.DAY;
        }

        @Override
        public long orderQty() {
            return qty;
        }

        @Override
        public long cumQty() {
            return 0;
        }

        @Override
        public long previousOrderQty() {
            return kind == 3 ? qty - 10 : 0;
        }

        @Override
        public long price() {
            return 1_872_500;
        }

        @Override
        public long stopPx() {
            return Prices.NONE;
        }

        @Override
        public long previousPrice() {
            return kind == 3 ? 1_872_500 : Prices.NONE;
        }

        @Override
        public long previousStopPx() {
            return Prices.NONE;
        }

        @Override
        public String locateId() {
            return kind == 1 ? "L1" : null;
        }

        @Override
        public int accountIndex() {
            return 0;
        }

        @Override
        public int symbolIndex() {
            return 0;
        }

        @Override
        public long timestamp() {
            return timestamp;
        }

        @Override
        public long sequence() {
            return 0;
        }
    }
}
