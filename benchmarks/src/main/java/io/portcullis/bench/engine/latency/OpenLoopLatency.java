package io.portcullis.bench.engine.latency;

import org.HdrHistogram.Histogram;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Drives a {@link MixDriver} open loop at a fixed offered rate on the calling thread and records, per command,
 * the time from when it was due to when the engine returned, in nanoseconds.
 *
 * <p>Command {@code i} of a pass is due at {@code start + i * 1e9 / rate}. The thread spins on
 * {@link System#nanoTime()} until then (one thread, nothing to hand over: the spin is the pacer, not a wait
 * strategy between threads, and it occupies one of the two cores), applies the command and records
 * {@code end - due}. When the engine falls behind, later commands are applied at once and their waiting counts
 * in their latency, so stalls are not hidden (no coordinated omission). A pass is at most one mix long; between
 * passes the engine is rebuilt outside the schedule and the next pass starts a new schedule. Single-threaded.
 */
public final class OpenLoopLatency {

    /** Highest latency the histograms track: 60 s. */
    private static final long HIGHEST_NS = 60_000_000_000L;
    private static final long START_DELAY_NS = 200_000L;

    private final MixDriver driver;

    /**
     * @param driver the engine to drive
     */
    public OpenLoopLatency(final MixDriver driver) {
        this.driver = driver;
    }

    /**
     * Runs whole passes as fast as possible so the JIT compiles the engine's paths.
     *
     * @param passes mixes to run
     * @return commands per second of the last pass (closed loop, informative only)
     */
    public double warmUp(final int passes) {
        double rate = 0;
        for (int p = 0; p < passes; p++) {
            driver.reset();
            final int n = driver.mixCount();
            final long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                driver.apply(i);
            }
            rate = n * 1e9 / (System.nanoTime() - start);
        }
        return rate;
    }

    /**
     * Measures the bytes the engine thread allocates while applying one whole mix (engine rebuild excluded), via
     * {@code com.sun.management.ThreadMXBean}. Run after {@link #warmUp}, so that it sees compiled code.
     *
     * @return bytes allocated per command
     */
    public double allocatedBytesPerCommand() {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        driver.reset();
        final int n = driver.mixCount();
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            driver.apply(i);
        }
        final long after = threads.getCurrentThreadAllocatedBytes();
        return (double) (after - before) / n;
    }

    /**
     * Offers {@code commands} commands at {@code rate} per second after {@code warmupCommands} unrecorded ones.
     *
     * @param rate           offered commands per second
     * @param warmupCommands paced but not recorded (one pass, at most one mix)
     * @param commands       recorded, over as many passes as needed
     * @return the latencies (ns) and the achieved rate
     */
    public RateResult run(final long rate, final int warmupCommands, final long commands) {
        final double intervalNs = 1e9 / rate;
        pass(intervalNs, Math.min(warmupCommands, driver.mixCount()), null);
        final Histogram histogram = new Histogram(HIGHEST_NS, 3);
        final long[] gcBefore = gcPauses();
        long remaining = commands;
        long busyNs = 0;
        while (remaining > 0) {
            final int n = (int) Math.min(remaining, driver.mixCount());
            busyNs += pass(intervalNs, n, histogram);
            remaining -= n;
        }
        final long[] gcAfter = gcPauses();
        return new RateResult(rate, histogram, commands * 1e9 / busyNs, gcAfter[0] - gcBefore[0],
            gcAfter[1] - gcBefore[1]);
    }

    /** @return {count, milliseconds} of stop-the-world collections so far (concurrent cycles excluded) */
    private static long[] gcPauses() {
        long count = 0;
        long millis = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!gc.getName().contains("Concurrent")) {
                count += gc.getCollectionCount();
                millis += gc.getCollectionTime();
            }
        }
        return new long[] {count, millis};
    }

    /** @return wall time of the pass from its start to the last command's end */
    private long pass(final double intervalNs, final int n, final Histogram histogram) {
        driver.reset();
        final long start = System.nanoTime() + START_DELAY_NS;
        long end = start;
        for (int i = 0; i < n; i++) {
            final long due = start + (long) (i * intervalNs);
            long now = System.nanoTime();
            while (now < due) {
                Thread.onSpinWait();
                now = System.nanoTime();
            }
            driver.apply(i);
            end = System.nanoTime();
            if (histogram != null) {
                histogram.recordValue(Math.min(end - due, HIGHEST_NS));
            }
        }
        return end - start;
    }

    /**
     * The outcome at one offered rate.
     *
     * @param offeredRate  commands per second offered
     * @param histogram    latency from due time to completion, ns
     * @param achievedRate commands per second actually completed over the recorded passes
     * @param gcPauses     stop-the-world collections during the recorded passes (engine rebuilds included)
     * @param gcMillis     their total duration, ms
     */
    public record RateResult(long offeredRate, Histogram histogram, double achievedRate, long gcPauses,
                             long gcMillis) {
    }
}
