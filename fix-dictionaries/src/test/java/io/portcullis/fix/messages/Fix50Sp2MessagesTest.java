package io.portcullis.fix.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import io.portcullis.fix.field.*;
import io.portcullis.fix.messages.fix50sp2.ExecutionReport;
import io.portcullis.fix.messages.fix50sp2.MarketDataIncrementalRefresh;
import io.portcullis.fix.messages.fix50sp2.MarketDataRequest;
import io.portcullis.fix.messages.fix50sp2.NewOrderSingle;
import io.portcullis.fix.messages.fix50sp2.OrderCancelReplaceRequest;
import io.portcullis.fix.messages.fix50sp2.OrderCancelRequest;
import io.portcullis.fix.messages.fix50sp2.OrderMassCancelReport;
import io.portcullis.fix.messages.fix50sp2.OrderMassCancelRequest;
import io.portcullis.fix.messages.fix50sp2.OrderMassStatusRequest;
import io.portcullis.fix.messages.fixt11.Logon;
import quickfix.FieldException;
import quickfix.IncorrectTagValue;
import quickfix.Message;

/** FIXT 1.1 + FIX 5.0SP2: the messages Portcullis takes and sends survive the wire and our dictionaries. */
class Fix50Sp2MessagesTest {

    private static final LocalDateTime TRANSACT_TIME = LocalDateTime.of(2026, 3, 2, 14, 29, 59, 987_000_000);

    private final FixWire wire = FixWire.fixt11WithFix50sp2();

    @Test
    void fixtLogonCarriesUsernamePasswordAndDefaultApplVerId() throws Exception {
        final Logon logon = new Logon(new EncryptMethod(EncryptMethod.NONE_OTHER), new HeartBtInt(30),
                new DefaultApplVerID(ApplVerID.FIX50SP2));
        logon.set(new Username("broker1"));
        logon.set(new Password("s3cret"));

        final Logon decoded = wire.roundTrip(logon);

        assertThat(decoded.getUsername().getValue()).isEqualTo("broker1");
        assertThat(decoded.getDefaultApplVerID().getValue()).isEqualTo(ApplVerID.FIX50SP2);
    }

    @Test
    void shortSaleLimitOrderKeepsExactPriceQuantityAndCustomFields() throws Exception {
        final NewOrderSingle decoded = wire.roundTrip(shortSaleLimitOrder());

        assertThat(decoded.getPrice().getValue()).isEqualTo(new BigDecimal("187.1234"));
        assertThat(decoded.getOrderQty().getValue()).isEqualTo(new BigDecimal("0.5"));
        assertThat(decoded.getSide().getValue()).isEqualTo(Side.SELL_SHORT);
        assertThat(decoded.getLocateID().getValue()).isEqualTo("LOC-20260302-0042");
        assertThat(decoded.getLocateBroker().getValue()).isEqualTo("GSCO");
        assertThat(decoded.getFirmDesignatedID().getValue()).isEqualTo("FDID-ACCT-77");
        assertThat(decoded.getCustomerDisplayInstruction().getValue()).isTrue();
        assertThat(decoded.getHeader().getString(ApplVerID.FIELD)).isEqualTo(ApplVerID.FIX50SP2);
    }

    @Test
    void fillReportKeepsExactFillPrice() throws Exception {
        final ExecutionReport report = new ExecutionReport(new OrderID("O-1"), new ExecID("E-1"),
                new ExecType(ExecType.TRADE), new OrdStatus(OrdStatus.FILLED), new Side(Side.BUY),
                new LeavesQty(BigDecimal.ZERO), new CumQty(new BigDecimal("1500")));
        report.set(new ClOrdID("C-1"));
        report.set(new Symbol("AAPL"));
        report.set(new LastQty(new BigDecimal("1500")));
        report.set(new LastPx(new BigDecimal("187.1234")));
        report.set(new AvgPx(new BigDecimal("187.1234")));

        assertThat(wire.roundTrip(report).getLastPx().getValue()).isEqualTo(new BigDecimal("187.1234"));
    }

    @Test
    void cancelAndReplaceRoundTrip() throws Exception {
        final OrderCancelRequest cancel = new OrderCancelRequest(new ClOrdID("C-3"), new Side(Side.BUY),
                new TransactTime(TRANSACT_TIME));
        cancel.set(new OrigClOrdID("C-1"));
        cancel.set(new Symbol("AAPL"));
        final OrderCancelReplaceRequest replace = new OrderCancelReplaceRequest(new ClOrdID("C-4"),
                new Side(Side.BUY), new TransactTime(TRANSACT_TIME), new OrdType(OrdType.LIMIT));
        replace.set(new OrigClOrdID("C-1"));
        replace.set(new Symbol("AAPL"));
        replace.set(new OrderQty(new BigDecimal("1200")));
        replace.set(new Price(new BigDecimal("187.5")));
        replace.set(new LocateID("LOC-2"));

        wire.roundTrip(cancel);
        assertThat(wire.roundTrip(replace).getLocateID().getValue()).isEqualTo("LOC-2");
    }

    @Test
    void massCancelMassCancelReportAndMassStatusRoundTrip() throws Exception {
        final OrderMassCancelRequest massCancel = new OrderMassCancelRequest(new ClOrdID("MC-1"),
                new MassCancelRequestType(MassCancelRequestType.CANCEL_ALL_ORDERS), new TransactTime(TRANSACT_TIME));
        final OrderMassCancelReport report = new OrderMassCancelReport(new OrderID("MC-1"),
                new MassActionReportID("MAR-1"),
                new MassCancelRequestType(MassCancelRequestType.CANCEL_ALL_ORDERS),
                new MassCancelResponse(MassCancelResponse.CANCEL_ALL_ORDERS));
        final OrderMassStatusRequest massStatus = new OrderMassStatusRequest(new MassStatusReqID("MS-1"),
                new MassStatusReqType(MassStatusReqType.STATUS_FOR_ALL_ORDERS));

        wire.roundTrip(massCancel);
        wire.roundTrip(report);
        wire.roundTrip(massStatus);
    }

    @Test
    void marketDataRequestAndIncrementalRefreshRoundTripWithTheirGroups() throws Exception {
        final MarketDataRequest request = new MarketDataRequest(new MDReqID("MD-1"),
                new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES), new MarketDepth(1));
        final MarketDataRequest.NoMDEntryTypes bid = new MarketDataRequest.NoMDEntryTypes();
        bid.set(new MDEntryType(MDEntryType.BID));
        request.addGroup(bid);
        final MarketDataRequest.NoRelatedSym symbol = new MarketDataRequest.NoRelatedSym();
        symbol.set(new Symbol("AAPL"));
        request.addGroup(symbol);
        final MarketDataIncrementalRefresh refresh = new MarketDataIncrementalRefresh();
        refresh.set(new MDReqID("MD-1"));
        final MarketDataIncrementalRefresh.NoMDEntries entry = new MarketDataIncrementalRefresh.NoMDEntries();
        entry.set(new MDUpdateAction(MDUpdateAction.NEW));
        entry.set(new MDEntryType(MDEntryType.BID));
        entry.set(new Symbol("AAPL"));
        entry.set(new MDEntryPx(new BigDecimal("187.12")));
        entry.set(new MDEntrySize(new BigDecimal("300")));
        refresh.addGroup(entry);

        wire.roundTrip(request);
        final MarketDataIncrementalRefresh decoded = wire.roundTrip(refresh);

        assertThat(decoded.getGroup(1, new MarketDataIncrementalRefresh.NoMDEntries()).getDecimal(MDEntryPx.FIELD))
                .isEqualTo(new BigDecimal("187.12"));
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
        order.removeField(TransactTime.FIELD);

        final Message received = wire.sendAsIs(order);

        assertThatThrownBy(() -> wire.validate(received)).isInstanceOfSatisfying(FieldException.class, e -> {
            assertThat(e.getField()).isEqualTo(TransactTime.FIELD);
            assertThat(e.getSessionRejectReason()).isEqualTo(SessionRejectReason.REQUIRED_TAG_MISSING);
        });
    }

    private static NewOrderSingle shortSaleLimitOrder() {
        final NewOrderSingle order = new NewOrderSingle(new ClOrdID("C-1"), new Side(Side.SELL_SHORT),
                new TransactTime(TRANSACT_TIME), new OrdType(OrdType.LIMIT));
        order.set(new Account("ACCT-77"));
        order.set(new Symbol("AAPL"));
        order.set(new OrderQty(new BigDecimal("0.5")));
        order.set(new Price(new BigDecimal("187.1234")));
        order.set(new TimeInForce(TimeInForce.FILL_OR_KILL));
        order.set(new LocateID("LOC-20260302-0042"));
        order.set(new LocateBroker("GSCO"));
        order.set(new FirmDesignatedID("FDID-ACCT-77"));
        order.set(new CustomerDisplayInstruction(CustomerDisplayInstruction.YES));
        return order;
    }
}
