package io.portcullis.fix.messages;

import java.util.Objects;

import quickfix.FixVersions;
import quickfix.Group;
import quickfix.Message;
import quickfix.MessageFactory;
import quickfix.MessageUtils;
import quickfix.field.ApplVerID;
import quickfix.field.MsgType;

/**
 * The {@link MessageFactory} for a QuickFIX/J acceptor serving Portcullis' FIX versions: it
 * creates our generated message classes, choosing the package by BeginString and, for FIXT 1.1,
 * by ApplVerID.
 *
 * <ul>
 *   <li>{@code FIX.4.2} and {@code FIX.4.4}: the {@code fix42} and {@code fix44} classes.</li>
 *   <li>{@code FIXT.1.1}: session (admin) messages from {@code fixt11}; application messages from
 *       the package of the ApplVerID, or of the default ApplVerID (FIX 5.0SP2) when the message or
 *       the session names none. {@code FIX.5.0SP2} as a begin string means the same package.</li>
 *   <li>Anything else (another version, an ApplVerID we do not serve): a plain
 *       {@link quickfix.Message} carrying the MsgType, as QuickFIX/J's
 *       {@code DefaultMessageFactory} does: the factory never throws inside a session, and
 *       the session's configuration (which names only our versions) decides what happens next.</li>
 * </ul>
 *
 * <p>A MsgType the version's package lacks gives that package's base {@code Message}; the
 * dictionary then rejects it. Stateless and thread-safe: QuickFIX/J calls it on session threads.
 * Each call allocates the new message.
 */
public final class PortcullisMessageFactory implements MessageFactory {

    private static final ApplVerID DEFAULT_APPL_VER_ID = new ApplVerID(ApplVerID.FIX50SP2);

    private final MessageFactory fix42 = new io.portcullis.fix.messages.fix42.MessageFactory();
    private final MessageFactory fix44 = new io.portcullis.fix.messages.fix44.MessageFactory();
    private final MessageFactory fixt11 = new io.portcullis.fix.messages.fixt11.MessageFactory();
    private final MessageFactory fix50sp2 = new io.portcullis.fix.messages.fix50sp2.MessageFactory();

    /** Creates the factory; FIXT 1.1 application messages without ApplVerID are FIX 5.0SP2. */
    public PortcullisMessageFactory() {
        // the delegates are built in the field initialisers
    }

    /**
     * Creates an empty message of the given type for a FIXT 1.1 session's default ApplVerID
     * (FIX 5.0SP2), or for the given FIX 4 begin string.
     *
     * @param beginString BeginString(8); not null
     * @param msgType MsgType(35); not null
     * @return a new message, never null
     */
    @Override
    public Message create(final String beginString, final String msgType) {
        return create(beginString, null, msgType);
    }

    /**
     * Creates an empty message of the given type.
     *
     * @param beginString BeginString(8); not null
     * @param applVerID ApplVerID(1128) of a FIXT 1.1 application message, or null for the
     *        default (FIX 5.0SP2); ignored for other begin strings and for admin messages
     * @param msgType MsgType(35); not null
     * @return a new message, never null
     */
    @Override
    public Message create(final String beginString, final ApplVerID applVerID, final String msgType) {
        Objects.requireNonNull(beginString, "beginString");
        Objects.requireNonNull(msgType, "msgType");
        final MessageFactory delegate = delegateFor(beginString, applVerID, msgType);
        if (delegate == null) {
            final Message message = new Message();
            message.getHeader().setString(MsgType.FIELD, msgType);
            return message;
        }
        return delegate.create(beginString, msgType);
    }

    /**
     * Creates an empty repeating-group instance of a message type.
     *
     * @param beginString BeginString(8); not null
     * @param msgType MsgType(35) of the message holding the group; not null
     * @param correspondingFieldID the group's NumInGroup tag, e.g. NoPartyIDs(453)
     * @return a new group, or null if the version or the message has no such group
     */
    @Override
    public Group create(final String beginString, final String msgType, final int correspondingFieldID) {
        Objects.requireNonNull(beginString, "beginString");
        Objects.requireNonNull(msgType, "msgType");
        final MessageFactory delegate = delegateFor(beginString, null, msgType);
        return delegate == null ? null : delegate.create(beginString, msgType, correspondingFieldID);
    }

    private MessageFactory delegateFor(final String beginString, final ApplVerID applVerID, final String msgType) {
        return switch (beginString) {
            case FixVersions.BEGINSTRING_FIX42 -> fix42;
            case FixVersions.BEGINSTRING_FIX44 -> fix44;
            case FixVersions.FIX50SP2 -> fix50sp2;
            case FixVersions.BEGINSTRING_FIXT11 -> MessageUtils.isAdminMessage(msgType)
                    ? fixt11
                    : applicationFactory(applVerID == null ? DEFAULT_APPL_VER_ID : applVerID);
            default -> null;
        };
    }

    private MessageFactory applicationFactory(final ApplVerID applVerID) {
        return ApplVerID.FIX50SP2.equals(applVerID.getValue()) ? fix50sp2 : null;
    }
}
