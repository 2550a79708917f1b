package io.portcullis.fix.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import quickfix.Message;
import quickfix.field.ApplVerID;
import quickfix.field.MsgType;

/** The acceptor's message factory creates our generated class for each version and MsgType. */
class PortcullisMessageFactoryTest {

    private final PortcullisMessageFactory factory = new PortcullisMessageFactory();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "FIX.4.2, A, fix42.Logon",
        "FIX.4.2, 0, fix42.Heartbeat",
        "FIX.4.2, D, fix42.NewOrderSingle",
        "FIX.4.2, F, fix42.OrderCancelRequest",
        "FIX.4.2, G, fix42.OrderCancelReplaceRequest",
        "FIX.4.2, H, fix42.OrderStatusRequest",
        "FIX.4.2, 8, fix42.ExecutionReport",
        "FIX.4.2, 9, fix42.OrderCancelReject",
        "FIX.4.2, V, fix42.MarketDataRequest",
        "FIX.4.2, W, fix42.MarketDataSnapshotFullRefresh",
        "FIX.4.2, X, fix42.MarketDataIncrementalRefresh",
        "FIX.4.2, Y, fix42.MarketDataRequestReject",
        "FIX.4.2, j, fix42.BusinessMessageReject",
        "FIX.4.4, A, fix44.Logon",
        "FIX.4.4, 5, fix44.Logout",
        "FIX.4.4, D, fix44.NewOrderSingle",
        "FIX.4.4, F, fix44.OrderCancelRequest",
        "FIX.4.4, G, fix44.OrderCancelReplaceRequest",
        "FIX.4.4, H, fix44.OrderStatusRequest",
        "FIX.4.4, q, fix44.OrderMassCancelRequest",
        "FIX.4.4, r, fix44.OrderMassCancelReport",
        "FIX.4.4, AF, fix44.OrderMassStatusRequest",
        "FIX.4.4, 8, fix44.ExecutionReport",
        "FIX.4.4, 9, fix44.OrderCancelReject",
        "FIX.4.4, V, fix44.MarketDataRequest",
        "FIX.4.4, W, fix44.MarketDataSnapshotFullRefresh",
        "FIX.4.4, X, fix44.MarketDataIncrementalRefresh",
        "FIX.4.4, Y, fix44.MarketDataRequestReject",
        "FIX.4.4, j, fix44.BusinessMessageReject",
        "FIXT.1.1, A, fixt11.Logon",
        "FIXT.1.1, 1, fixt11.TestRequest",
        "FIXT.1.1, 2, fixt11.ResendRequest",
        "FIXT.1.1, 3, fixt11.Reject",
        "FIXT.1.1, 4, fixt11.SequenceReset",
        "FIXT.1.1, D, fix50sp2.NewOrderSingle",
        "FIXT.1.1, q, fix50sp2.OrderMassCancelRequest",
        "FIXT.1.1, r, fix50sp2.OrderMassCancelReport",
        "FIXT.1.1, AF, fix50sp2.OrderMassStatusRequest",
        "FIXT.1.1, 8, fix50sp2.ExecutionReport",
        "FIXT.1.1, X, fix50sp2.MarketDataIncrementalRefresh",
        "FIX.5.0SP2, G, fix50sp2.OrderCancelReplaceRequest",
    })
    void createsTheGeneratedClassForEachVersionAndMsgType(final String beginString, final String msgType,
            final String expectedClass) {
        final Message message = factory.create(beginString, msgType);

        assertThat(message.getClass().getName()).isEqualTo("io.portcullis.fix.messages." + expectedClass);
        assertThat(message.getHeader().isSetField(MsgType.FIELD)).isTrue();
    }

    @Test
    void fixtApplicationMessageWithFix50Sp2ApplVerIdIsAFix50Sp2Message() {
        assertThat(factory.create("FIXT.1.1", new ApplVerID(ApplVerID.FIX50SP2), "D"))
                .isExactlyInstanceOf(io.portcullis.fix.messages.fix50sp2.NewOrderSingle.class);
    }

    @Test
    void fixtApplicationMessageOfAnApplVerIdWeDoNotServeIsAPlainMessageForTheSessionToReject() {
        final Message message = factory.create("FIXT.1.1", new ApplVerID(ApplVerID.FIX50), "D");

        assertThat(message).isExactlyInstanceOf(Message.class);
        assertThat(message.getHeader().isSetField(MsgType.FIELD)).isTrue();
    }

    @Test
    void unsupportedBeginStringGivesAPlainMessageCarryingTheMsgType() throws Exception {
        final Message message = factory.create("FIX.4.0", "D");

        assertThat(message).isExactlyInstanceOf(Message.class);
        assertThat(message.getHeader().getString(MsgType.FIELD)).isEqualTo("D");
    }

    @Test
    void msgTypeTheVersionLacksGivesThatVersionsBaseMessage() {
        assertThat(factory.create("FIX.4.2", "q"))
                .isExactlyInstanceOf(io.portcullis.fix.messages.fix42.Message.class);
    }

    @Test
    void createsTypedRepeatingGroups() {
        assertThat(factory.create("FIX.4.4", "D", 453))
                .isExactlyInstanceOf(io.portcullis.fix.messages.fix44.NewOrderSingle.NoPartyIDs.class);
        assertThat(factory.create("FIXT.1.1", "V", 267))
                .isExactlyInstanceOf(io.portcullis.fix.messages.fix50sp2.MarketDataRequest.NoMDEntryTypes.class);
        assertThat(factory.create("FIX.4.2", "V", 146))
                .isExactlyInstanceOf(io.portcullis.fix.messages.fix42.MarketDataRequest.NoRelatedSym.class);
        assertThat(factory.create("FIX.4.0", "D", 453)).isNull();
    }
}
