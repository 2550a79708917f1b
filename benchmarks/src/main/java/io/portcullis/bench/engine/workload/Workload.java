package io.portcullis.bench.engine.workload;

import java.util.zip.CRC32C;

/**
 * A generated command sequence as parallel arrays (index = position in the sequence): first {@link #fillCount}
 * GTC orders that build the book, then {@link #mixCount} commands of the measured mix. Engine adapters translate
 * it into their own command objects once, before anything is measured. Immutable after generation by
 * convention (the arrays are exposed for speed); safe to share between threads once built.
 *
 * <p>Prices are in ticks (one tick = 0.01 USD), quantities in shares, order ids start at 1 and are assigned to
 * new orders (GTC and IOC) in sequence order, which is how both engines number them.
 */
public final class Workload {

    /** Commands that build the initial book (all {@link MixCommand#PLACE_GTC}). */
    public final int fillCount;
    /** Commands of the measured mix, after the fill. */
    public final int mixCount;
    /** {@link MixCommand} ordinal per command. */
    public final byte[] type;
    /** New orders: the order's id; cancel and move: the target order's id. */
    public final long[] orderId;
    /** True for buy (bid), false for sell (ask); for cancel and move the target's side. */
    public final boolean[] buy;
    /** New orders: limit price in ticks; move: the new price; cancel: the target's price. */
    public final long[] price;
    /** New orders: quantity; cancel and move: the target's original order quantity. */
    public final long[] qty;
    /** User id (1-based) of the order or target; each user trades one side only, so no self-trades arise. */
    public final int[] uid;
    /** What the reference book saw; engines must reproduce it. */
    public final WorkloadOutcome outcome;

    Workload(final int fillCount, final int mixCount, final WorkloadOutcome outcome) {
        final int n = fillCount + mixCount;
        this.fillCount = fillCount;
        this.mixCount = mixCount;
        this.type = new byte[n];
        this.orderId = new long[n];
        this.buy = new boolean[n];
        this.price = new long[n];
        this.qty = new long[n];
        this.uid = new int[n];
        this.outcome = outcome;
    }

    /** @return fill plus mix */
    public int size() {
        return fillCount + mixCount;
    }

    /**
     * @param i position
     * @return the command kind at {@code i}
     */
    public MixCommand kind(final int i) {
        return MixCommand.of(type[i]);
    }

    /**
     * CRC-32C over every field of every command: printed by both engines' runs to show they were fed the same
     * sequence. O(n); allocates a little.
     *
     * @return the checksum as 8 hex digits
     */
    public String checksum() {
        final CRC32C crc = new CRC32C();
        final byte[] record = new byte[1 + 8 + 1 + 8 + 8 + 4];
        for (int i = 0; i < size(); i++) {
            int p = 0;
            record[p++] = type[i];
            p = putLong(record, p, orderId[i]);
            record[p++] = (byte) (buy[i] ? 1 : 0);
            p = putLong(record, p, price[i]);
            p = putLong(record, p, qty[i]);
            putLong(record, p, uid[i]);
            crc.update(record, 0, record.length);
        }
        return String.format("%08x", crc.getValue());
    }

    private static int putLong(final byte[] b, final int at, final long v) {
        int p = at;
        for (int s = 0; s < 64 && p < b.length; s += 8) {
            b[p++] = (byte) (v >>> s);
        }
        return p;
    }
}
