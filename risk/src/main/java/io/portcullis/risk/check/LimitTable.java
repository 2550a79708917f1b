package io.portcullis.risk.check;

import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import org.agrona.collections.Long2ObjectHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Every limit value that is set, by scope, and the resolution of the effective value for an order: the narrowest
 * scope that sets it wins (SYMBOL = account and symbol, then ACCOUNT, then the account's BROKER_FIRM, then FIRM).
 * Values are scaled longs ({@link RiskUpdates#scale}); {@link #UNSET} marks "not set here".
 *
 * <p>Layout: one {@code long[]} row of {@value #NAMES}-per-name slots for the firm, one flat array for the broker
 * firms and one for the accounts (10,000 accounts take 1.3 MB), and a hash map from (account, symbol) to a row for
 * the sparse symbol overrides, consulted only for accounts that have any. Resolving a value is at most four array
 * reads; nothing allocates except setting a symbol override for a new (account, symbol). Engine thread only.
 */
final class LimitTable {

    /** The value of a slot that is not set. */
    static final long UNSET = Long.MIN_VALUE;

    /** Slots per row: one per {@link LimitName}. */
    static final int NAMES = 16;

    private static final LimitName[] LIMITS = LimitName.values();

    private final Universe universe;
    private final long[] firm = unset(NAMES);
    private final long[] broker;
    private final long[] account;
    private final Long2ObjectHashMap<long[]> symbol = new Long2ObjectHashMap<>();
    private final int[] symbolRows;

    LimitTable(final Universe universe) {
        if (LIMITS.length != NAMES) {
            throw new IllegalStateException("LimitName has " + LIMITS.length + " values, the table " + NAMES);
        }
        this.universe = universe;
        this.broker = unset(universe.brokerCount() * NAMES);
        this.account = unset(universe.accountCount() * NAMES);
        this.symbolRows = new int[universe.accountCount()];
    }

    private static long[] unset(final int length) {
        final long[] row = new long[length];
        Arrays.fill(row, UNSET);
        return row;
    }

    /** @return the account's override row for the symbol, or null when it has none (then pass null below) */
    long[] symbolRow(final int a, final int s) {
        return symbolRows[a] == 0 ? null : symbol.get(key(a, s));
    }

    /**
     * @param row the (account, symbol) row from {@link #symbolRow}, or null
     * @param a   account index
     * @param n   limit ordinal
     * @return the effective value, or {@link #UNSET} when no scope sets it
     */
    long resolve(final long[] row, final int a, final int n) {
        if (row != null && row[n] != UNSET) {
            return row[n];
        }
        final long own = account[a * NAMES + n];
        if (own != UNSET) {
            return own;
        }
        return brokerOrFirm(universe.brokerOf[a], n);
    }

    /** @return the value set for the broker firm, else the firm's, else {@link #UNSET} */
    long brokerOrFirm(final int f, final int n) {
        final long own = broker[f * NAMES + n];
        return own != UNSET ? own : firm[n];
    }

    /** @return the FIRM scope's value, or {@link #UNSET} */
    long firm(final int n) {
        return firm[n];
    }

    /**
     * Names the scope whose value {@link #resolve} returns, for reject texts. Allocates.
     *
     * @return e.g. "account B1-CUST-001 symbol AAPL", "account B1-CUST-001", "broker firm B1", "firm"
     */
    String source(final long[] row, final int a, final int s, final int n) {
        if (row != null && row[n] != UNSET) {
            return "account " + universe.accounts[a].accountId() + " symbol " + universe.instruments[s].symbol();
        }
        if (account[a * NAMES + n] != UNSET) {
            return "account " + universe.accounts[a].accountId();
        }
        return brokerSource(universe.brokerOf[a], n);
    }

    /** @return "broker firm F" when the broker firm sets the value, else "firm" */
    String brokerSource(final int f, final int n) {
        return broker[f * NAMES + n] != UNSET ? "broker firm " + universe.brokerFirms[f] : "firm";
    }

    /**
     * Sets or clears one slot.
     *
     * @param scope where
     * @param index the broker firm's or account's index (ignored for FIRM)
     * @param s     the symbol's index for SYMBOL (ignored otherwise)
     * @param n     limit ordinal
     * @param value the scaled value, or {@link #UNSET} to remove
     */
    void put(final LimitScope scope, final int index, final int s, final int n, final long value) {
        switch (scope) {
            case FIRM -> firm[n] = value;
            case BROKER_FIRM -> broker[index * NAMES + n] = value;
            case ACCOUNT -> account[index * NAMES + n] = value;
            case SYMBOL -> putSymbol(index, s, n, value);
        }
    }

    private void putSymbol(final int a, final int s, final int n, final long value) {
        final long key = key(a, s);
        long[] row = symbol.get(key);
        if (row == null) {
            if (value == UNSET) {
                return;
            }
            row = unset(NAMES);
            symbol.put(key, row);
            symbolRows[a]++;
        }
        row[n] = value;
        if (value == UNSET && isEmpty(row)) {
            symbol.remove(key);
            symbolRows[a]--;
        }
    }

    private static boolean isEmpty(final long[] row) {
        return isEmpty(row, 0);
    }

    private static boolean isEmpty(final long[] rows, final int from) {
        for (int n = 0; n < NAMES; n++) {
            if (rows[from + n] != UNSET) {
                return false;
            }
        }
        return true;
    }

    private long key(final int a, final int s) {
        return (long) a * universe.symbolCount() + s;
    }

    /** Writes every set slot, canonically (firm, broker firms, accounts, then symbol rows by key). */
    void write(final DataOutput out) throws IOException {
        writeRow(out, firm, 0);
        writeSparse(out, broker);
        writeSparse(out, account);
        final long[] keys = new long[symbol.size()];
        int i = 0;
        for (final Long2ObjectHashMap<long[]>.KeyIterator it = symbol.keySet().iterator(); it.hasNext(); ) {
            keys[i++] = it.nextLong();
        }
        Arrays.sort(keys);
        out.writeInt(keys.length);
        for (final long key : keys) {
            out.writeLong(key);
            writeRow(out, symbol.get(key), 0);
        }
    }

    private static void writeSparse(final DataOutput out, final long[] rows) throws IOException {
        int used = 0;
        for (int r = 0; r < rows.length; r += NAMES) {
            used += isEmpty(rows, r) ? 0 : 1;
        }
        out.writeInt(used);
        for (int r = 0; r < rows.length; r += NAMES) {
            if (!isEmpty(rows, r)) {
                out.writeInt(r / NAMES);
                writeRow(out, rows, r);
            }
        }
    }

    private static void writeRow(final DataOutput out, final long[] rows, final int from) throws IOException {
        for (int n = 0; n < NAMES; n++) {
            out.writeLong(rows[from + n]);
        }
    }

    /** Reads what {@link #write} wrote into this (empty) table. */
    void read(final DataInput in) throws IOException {
        readRow(in, firm, 0);
        readSparse(in, broker);
        readSparse(in, account);
        final int rows = in.readInt();
        for (int i = 0; i < rows; i++) {
            final long key = in.readLong();
            final long[] row = unset(NAMES);
            readRow(in, row, 0);
            final int a = (int) (key / universe.symbolCount());
            if (key < 0 || a >= symbolRows.length) {
                throw new IOException("symbol limit row for unknown key " + key);
            }
            symbol.put(key, row);
            symbolRows[a]++;
        }
    }

    private static void readSparse(final DataInput in, final long[] rows) throws IOException {
        final int used = in.readInt();
        for (int i = 0; i < used; i++) {
            final int index = in.readInt();
            if (index < 0 || (index + 1) * NAMES > rows.length) {
                throw new IOException("limit row " + index + " out of range");
            }
            readRow(in, rows, index * NAMES);
        }
    }

    private static void readRow(final DataInput in, final long[] rows, final int from) throws IOException {
        for (int n = 0; n < NAMES; n++) {
            rows[from + n] = in.readLong();
        }
    }
}
