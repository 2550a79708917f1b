package io.portcullis.fix.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import quickfix.DataDictionary;
import quickfix.FieldType;

/** What each dictionary holds, as README.md promises it. */
class DictionaryContentTest {

    private static final List<String> SESSION_MESSAGES = List.of("0", "1", "2", "3", "4", "5", "A");
    private static final List<String> FIX42_APPLICATION_MESSAGES =
            List.of("D", "F", "G", "H", "8", "9", "V", "W", "X", "Y", "j");
    private static final List<String> MASS_MESSAGES = List.of("q", "r", "AF");

    @Test
    void fix42HasTheSessionLayerAndEveryApplicationMessageExceptTheMassOnes() {
        final DataDictionary fix42 = FixDictionary.FIX42.load();

        assertThat(SESSION_MESSAGES).allMatch(fix42::isMsgType);
        assertThat(FIX42_APPLICATION_MESSAGES).allMatch(fix42::isMsgType);
        assertThat(MASS_MESSAGES).noneMatch(fix42::isMsgType);
        assertThat(fix42.isMsgType("6")).as("IOI was trimmed").isFalse();
    }

    @Test
    void fix44HasTheSessionLayerAndEveryApplicationMessage() {
        final DataDictionary fix44 = FixDictionary.FIX44.load();

        assertThat(SESSION_MESSAGES).allMatch(fix44::isMsgType);
        assertThat(FIX42_APPLICATION_MESSAGES).allMatch(fix44::isMsgType);
        assertThat(MASS_MESSAGES).allMatch(fix44::isMsgType);
    }

    @Test
    void fixtCarriesTheSessionLayerAndFix50Sp2EveryApplicationMessage() {
        final DataDictionary fixt11 = FixDictionary.FIXT11.load();
        final DataDictionary fix50sp2 = FixDictionary.FIX50SP2.load();

        assertThat(SESSION_MESSAGES).allMatch(fixt11::isMsgType);
        assertThat(FIX42_APPLICATION_MESSAGES).allMatch(fix50sp2::isMsgType);
        assertThat(MASS_MESSAGES).allMatch(fix50sp2::isMsgType);
    }

    @ParameterizedTest
    @EnumSource(value = FixDictionary.class, names = {"FIX42", "FIX44", "FIXT11"})
    void logonTakesUsernameAndPassword(final FixDictionary dictionary) {
        final DataDictionary session = dictionary.load();

        assertThat(session.isMsgField("A", 553)).isTrue();
        assertThat(session.isMsgField("A", 554)).isTrue();
        assertThat(session.isRequiredField("A", 553)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = FixDictionary.class, names = {"FIX42", "FIX44", "FIX50SP2"})
    void customFieldsAreOptionalOnOrdersReplacesAndExecutionReportsOnly(final FixDictionary dictionary) {
        final DataDictionary app = dictionary.load();

        assertThat(app.getFieldName(5700)).isEqualTo("LocateID");
        assertThat(app.getFieldName(5701)).isEqualTo("LocateBroker");
        assertThat(app.getFieldName(5702)).isEqualTo("FirmDesignatedID");
        assertThat(app.getFieldName(5703)).isEqualTo("CustomerDisplayInstruction");
        assertThat(app.getFieldType(5700)).isEqualTo(FieldType.STRING);
        assertThat(app.getFieldType(5703)).isEqualTo(FieldType.BOOLEAN);
        for (final String msgType : List.of("D", "G", "8")) {
            for (final int tag : List.of(5700, 5701, 5702, 5703)) {
                assertThat(app.isMsgField(msgType, tag)).as("%s on %s", tag, msgType).isTrue();
                assertThat(app.isRequiredField(msgType, tag)).isFalse();
            }
        }
        assertThat(app.isMsgField("F", 5700)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = FixDictionary.class, names = {"FIX42", "FIX44", "FIX50SP2"})
    void orderFieldsForRegShoAndTimeInForceAreThere(final FixDictionary dictionary) {
        final DataDictionary app = dictionary.load();

        assertThat(app.isFieldValue(54, "5")).as("Side sell short").isTrue();
        assertThat(app.isFieldValue(54, "6")).as("Side sell short exempt").isTrue();
        assertThat(List.of("0", "1", "3", "4", "6")).allMatch(tif -> app.isFieldValue(59, tif));
        for (final int tag : List.of(1, 18, 21, 99, 110, 126, 432)) {
            assertThat(app.isMsgField("D", tag)).as("tag %s on NewOrderSingle", tag).isTrue();
        }
        assertThat(app.isMsgField("8", 103)).as("OrdRejReason on ExecutionReport").isTrue();
        assertThat(app.isMsgField("9", 102)).as("CxlRejReason on OrderCancelReject").isTrue();
        assertThat(app.getFieldType(44)).isEqualTo(FieldType.PRICE);
        assertThat(app.getFieldType(38)).isEqualTo(FieldType.QTY);
    }

    @ParameterizedTest
    @EnumSource(value = FixDictionary.class, names = {"FIX44", "FIX50SP2"})
    void massMessagesCarryTheirRequestAndResponseTypes(final FixDictionary dictionary) {
        final DataDictionary app = dictionary.load();

        assertThat(app.isRequiredField("q", 530)).as("MassCancelRequestType").isTrue();
        assertThat(app.isRequiredField("r", 531)).as("MassCancelResponse").isTrue();
        assertThat(app.isRequiredField("AF", 585)).as("MassStatusReqType").isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = FixDictionary.class, names = {"FIX44", "FIX50SP2"})
    void ordersCarryPartiesAndMarketDataItsRepeatingGroups(final FixDictionary dictionary) {
        final DataDictionary app = dictionary.load();

        assertThat(app.isGroup("D", 453)).as("NoPartyIDs").isTrue();
        assertThat(app.isGroup("V", 267)).as("NoMDEntryTypes").isTrue();
        assertThat(app.isGroup("V", 146)).as("NoRelatedSym").isTrue();
        assertThat(app.isGroup("W", 268)).as("NoMDEntries").isTrue();
        assertThat(app.isGroup("X", 268)).as("NoMDEntries").isTrue();
    }
}
