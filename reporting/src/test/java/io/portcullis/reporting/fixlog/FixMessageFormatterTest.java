package io.portcullis.reporting.fixlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages are printed with the tag and value names of their session's dictionary; MsgTypes are found by name. */
class FixMessageFormatterTest {
    private final FixDictionaries dictionaries = new FixDictionaries();
    private final FixMessageFormatter formatter = new FixMessageFormatter(dictionaries);

    @Test
    void aFix44NewOrderSingleIsPrintedWithTagAndValueNames() {
        final String decoded = formatter.decode("FIX.4.4",
            "8=FIX.4.4|9=120|35=D|34=2|49=BROKER1|56=PORTCULLIS|11=ORD-1|1=ALICE|55=AAPL|54=1|38=100|40=2|44=187.25|"
                + "59=0|10=123|");

        assertThat(decoded).isEqualTo("8(BeginString)=FIX.4.4|9(BodyLength)=120|35(MsgType)=D(NewOrderSingle)|"
            + "34(MsgSeqNum)=2|49(SenderCompID)=BROKER1|56(TargetCompID)=PORTCULLIS|11(ClOrdID)=ORD-1|"
            + "1(Account)=ALICE|55(Symbol)=AAPL|54(Side)=1(BUY)|38(OrderQty)=100|40(OrdType)=2(LIMIT)|"
            + "44(Price)=187.25|59(TimeInForce)=0(DAY)|10(CheckSum)=123|");
    }

    @Test
    void aFixtSessionUsesTheTransportAndThe50Sp2Dictionaries() {
        final String decoded = formatter.decode("FIXT.1.1",
            "8=FIXT.1.1|9=80|35=8|1128=9|49=PORTCULLIS|56=BROKER2|39=2|150=F|10=001|");

        assertThat(decoded).contains("35(MsgType)=8(ExecutionReport)|", "1128(ApplVerID)=9(FIX50SP2)|",
            "39(OrdStatus)=2(FILLED)|", "150(ExecType)=F(TRADE)|");
    }

    @Test
    void aFix42SessionMessageIsNamedByTheFix42Dictionary() {
        assertThat(formatter.decode("FIX.4.2", "8=FIX.4.2|9=50|35=0|49=PORTCULLIS|10=200|"))
            .contains("35(MsgType)=0(Heartbeat)|", "49(SenderCompID)=PORTCULLIS|");
    }

    @Test
    void theBeginStringIsTakenFromTheMessageWhenTheDocumentHasNone() {
        assertThat(formatter.decode(null, "8=FIX.4.4|35=5|58=bye|")).isEqualTo(
            "8(BeginString)=FIX.4.4|35(MsgType)=5(Logout)|58(Text)=bye|");
    }

    @Test
    void unknownTagsAndVersionsAreLeftAsTheyAre() {
        assertThat(formatter.decode("FIX.4.4", "8=FIX.4.4|35=D|9999=x|")).isEqualTo(
            "8(BeginString)=FIX.4.4|35(MsgType)=D(NewOrderSingle)|9999=x|");
        assertThat(formatter.decode("FIX.4.3", "8=FIX.4.3|35=D|")).isEqualTo("8=FIX.4.3|35=D|");
    }

    @Test
    void aBarInsideAValueStaysInThatValue() {
        assertThat(formatter.decode("FIX.4.4", "8=FIX.4.4|58=a|b|10=000|")).isEqualTo(
            "8(BeginString)=FIX.4.4|58(Text)=a|b|10(CheckSum)=000|");
    }

    @Test
    void messageTypesAreFoundByValueOrByNameInAnyCase() {
        assertThat(dictionaries.msgType("D")).contains("D");
        assertThat(dictionaries.msgType("8")).contains("8");
        assertThat(dictionaries.msgType("NewOrderSingle")).contains("D");
        assertThat(dictionaries.msgType("executionreport")).contains("8");
        assertThat(dictionaries.msgType("OrderCancelRequest")).contains("F");
        assertThat(dictionaries.msgType("U7")).as("a custom type").contains("U7");
        assertThat(dictionaries.msgType("NoSuchMessage")).isEmpty();
    }
}
