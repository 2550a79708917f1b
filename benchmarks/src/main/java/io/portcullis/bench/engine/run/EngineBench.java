package io.portcullis.bench.engine.run;

import io.portcullis.bench.engine.latency.MixDriver;
import io.portcullis.bench.engine.latency.OpenLoopLatency;
import io.portcullis.bench.engine.workload.Workload;
import io.portcullis.bench.engine.workload.WorkloadConfig;
import io.portcullis.bench.engine.workload.WorkloadGenerator;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Command line of the engine benchmark. {@code ./portcullis bench engine} builds the module and calls {@code all},
 * which runs every step in a child JVM on the right class path and prints the report:
 * <pre>
 *   all        --oms-classpath CP --exchange-core-classpath CP --out DIR [--rounds N] [--warmup N]
 *              [--iterations N] [--time SECONDS] [--rates R1,R2,...] [--latency-seconds S]
 *   throughput --engine E --round K --out DIR [--warmup N] [--iterations N] [--time SECONDS] [--jvm-flags "..."]
 *   latency    --engine E --out DIR [--rates R1,R2,...] [--seconds S] [--jvm-flags "..."]
 *   report     --out DIR
 * </pre>
 * {@code all} runs {@code rounds} rounds of one JMH fork per engine, interleaved (ours, peer, ours, peer, ...), then
 * the latency step per engine, then the report; every child JVM gets the same flags ({@link Orchestrator}).
 * {@code throughput} runs one JMH fork of the engine's benchmark (with the GC profiler) and writes
 * {@code throughput-E-K.properties}; {@code latency} runs the open-loop driver in this JVM and writes
 * {@code latency-E.properties} and one {@code .hgrm} percentile file per rate; {@code report} prints the tables
 * and ends with the line {@code engine vs exchange-core throughput ratio: R}. Exit status 2 on a usage error.
 */
public final class EngineBench {

    /** Offered rates of the latency step, commands per second. */
    static final String DEFAULT_RATES = "100000,500000,1000000,2000000";

    private EngineBench() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when a step fails; the launcher stops there
     */
    public static void main(final String[] args) throws Exception {
        if (args.length == 0) {
            usage("missing step");
        }
        final Map<String, String> options = options(args);
        final Path out = Path.of(required(options, "out"));
        switch (args[0]) {
            case "all" -> new Orchestrator(required(options, "oms-classpath"),
                required(options, "exchange-core-classpath"), out,
                Integer.parseInt(options.getOrDefault("rounds", "2")),
                Integer.parseInt(options.getOrDefault("warmup", "3")),
                Integer.parseInt(options.getOrDefault("iterations", "5")),
                Integer.parseInt(options.getOrDefault("time", "3")),
                options.getOrDefault("rates", DEFAULT_RATES),
                Integer.parseInt(options.getOrDefault("latency-seconds", "5"))).run();
            case "throughput" -> throughput(Engines.check(required(options, "engine")),
                Integer.parseInt(options.getOrDefault("round", "1")), out,
                Integer.parseInt(options.getOrDefault("warmup", "3")),
                Integer.parseInt(options.getOrDefault("iterations", "5")),
                Integer.parseInt(options.getOrDefault("time", "3")), options.getOrDefault("jvm-flags", ""));
            case "latency" -> latency(Engines.check(required(options, "engine")), out,
                options.getOrDefault("rates", DEFAULT_RATES),
                Integer.parseInt(options.getOrDefault("seconds", "5")), options.getOrDefault("jvm-flags", ""));
            case "report" -> Report.print(out, System.out);
            default -> usage("unknown step " + args[0]);
        }
    }

    private static void throughput(final String engine, final int round, final Path out, final int warmup,
                                   final int iterations, final int seconds, final String jvmFlags)
        throws RunnerException, IOException {
        Files.createDirectories(out);
        final String name = engine + "-" + round;
        final Options jmh = new OptionsBuilder()
            .include(Engines.benchmarkPattern(engine))
            .forks(1)
            .warmupIterations(warmup)
            .warmupTime(TimeValue.seconds(seconds))
            .measurementIterations(iterations)
            .measurementTime(TimeValue.seconds(seconds))
            .jvmArgs(jvmFlags.isBlank() ? new String[0] : jvmFlags.trim().split("\\s+"))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .output(out.resolve("jmh-" + name + ".log").toString())
            .result(out.resolve("jmh-" + name + ".json").toString())
            .resultFormat(ResultFormatType.JSON)
            .build();
        final Results results = new Results().environment(jvmFlags).put("engine", engine).put("round", round)
            .put("jmh.warmup", warmup + " x " + seconds + " s").put("jmh.iterations", iterations + " x " + seconds
                + " s");
        final List<String> labels = new ArrayList<>();
        for (final RunResult run : new Runner(jmh).run()) {
            final String listener = run.getParams().getParam("listener");
            final String label = listener == null || "no-op".equals(listener) ? engine : engine + "+" + listener;
            labels.add(label);
            final StringJoiner scores = new StringJoiner(",");
            final StringJoiner alloc = new StringJoiner(",");
            for (final BenchmarkResult fork : run.getBenchmarkResults()) {
                for (final IterationResult it : fork.getIterationResults()) {
                    scores.add(Double.toString(it.getPrimaryResult().getScore()));
                    final Result<?> norm = it.getSecondaryResults().get("gc.alloc.rate.norm");
                    if (norm != null) {
                        alloc.add(Double.toString(norm.getScore()));
                    }
                }
            }
            results.put(label + ".ops", scores.toString()).put(label + ".alloc", alloc.toString());
        }
        results.put("labels", String.join(",", labels));
        results.write(out.resolve("throughput-" + name + ".properties"));
    }

    private static void latency(final String engine, final Path out, final String rates, final int seconds,
                                final String jvmFlags) throws IOException {
        final PrintStream log = System.out;
        final Workload workload = WorkloadGenerator.generate(new WorkloadConfig());
        final MixDriver driver = Engines.driver(engine, workload);
        final OpenLoopLatency bench = new OpenLoopLatency(driver);
        final Results results = new Results().environment(jvmFlags).put("engine", engine)
            .put("workload.checksum", workload.checksum()).put("workload.mix", workload.outcome.mixSummary())
            .put("workload.commands", workload.mixCount).put("workload.fill", workload.fillCount);
        log.printf("  %s: workload %s verified (%s)%n", engine, workload.checksum(), workload.outcome.mixSummary());
        final double closedLoop = bench.warmUp(5);
        results.put("closedloop.ops", closedLoop);
        results.put("alloc.loop", bench.allocatedBytesPerCommand());
        final StringJoiner done = new StringJoiner(",");
        for (final String r : rates.split(",")) {
            final long rate = Long.parseLong(r.trim());
            final OpenLoopLatency.RateResult res = bench.run(rate, (int) Math.min(rate, workload.mixCount),
                rate * seconds);
            final Histogram h = res.histogram();
            final String k = "rate." + rate;
            results.put(k + ".achieved", res.achievedRate()).put(k + ".count", h.getTotalCount())
                .put(k + ".p50", h.getValueAtPercentile(50)).put(k + ".p90", h.getValueAtPercentile(90))
                .put(k + ".p99", h.getValueAtPercentile(99)).put(k + ".p999", h.getValueAtPercentile(99.9))
                .put(k + ".p9999", h.getValueAtPercentile(99.99)).put(k + ".max", h.getMaxValue())
                .put(k + ".gc", res.gcPauses() + " / " + res.gcMillis() + " ms");
            try (PrintStream hgrm = new PrintStream(Files.newOutputStream(out.resolve("latency-" + engine + "-"
                + rate + ".hgrm")), false, java.nio.charset.StandardCharsets.UTF_8)) {
                h.outputPercentileDistribution(hgrm, 1000.0);
            }
            log.printf("  %s at %,d/s: p50 %s  p99 %s  p99.9 %s  max %s%n", engine, rate,
                Report.micros(h.getValueAtPercentile(50)), Report.micros(h.getValueAtPercentile(99)),
                Report.micros(h.getValueAtPercentile(99.9)), Report.micros(h.getMaxValue()));
            done.add(Long.toString(rate));
        }
        results.put("rates", done.toString());
        results.write(out.resolve("latency-" + engine + ".properties"));
    }

    private static Map<String, String> options(final String[] args) {
        final Map<String, String> map = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("expected --name value, got " + args[i]);
            }
            map.put(args[i].substring(2), args[i + 1]);
        }
        return map;
    }

    private static String required(final Map<String, String> options, final String name) {
        final String v = options.get(name);
        if (v == null) {
            usage("missing --" + name);
        }
        return v;
    }

    private static void usage(final String problem) {
        System.err.println("EngineBench: " + problem);
        System.err.println("usage: all|throughput|latency|report --out DIR ... (see the class comment)");
        System.exit(2);
    }
}
