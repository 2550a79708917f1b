package io.portcullis.fix.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import io.portcullis.fix.field.*;
import io.portcullis.fix.messages.fix44.ExecutionReport;
import io.portcullis.fix.messages.fix44.Logon;
import io.portcullis.fix.messages.fix44.MarketDataRequest;
import io.portcullis.fix.messages.fix44.MarketDataSnapshotFullRefresh;
import io.portcullis.fix.messages.fix44.NewOrderSingle;
import io.portcullis.fix.messages.fix44.OrderCancelReject;
import io.portcullis.fix.messages.fix44.OrderCancelReplaceRequest;
import io.portcullis.fix.messages.fix44.OrderCancelRequest;
import io.portcullis.fix.messages.fix44.OrderMassCancelReport;
import io.portcullis.fix.messages.fix44.OrderMassCancelRequest;
import io.portcullis.fix.messages.fix44.OrderMassStatusRequest;
import quickfix.FieldException;
import quickfix.IncorrectTagValue;
import quickfix.Message;

/** FIX 4.4: the messages Portcullis takes and sends survive the wire and our dictionary. */
class Fix44MessagesTest {

    private static final LocalDateTime TRANSACT_TIME = LocalDateTime.of(2026, 3, 2, 14, 29, 59, 987_000_000);

    private final FixWire wire = FixWire.fix44();

    @Test
    void logonCarriesUsernameAndPassword() throws Exception {
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
        assertThat(decoded.getMinQty().getValue()).isEqualTo(new BigDecimal("100"));
        assertThat(decoded.getSide().getValue()).isEqualTo(Side.SELL_SHORT);
        assertThat(decoded.getLocateID().getValue()).isEqualTo("LOC-20260302-0042");
        assertThat(decoded.getLocateBroker().getValue()).isEqualTo("GSCO");
        assertThat(decoded.getFirmDesignatedID().getValue()).isEqualTo("FDID-ACCT-77");
        assertThat(decoded.getCustomerDisplayInstruction().getValue()).isTrue();
        assertThat(decoded.getGroup(1, new NewOrderSingle.NoPartyIDs()).getString(PartyID.FIELD)).isEqualTo("BRKR1");
    }

    @Test
    void sellShortExemptGoodTillDateStopOrderIsValid() throws Exception {
        final NewOrderSingle order = new NewOrderSingle(new ClOrdID("C-2"), new Side(Side.SELL_SHORT_EXEMPT),
                new TransactTime(TRANSACT_TIME), new OrdType(OrdType.STOP_LIMIT));
        order.set(new Symbol("MSFT"));
        order.set(new OrderQty(new BigDecimal("10")));
        order.set(new Price(new BigDecimal("401.00")));
        order.set(new StopPx(new BigDecimal("400.50")));
        order.set(new TimeInForce(TimeInForce.GOOD_TILL_DATE));
        order.set(new ExpireDate("20260320"));
        order.set(new ExecInst("G"));

        final NewOrderSingle decoded = wire.roundTrip(order);

        assertThat(decoded.getStopPx().getValue()).isEqualTo(new BigDecimal("400.50"));
        assertThat(decoded.getExpireDate().getValue()).isEqualTo("20260320");
    }

    @Test
    void fillReportKeepsExactFillPriceAndEchoesTheLocate() throws Exception {
        final ExecutionReport report = new ExecutionReport(new OrderID("O-1"), new ExecID("E-1"),
                new ExecType(ExecType.TRADE), new OrdStatus(OrdStatus.PARTIALLY_FILLED), new Side(Side.SELL_SHORT),
                new LeavesQty(new BigDecimal("1000")), new CumQty(new BigDecimal("500")),
                new AvgPx(new BigDecimal("187.1234")));
        report.set(new ClOrdID("C-1"));
        report.set(new Symbol("AAPL"));
        report.set(new LastQty(new BigDecimal("500")));
        report.set(new LastPx(new BigDecimal("187.1234")));
        report.set(new TransactTime(TRANSACT_TIME));
        report.set(new LocateID("LOC-20260302-0042"));

        final ExecutionReport decoded = wire.roundTrip(report);

        assertThat(decoded.getLastPx().getValue()).isEqualTo(new BigDecimal("187.1234"));
        assertThat(decoded.getAvgPx().getValue()).isEqualTo(new BigDecimal("187.1234"));
        assertThat(decoded.getLocateID().getValue()).isEqualTo("LOC-20260302-0042");
    }

    @Test
    void cancelReplaceAndCancelRejectRoundTrip() throws Exception {
        final OrderCancelRequest cancel = new OrderCancelRequest(new OrigClOrdID("C-1"), new ClOrdID("C-3"),
                new Side(Side.BUY), new TransactTime(TRANSACT_TIME));
        cancel.set(new Symbol("AAPL"));
        cancel.set(new OrderQty(new BigDecimal("1500")));
        final OrderCancelReplaceRequest replace = new OrderCancelReplaceRequest(new OrigClOrdID("C-1"),
                new ClOrdID("C-4"), new Side(Side.BUY), new TransactTime(TRANSACT_TIME), new OrdType(OrdType.LIMIT));
        replace.set(new Symbol("AAPL"));
        replace.set(new OrderQty(new BigDecimal("1200")));
        replace.set(new Price(new BigDecimal("187.5")));
        replace.set(new LocateID("LOC-2"));
        final OrderCancelReject reject = new OrderCancelReject(new OrderID("O-1"), new ClOrdID("C-3"),
                new OrigClOrdID("C-1"), new OrdStatus(OrdStatus.FILLED),
                new CxlRejResponseTo(CxlRejResponseTo.ORDER_CANCEL_REQUEST));
        reject.set(new CxlRejReason(CxlRejReason.TOO_LATE_TO_CANCEL));

        wire.roundTrip(cancel);
        assertThat(wire.roundTrip(replace).getPrice().getValue()).isEqualTo(new BigDecimal("187.5"));
        assertThat(wire.roundTrip(reject).getCxlRejReason().getValue()).isEqualTo(CxlRejReason.TOO_LATE_TO_CANCEL);
    }

    @Test
    void massCancelMassCancelReportAndMassStatusRoundTrip() throws Exception {
        final OrderMassCancelRequest massCancel = new OrderMassCancelRequest(new ClOrdID("MC-1"),
                new MassCancelRequestType(MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY),
                new TransactTime(TRANSACT_TIME));
        massCancel.set(new Symbol("AAPL"));
        final OrderMassCancelReport report = new OrderMassCancelReport(new OrderID("MC-1"),
                new MassCancelRequestType(MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY),
                new MassCancelResponse(MassCancelResponse.CANCEL_ORDERS_FOR_A_SECURITY));
        report.set(new TotalAffectedOrders(3));
        final OrderMassStatusRequest massStatus = new OrderMassStatusRequest(new MassStatusReqID("MS-1"),
                new MassStatusReqType(MassStatusReqType.STATUS_FOR_ALL_ORDERS));

        wire.roundTrip(massCancel);
        assertThat(wire.roundTrip(report).getTotalAffectedOrders().getValue()).isEqualTo(3);
        wire.roundTrip(massStatus);
    }

    @Test
    void marketDataRequestAndSnapshotRoundTripWithTheirGroups() throws Exception {
        final MarketDataRequest request = new MarketDataRequest(new MDReqID("MD-1"),
                new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES), new MarketDepth(1));
        final MarketDataRequest.NoMDEntryTypes bid = new MarketDataRequest.NoMDEntryTypes();
        bid.set(new MDEntryType(MDEntryType.BID));
        request.addGroup(bid);
        final MarketDataRequest.NoMDEntryTypes offer = new MarketDataRequest.NoMDEntryTypes();
        offer.set(new MDEntryType(MDEntryType.OFFER));
        request.addGroup(offer);
        final MarketDataRequest.NoRelatedSym symbol = new MarketDataRequest.NoRelatedSym();
        symbol.set(new Symbol("AAPL"));
        request.addGroup(symbol);
        final MarketDataSnapshotFullRefresh snapshot = new MarketDataSnapshotFullRefresh();
        snapshot.set(new MDReqID("MD-1"));
        snapshot.set(new Symbol("AAPL"));
        final MarketDataSnapshotFullRefresh.NoMDEntries entry = new MarketDataSnapshotFullRefresh.NoMDEntries();
        entry.set(new MDEntryType(MDEntryType.BID));
        entry.set(new MDEntryPx(new BigDecimal("187.12")));
        entry.set(new MDEntrySize(new BigDecimal("300")));
        snapshot.addGroup(entry);

        final MarketDataRequest decodedRequest = wire.roundTrip(request);
        final MarketDataSnapshotFullRefresh decodedSnapshot = wire.roundTrip(snapshot);

        assertThat(decodedRequest.getNoMDEntryTypes().getValue()).isEqualTo(2);
        assertThat(decodedSnapshot.getGroup(1, new MarketDataSnapshotFullRefresh.NoMDEntries())
                .getDecimal(MDEntryPx.FIELD)).isEqualTo(new BigDecimal("187.12"));
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
    void customFieldOnAMessageThatDoesNotTakeItIsReportedAsNotDefinedForTheMessage() throws Exception {
        final OrderCancelRequest cancel = new OrderCancelRequest(new OrigClOrdID("C-1"), new ClOrdID("C-3"),
                new Side(Side.BUY), new TransactTime(TRANSACT_TIME));
        cancel.set(new Symbol("AAPL"));
        cancel.setString(LocateID.FIELD, "LOC-1");

        final Message received = wire.sendAsIs(cancel);

        assertThatThrownBy(() -> wire.validate(received)).isInstanceOfSatisfying(FieldException.class, e -> {
            assertThat(e.getField()).isEqualTo(LocateID.FIELD);
            assertThat(e.getSessionRejectReason()).isEqualTo(SessionRejectReason.TAG_NOT_DEFINED_FOR_THIS_MESSAGE_TYPE);
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
        order.removeField(OrdType.FIELD);

        final Message received = wire.sendAsIs(order);

        assertThatThrownBy(() -> wire.validate(received)).isInstanceOfSatisfying(FieldException.class, e -> {
            assertThat(e.getField()).isEqualTo(OrdType.FIELD);
            assertThat(e.getSessionRejectReason()).isEqualTo(SessionRejectReason.REQUIRED_TAG_MISSING);
        });
    }

    @Test
    void expireTimeIsAUtcTimestamp() throws Exception {
        final NewOrderSingle order = shortSaleLimitOrder();
        order.set(new TimeInForce(TimeInForce.GOOD_TILL_DATE));
        order.set(new ExpireTime(LocalDate.of(2026, 3, 20).atTime(20, 0)));

        assertThat(wire.roundTrip(order).getExpireTime().getValue()).isEqualTo(LocalDateTime.of(2026, 3, 20, 20, 0));
    }

    private static NewOrderSingle shortSaleLimitOrder() {
        final NewOrderSingle order = new NewOrderSingle(new ClOrdID("C-1"), new Side(Side.SELL_SHORT),
                new TransactTime(TRANSACT_TIME), new OrdType(OrdType.LIMIT));
        order.set(new Account("ACCT-77"));
        order.set(new HandlInst(HandlInst.AUTOMATED_EXECUTION_ORDER_PRIVATE_NO_BROKER_INTERVENTION));
        order.set(new Symbol("AAPL"));
        order.set(new OrderQty(new BigDecimal("1500")));
        order.set(new MinQty(new BigDecimal("100")));
        order.set(new Price(new BigDecimal("187.1234")));
        order.set(new TimeInForce(TimeInForce.DAY));
        final NewOrderSingle.NoPartyIDs party = new NewOrderSingle.NoPartyIDs();
        party.set(new PartyID("BRKR1"));
        party.set(new PartyIDSource(PartyIDSource.PROPRIETARY_CUSTOM_CODE));
        party.set(new PartyRole(PartyRole.EXECUTING_FIRM));
        order.addGroup(party);
        order.set(new LocateID("LOC-20260302-0042"));
        order.set(new LocateBroker("GSCO"));
        order.set(new FirmDesignatedID("FDID-ACCT-77"));
        order.set(new CustomerDisplayInstruction(CustomerDisplayInstruction.YES));
        return order;
    }
}
