package io.portcullis.fix.order;

import static io.portcullis.fix.order.LoopbackGateway.BUYER;
import static io.portcullis.fix.order.LoopbackGateway.MASS;
import static io.portcullis.fix.order.LoopbackGateway.SELLER;
import static io.portcullis.fix.order.OrderFlowLoopbackScenario.Exec.CANCELED;
import static io.portcullis.fix.order.OrderFlowLoopbackScenario.Exec.EXPIRED;
import static io.portcullis.fix.order.OrderFlowLoopbackScenario.Exec.NEW;
import static io.portcullis.fix.order.OrderFlowLoopbackScenario.Exec.REJECTED;
import static io.portcullis.fix.order.OrderFlowLoopbackScenario.Exec.REPLACED;
import static io.portcullis.fix.order.OrderFlowLoopbackScenario.Exec.STATUS;
import static io.portcullis.fix.order.OrderFlowLoopbackScenario.Exec.TRADE;
import static io.portcullis.fix.order.OrderFlowLoopbackScenario.Exec.TRIGGERED;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.portcullis.oms.command.ExpireGtdOrders;
import io.portcullis.testsupport.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;

/**
 * The order conversation every FIX version Portcullis serves must hold, played over loopback against the real order
 * path ({@link LoopbackGateway}) by a real QuickFIX/J initiator. Each subclass is one version: it builds the
 * requests with that version's generated message classes; the expectations here say what the gateway must answer in
 * each version ({@link ReportWriter}: FIX 4.2 reports fills as ExecType 1/2 with ExecTransType(20)=0 and status as
 * ExecTransType 3 with ExecType = OrdStatus, and has no mass messages; FIX 4.4 and 5.0SP2 use ExecType F and I;
 * only 5.0SP2 reports a triggered stop (ExecType L) and TrdMatchID(880)). Every test trades a symbol of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
abstract class OrderFlowLoopbackScenario {
    static final char BUY = '1';
    static final char SELL = '2';

    /** What an ExecutionReport reports, independent of how a version spells it. */
    enum Exec { NEW, TRADE, CANCELED, REPLACED, EXPIRED, REJECTED, STATUS, TRIGGERED }

    private LoopbackGateway gateway;
    private FixVersion version;

    /** @return BeginString(8) of the version under test */
    abstract String beginString();

    /** @return a NewOrderSingle(D) */
    abstract Message newOrder(OrderTerms order);

    /** @return an OrderCancelRequest(F) for {@code order} */
    abstract Message cancel(String clOrdId, OrderTerms order);

    /** @return an OrderCancelReplaceRequest(G) replacing {@code origClOrdId} by {@code order} */
    abstract Message replace(String origClOrdId, OrderTerms order);

    /** @return an OrderStatusRequest(H); {@code requestId} is OrdStatusReqID(790) where the version has it */
    abstract Message status(String clOrdId, String requestId, OrderTerms order);

    /** @return an OrderMassCancelRequest(q) (FIX 4.2, which has none: the same fields under MsgType q) */
    abstract Message massCancel(String clOrdId, char requestType, String symbol);

    /** @return an OrderMassStatusRequest(AF) for the session's orders (FIX 4.2: the fields under MsgType AF) */
    abstract Message massStatus(String requestId);

    /** @return a MarketDataRequest(V): snapshot and updates, top of book, bid, offer and trade */
    abstract Message marketDataRequest(String requestId, String symbol);

    @BeforeAll
    void start() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA);
        version = FixVersion.of(beginString());
        gateway = new LoopbackGateway(getClass(), LocalStack.kafkaBootstrap(), beginString());
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aLimitOrderFillsPartlyOnArrivalThenCompletelyWithCumQtyLeavesQtyAndAvgPx() throws Exception {
        send(SELLER, newOrder(limit("A-S1", SELL, "AAPL", 100, "187.20")));
        assertReport(report(SELLER), NEW, '0', 0, 100);
        final OrderTerms buy = limit("A-B1", BUY, "AAPL", 300, "187.26");
        send(BUYER, newOrder(buy));
        final String orderId = accepted(BUYER, buy).getString(37);

        final Message partial = report(BUYER);
        assertReport(partial, TRADE, '1', 100, 200);
        assertFill(partial, 100, "187.20", "187.20");
        assertThat(partial.getString(37)).isEqualTo(orderId);
        final Message sellerFill = report(SELLER);
        assertReport(sellerFill, TRADE, '2', 100, 0);
        assertFill(sellerFill, 100, "187.20", "187.20");
        assertSameTrade(partial, sellerFill);

        send(SELLER, newOrder(limit("A-S2", SELL, "AAPL", 200, "187.25")));
        assertReport(report(SELLER), NEW, '0', 0, 200);
        final Message rest = report(BUYER);
        assertReport(rest, TRADE, '2', 300, 0);
        assertFill(rest, 200, "187.26", "187.24");
        assertThat(rest.getString(37)).isEqualTo(orderId);
        assertThat(rest.getString(11)).isEqualTo("A-B1");
        assertFill(report(SELLER), 200, "187.26", "187.26");
    }

    @Test
    void aCancelOrReplaceOfAFilledOrderIsRejectedTooLateWithTheOrdersStatus() throws Exception {
        send(SELLER, newOrder(limit("I-S1", SELL, "IBM", 100, "300.00")));
        assertReport(report(SELLER), NEW, '0', 0, 100);
        final OrderTerms buy = limit("I-B1", BUY, "IBM", 100, "300.00");
        send(BUYER, newOrder(buy));
        final String orderId = accepted(BUYER, buy).getString(37);
        assertReport(report(BUYER), TRADE, '2', 100, 0);
        assertReport(report(SELLER), TRADE, '2', 100, 0);

        send(BUYER, cancel("I-B2", buy));
        assertCancelReject(next(BUYER, "9"), '1', "I-B2", "I-B1", orderId, '2', 0);
        send(BUYER, replace("I-B1", buy.as("I-B3", 200, "300.00")));
        assertCancelReject(next(BUYER, "9"), '2', "I-B3", "I-B1", orderId, '2', 0);
    }

    @Test
    void aReplaceKeepsTheOrderIdThenStatusAndCancelReportTheReplacedOrder() throws Exception {
        final OrderTerms original = limit("M-B1", BUY, "MSFT", 100, "470.00");
        send(BUYER, newOrder(original));
        final String orderId = accepted(BUYER, original).getString(37);
        final OrderTerms replacement = original.as("M-B2", 200, "471.00");
        send(BUYER, replace("M-B1", replacement));
        final Message replaced = report(BUYER);
        assertReport(replaced, REPLACED, '0', 0, 200);
        assertTerms(replaced, replacement);
        assertThat(replaced.getString(41)).isEqualTo("M-B1");
        assertThat(replaced.getString(37)).isEqualTo(orderId);

        send(BUYER, status("M-B2", "Q-M1", replacement));
        final Message status = report(BUYER);
        assertReport(status, STATUS, '0', 0, 200);
        assertStatusRequestId(status, "Q-M1");
        assertThat(status.getString(37)).isEqualTo(orderId);
        assertThat(status.isSetField(41)).isFalse();

        send(BUYER, cancel("M-B3", replacement));
        final Message cancelled = report(BUYER);
        assertReport(cancelled, CANCELED, '4', 0, 0);
        assertThat(cancelled.getString(11)).isEqualTo("M-B3");
        assertThat(cancelled.getString(41)).isEqualTo("M-B2");
        assertThat(cancelled.getString(37)).isEqualTo(orderId);

        send(BUYER, status("M-B2", "Q-M2", replacement));
        final Message after = report(BUYER);
        assertReport(after, STATUS, '4', 0, 0);
        assertThat(after.getString(37)).isEqualTo(orderId);
        send(BUYER, cancel("M-B4", replacement));
        assertCancelReject(next(BUYER, "9"), '1', "M-B4", "M-B2", orderId, '4', 0);
    }

    @Test
    void aPartlyFilledOrderCanGrowByReplaceButNotShrinkBelowItsCumQty() throws Exception {
        final OrderTerms buy = limit("N-B1", BUY, "NVDA", 300, "181.10");
        send(BUYER, newOrder(buy));
        final String orderId = accepted(BUYER, buy).getString(37);
        send(SELLER, newOrder(limit("N-S1", SELL, "NVDA", 100, "181.10")));
        assertReport(report(SELLER), NEW, '0', 0, 100);
        assertReport(report(SELLER), TRADE, '2', 100, 0);
        assertReport(report(BUYER), TRADE, '1', 100, 200);

        final OrderTerms bigger = buy.as("N-B2", 500, "181.10");
        send(BUYER, replace("N-B1", bigger));
        final Message replaced = report(BUYER);
        assertReport(replaced, REPLACED, '1', 100, 400);
        assertThat(replaced.getString(38)).isEqualTo("500");
        assertThat(replaced.getString(41)).isEqualTo("N-B1");
        assertThat(replaced.getDecimal(6)).isEqualByComparingTo("181.10");

        send(BUYER, replace("N-B2", bigger.as("N-B3", 50, "181.10")));
        assertCancelReject(next(BUYER, "9"), '2', "N-B3", "N-B2", orderId, '1', version == FixVersion.FIX42 ? 2 : 99);

        send(BUYER, cancel("N-B4", bigger));
        final Message cancelled = report(BUYER);
        assertReport(cancelled, CANCELED, '4', 100, 0);
        assertThat(cancelled.getString(41)).isEqualTo("N-B2");
    }

    @Test
    void aMarketOrderTakesWhatIsOfferedAndItsRestIsCancelled() throws Exception {
        send(SELLER, newOrder(limit("K-S1", SELL, "AMZN", 100, "229.15")));
        send(SELLER, newOrder(limit("K-S2", SELL, "AMZN", 100, "229.20")));
        assertReport(report(SELLER), NEW, '0', 0, 100);
        assertReport(report(SELLER), NEW, '0', 0, 100);
        final OrderTerms market = new OrderTerms("K-B1", BUY, "AMZN", 300, '1', null, null, '0', null);
        send(BUYER, newOrder(market));
        accepted(BUYER, market);
        final Message first = report(BUYER);
        assertReport(first, TRADE, '1', 100, 200);
        assertFill(first, 100, "229.15", "229.15");
        final Message second = report(BUYER);
        assertReport(second, TRADE, '1', 200, 100);
        assertFill(second, 100, "229.20", "229.175");
        final Message rest = report(BUYER);
        assertReport(rest, CANCELED, '4', 200, 0);
        assertThat(rest.getString(58)).isEqualTo("Remainder cancelled: no more liquidity");
        assertReport(report(SELLER), TRADE, '2', 100, 0);
        assertReport(report(SELLER), TRADE, '2', 100, 0);
    }

    @Test
    void fillOrKillTradesAllOrNothingAndImmediateOrCancelTradesWhatItCan() throws Exception {
        send(SELLER, newOrder(limit("F-S1", SELL, "GOOG", 100, "292.99")));
        assertReport(report(SELLER), NEW, '0', 0, 100);
        final OrderTerms fok = limit("F-B1", BUY, "GOOG", 200, "292.99").tif('4');
        send(BUYER, newOrder(fok));
        accepted(BUYER, fok);
        final Message killed = report(BUYER);
        assertReport(killed, CANCELED, '4', 0, 0);
        assertThat(killed.getString(58)).isEqualTo("Fill-or-kill could not be filled completely");

        final OrderTerms ioc = limit("F-B2", BUY, "GOOG", 200, "292.99").tif('3');
        send(BUYER, newOrder(ioc));
        accepted(BUYER, ioc);
        assertReport(report(BUYER), TRADE, '1', 100, 100);
        assertReport(report(BUYER), CANCELED, '4', 100, 0);
        assertReport(report(SELLER), TRADE, '2', 100, 0);

        send(SELLER, newOrder(limit("F-S2", SELL, "GOOG", 100, "292.99")));
        assertReport(report(SELLER), NEW, '0', 0, 100);
        send(BUYER, newOrder(limit("F-B3", BUY, "GOOG", 100, "292.99").tif('4')));
        assertReport(report(BUYER), NEW, '0', 0, 100);
        assertReport(report(BUYER), TRADE, '2', 100, 0);
        assertReport(report(SELLER), TRADE, '2', 100, 0);
    }

    @Test
    void dayAndGtcOrdersRestWhileAGtdOrderExpiresAtItsExpireTime() throws Exception {
        final OrderTerms day = limit("G-B1", BUY, "META", 100, "597.00");
        final OrderTerms gtc = limit("G-B2", BUY, "META", 100, "597.01").tif('1');
        final LocalDateTime expiry = LocalDateTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.SECONDS);
        final OrderTerms gtd = limit("G-B3", BUY, "META", 100, "597.02").expiring(expiry);
        for (final OrderTerms order : new OrderTerms[] {day, gtc, gtd}) {
            send(BUYER, newOrder(order));
            accepted(BUYER, order);
        }
        final long expiryNanos = expiry.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        gateway.submit(new ExpireGtdOrders(0, expiryNanos, expiryNanos));
        final Message expired = report(BUYER);
        assertReport(expired, EXPIRED, 'C', 0, 0);
        assertThat(expired.getString(11)).isEqualTo("G-B3");

        for (final OrderTerms resting : new OrderTerms[] {day, gtc}) {
            send(BUYER, status(resting.clOrdId(), "Q-" + resting.clOrdId(), resting));
            assertReport(report(BUYER), STATUS, '0', 0, 100);
            send(BUYER, cancel("X-" + resting.clOrdId(), resting));
            assertReport(report(BUYER), CANCELED, '4', 0, 0);
        }
        send(BUYER, newOrder(limit("G-B4", BUY, "META", 100, "597.02").expiring(expiry.minusHours(2))));
        final Message late = report(BUYER);
        assertReport(late, REJECTED, '8', 0, 0);
        assertThat(late.getString(103)).isEqualTo("4");
    }

    @Test
    void stopAndStopLimitOrdersWaitForTheirTriggerPrice() throws Exception {
        send(SELLER, newOrder(limit("T-S1", SELL, "TSLA", 100, "426.10")));
        send(SELLER, newOrder(limit("T-S2", SELL, "TSLA", 100, "426.20")));
        assertReport(report(SELLER), NEW, '0', 0, 100);
        assertReport(report(SELLER), NEW, '0', 0, 100);
        final OrderTerms stop = new OrderTerms("T-B1", BUY, "TSLA", 100, '3', null, new BigDecimal("426.10"), '0',
            null);
        final OrderTerms stopLimit = new OrderTerms("T-B2", BUY, "TSLA", 100, '4', new BigDecimal("426.15"),
            new BigDecimal("426.15"), '1', null);
        for (final OrderTerms order : new OrderTerms[] {stop, stopLimit}) {
            send(BUYER, newOrder(order));
            accepted(BUYER, order);
        }
        gateway.assertNothingMore(BUYER, 300);

        send(BUYER, newOrder(limit("T-B3", BUY, "TSLA", 100, "426.10")));
        assertReport(report(BUYER), NEW, '0', 0, 100);
        final Message trigger = report(BUYER);
        assertReport(trigger, TRADE, '2', 100, 0);
        assertFill(trigger, 100, "426.10", "426.10");
        assertTriggered("T-B1");
        final Message stopFill = report(BUYER);
        assertReport(stopFill, TRADE, '2', 100, 0);
        assertFill(stopFill, 100, "426.20", "426.20");
        assertThat(stopFill.getString(11)).isEqualTo("T-B1");
        assertTriggered("T-B2");
        assertReport(report(SELLER), TRADE, '2', 100, 0);
        assertReport(report(SELLER), TRADE, '2', 100, 0);

        send(BUYER, cancel("T-B4", stopLimit));
        final Message cancelled = report(BUYER);
        assertReport(cancelled, CANCELED, '4', 0, 0);
        assertThat(cancelled.getString(41)).isEqualTo("T-B2");
        assertThat(cancelled.getChar(40)).isEqualTo('4');
        assertThat(cancelled.getDecimal(99)).isEqualByComparingTo("426.15");
        assertThat(cancelled.getDecimal(44)).isEqualByComparingTo("426.15");
    }

    @Test
    void aStatusRequestForAnUnknownOrderIsAnsweredAsRejected() throws Exception {
        send(BUYER, status("U-NONE", "Q-U1", limit("U-NONE", BUY, "ORCL", 100, "1")));
        final Message answer = report(BUYER);
        assertReport(answer, STATUS, '8', 0, 0);
        assertThat(answer.getString(37)).isEqualTo(ReportWriter.NO_ORDER_ID);
        assertThat(answer.getString(55)).isEqualTo("ORCL");
        assertThat(answer.getString(58)).isEqualTo("Unknown order or order already done");
        assertStatusRequestId(answer, "Q-U1");
    }

    @Test
    void massStatusAndMassCancelCoverTheSessionsOrdersWhereTheVersionHasThem() throws Exception {
        final OrderTerms first = limit("Q-1", BUY, "SPY", 100, "660.00");
        final OrderTerms second = limit("Q-2", BUY, "SPY", 100, "661.00");
        send(MASS, newOrder(first));
        send(MASS, newOrder(second));
        assertReport(report(MASS), NEW, '0', 0, 100);
        assertReport(report(MASS), NEW, '0', 0, 100);
        if (version == FixVersion.FIX42) {
            send(MASS, massStatus("MS-1"));
            assertInvalidMsgType(gateway.next(MASS, "3"), "AF");
            send(MASS, massCancel("MC-1", '7', null));
            assertInvalidMsgType(gateway.next(MASS, "3"), "q");
            for (final OrderTerms order : new OrderTerms[] {first, second}) {
                send(MASS, cancel("X-" + order.clOrdId(), order));
                assertReport(report(MASS), CANCELED, '4', 0, 0);
            }
            return;
        }
        send(MASS, massStatus("MS-1"));
        for (final String clOrdId : new String[] {"Q-1", "Q-2"}) {
            final Message answer = report(MASS);
            assertReport(answer, STATUS, '0', 0, 100);
            assertThat(answer.getString(11)).isEqualTo(clOrdId);
            assertThat(answer.getString(584)).isEqualTo("MS-1");
            assertThat(answer.getString(911)).isEqualTo("2");
            assertThat(answer.isSetField(912)).isEqualTo(clOrdId.equals("Q-2"));
        }
        send(MASS, massCancel("MC-1", '1', "SPY"));
        final Message refused = gateway.next(MASS, "r");
        assertThat(refused.getString(531)).isEqualTo("0");
        assertThat(refused.getString(532)).isEqualTo("99");

        send(MASS, massCancel("MC-2", '7', null));
        assertReport(report(MASS), CANCELED, '4', 0, 0);
        assertReport(report(MASS), CANCELED, '4', 0, 0);
        final Message done = gateway.next(MASS, "r");
        assertThat(done.getString(11)).isEqualTo("MC-2");
        assertThat(done.getString(530)).isEqualTo("7");
        assertThat(done.getString(531)).isEqualTo("7");
        assertThat(done.getString(533)).isEqualTo("2");
        assertThat(done.isSetField(1369)).isEqualTo(version == FixVersion.FIX50SP2);
        send(MASS, status("Q-1", "Q-Q1", first));
        assertReport(report(MASS), STATUS, '4', 0, 0);
    }

    @Test
    void aMarketDataSubscriberGetsASnapshotThenEveryTrade() throws Exception {
        send(SELLER, marketDataRequest("MD-1", "QQQ"));
        final Message snapshot = gateway.next(SELLER, "W");
        assertThat(snapshot.getString(262)).isEqualTo("MD-1");
        assertThat(snapshot.getString(55)).isEqualTo("QQQ");
        send(BUYER, newOrder(limit("D-B1", BUY, "QQQ", 100, "605.78")));
        assertReport(report(BUYER), NEW, '0', 0, 100);
        send(SELLER, newOrder(limit("D-S1", SELL, "QQQ", 100, "605.78")));
        assertReport(report(SELLER), NEW, '0', 0, 100);
        assertReport(report(SELLER), TRADE, '2', 100, 0);
        assertReport(report(BUYER), TRADE, '2', 100, 0);
        Group trade = tradeEntry(gateway.next(SELLER, "X"));
        while (trade == null) {
            trade = tradeEntry(gateway.next(SELLER, "X"));
        }
        assertThat(trade.getDecimal(270)).isEqualByComparingTo("605.78");
        assertThat(trade.getDecimal(271)).isEqualByComparingTo("100");
    }

    // ---- the conversation's verbs ----------------------------------------------------------------------------

    /** A DAY limit order. */
    static OrderTerms limit(final String clOrdId, final char side, final String symbol, final long qty,
                            final String price) {
        return new OrderTerms(clOrdId, side, symbol, qty, '2', new BigDecimal(price), null, '0', null);
    }

    private void send(final String client, final Message message) {
        gateway.send(client, message);
    }

    /** The client's next report is the acknowledgement of {@code order}: ExecType New with its terms echoed. */
    private Message accepted(final String client, final OrderTerms order) throws Exception {
        final Message er = report(client);
        assertReport(er, NEW, '0', 0, order.qty());
        assertTerms(er, order);
        return er;
    }

    private Message report(final String client) throws Exception {
        return gateway.next(client, "8");
    }

    private Message next(final String client, final String msgType) throws Exception {
        return gateway.next(client, msgType);
    }

    /** FIX 5.0SP2 reports a stop's trigger (ExecType L); FIX 4.2 and 4.4 do not. */
    private void assertTriggered(final String clOrdId) throws Exception {
        if (version == FixVersion.FIX50SP2) {
            final Message triggered = report(BUYER);
            assertReport(triggered, TRIGGERED, '0', 0, 100);
            assertThat(triggered.getString(11)).isEqualTo(clOrdId);
        }
    }

    // ---- what the gateway must answer, per version -----------------------------------------------------------

    private void assertReport(final Message er, final Exec exec, final char ordStatus, final long cumQty,
                              final long leavesQty) throws FieldNotFound {
        assertThat(er.getChar(150)).as("ExecType(150) of %s", er).isEqualTo(execType(exec, ordStatus));
        assertThat(er.getChar(39)).as("OrdStatus(39) of %s", er).isEqualTo(ordStatus);
        if (version == FixVersion.FIX42) {
            assertThat(er.getChar(20)).as("ExecTransType(20) of %s", er).isEqualTo(exec == STATUS ? '3' : '0');
        } else {
            assertThat(er.isSetField(20)).as("no ExecTransType(20) after FIX 4.2: %s", er).isFalse();
        }
        assertThat(er.getDecimal(14)).as("CumQty(14) of %s", er).isEqualByComparingTo(BigDecimal.valueOf(cumQty));
        assertThat(er.getDecimal(151)).as("LeavesQty(151) of %s", er)
            .isEqualByComparingTo(BigDecimal.valueOf(leavesQty));
        assertThat(er.isSetField(6)).as("AvgPx(6) of %s", er).isTrue();
        assertThat(er.isSetField(31) || er.isSetField(32)).as("LastPx/LastQty only on a trade: %s", er)
            .isEqualTo(exec == TRADE);
        assertThat(er.isSetField(880)).as("TrdMatchID(880) on a FIX 5.0SP2 trade only: %s", er)
            .isEqualTo(exec == TRADE && version == FixVersion.FIX50SP2);
    }

    private char execType(final Exec exec, final char ordStatus) {
        final boolean fix42 = version == FixVersion.FIX42;
        return switch (exec) {
            case NEW -> '0';
            case TRADE -> fix42 ? (ordStatus == '2' ? '2' : '1') : 'F';
            case CANCELED -> '4';
            case REPLACED -> '5';
            case EXPIRED -> 'C';
            case REJECTED -> '8';
            case STATUS -> fix42 ? ordStatus : 'I';
            case TRIGGERED -> 'L';
        };
    }

    private static void assertFill(final Message er, final long lastQty, final String lastPx, final String avgPx)
        throws FieldNotFound {
        assertThat(er.getDecimal(32)).as("LastQty(32) of %s", er).isEqualByComparingTo(BigDecimal.valueOf(lastQty));
        assertThat(er.getDecimal(31)).as("LastPx(31) of %s", er).isEqualByComparingTo(lastPx);
        assertThat(er.getDecimal(6)).as("AvgPx(6) of %s", er).isEqualByComparingTo(avgPx);
    }

    private void assertSameTrade(final Message buyer, final Message seller) throws FieldNotFound {
        assertThat(buyer.getString(17)).isNotEqualTo(seller.getString(17));
        if (version == FixVersion.FIX50SP2) {
            assertThat(buyer.getString(880)).isEqualTo(seller.getString(880));
        }
    }

    /** The order's own terms, echoed on its reports. */
    private static void assertTerms(final Message er, final OrderTerms order) throws FieldNotFound {
        assertThat(er.getString(11)).isEqualTo(order.clOrdId());
        assertThat(er.getChar(54)).isEqualTo(order.side());
        assertThat(er.getString(55)).isEqualTo(order.symbol());
        assertThat(er.getDecimal(38)).isEqualByComparingTo(BigDecimal.valueOf(order.qty()));
        assertThat(er.getChar(40)).isEqualTo(order.ordType());
        assertThat(er.getChar(59)).isEqualTo(order.tif());
        assertThat(er.isSetField(44)).as("Price(44) of %s", er).isEqualTo(order.price() != null);
        if (order.price() != null) {
            assertThat(er.getDecimal(44)).isEqualByComparingTo(order.price());
        }
        assertThat(er.isSetField(99)).as("StopPx(99) of %s", er).isEqualTo(order.stopPx() != null);
        if (order.stopPx() != null) {
            assertThat(er.getDecimal(99)).isEqualByComparingTo(order.stopPx());
        }
    }

    private void assertStatusRequestId(final Message er, final String requestId) throws FieldNotFound {
        if (version == FixVersion.FIX42) {
            assertThat(er.isSetField(790)).as("FIX 4.2 has no OrdStatusReqID(790): %s", er).isFalse();
        } else {
            assertThat(er.getString(790)).isEqualTo(requestId);
        }
    }

    private void assertCancelReject(final Message reject, final char responseTo, final String clOrdId,
                                    final String origClOrdId, final String orderId, final char ordStatus,
                                    final int cxlRejReason) throws FieldNotFound {
        assertThat(reject.getChar(434)).as("CxlRejResponseTo(434) of %s", reject).isEqualTo(responseTo);
        assertThat(reject.getString(11)).isEqualTo(clOrdId);
        assertThat(reject.getString(41)).isEqualTo(origClOrdId);
        assertThat(reject.getString(37)).as("OrderID(37) of %s", reject).isEqualTo(orderId);
        assertThat(reject.getChar(39)).as("OrdStatus(39) of %s", reject).isEqualTo(ordStatus);
        assertThat(reject.getInt(102)).as("CxlRejReason(102) of %s", reject).isEqualTo(cxlRejReason);
        assertThat(reject.isSetField(60)).as("TransactTime(60) after FIX 4.2 only: %s", reject)
            .isEqualTo(version != FixVersion.FIX42);
    }

    /** FIX 4.2 has no q or AF: its dictionary refuses the MsgType with a session Reject, 373=11. */
    private static void assertInvalidMsgType(final Message reject, final String msgType) throws FieldNotFound {
        assertThat(reject.getString(372)).isEqualTo(msgType);
        assertThat(reject.getString(373)).isEqualTo("11");
        assertThat(reject.isSetField(45)).isTrue();
    }

    private static Group tradeEntry(final Message x) throws FieldNotFound {
        for (final Group g : x.getGroups(268)) {
            if (g.getChar(269) == '2') {
                return g;
            }
        }
        return null;
    }

    /**
     * An order's terms as the tests write them; {@code price} and {@code stopPx} in USD or null, {@code expireTime}
     * UTC or null (then TimeInForce is not GTD).
     */
    record OrderTerms(String clOrdId, char side, String symbol, long qty, char ordType, BigDecimal price,
                      BigDecimal stopPx, char tif, LocalDateTime expireTime) {
        OrderTerms tif(final char newTif) {
            return new OrderTerms(clOrdId, side, symbol, qty, ordType, price, stopPx, newTif, expireTime);
        }

        OrderTerms expiring(final LocalDateTime at) {
            return new OrderTerms(clOrdId, side, symbol, qty, ordType, price, stopPx, '6', at);
        }

        /** The same order under a new ClOrdID with a new quantity and limit price (a replace). */
        OrderTerms as(final String newClOrdId, final long newQty, final String newPrice) {
            return new OrderTerms(newClOrdId, side, symbol, newQty, ordType, new BigDecimal(newPrice), stopPx, tif,
                expireTime);
        }
    }
}
