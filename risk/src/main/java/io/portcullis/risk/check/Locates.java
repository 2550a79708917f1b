package io.portcullis.risk.check;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reg SHO locates by id: which account may sell short how many more shares of which symbol. A short sale consumes
 * its (increment of) quantity when the engine accepts it; a cancel gives nothing back (the locate was used). Locates
 * are good for one trading day: {@link #clear()} at the day's close. Lookup is one hash map probe on the id (no
 * allocation); adding a locate allocates. Engine thread only.
 */
final class Locates {

    /** One locate and what it has left. */
    static final class Entry {
        final String id;
        final int account;
        final int symbol;
        final long granted;
        long remaining;

        Entry(final String id, final int account, final int symbol, final long granted, final long remaining) {
            this.id = id;
            this.account = account;
            this.symbol = symbol;
            this.granted = granted;
            this.remaining = remaining;
        }
    }

    private final Map<String, Entry> byId = new HashMap<>();

    /** @return the locate, or null */
    Entry find(final String id) {
        return byId.get(id);
    }

    /**
     * Adds a locate, or replaces the one with the same id (its remaining quantity starts again from the new grant).
     * Sending the same grant again (same id, account, symbol and quantity) changes nothing: the risk desk re-sends its
     * whole state when a node restarts, and that must not hand back shares already sold short.
     */
    void add(final String id, final int account, final int symbol, final long quantity) {
        final Entry existing = byId.get(id);
        if (existing != null && existing.account == account && existing.symbol == symbol
            && existing.granted == quantity) {
            return;
        }
        byId.put(id, new Entry(id, account, symbol, quantity, quantity));
    }

    void clear() {
        byId.clear();
    }

    int size() {
        return byId.size();
    }

    /** Writes every locate, by id. */
    void write(final DataOutput out) throws IOException {
        final List<Entry> entries = new ArrayList<>(byId.values());
        entries.sort(Comparator.comparing(e -> e.id));
        out.writeInt(entries.size());
        for (final Entry e : entries) {
            out.writeUTF(e.id);
            out.writeInt(e.account);
            out.writeInt(e.symbol);
            out.writeLong(e.granted);
            out.writeLong(e.remaining);
        }
    }

    void read(final DataInput in, final Universe universe) throws IOException {
        final int count = in.readInt();
        for (int i = 0; i < count; i++) {
            final String id = in.readUTF();
            final int account = in.readInt();
            final int symbol = in.readInt();
            if (account < 0 || account >= universe.accountCount() || symbol < 0 || symbol >= universe.symbolCount()) {
                throw new IOException("locate " + id + " for unknown account or symbol");
            }
            byId.put(id, new Entry(id, account, symbol, in.readLong(), in.readLong()));
        }
    }
}
