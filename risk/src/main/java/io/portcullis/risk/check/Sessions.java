package io.portcullis.risk.check;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the risk engine keeps per FIX session: its kill switch and its order-message rate window. Sessions are not
 * configuration: one is created (allocating) the first time a message or a kill switch names it, and gets the next
 * dense index, so indexes follow the command stream and are the same on every replay. The last session looked up is
 * cached by reference (a new order is looked up twice: message count, then check). Engine thread only.
 */
final class Sessions {

    /** One session. */
    static final class Session {
        final String id;
        final int index;
        boolean killed;

        Session(final String id, final int index) {
            this.id = id;
            this.index = index;
        }
    }

    private final Map<String, Session> byId = new HashMap<>();
    private final List<Session> byIndex = new ArrayList<>();
    private final RateWindows messages = new RateWindows(16);
    private String lastId;
    private Session last;
    private int killed;

    /** @return the session, created on first use; null for a null id */
    Session get(final String id) {
        if (id == null) {
            return null;
        }
        if (id == lastId) {
            return last;
        }
        Session session = byId.get(id);
        if (session == null) {
            session = new Session(id, byIndex.size());
            byId.put(id, session);
            byIndex.add(session);
            messages.ensureKeys(byIndex.size());
        }
        lastId = id;
        last = session;
        return session;
    }

    /** @return whether any session's kill switch is engaged (so checks can skip the lookup) */
    boolean anyKilled() {
        return killed > 0;
    }

    void kill(final String id, final boolean engaged) {
        final Session session = get(id);
        if (session.killed != engaged) {
            session.killed = engaged;
            killed += engaged ? 1 : -1;
        }
    }

    /** Counts one order message of the session. @return messages in its window, this one included */
    int message(final Session session, final long timestamp) {
        return messages.hit(session.index, timestamp);
    }

    /** @return messages in the session's window as of its latest message */
    int messages(final Session session) {
        return messages.current(session.index);
    }

    /** Writes the sessions in index order with their kill switches and windows. */
    void write(final DataOutput out) throws IOException {
        out.writeInt(byIndex.size());
        for (final Session session : byIndex) {
            out.writeUTF(session.id);
            out.writeBoolean(session.killed);
        }
        messages.write(out, byIndex.size());
    }

    void read(final DataInput in) throws IOException {
        final int count = in.readInt();
        for (int i = 0; i < count; i++) {
            final Session session = get(in.readUTF());
            if (session.index != i) {
                throw new IOException("session " + session.id + " listed twice");
            }
            kill(session.id, in.readBoolean());
        }
        messages.read(in);
        lastId = null;
        last = null;
    }
}
