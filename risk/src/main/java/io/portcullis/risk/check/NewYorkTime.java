package io.portcullis.risk.check;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Local time in America/New_York from epoch nanos, without a clock and without allocating: the zone's UTC offset
 * changes are tabulated once from the JDK's time-zone rules (1970 to 2200), and a lookup checks the last bracket
 * used before it falls back to a binary search. A pure function of the timestamp, so replays agree. Thread-safe
 * after construction for reads of the table; the bracket cache makes instances engine-thread only.
 */
final class NewYorkTime {

    /** The zone every trading-hours rule is written in. */
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SECONDS_PER_DAY = 86_400;

    /** Epoch second from which {@code offsets[i]} applies; ascending; the first is Long.MIN_VALUE. */
    private final long[] from;
    private final int[] offsets;
    private int cached;

    NewYorkTime() {
        final ZoneRules rules = ZONE.getRules();
        final List<long[]> table = new ArrayList<>();
        final Instant start = Instant.parse("1970-01-01T00:00:00Z");
        table.add(new long[] {Long.MIN_VALUE, rules.getOffset(start).getTotalSeconds()});
        final long end = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        ZoneOffsetTransition next = rules.nextTransition(start);
        while (next != null && next.toEpochSecond() < end) {
            table.add(new long[] {next.toEpochSecond(), next.getOffsetAfter().getTotalSeconds()});
            next = rules.nextTransition(next.getInstant());
        }
        from = new long[table.size()];
        offsets = new int[table.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = table.get(i)[0];
            offsets[i] = (int) table.get(i)[1];
        }
    }

    /** @return local seconds since 1970-01-01T00:00 New York time (epoch seconds plus the offset) */
    long localSeconds(final long epochNanos) {
        final long second = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        return second + offsets[bracket(second)];
    }

    /** @return minutes after local midnight, 0..1439 */
    static int minuteOfDay(final long localSeconds) {
        return Math.floorMod(localSeconds, SECONDS_PER_DAY) / 60;
    }

    /** @return ISO day of week, 1 = Monday .. 7 = Sunday */
    static int dayOfWeek(final long localSeconds) {
        return Math.floorMod(Math.floorDiv(localSeconds, SECONDS_PER_DAY) + 3, 7) + 1;
    }

    private int bracket(final long second) {
        final int c = cached;
        if (second >= from[c] && (c + 1 == from.length || second < from[c + 1])) {
            return c;
        }
        int low = 0;
        int high = from.length - 1;
        while (low < high) {
            final int mid = (low + high + 1) >>> 1;
            if (from[mid] <= second) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        cached = low;
        return low;
    }
}
