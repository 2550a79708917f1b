package io.portcullis.risk.check;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Kill switches at FIRM, BROKER_FIRM, ACCOUNT and SYMBOL scope (SESSION ones live in {@link Sessions}): flags by
 * index, with a count of engaged ones so the common case (none engaged) costs one comparison. An engaged switch
 * blocks new orders and replaces in its scope; cancels always pass (they never reach the check). Engine thread only;
 * does not allocate.
 */
final class KillSwitches {

    private boolean firm;
    private final boolean[] broker;
    private final boolean[] account;
    private final boolean[] symbol;
    private int engaged;

    KillSwitches(final Universe universe) {
        this.broker = new boolean[universe.brokerCount()];
        this.account = new boolean[universe.accountCount()];
        this.symbol = new boolean[universe.symbolCount()];
    }

    boolean anyEngaged() {
        return engaged > 0;
    }

    boolean firm() {
        return firm;
    }

    boolean broker(final int f) {
        return broker[f];
    }

    boolean account(final int a) {
        return account[a];
    }

    boolean symbol(final int s) {
        return symbol[s];
    }

    void setFirm(final boolean on) {
        if (firm != on) {
            firm = on;
            engaged += on ? 1 : -1;
        }
    }

    void set(final boolean[] flags, final int index, final boolean on) {
        if (flags[index] != on) {
            flags[index] = on;
            engaged += on ? 1 : -1;
        }
    }

    boolean[] brokers() {
        return broker;
    }

    boolean[] accounts() {
        return account;
    }

    boolean[] symbols() {
        return symbol;
    }

    void write(final DataOutput out) throws IOException {
        out.writeBoolean(firm);
        writeFlags(out, broker);
        writeFlags(out, account);
        writeFlags(out, symbol);
    }

    private static void writeFlags(final DataOutput out, final boolean[] flags) throws IOException {
        int count = 0;
        for (final boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        out.writeInt(count);
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                out.writeInt(i);
            }
        }
    }

    void read(final DataInput in) throws IOException {
        setFirm(in.readBoolean());
        readFlags(in, broker);
        readFlags(in, account);
        readFlags(in, symbol);
    }

    private void readFlags(final DataInput in, final boolean[] flags) throws IOException {
        final int count = in.readInt();
        for (int i = 0; i < count; i++) {
            final int index = in.readInt();
            if (index < 0 || index >= flags.length) {
                throw new IOException("kill switch for unknown index " + index);
            }
            set(flags, index, true);
        }
    }
}
