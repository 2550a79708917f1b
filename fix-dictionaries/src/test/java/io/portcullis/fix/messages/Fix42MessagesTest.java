package io.portcullis.fix.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import io.portcullis.fix.field.*;
import io.portcullis.fix.messages.fix42.ExecutionReport;
import io.portcullis.fix.messages.fix42.Logon;
import io.portcullis.fix.messages.fix42.MarketDataRequest;
import io.portcullis.fix.messages.fix42.NewOrderSingle;
import io.portcullis.fix.messages.fix42.OrderCancelReject;
import io.portcullis.fix.messages.fix42.OrderCancelReplaceRequest;
import io.portcullis.fix.messages.fix42.OrderCancelRequest;
import io.portcullis.fix.messages.fix42.OrderStatusRequest;
import quickfix.FieldException;
import quickfix.IncorrectTagValue;
import quickfix.Message;

/** FIX 4.2: the messages Portcullis takes and sends survive the wire and our dictionary. */
class Fix42MessagesTest {

    private static final LocalDateTime TRANSACT_TIME = LocalDateTime.of(2026, 3, 2, 14, 29, 59, 987_000_000);

    /** FIX 4.2's ExecType PARTIAL_FILL; the shared field classes follow FIX 5.0SP2, which dropped it. */
    private static final char EXEC_TYPE_PARTIAL_FILL = '1';

    private final FixWire wire = FixWire.fix42();

    @Test
    void logonCarriesUsernameAndPasswordAddedToFix42() throws Exception {
        final Logon logon = new Logon(new EncryptMethod(EncryptMethod.NONE_OTHER), new HeartBtInt(30));
        logon.set(new Username("broker1"));
        logon.set(new Password("s3cret"));

        final Logon decoded = wire.roundTrip(logon);

        assertThat(decoded.getUsername().getValue()).isEqualTo("broker1");
        assertThat(decoded.getPassword().getValue()).isEqualTo("s3cret");
    }

    @Test
    void shortSaleLimitOrderKeepsExactPriceQuantityAndCustomFields() throws Exception {
        final NewOrderSingle decoded = wire.roundTrip(shortSaleLimitOrder());

        assertThat(decoded.getPrice().getValue()).isEqualTo(new BigDecimal("187.1234"));
        assertThat(decoded.getOrderQty().getValue()).isEqualTo(new BigDecimal("1500"));
        assertThat(decoded.getSide().getValue()).isEqualTo(Side.SELL_SHORT);
        assertThat(decoded.getLocateID().getValue()).isEqualTo("LOC-20260302-0042");
        assertThat(decoded.getLocateBroker().getValue()).isEqualTo("GSCO");
        assertThat(decoded.getFirmDesignatedID().getValue()).isEqualTo("FDID-ACCT-77");
        assertThat(decoded.getCustomerDisplayInstruction().getValue()).isFalse();
    }

    @Test
    void sellShortExemptImmediateOrCancelOrderIsValid() throws Exception {
        final NewOrderSingle order = shortSaleLimitOrder();
        order.set(new Side(Side.SELL_SHORT_EXEMPT));
        order.set(new TimeInForce(TimeInForce.IMMEDIATE_OR_CANCEL));

        assertThat(wire.roundTrip(order).getTimeInForce().getValue()).isEqualTo(TimeInForce.IMMEDIATE_OR_CANCEL);
    }

    @Test
    void partialFillReportKeepsExactFillPriceAndQuantity() throws Exception {
        final ExecutionReport report = new ExecutionReport(new OrderID("O-1"), new ExecID("E-1"),
                new ExecTransType(ExecTransType.NEW), new ExecType(EXEC_TYPE_PARTIAL_FILL),
                new OrdStatus(OrdStatus.PARTIALLY_FILLED), new Symbol("AAPL"), new Side(Side.BUY),
                new LeavesQty(new BigDecimal("1000")), new CumQty(new BigDecimal("500")),
                new AvgPx(new BigDecimal("187.1234")));
        report.set(new ClOrdID("C-1"));
        report.set(new LastShares(new BigDecimal("500")));
        report.set(new LastPx(new BigDecimal("187.1234")));

        final ExecutionReport decoded = wire.roundTrip(report);

        assertThat(decoded.getLastPx().getValue()).isEqualTo(new BigDecimal("187.1234"));
        assertThat(decoded.getLastShares().getValue()).isEqualTo(new BigDecimal("500"));
    }

    @Test
    void cancelReplaceStatusAndCancelRejectRoundTrip() throws Exception {
        final OrderCancelRequest cancel = new OrderCancelRequest(new OrigClOrdID("C-1"), new ClOrdID("C-3"),
                new Symbol("AAPL"), new Side(Side.BUY), new TransactTime(TRANSACT_TIME));
        cancel.set(new OrderQty(new BigDecimal("1500")));
        final OrderCancelReplaceRequest replace = new OrderCancelReplaceRequest(new OrigClOrdID("C-1"),
                new ClOrdID("C-4"), new HandlInst(HandlInst.AUTOMATED_EXECUTION_ORDER_PRIVATE_NO_BROKER_INTERVENTION),
                new Symbol("AAPL"), new Side(Side.BUY), new TransactTime(TRANSACT_TIME), new OrdType(OrdType.LIMIT));
        replace.set(new OrderQty(new BigDecimal("1200")));
        replace.set(new Price(new BigDecimal("187.5")));
        final OrderStatusRequest status = new OrderStatusRequest(new ClOrdID("C-1"), new Symbol("AAPL"),
                new Side(Side.BUY));
        final OrderCancelReject reject = new OrderCancelReject(new OrderID("O-1"), new ClOrdID("C-3"),
                new OrigClOrdID("C-1"), new OrdStatus(OrdStatus.FILLED),
                new CxlRejResponseTo(CxlRejResponseTo.ORDER_CANCEL_REQUEST));

        wire.roundTrip(cancel);
        assertThat(wire.roundTrip(replace).getPrice().getValue()).isEqualTo(new BigDecimal("187.5"));
        wire.roundTrip(status);
        wire.roundTrip(reject);
    }

    @Test
    void marketDataRequestRoundTripsWithItsGroups() throws Exception {
        final MarketDataRequest request = new MarketDataRequest(new MDReqID("MD-1"),
                new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT), new MarketDepth(0));
        final MarketDataRequest.NoMDEntryTypes trade = new MarketDataRequest.NoMDEntryTypes();
        trade.set(new MDEntryType(MDEntryType.TRADE));
        request.addGroup(trade);
        final MarketDataRequest.NoRelatedSym symbol = new MarketDataRequest.NoRelatedSym();
        symbol.set(new Symbol("AAPL"));
        request.addGroup(symbol);

        assertThat(wire.roundTrip(request).getNoRelatedSym().getValue()).isEqualTo(1);
    }

    @Test
    void massCancelAndMassStatusAreNotFix42Messages() {
        assertThat(wire.appDictionary().isMsgType("D")).isTrue();
        assertThat(wire.appDictionary().isMsgType("q")).isFalse();
        assertThat(wire.appDictionary().isMsgType("r")).isFalse();
        assertThat(wire.appDictionary().isMsgType("AF")).isFalse();
    }

    @Test
    void unknownTagIsReportedAsInvalidTagNumber() throws Exception {
        final NewOrderSingle order = shortSaleLimitOrder();
        order.setString(9876, "x");

        final Message received = wire.sendAsIs(order);

        assertThatThrownBy(() -> wire.validate(received)).isInstanceOfSatisfying(FieldException.class, e -> {
            assertThat(e.getField()).isEqualTo(9876);
            assertThat(e.getSessionRejectReason()).isEqualTo(SessionRejectReason.INVALID_TAG_NUMBER);
        });
    }

    @Test
    void sideOutsideItsEnumerationIsReportedAsValueIncorrect() throws Exception {
        final NewOrderSingle order = shortSaleLimitOrder();
        order.set(new Side('Z'));

        final Message received = wire.sendAsIs(order);

        assertThatThrownBy(() -> wire.validate(received)).isInstanceOfSatisfying(IncorrectTagValue.class, e -> {
            assertThat(e.getField()).isEqualTo(Side.FIELD);
            assertThat(e.getSessionRejectReason()).isEqualTo(SessionRejectReason.VALUE_IS_INCORRECT);
        });
    }

    @Test
    void missingRequiredFieldIsReportedAsRequiredTagMissing() throws Exception {
        final NewOrderSingle order = shortSaleLimitOrder();
        order.removeField(HandlInst.FIELD);

        final Message received = wire.sendAsIs(order);

        assertThatThrownBy(() -> wire.validate(received)).isInstanceOfSatisfying(FieldException.class, e -> {
            assertThat(e.getField()).isEqualTo(HandlInst.FIELD);
            assertThat(e.getSessionRejectReason()).isEqualTo(SessionRejectReason.REQUIRED_TAG_MISSING);
        });
    }

    private static NewOrderSingle shortSaleLimitOrder() {
        final NewOrderSingle order = new NewOrderSingle(new ClOrdID("C-1"),
                new HandlInst(HandlInst.AUTOMATED_EXECUTION_ORDER_PRIVATE_NO_BROKER_INTERVENTION), new Symbol("AAPL"),
                new Side(Side.SELL_SHORT), new TransactTime(TRANSACT_TIME), new OrdType(OrdType.LIMIT));
        order.set(new Account("ACCT-77"));
        order.set(new OrderQty(new BigDecimal("1500")));
        order.set(new Price(new BigDecimal("187.1234")));
        order.set(new TimeInForce(TimeInForce.DAY));
        order.set(new LocateID("LOC-20260302-0042"));
        order.set(new LocateBroker("GSCO"));
        order.set(new FirmDesignatedID("FDID-ACCT-77"));
        order.set(new CustomerDisplayInstruction(CustomerDisplayInstruction.NO));
        return order;
    }
}
