package io.portcullis.fix.order;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

import io.portcullis.fix.messages.PortcullisMessageFactory;
import io.portcullis.fix.session.SessionProfile;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.CommandCodec;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.journal.EventEncoder;
import io.portcullis.oms.journal.JournalRecord;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.oms.journal.WireBuffer;
import io.portcullis.oms.runner.CommandCallback;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;

/** Helpers shared by the order layer's unit tests: sessions, messages, a recording sender, an in-process engine. */
final class FixTestKit {
    static final PortcullisMessageFactory MESSAGES = new PortcullisMessageFactory();

    private FixTestKit() {
    }

    static SessionID session(final String beginString, final String target) {
        return new SessionID(beginString, "PORTCULLIS", target);
    }

    static SessionProfile orderEntry(final SessionID id, final String firm, final String defaultAccount,
                                     final boolean cancelOnDisconnect) {
        return new SessionProfile(id.toString(), firm, SessionProfile.Role.ORDER_ENTRY, defaultAccount,
            cancelOnDisconnect, 0);
    }

    static SessionProfile dropCopy(final SessionID id, final String firm) {
        return new SessionProfile(id.toString(), firm, SessionProfile.Role.DROP_COPY, null, false, 0);
    }

    static String firmOf(final String account) {
        return switch (account) {
            case "ALICE", "BOB" -> "FIRMA";
            case "CAROL", "DAVE" -> "FIRMB";
            default -> null;
        };
    }

    static final Predicate<String> SYMBOLS = s -> s.equals("AAPL") || s.equals("MSFT") || s.equals("SPY");

    static Message message(final SessionID id, final String msgType) {
        return MESSAGES.create(id.getBeginString(), msgType);
    }

    /** A limit DAY order unless the caller changes fields. */
    static Message newOrder(final SessionID id, final String clOrdId, final char side, final String qty,
                            final String price) {
        final Message m = message(id, "D");
        m.setString(11, clOrdId);
        m.setChar(21, '1');
        m.setString(55, "AAPL");
        m.setChar(54, side);
        m.setUtcTimeStamp(60, java.time.LocalDateTime.of(2025, 11, 25, 15, 0));
        m.setDecimal(38, new BigDecimal(qty));
        m.setChar(40, price == null ? '1' : '2');
        if (price != null) {
            m.setDecimal(44, new BigDecimal(price));
        }
        m.setChar(59, '0');
        return m;
    }

    static String str(final quickfix.FieldMap m, final int tag) {
        try {
            return m.isSetField(tag) ? m.getString(tag) : null;
        } catch (final FieldNotFound e) {
            throw new AssertionError(e);
        }
    }

    static String type(final Message m) {
        try {
            return m.getHeader().getString(35);
        } catch (final FieldNotFound e) {
            throw new AssertionError(e);
        }
    }

    /** One message sent to one session. */
    record Sent(Message message, SessionID sessionId) {
        String type() {
            return FixTestKit.type(message);
        }

        String get(final int tag) {
            return str(message, tag);
        }
    }

    /** Records every message; "sends" only to sessions marked logged on. */
    static final class RecordingSender implements FixSender {
        final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        private final java.util.Set<SessionID> down = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public boolean send(final Message message, final SessionID sessionId) {
            if (down.contains(sessionId)) {
                return false;
            }
            sent.add(new Sent(message, sessionId));
            return true;
        }

        void down(final SessionID id) {
            down.add(id);
        }

        void up(final SessionID id) {
            down.remove(id);
        }

        List<Sent> to(final SessionID id) {
            synchronized (sent) {
                return sent.stream().filter(s -> s.sessionId().equals(id)).toList();
            }
        }

        List<Sent> to(final SessionID id, final String msgType) {
            return to(id).stream().filter(s -> s.type().equals(msgType)).toList();
        }
    }

    /**
     * The real engine applied synchronously on the caller's thread, each command journaled in memory and given to
     * the outbound path as a durable record (offset = sequence - 1), or only recorded when there is no outbound.
     */
    static final class InProcessEngine implements EnginePort {
        final List<Command> submitted = Collections.synchronizedList(new ArrayList<>());
        final List<byte[]> journal = Collections.synchronizedList(new ArrayList<>());
        private final EventEncoder encoder = new EventEncoder();
        private final OrderEngine engine = new OrderEngine(RandomFlowAccess.config().listener(encoder));
        private final Outbound outbound;
        private long sequence;
        volatile boolean busy;

        InProcessEngine(final Outbound outbound) {
            this.outbound = outbound;
        }

        @Override
        public synchronized boolean submit(final Command command, final CommandCallback callback) {
            if (busy) {
                return false;
            }
            submitted.add(command);
            if (outbound == null) {
                return true;
            }
            final long seq = ++sequence;
            final byte[] bytes = CommandCodec.encode(command);
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(3, seq);
            final Command sequenced = CommandCodec.decode(bytes);
            engine.apply(sequenced);
            final WireBuffer out = new WireBuffer(8192);
            JournalRecord.encode(seq, sequenced.timestamp(), bytes, bytes.length, encoder, out);
            final byte[] record = out.toByteArray();
            journal.add(record);
            outbound.onDurable(seq, seq - 1, record);
            return true;
        }

        Command last() {
            return submitted.get(submitted.size() - 1);
        }
    }
}
