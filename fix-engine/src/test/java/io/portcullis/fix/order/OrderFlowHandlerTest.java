package io.portcullis.fix.order;

import static io.portcullis.fix.order.FixTestKit.RecordingSender;
import static io.portcullis.fix.order.FixTestKit.message;
import static io.portcullis.fix.order.FixTestKit.newOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;

import io.portcullis.fix.session.SessionProfile;
import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.MassCancel;
import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.command.MassStatus;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.OrderStatusRequest;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;

/** FIX application messages in, engine commands out (fake engine port), and the gateway's own rejects. */
@Timeout(30)
class OrderFlowHandlerTest {
    private static final Instant NOW = Instant.parse("2025-11-25T15:00:00.123456789Z");
    private static final long NOW_NANOS = NOW.getEpochSecond() * 1_000_000_000L + NOW.getNano();
    private static final SessionID FIX44 = FixTestKit.session("FIX.4.4", "BROKER1");
    private static final SessionID FIX42 = FixTestKit.session("FIX.4.2", "BROKER2");
    private static final SessionID FIX50 = FixTestKit.session("FIXT.1.1", "BROKER3");
    private static final SessionID COPY = FixTestKit.session("FIX.4.4", "COPY1");

    private final RecordingSender sender = new RecordingSender();
    private final FixTestKit.InProcessEngine engine = new FixTestKit.InProcessEngine(null);
    private final Outbound outbound = new Outbound(FixTestKit::firmOf, FixTestKit.SYMBOLS, null, null, sender, 16);
    private final OrderFlowHandler handler = new OrderFlowHandler(engine, outbound, FixTestKit::firmOf,
        InstantSource.fixed(NOW), sender);
    private final SessionProfile broker1 = FixTestKit.orderEntry(FIX44, "FIRMA", "ALICE", false);

    @AfterEach
    void stop() {
        outbound.close();
    }

    @Test
    void shouldMapALimitOrderToANewOrderCommandStampedWithTheIngressTime() throws Exception {
        final Message d = newOrder(FIX44, "A1", '1', "300", "187.25");
        d.setString(1, "BOB");
        d.setChar(59, '1');
        d.setDecimal(110, new BigDecimal("100"));
        receive(d, FIX44, broker1);
        assertThat(engine.last()).isEqualTo(new NewOrder(0, NOW_NANOS, FIX44.toString(), "A1", "BOB", "AAPL",
            Side.BUY, OrdType.LIMIT, TimeInForce.GTC, 300, 1_872_500, Prices.NONE, 100, NewOrder.NO_EXPIRY));
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void shouldMapEveryOrderTypeAndTimeInForce() throws Exception {
        final char[] types = {'1', '2', '3', '4'};
        final OrdType[] expectedTypes = {OrdType.MARKET, OrdType.LIMIT, OrdType.STOP, OrdType.STOP_LIMIT};
        for (int i = 0; i < types.length; i++) {
            final Message d = newOrder(FIX44, "T" + i, '2', "100", null);
            d.setChar(40, types[i]);
            if (types[i] == '2' || types[i] == '4') {
                d.setDecimal(44, new BigDecimal("10.5"));
            }
            if (types[i] == '3' || types[i] == '4') {
                d.setDecimal(99, new BigDecimal("10.25"));
            }
            receive(d, FIX44, broker1);
            final NewOrder order = (NewOrder) engine.last();
            assertThat(order.ordType()).isEqualTo(expectedTypes[i]);
            assertThat(order.stopPx()).isEqualTo(types[i] >= '3' ? 102_500 : Prices.NONE);
        }
        final char[] tifs = {'0', '1', '3', '4', '6'};
        final TimeInForce[] expectedTifs = {TimeInForce.DAY, TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK,
            TimeInForce.GTD};
        for (int i = 0; i < tifs.length; i++) {
            final Message d = newOrder(FIX44, "F" + i, '1', "100", "10");
            d.setChar(59, tifs[i]);
            if (tifs[i] == '6') {
                d.setUtcTimeStamp(126, java.time.LocalDateTime.of(2025, 11, 26, 21, 0));
            }
            receive(d, FIX44, broker1);
            final NewOrder order = (NewOrder) engine.last();
            assertThat(order.tif()).isEqualTo(expectedTifs[i]);
            assertThat(order.expireTime()).isEqualTo(tifs[i] == '6'
                ? Instant.parse("2025-11-26T21:00:00Z").getEpochSecond() * 1_000_000_000L : NewOrder.NO_EXPIRY);
        }
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void shouldSendOrdersWithoutAccountToTheSessionDefaultAccount() throws Exception {
        receive(newOrder(FIX44, "A1", '1', "100", "10"), FIX44, broker1);
        assertThat(((NewOrder) engine.last()).account()).isEqualTo("ALICE");
    }

    @Test
    void shouldRejectAnOrderWithoutAccountWhenTheSessionHasNoDefault() throws Exception {
        receive(newOrder(FIX44, "A1", '1', "100", "10"), FIX44, FixTestKit.orderEntry(FIX44, "FIRMA", null, false));
        assertGatewayReject(FIX44, "15", "No Account(1)");
    }

    @Test
    void shouldRejectFractionalQuantitiesAndPricesWithMoreThanFourDecimals() throws Exception {
        receive(newOrder(FIX44, "Q1", '1', "100.5", "10"), FIX44, broker1);
        assertGatewayReject(FIX44, "13", "not a whole number of shares");
        sender.sent.clear();
        receive(newOrder(FIX44, "P1", '1', "100", "10.00001"), FIX44, broker1);
        assertGatewayReject(FIX44, "99", "not representable in 1e-4 USD");
        assertThat(engine.submitted).isEmpty();
    }

    @Test
    void shouldAcceptTrailingZerosBeyondFourDecimals() throws Exception {
        receive(newOrder(FIX44, "Z1", '1', "100.000", "10.250000"), FIX44, broker1);
        assertThat(((NewOrder) engine.last()).price()).isEqualTo(102_500);
        assertThat(((NewOrder) engine.last()).qty()).isEqualTo(100);
    }

    @Test
    void shouldRejectUnsupportedSideOrderTypeAndTimeInForce() throws Exception {
        receive(newOrder(FIX44, "S1", '7', "100", "10"), FIX44, broker1);
        assertGatewayReject(FIX44, "11", "Side(54) '7'");
        sender.sent.clear();
        final Message pegged = newOrder(FIX44, "S2", '1', "100", "10");
        pegged.setChar(40, 'P');
        receive(pegged, FIX44, broker1);
        assertGatewayReject(FIX44, "11", "OrdType(40) 'P'");
        sender.sent.clear();
        final Message opg = newOrder(FIX44, "S3", '1', "100", "10");
        opg.setChar(59, '2');
        receive(opg, FIX44, broker1);
        assertGatewayReject(FIX44, "11", "TimeInForce(59) '2'");
        assertThat(engine.submitted).isEmpty();
    }

    @Test
    void shouldUseOnlyFix42ReasonsAndExecTransTypeOnAFix42Reject() throws Exception {
        receive(newOrder(FIX42, "A1", '1', "100", "10"), FIX42, FixTestKit.orderEntry(FIX42, "FIRMA", null, false));
        final FixTestKit.Sent reject = sender.sent.get(0);
        assertThat(reject.get(20)).isEqualTo("0");
        assertThat(reject.get(103)).isEqualTo("0");
        assertThat(reject.get(150)).isEqualTo("8");
    }

    @Test
    void shouldRejectAClOrdIdUsedBeforeOnTheSameSessionAndDay() throws Exception {
        receive(newOrder(FIX44, "A1", '1', "100", "10"), FIX44, broker1);
        receive(newOrder(FIX44, "A1", '1', "200", "10"), FIX44, broker1);
        assertThat(engine.submitted).hasSize(1);
        assertGatewayReject(FIX44, "6", "Duplicate ClOrdID A1");
    }

    @Test
    void shouldAllowTheSameClOrdIdOnAnotherSession() throws Exception {
        final SessionID other = FixTestKit.session("FIX.4.4", "BROKER9");
        receive(newOrder(FIX44, "A1", '1', "100", "10"), FIX44, broker1);
        receive(newOrder(other, "A1", '1', "100", "10"), other, FixTestKit.orderEntry(other, "FIRMA", "BOB", false));
        assertThat(engine.submitted).hasSize(2);
    }

    @Test
    void shouldNeverCreateASecondOrderFromAPossResendCopy() throws Exception {
        receive(newOrder(FIX44, "A1", '1', "100", "10"), FIX44, broker1);
        final Message copy = newOrder(FIX44, "A1", '1', "100", "10");
        copy.getHeader().setBoolean(97, true);
        receive(copy, FIX44, broker1);
        assertThat(engine.submitted).hasSize(1);
        assertThat(sender.sent).as("no duplicate reject for a PossResend copy").isEmpty();
    }

    @Test
    void shouldTakeAPossResendOrderNeverSeenBeforeAsANewOrder() throws Exception {
        final Message copy = newOrder(FIX44, "A9", '1', "100", "10");
        copy.getHeader().setBoolean(97, true);
        receive(copy, FIX44, broker1);
        assertThat(engine.submitted).hasSize(1);
    }

    @Test
    void shouldRejectWithEngineBusyTextAndLetTheClientSendTheSameClOrdIdAgain() throws Exception {
        engine.busy = true;
        receive(newOrder(FIX44, "B1", '1', "100", "10"), FIX44, broker1);
        assertGatewayReject(FIX44, "99", "Engine busy");
        engine.busy = false;
        receive(newOrder(FIX44, "B1", '1', "100", "10"), FIX44, broker1);
        assertThat(engine.submitted).hasSize(1);
    }

    @Test
    void shouldMapCancelReplaceAndStatusRequests() throws Exception {
        final Message f = message(FIX44, "F");
        f.setString(11, "C1");
        f.setString(41, "A1");
        f.setString(37, "17");
        f.setString(55, "AAPL");
        f.setChar(54, '1');
        f.setUtcTimeStamp(60, java.time.LocalDateTime.now());
        receive(f, FIX44, broker1);
        assertThat(engine.last()).isEqualTo(new CancelOrder(0, NOW_NANOS, FIX44.toString(), "C1", "A1", 17));

        final Message g = message(FIX44, "G");
        g.setString(11, "R1");
        g.setString(41, "A1");
        g.setString(55, "AAPL");
        g.setChar(54, '1');
        g.setChar(40, '2');
        g.setDecimal(38, new BigDecimal("500"));
        g.setDecimal(44, new BigDecimal("11.01"));
        g.setUtcTimeStamp(60, java.time.LocalDateTime.now());
        receive(g, FIX44, broker1);
        assertThat(engine.last()).isEqualTo(new ReplaceOrder(0, NOW_NANOS, FIX44.toString(), "R1", "A1", 0, "AAPL",
            Side.BUY, 500, 110_100, Prices.NONE));

        final Message h = message(FIX44, "H");
        h.setString(11, "R1");
        h.setString(790, "Q1");
        h.setString(55, "AAPL");
        h.setChar(54, '1');
        receive(h, FIX44, broker1);
        assertThat(engine.last()).isEqualTo(new OrderStatusRequest(0, NOW_NANOS, FIX44.toString(), "Q1", "R1", 0));
    }

    @Test
    void shouldRejectAReplaceWithAFractionalQuantityWithAnOrderCancelReject() throws Exception {
        final Message g = message(FIX44, "G");
        g.setString(11, "R1");
        g.setString(41, "A1");
        g.setString(55, "AAPL");
        g.setChar(54, '1');
        g.setChar(40, '2');
        g.setDecimal(38, new BigDecimal("10.5"));
        g.setUtcTimeStamp(60, java.time.LocalDateTime.now());
        receive(g, FIX44, broker1);
        assertThat(engine.submitted).isEmpty();
        final FixTestKit.Sent reject = sender.sent.get(0);
        assertThat(reject.type()).isEqualTo("9");
        assertThat(reject.get(434)).isEqualTo("2");
        assertThat(reject.get(41)).isEqualTo("A1");
        assertThat(reject.get(58)).contains("whole number");
    }

    @Test
    void shouldMapMassCancelAndMassStatusToTheSessionOrAnEntitledAccount() throws Exception {
        final Message q = message(FIX44, "q");
        q.setString(11, "M1");
        q.setChar(530, '7');
        q.setUtcTimeStamp(60, java.time.LocalDateTime.now());
        receive(q, FIX44, broker1);
        assertThat(engine.last()).isEqualTo(new MassCancel(0, NOW_NANOS, FIX44.toString(), "M1", MassScope.SESSION,
            FIX44.toString()));
        q.setString(11, "M2");
        q.setString(1, "BOB");
        receive(q, FIX44, broker1);
        assertThat(engine.last()).isEqualTo(new MassCancel(0, NOW_NANOS, FIX44.toString(), "M2", MassScope.ACCOUNT,
            "BOB"));
        q.setString(11, "M3");
        q.setString(1, "CAROL");
        receive(q, FIX44, broker1);
        assertThat(engine.submitted).hasSize(2);
        assertThat(sender.sent.get(0).type()).isEqualTo("r");
        assertThat(sender.sent.get(0).get(531)).isEqualTo("0");

        final Message af = message(FIX44, "AF");
        af.setString(584, "S1");
        af.setInt(585, 7);
        receive(af, FIX44, broker1);
        assertThat(engine.last()).isEqualTo(new MassStatus(0, NOW_NANOS, FIX44.toString(), "S1", MassScope.SESSION,
            FIX44.toString()));
    }

    @Test
    void shouldRefuseOrdersFromADropCopySessionWithABusinessMessageReject() throws Exception {
        receive(newOrder(COPY, "A1", '1', "100", "10"), COPY, FixTestKit.dropCopy(COPY, "FIRMA"));
        assertThat(engine.submitted).isEmpty();
        assertThat(sender.sent.get(0).type()).isEqualTo("j");
        assertThat(sender.sent.get(0).get(380)).isEqualTo("6");
    }

    @Test
    void shouldThrowUnsupportedMessageTypeForOtherApplicationMessages() {
        final Message quote = message(FIX44, "R");
        quote.getHeader().setString(35, "R");
        assertThatThrownBy(() -> handler.onApplicationMessage(quote, FIX44, broker1))
            .isInstanceOf(UnsupportedMessageType.class);
        final Message massCancel42 = message(FIX42, "q");
        massCancel42.getHeader().setString(35, "q");
        assertThatThrownBy(() -> handler.onApplicationMessage(massCancel42, FIX42,
            FixTestKit.orderEntry(FIX42, "FIRMA", "ALICE", false))).isInstanceOf(UnsupportedMessageType.class);
    }

    @Test
    void shouldMapFix42AndFix50Orders() throws Exception {
        receive(newOrder(FIX42, "A1", '2', "100", "10"), FIX42, FixTestKit.orderEntry(FIX42, "FIRMA", "BOB", false));
        assertThat(((NewOrder) engine.last()).sessionId()).isEqualTo(FIX42.toString());
        receive(newOrder(FIX50, "A1", '2', "100", "10"), FIX50, FixTestKit.orderEntry(FIX50, "FIRMB", "CAROL", false));
        assertThat(((NewOrder) engine.last()).account()).isEqualTo("CAROL");
        assertThat(engine.submitted).hasSize(2);
    }

    @Test
    void shouldSubmitAMassCancelOfTheSessionWhenACancelOnDisconnectSessionLogsOut() {
        handler.onLogout(FIX44, FixTestKit.orderEntry(FIX44, "FIRMA", "ALICE", true));
        final MassCancel cancel = (MassCancel) engine.last();
        assertThat(cancel.scope()).isEqualTo(MassScope.SESSION);
        assertThat(cancel.scopeValue()).isEqualTo(FIX44.toString());
        handler.onLogout(FIX42, FixTestKit.orderEntry(FIX42, "FIRMA", "ALICE", false));
        assertThat(engine.submitted).hasSize(1);
    }

    @Test
    void shouldRejectAMarketDataRequestForUnsupportedEntryTypes() throws Exception {
        final Message v = message(FIX44, "V");
        v.setString(262, "MD1");
        v.setChar(263, '1');
        v.setInt(264, 1);
        final quickfix.Group types = FixTestKit.MESSAGES.create("FIX.4.4", "V", 267);
        types.setChar(269, '4');
        v.addGroup(types);
        final quickfix.Group symbols = FixTestKit.MESSAGES.create("FIX.4.4", "V", 146);
        symbols.setString(55, "AAPL");
        v.addGroup(symbols);
        receive(v, FIX44, broker1);
        assertThat(sender.sent.get(0).type()).isEqualTo("Y");
        assertThat(sender.sent.get(0).get(281)).isEqualTo("8");
    }

    private void receive(final Message m, final SessionID id, final SessionProfile profile) throws Exception {
        handler.onApplicationMessage(m, id, profile);
    }

    private void assertGatewayReject(final SessionID id, final String ordRejReason, final String text) {
        assertThat(sender.sent).hasSize(1);
        final FixTestKit.Sent reject = sender.sent.get(0);
        assertThat(reject.sessionId()).isEqualTo(id);
        assertThat(reject.type()).isEqualTo("8");
        assertThat(reject.get(150)).isEqualTo("8");
        assertThat(reject.get(39)).isEqualTo("8");
        assertThat(reject.get(103)).isEqualTo(ordRejReason);
        assertThat(reject.get(58)).contains(text);
        assertThat(reject.get(17)).startsWith("G");
    }
}
