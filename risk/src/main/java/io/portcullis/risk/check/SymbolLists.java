package io.portcullis.risk.check;

import io.portcullis.risk.model.ListName;
import org.agrona.collections.LongHashSet;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The restricted and hard-to-borrow lists, firm-wide (a flag per symbol) and per account (a set of (account, symbol)
 * keys, consulted only for accounts that have entries). Lookups are O(1) and do not allocate. Engine thread only.
 */
final class SymbolLists {

    private final int symbols;
    private final boolean[] firmRestricted;
    private final boolean[] firmHardToBorrow;
    private final LongHashSet accountRestricted = new LongHashSet();
    private final LongHashSet accountHardToBorrow = new LongHashSet();
    private final int[] accountEntries;

    SymbolLists(final Universe universe) {
        this.symbols = universe.symbolCount();
        this.firmRestricted = new boolean[symbols];
        this.firmHardToBorrow = new boolean[symbols];
        this.accountEntries = new int[universe.accountCount()];
    }

    boolean firmRestricted(final int s) {
        return firmRestricted[s];
    }

    boolean accountRestricted(final int a, final int s) {
        return accountEntries[a] != 0 && accountRestricted.contains(key(a, s));
    }

    /** @return true when the symbol is hard to borrow firm-wide or for the account */
    boolean hardToBorrow(final int a, final int s) {
        return firmHardToBorrow[s] || (accountEntries[a] != 0 && accountHardToBorrow.contains(key(a, s)));
    }

    /**
     * @param a account index, or -1 for the firm-wide list
     */
    void put(final ListName list, final int a, final int s, final boolean present) {
        if (a < 0) {
            (list == ListName.RESTRICTED ? firmRestricted : firmHardToBorrow)[s] = present;
            return;
        }
        final LongHashSet set = list == ListName.RESTRICTED ? accountRestricted : accountHardToBorrow;
        final boolean changed = present ? set.add(key(a, s)) : set.remove(key(a, s));
        if (changed) {
            accountEntries[a] += present ? 1 : -1;
        }
    }

    private long key(final int a, final int s) {
        return (long) a * symbols + s;
    }

    void write(final DataOutput out) throws IOException {
        writeFlags(out, firmRestricted);
        writeFlags(out, firmHardToBorrow);
        writeSet(out, accountRestricted);
        writeSet(out, accountHardToBorrow);
    }

    private static void writeFlags(final DataOutput out, final boolean[] flags) throws IOException {
        int count = 0;
        for (final boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        out.writeInt(count);
        for (int s = 0; s < flags.length; s++) {
            if (flags[s]) {
                out.writeInt(s);
            }
        }
    }

    private static void writeSet(final DataOutput out, final LongHashSet set) throws IOException {
        final long[] keys = new long[set.size()];
        int i = 0;
        for (final LongHashSet.LongIterator it = set.iterator(); it.hasNext(); ) {
            keys[i++] = it.nextValue();
        }
        Arrays.sort(keys);
        out.writeInt(keys.length);
        for (final long key : keys) {
            out.writeLong(key);
        }
    }

    void read(final DataInput in) throws IOException {
        readFlags(in, firmRestricted);
        readFlags(in, firmHardToBorrow);
        readSet(in, accountRestricted);
        readSet(in, accountHardToBorrow);
    }

    private static void readFlags(final DataInput in, final boolean[] flags) throws IOException {
        final int count = in.readInt();
        for (int i = 0; i < count; i++) {
            final int s = in.readInt();
            if (s < 0 || s >= flags.length) {
                throw new IOException("list entry for unknown symbol index " + s);
            }
            flags[s] = true;
        }
    }

    private void readSet(final DataInput in, final LongHashSet set) throws IOException {
        final int count = in.readInt();
        for (int i = 0; i < count; i++) {
            final long key = in.readLong();
            final int a = (int) (key / symbols);
            if (key < 0 || a >= accountEntries.length) {
                throw new IOException("list entry for unknown key " + key);
            }
            if (set.add(key)) {
                accountEntries[a]++;
            }
        }
    }
}
