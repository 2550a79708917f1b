package io.portcullis.fix.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import io.portcullis.fix.dictionary.FixDictionary;
import quickfix.DataDictionary;
import quickfix.FieldNotFound;
import quickfix.IncorrectDataFormat;
import quickfix.IncorrectTagValue;
import quickfix.InvalidMessage;
import quickfix.Message;
import quickfix.MessageUtils;
import quickfix.ValidationSettings;
import quickfix.field.ApplVerID;
import quickfix.field.MsgSeqNum;
import quickfix.field.SenderCompID;
import quickfix.field.SendingTime;
import quickfix.field.TargetCompID;

/**
 * Test helper: one side of a FIX connection for one version, encoding messages the way a
 * counterparty sends them and decoding them the way a Portcullis acceptor does (our factory, our
 * dictionaries, validation on with QuickFIX/J's default settings, which reject unknown and
 * user-defined tags not in the dictionary).
 */
final class FixWire {

    /** QuickFIX/J's defaults: out-of-order fields, empty values, unknown tags are all errors. */
    static final ValidationSettings STRICT = new ValidationSettings();

    static final LocalDateTime SENDING_TIME = LocalDateTime.of(2026, 3, 2, 14, 30, 0, 123_000_000);

    private final String beginString;
    private final ApplVerID applVerID;
    private final DataDictionary sessionDictionary;
    private final DataDictionary appDictionary;
    private final PortcullisMessageFactory factory = new PortcullisMessageFactory();

    private FixWire(final String beginString, final ApplVerID applVerID,
            final FixDictionary session, final FixDictionary app) {
        this.beginString = beginString;
        this.applVerID = applVerID;
        this.sessionDictionary = session.load();
        this.appDictionary = app.load();
    }

    static FixWire fix42() {
        return new FixWire("FIX.4.2", null, FixDictionary.FIX42, FixDictionary.FIX42);
    }

    static FixWire fix44() {
        return new FixWire("FIX.4.4", null, FixDictionary.FIX44, FixDictionary.FIX44);
    }

    static FixWire fixt11WithFix50sp2() {
        return new FixWire("FIXT.1.1", new ApplVerID(ApplVerID.FIX50SP2), FixDictionary.FIXT11, FixDictionary.FIX50SP2);
    }

    /** Stamps the session header a counterparty would and returns the wire form (SOH-delimited). */
    String encode(final Message message) {
        final Message.Header header = message.getHeader();
        header.setField(new SenderCompID("BROKER1"));
        header.setField(new TargetCompID("PORTCULLIS"));
        header.setField(new MsgSeqNum(2));
        header.setField(new SendingTime(SENDING_TIME));
        if (applVerID != null && !isAdmin(message)) {
            header.setField(applVerID);
        }
        return message.toString();
    }

    /** Parses the wire form into our generated class for its MsgType, checking its structure. */
    Message decode(final String wire) throws InvalidMessage {
        final Message message = factory.create(beginString, applVerID, MessageUtils.getMessageType(wire));
        message.fromString(wire, sessionDictionary, appDictionary, STRICT, true);
        return message;
    }

    /**
     * Validates as the session does: FIX 4 messages and FIXT admin messages whole against their
     * dictionary; FIXT application messages' bodies against FIX 5.0SP2 (QuickFIX/J's combined
     * transport + application check is package-private; the FIXT 1.1 header is checked by the
     * admin-message tests).
     */
    void validate(final Message message) throws IncorrectTagValue, FieldNotFound, IncorrectDataFormat {
        if (applVerID != null && !isAdmin(message)) {
            appDictionary.validate(message, true, STRICT);
        } else {
            sessionDictionary.validate(message, STRICT);
        }
    }

    /** Encodes, decodes and validates; asserts the decoded message encodes to the same bytes. */
    @SuppressWarnings("unchecked")
    <T extends Message> T roundTrip(final T message) throws Exception {
        final String wire = encode(message);
        final Message decoded = decode(wire);
        validate(decoded);
        assertThat(decoded).isExactlyInstanceOf(message.getClass());
        assertThat(decoded.toString()).isEqualTo(wire);
        return (T) decoded;
    }

    /** Encodes then decodes without validating, for messages that validation must reject. */
    Message sendAsIs(final Message message) throws InvalidMessage {
        return decode(encode(message));
    }

    DataDictionary appDictionary() {
        return appDictionary;
    }

    private static boolean isAdmin(final Message message) {
        return message.isAdmin();
    }
}
