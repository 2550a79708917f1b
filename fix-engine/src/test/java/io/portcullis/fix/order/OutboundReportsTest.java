package io.portcullis.fix.order;

import static io.portcullis.fix.order.FixTestKit.message;
import static io.portcullis.fix.order.FixTestKit.newOrder;
import static org.assertj.core.api.Assertions.assertThat;
import org.awaitility.Awaitility;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

import io.portcullis.fix.session.SessionProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;
import quickfix.SessionID;

/**
 * Real engine events (the OMS engine applied in process, records journaled in memory) through the outbound thread to
 * ExecutionReports, cancel rejects, mass cancel reports, drop copies and market data, per FIX version.
 */
@Timeout(60)
class OutboundReportsTest {
    private static final SessionID FIX44 = FixTestKit.session("FIX.4.4", "BROKER1");
    private static final SessionID FIX42 = FixTestKit.session("FIX.4.2", "BROKER2");
    private static final SessionID FIX50 = FixTestKit.session("FIXT.1.1", "BROKER3");
    private static final SessionID COPY_A = FixTestKit.session("FIX.4.4", "COPYA");
    private static final SessionID COPY_B = FixTestKit.session("FIX.4.2", "COPYB");

    private final FixTestKit.RecordingSender sender = new FixTestKit.RecordingSender();
    private final Outbound outbound = new Outbound(FixTestKit::firmOf, FixTestKit.SYMBOLS, null, null, sender, 1024);
    private final FixTestKit.InProcessEngine engine = new FixTestKit.InProcessEngine(outbound);
    private final OrderFlowHandler handler = new OrderFlowHandler(engine, outbound, FixTestKit::firmOf,
        InstantSource.fixed(Instant.parse("2025-11-25T15:00:00Z")), sender);
    private final SessionProfile p44 = FixTestKit.orderEntry(FIX44, "FIRMA", "ALICE", false);
    private final SessionProfile p42 = FixTestKit.orderEntry(FIX42, "FIRMA", "BOB", false);
    private final SessionProfile p50 = FixTestKit.orderEntry(FIX50, "FIRMB", "CAROL", false);

    @BeforeEach
    void logOn() {
        outbound.start(0);
        handler.onLogon(FIX44, p44);
        handler.onLogon(FIX42, p42);
        handler.onLogon(FIX50, p50);
    }

    @AfterEach
    void stop() {
        outbound.close();
    }

    @Test
    void shouldReportNewAndPartialFillOnFix44AndNewAndFillOnFix50() throws Exception {
        receive(newOrder(FIX44, "B1", '1', "300", "187.25"), FIX44, p44);
        receive(newOrder(FIX50, "S1", '2', "100", "187.25"), FIX50, p50);
        final List<FixTestKit.Sent> buyer = await(FIX44, "8", 2);
        assertReport(buyer.get(0), "0", "0", "0", "300", null, null);
        assertReport(buyer.get(1), "F", "1", "100", "200", "187.25", "100");
        assertThat(buyer.get(1).get(6)).isEqualTo("187.25");
        assertThat(buyer.get(1).get(11)).isEqualTo("B1");
        assertThat(buyer.get(1).get(1)).isEqualTo("ALICE");
        assertThat(buyer.get(1).get(37)).isEqualTo(buyer.get(0).get(37));
        assertThat(buyer.get(1).get(20)).isNull();
        final List<FixTestKit.Sent> seller = await(FIX50, "8", 2);
        assertReport(seller.get(0), "0", "0", "0", "100", null, null);
        assertReport(seller.get(1), "F", "2", "100", "0", "187.25", "100");
        assertThat(seller.get(1).get(880)).isNotNull();
        assertThat(seller.get(1).get(17)).isNotEqualTo(buyer.get(1).get(17));
        assertThat(seller.get(1).get(60)).isEqualTo("20251125-15:00:00.000000");
    }

    @Test
    void shouldReportFix42FillsWithExecTransTypeAndExecType1Or2() throws Exception {
        receive(newOrder(FIX42, "B1", '1', "200", "10"), FIX42, p42);
        receive(newOrder(FIX44, "S1", '2', "100", "10"), FIX44, p44);
        receive(newOrder(FIX44, "S2", '2', "100", "10"), FIX44, p44);
        final List<FixTestKit.Sent> reports = await(FIX42, "8", 3);
        assertReport(reports.get(0), "0", "0", "0", "200", null, null);
        assertReport(reports.get(1), "1", "1", "100", "100", "10", "100");
        assertReport(reports.get(2), "2", "2", "200", "0", "10", "100");
        assertThat(reports).allSatisfy(r -> assertThat(r.get(20)).isEqualTo("0"));
        assertThat(reports.get(2).get(60)).isEqualTo("20251125-15:00:00.000");
    }

    @Test
    void shouldReportCancelReplaceAndRejectTheCancelOfAFilledOrder() throws Exception {
        receive(newOrder(FIX44, "B1", '1', "300", "10"), FIX44, p44);
        receive(replace(FIX44, "B2", "B1", "400", "10.5"), FIX44, p44);
        receive(cancel(FIX44, "B3", "B2"), FIX44, p44);
        final List<FixTestKit.Sent> reports = await(FIX44, "8", 3);
        assertThat(reports.get(1).get(150)).isEqualTo("5");
        assertThat(reports.get(1).get(41)).isEqualTo("B1");
        assertThat(reports.get(1).get(38)).isEqualTo("400");
        assertThat(reports.get(1).get(44)).isEqualTo("10.5");
        assertThat(reports.get(2).get(150)).isEqualTo("4");
        assertThat(reports.get(2).get(39)).isEqualTo("4");
        assertThat(reports.get(2).get(41)).isEqualTo("B2");
        assertThat(reports.get(2).get(11)).isEqualTo("B3");

        receive(newOrder(FIX44, "F1", '1', "100", "20"), FIX44, p44);
        receive(newOrder(FIX50, "F2", '2', "100", "20"), FIX50, p50);
        receive(cancel(FIX44, "F3", "F1"), FIX44, p44);
        final FixTestKit.Sent reject = await(FIX44, "9", 1).get(0);
        assertThat(reject.get(434)).isEqualTo("1");
        assertThat(reject.get(102)).as("too late to cancel").isEqualTo("0");
        assertThat(reject.get(39)).as("the order's status: filled").isEqualTo("2");
        assertThat(reject.get(37)).isEqualTo(await(FIX44, "8", 5).get(3).get(37));
        assertThat(reject.get(41)).isEqualTo("F1");
        assertThat(reject.get(11)).isEqualTo("F3");
    }

    @Test
    void shouldAnswerAStatusRequestForADoneOrderWithItsLastStateAndAPossResendCopyWithStatus() throws Exception {
        receive(newOrder(FIX44, "F1", '1', "100", "20"), FIX44, p44);
        receive(newOrder(FIX50, "F2", '2', "100", "20"), FIX50, p50);
        await(FIX44, "8", 2);
        final Message h = message(FIX44, "H");
        h.setString(11, "F1");
        h.setString(790, "Q1");
        h.setString(55, "AAPL");
        h.setChar(54, '1');
        receive(h, FIX44, p44);
        final FixTestKit.Sent status = await(FIX44, "8", 3).get(2);
        assertThat(status.get(150)).isEqualTo("I");
        assertThat(status.get(39)).isEqualTo("2");
        assertThat(status.get(14)).isEqualTo("100");
        assertThat(status.get(790)).isEqualTo("Q1");

        final Message copy = newOrder(FIX44, "F1", '1', "100", "20");
        copy.getHeader().setBoolean(97, true);
        receive(copy, FIX44, p44);
        final FixTestKit.Sent answer = await(FIX44, "8", 4).get(3);
        assertThat(answer.get(150)).isEqualTo("I");
        assertThat(answer.get(39)).isEqualTo("2");
        assertThat(engine.submitted).hasSize(3);
    }

    @Test
    void shouldSendAMassCancelReportAfterTheCancels() throws Exception {
        receive(newOrder(FIX44, "A1", '1', "100", "10"), FIX44, p44);
        receive(newOrder(FIX44, "A2", '1', "100", "11"), FIX44, p44);
        final Message q = message(FIX44, "q");
        q.setString(11, "M1");
        q.setChar(530, '7');
        q.setUtcTimeStamp(60, java.time.LocalDateTime.now());
        receive(q, FIX44, p44);
        final FixTestKit.Sent report = await(FIX44, "r", 1).get(0);
        assertThat(report.get(531)).isEqualTo("7");
        assertThat(report.get(533)).isEqualTo("2");
        assertThat(report.get(11)).isEqualTo("M1");
        assertThat(sender.to(FIX44, "8").stream().filter(s -> "4".equals(s.get(150)))).hasSize(2);
    }

    @Test
    void shouldCopyEveryExecutionReportOfTheFirmToItsDropCopySessions() throws Exception {
        handler.onLogon(COPY_A, FixTestKit.dropCopy(COPY_A, "FIRMA"));
        handler.onLogon(COPY_B, FixTestKit.dropCopy(COPY_B, "FIRMB"));
        receive(newOrder(FIX44, "B1", '1', "100", "10"), FIX44, p44);
        receive(newOrder(FIX50, "S1", '2', "100", "10"), FIX50, p50);
        final List<FixTestKit.Sent> copiesA = await(COPY_A, "8", 2);
        assertThat(copiesA).allSatisfy(c -> {
            assertThat(c.get(11)).isEqualTo("B1");
            assertThat(c.get(797)).isEqualTo("Y");
        });
        final List<FixTestKit.Sent> copiesB = await(COPY_B, "8", 2);
        assertThat(copiesB).allSatisfy(c -> assertThat(c.get(11)).isEqualTo("S1"));
        assertThat(copiesB.get(1).get(150)).isEqualTo("2");
        assertThat(copiesB.get(1).get(20)).isEqualTo("0");
    }

    @Test
    void shouldSendTriggeredToFix50AndSuppressItForFix44() throws Exception {
        receive(stop(FIX44, "T44", "10.5"), FIX44, p44);
        receive(stop(FIX50, "T50", "10.5"), FIX50, p50);
        receive(newOrder(FIX42, "S1", '2', "100", "10.5"), FIX42, p42);
        final Message buy = newOrder(FIX42, "B1", '1', "100", "10.5");
        buy.setString(1, "DAVE");
        receive(buy, FIX42, p42);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbound.processedOffset() == 3);
        assertThat(sender.to(FIX50, "8").stream().map(s -> s.get(150))).contains("L");
        assertThat(sender.to(FIX44, "8").stream().map(s -> s.get(150))).doesNotContain("L").contains("0");
    }

    @Test
    void shouldAnswerASubscriptionWithASnapshotThenIncrementalsAndRejectUnknownSymbols() throws Exception {
        receive(newOrder(FIX44, "B0", '1', "100", "9"), FIX44, p44);
        // The subscription travels on the outbound thread's control queue, the order on its record queue: wait until
        // the order's acknowledgement left (its record is then in the book image) so the snapshot is deterministic.
        await(FIX44, "8", 1);
        receive(marketData(FIX50, "MD1", "AAPL"), FIX50, p50);
        final FixTestKit.Sent w = await(FIX50, "W", 1).get(0);
        assertThat(w.get(262)).isEqualTo("MD1");
        final List<quickfix.Group> entries = w.message().getGroups(268);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getString(270)).isEqualTo("9");
        receive(newOrder(FIX44, "B1", '1', "200", "10"), FIX44, p44);
        final Message sell = newOrder(FIX44, "S1", '2', "100", "10");
        sell.setString(1, "BOB");
        receive(sell, FIX44, p44);
        final List<FixTestKit.Sent> x = await(FIX50, "X", 2);
        final quickfix.Group bid = x.get(0).message().getGroups(268).get(0);
        assertThat(bid.getString(279)).isEqualTo("2");
        assertThat(bid.getString(270)).isEqualTo("9");
        assertThat(x.get(0).message().getGroups(268).get(1).getString(270)).isEqualTo("10");
        assertThat(x.get(1).message().getGroups(268).stream().map(g -> FixTestKit.str(g, 269)))
            .contains("2");

        receive(marketData(FIX44, "MD2", "ZZZZ"), FIX44, p44);
        final FixTestKit.Sent y = await(FIX44, "Y", 1).get(0);
        assertThat(y.get(281)).isEqualTo("0");
    }

    @Test
    void shouldNotSendReportsToALoggedOutSession() throws Exception {
        receive(newOrder(FIX44, "B1", '1', "100", "10"), FIX44, p44);
        await(FIX44, "8", 1);
        handler.onLogout(FIX44, p44);
        sender.down(FIX44);
        receive(newOrder(FIX50, "S1", '2', "100", "10"), FIX50, p50);
        await(FIX50, "8", 2);
        assertThat(sender.to(FIX44)).hasSize(1);
    }

    private void receive(final Message m, final SessionID id, final SessionProfile profile) throws Exception {
        handler.onApplicationMessage(m, id, profile);
    }

    private List<FixTestKit.Sent> await(final SessionID id, final String type, final int count) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sender.to(id, type).size() >= count);
        } catch (final org.awaitility.core.ConditionTimeoutException e) {
            synchronized (sender.sent) {
                sender.sent.forEach(x -> System.out.println("SENT " + x.sessionId() + " " + x.message()));
            }
            throw e;
        }
        return sender.to(id, type);
    }

    private static void assertReport(final FixTestKit.Sent r, final String execType, final String ordStatus,
                                     final String cumQty, final String leavesQty, final String lastPx,
                                     final String lastQty) {
        assertThat(r.get(150)).as("ExecType").isEqualTo(execType);
        assertThat(r.get(39)).as("OrdStatus").isEqualTo(ordStatus);
        assertThat(r.get(14)).as("CumQty").isEqualTo(cumQty);
        assertThat(r.get(151)).as("LeavesQty").isEqualTo(leavesQty);
        assertThat(r.get(31)).as("LastPx").isEqualTo(lastPx);
        assertThat(r.get(32)).as("LastQty").isEqualTo(lastQty);
    }

    static Message replace(final SessionID id, final String clOrdId, final String orig, final String qty,
                           final String price) {
        final Message g = message(id, "G");
        g.setString(11, clOrdId);
        g.setString(41, orig);
        g.setChar(21, '1');
        g.setString(55, "AAPL");
        g.setChar(54, '1');
        g.setChar(40, '2');
        g.setDecimal(38, new BigDecimal(qty));
        g.setDecimal(44, new BigDecimal(price));
        g.setUtcTimeStamp(60, java.time.LocalDateTime.now());
        return g;
    }

    static Message cancel(final SessionID id, final String clOrdId, final String orig) {
        final Message f = message(id, "F");
        f.setString(11, clOrdId);
        f.setString(41, orig);
        f.setString(55, "AAPL");
        f.setChar(54, '1');
        f.setUtcTimeStamp(60, java.time.LocalDateTime.now());
        return f;
    }

    private static Message stop(final SessionID id, final String clOrdId, final String stopPx) {
        final Message d = newOrder(id, clOrdId, '1', "100", null);
        d.setChar(40, '3');
        d.setDecimal(99, new BigDecimal(stopPx));
        return d;
    }

    static Message marketData(final SessionID id, final String mdReqId, final String symbol) {
        final Message v = message(id, "V");
        v.setString(262, mdReqId);
        v.setChar(263, '1');
        v.setInt(264, 1);
        v.setInt(265, 1);
        for (final char type : new char[] {'0', '1', '2'}) {
            final quickfix.Group g = FixTestKit.MESSAGES.create(id.getBeginString(), "V", 267);
            g.setChar(269, type);
            v.addGroup(g);
        }
        final quickfix.Group s = FixTestKit.MESSAGES.create(id.getBeginString(), "V", 146);
        s.setString(55, symbol);
        v.addGroup(s);
        return v;
    }
}
