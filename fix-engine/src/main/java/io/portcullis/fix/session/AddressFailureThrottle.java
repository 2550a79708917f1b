package io.portcullis.fix.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logons per source address in a sliding window: once an address has {@code limit} failures within
 * {@code windowMillis}, its logons are refused until the oldest of them leaves the window. In memory: a restart
 * forgets it (the per-credential lockout in MySQL does not forget).
 *
 * <p>Thread-safe. Bounded: at most {@link #MAX_ADDRESSES} addresses are tracked; past that the oldest state is dropped.
 */
final class AddressFailureThrottle {
    static final int MAX_ADDRESSES = 100_000;

    private final int limit;
    private final long windowMillis;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    AddressFailureThrottle(final int limit, final long windowMillis) {
        this.limit = limit;
        this.windowMillis = windowMillis;
    }

    /** Whether logons from {@code address} are refused at {@code nowMillis}. */
    boolean blocked(final String address, final long nowMillis) {
        final Deque<Long> times = failures.get(key(address));
        if (times == null) {
            return false;
        }
        synchronized (times) {
            expire(times, nowMillis);
            return times.size() >= limit;
        }
    }

    /** Records a failed logon from {@code address}. */
    void recordFailure(final String address, final long nowMillis) {
        if (failures.size() >= MAX_ADDRESSES) {
            failures.clear();
        }
        final Deque<Long> times = failures.computeIfAbsent(key(address), k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, nowMillis);
            if (times.size() < limit * 2) {
                times.addLast(nowMillis);
            }
        }
    }

    private void expire(final Deque<Long> times, final long nowMillis) {
        while (!times.isEmpty() && times.peekFirst() <= nowMillis - windowMillis) {
            times.removeFirst();
        }
    }

    private static String key(final String address) {
        return address == null ? "unknown" : address;
    }
}
