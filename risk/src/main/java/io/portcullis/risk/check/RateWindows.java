package io.portcullis.risk.check;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Per-key event counters over a sliding one-second window of command timestamps (never a clock), at 100 ms
 * resolution: each key has a ring of ten 100 ms buckets; the window is the bucket of the latest event and the nine
 * before it, so an event at time t counts everything since the start of the 100 ms bucket that began 900 ms before
 * t's bucket. A timestamp older than the key's latest bucket counts into the latest bucket (timestamps are ingress
 * times from several threads and may step back by a little). O(1) per event amortized (at most ten buckets cleared),
 * no allocation except {@link #ensureKeys} growing the arrays. Engine thread only.
 */
final class RateWindows {

    /** Width of one bucket: 100 ms in nanos. */
    static final long BUCKET_NANOS = 100_000_000L;

    /** Buckets per window: ten, i.e. one second. */
    static final int BUCKETS = 10;

    /** Per key: latest bucket, sum, then the ten bucket counts; 96 bytes, so one key touches at most two lines. */
    private static final int STRIDE = 2 + BUCKETS;
    private static final int SUM = 1;
    private static final int COUNTS = 2;

    private long[] data;

    RateWindows(final int keys) {
        data = new long[keys * STRIDE];
    }

    /** Grows to hold at least {@code keys} keys. Allocates when it grows. */
    void ensureKeys(final int keys) {
        if (keys * STRIDE > data.length) {
            data = Arrays.copyOf(data, Math.max(keys, data.length / STRIDE * 2) * STRIDE);
        }
    }

    /**
     * Counts one event.
     *
     * @param key       the key's index
     * @param timestamp the event's command timestamp, epoch nanos
     * @return the number of events of the key in its window, this one included
     */
    int hit(final int key, final long timestamp) {
        final long[] d = data;
        final int base = key * STRIDE;
        advance(d, base, timestamp);
        d[base + COUNTS + Math.floorMod(d[base], BUCKETS)]++;
        return (int) ++d[base + SUM];
    }

    /**
     * @param key the key's index
     * @return the events counted in the key's window as of its latest event (no advance)
     */
    int current(final int key) {
        return (int) data[key * STRIDE + SUM];
    }

    private static void advance(final long[] d, final int base, final long timestamp) {
        final long bucket = Math.floorDiv(timestamp, BUCKET_NANOS);
        final long latest = d[base];
        if (bucket <= latest) {
            return;
        }
        if (bucket - latest >= BUCKETS) {
            Arrays.fill(d, base + COUNTS, base + STRIDE, 0);
            d[base + SUM] = 0;
        } else {
            for (long b = latest + 1; b <= bucket; b++) {
                final int slot = base + COUNTS + Math.floorMod(b, BUCKETS);
                d[base + SUM] -= d[slot];
                d[slot] = 0;
            }
        }
        d[base] = bucket;
    }

    /** Writes the first {@code keys} keys' windows (raw, so a restore continues exactly). */
    void write(final DataOutput out, final int keys) throws IOException {
        int used = 0;
        for (int k = 0; k < keys; k++) {
            used += data[k * STRIDE] != 0 ? 1 : 0;
        }
        out.writeInt(used);
        for (int k = 0; k < keys; k++) {
            final int base = k * STRIDE;
            if (data[base] != 0) {
                out.writeInt(k);
                for (int f = 0; f < STRIDE; f++) {
                    out.writeLong(data[base + f]);
                }
            }
        }
    }

    void read(final DataInput in) throws IOException {
        final int used = in.readInt();
        for (int i = 0; i < used; i++) {
            final int k = in.readInt();
            if (k < 0) {
                throw new IOException("rate window for key " + k);
            }
            ensureKeys(k + 1);
            for (int f = 0; f < STRIDE; f++) {
                data[k * STRIDE + f] = in.readLong();
            }
        }
    }
}
