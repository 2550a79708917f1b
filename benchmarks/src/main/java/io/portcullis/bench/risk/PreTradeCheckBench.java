package io.portcullis.bench.risk;

import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.risk.ExposureView;
import io.portcullis.oms.risk.PreTradeResult;
import io.portcullis.risk.check.RiskEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Latency and throughput of one full pre-trade check by the {@link RiskEngine}, in process, on the world of
 * {@link RiskWorld}: 10,000 accounts with limits at every scope, lists, locates and kill switches, an order engine's
 * exposure view over 20,000 resting orders, and a realistic mix of new orders and replaces.
 *
 * <p>One operation is what the order engine does per order: {@code onOrderMessage} (the session's message count)
 * then {@code check}, every check of the chain, on the next entry of a pre-built mix of 65,536 orders, stamped 10 us
 * after the previous one (so each account sends about ten orders a second and the rate limits rarely bite). Checks
 * are not applied to the order engine: exposures stay as built, so the mix's outcome stays stable over the run;
 * the checks' own state (rate windows, duplicate table, locate consumption) does move. The trial's setup prints the
 * mix's outcomes (passes and rejects by code). Run:
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath/oms.classpath)" org.openjdk.jmh.Main \
 *     PreTradeCheckBench -f 1 -wi 3 -w 3s -i 5 -r 3s
 * </pre>
 * {@code latency} is JMH SampleTime (every call timed, percentiles in ns), {@code throughput} is checks per second.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PreTradeCheckBench {

    private static final int MIX = 1 << 16;

    private RiskWorld world;
    private RiskEngine risk;
    private ExposureView view;
    private BenchOrder order;
    private OrderMix mix;
    private int cursor;
    private long time;

    /** Builds the world once per fork and prints the mix's outcomes. */
    @Setup(Level.Trial)
    public void build() {
        world = new RiskWorld(20_260_105L, MIX);
        risk = world.risk;
        view = world.engine.exposures();
        mix = world.mix;
        order = new BenchOrder(mix);
        time = RiskWorld.MONDAY_OPEN + 3_600_000_000_000L;
        final Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < MIX; i++) {
            final PreTradeResult result = next();
            outcomes.merge(result.warning() ? "WARN " + result.code() : result.code().name(), 1, Integer::sum);
        }
        System.out.println("mix of " + MIX + " checks (" + RiskWorld.ACCOUNTS + " accounts, " + RiskWorld.SYMBOLS
            + " symbols, " + world.engine.liveOrderCount() + " resting orders): " + outcomes);
    }

    /** Prints the reject counters the run accumulated. */
    @TearDown(Level.Trial)
    public void report() {
        final Map<String, Long> rejects = new TreeMap<>();
        for (final RejectCode code : RejectCode.values()) {
            if (risk.rejects(code) > 0) {
                rejects.put(code.name(), risk.rejects(code));
            }
        }
        System.out.println("rejects over the run: " + rejects);
    }

    private PreTradeResult next() {
        final int i = cursor++ & (MIX - 1);
        time = world.nextTime(time);
        order.load(i, time);
        risk.onOrderMessage(mix.session[i], time);
        return risk.check(order, view);
    }

    /**
     * One check, every call timed.
     *
     * @return the result's code, so nothing is dead code
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public RejectCode latency() {
        return next().code();
    }

    /**
     * One check, throughput.
     *
     * @return the result's code, so nothing is dead code
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public RejectCode throughput() {
        return next().code();
    }
}
