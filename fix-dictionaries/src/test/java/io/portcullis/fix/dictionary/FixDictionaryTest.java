package io.portcullis.fix.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.portcullis.fix.messages.PortcullisMessageFactory;
import quickfix.ApplicationAdapter;
import quickfix.DataDictionary;
import quickfix.DefaultSessionFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Session;
import quickfix.SessionFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.field.ApplVerID;

/** Our dictionaries load from the class path, by us and by a QuickFIX/J session configured as documented. */
class FixDictionaryTest {

    @ParameterizedTest
    @EnumSource(FixDictionary.class)
    void loadsFromTheClassPathAsItsVersion(final FixDictionary dictionary) {
        final DataDictionary loaded = dictionary.load();

        assertThat(dictionary.resourceName()).startsWith("io/portcullis/fix/dictionary/").endsWith(".xml");
        assertThat(loaded.getFullVersion()).isEqualTo(dictionary.version());
    }

    @Test
    void everyLoadIsAnIndependentCopy() {
        assertThat(FixDictionary.FIX44.load()).isNotSameAs(FixDictionary.FIX44.load());
    }

    @ParameterizedTest
    @EnumSource(FixDictionary.class)
    void quickFixJFindsTheResourceNameGivenInASessionFile(final FixDictionary dictionary) throws Exception {
        assertThat(new DataDictionary(dictionary.resourceName()).getFullVersion()).isEqualTo(dictionary.version());
    }

    @Test
    void findsADictionaryByVersion() {
        assertThat(FixDictionary.forVersion("FIX.4.4")).contains(FixDictionary.FIX44);
        assertThat(FixDictionary.forVersion("FIX.5.0SP2")).contains(FixDictionary.FIX50SP2);
        assertThat(FixDictionary.forVersion("FIX.4.3")).isEmpty();
    }

    @Test
    void fixtSessionSettingsNameTransportAndApplicationDictionaries() {
        assertThat(FixDictionary.sessionSettings("FIXT.1.1")).containsExactly(
                entry("UseDataDictionary", "Y"),
                entry("TransportDataDictionary", "io/portcullis/fix/dictionary/FIXT11.xml"),
                entry("AppDataDictionary", "io/portcullis/fix/dictionary/FIX50SP2.xml"),
                entry("DefaultApplVerID", "FIX.5.0SP2"));
        assertThat(FixDictionary.sessionSettings("FIX.4.4")).containsExactly(
                entry("UseDataDictionary", "Y"),
                entry("DataDictionary", "io/portcullis/fix/dictionary/FIX44.xml"));
    }

    @Test
    void refusesSessionSettingsForAVersionWeDoNotServe() {
        assertThatThrownBy(() -> FixDictionary.sessionSettings("FIX.4.3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FIX.4.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4", "FIXT.1.1"})
    void anAcceptorSessionBuiltFromTheSettingsUsesOurDictionaries(final String beginString) throws Exception {
        final SessionID sessionID = new SessionID(beginString, "PORTCULLIS", "BROKER1");
        final SessionSettings settings = new SessionSettings();
        settings.setString(sessionID, SessionFactory.SETTING_CONNECTION_TYPE, SessionFactory.ACCEPTOR_CONNECTION_TYPE);
        settings.setString(sessionID, Session.SETTING_NON_STOP_SESSION, "Y");
        FixDictionary.sessionSettings(beginString).forEach((key, value) -> settings.setString(sessionID, key, value));
        final SessionFactory sessions = new DefaultSessionFactory(new ApplicationAdapter(), new MemoryStoreFactory(),
                null, new PortcullisMessageFactory());

        try (Session session = sessions.create(sessionID, settings)) {
            final DataDictionary app = session.getDataDictionaryProvider().getApplicationDataDictionary(
                    new ApplVerID(beginString.equals("FIXT.1.1") ? ApplVerID.FIX50SP2 : toApplVerID(beginString)));
            final DataDictionary transport = session.getDataDictionaryProvider().getSessionDataDictionary(beginString);

            assertThat(app.isField(5700)).as("LocateID(5700) in the application dictionary").isTrue();
            assertThat(transport.isMsgType("A")).isTrue();
            assertThat(transport.getFullVersion()).isEqualTo(beginString);
        }
    }

    private static String toApplVerID(final String beginString) {
        return Map.of("FIX.4.2", ApplVerID.FIX42, "FIX.4.4", ApplVerID.FIX44).get(beginString);
    }
}
