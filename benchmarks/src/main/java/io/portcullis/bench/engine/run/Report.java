package io.portcullis.bench.engine.run;

import org.openjdk.jmh.util.ListStatistics;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Aggregates the results directory into Markdown tables (also written to {@code report.md}) and ends with the
 * single line {@code engine vs exchange-core throughput ratio: R}, where R is our mean commands per second (no-op
 * listener) over exchange-core's, both over every measured iteration of every round. Errors are JMH's: the
 * half-width of the 99.9% confidence interval of the mean (Student's t over all iterations). Allocates.
 */
final class Report {

    private Report() {
    }

    static void print(final Path dir, final PrintStream out) throws IOException {
        final List<Results> throughput = new ArrayList<>();
        final Map<String, Results> latency = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (final Path f : files.sorted().toList()) {
                final String name = f.getFileName().toString();
                if (name.startsWith("throughput-") && name.endsWith(".properties")) {
                    throughput.add(Results.read(f));
                } else if (name.startsWith("latency-") && name.endsWith(".properties")) {
                    final Results r = Results.read(f);
                    latency.put(r.get("engine"), r);
                }
            }
        }
        if (throughput.isEmpty()) {
            throw new IllegalStateException("no throughput results in " + dir);
        }
        final StringWriter text = new StringWriter();
        final PrintWriter md = new PrintWriter(text);
        final Results env = throughput.get(0);
        md.printf("Environment: %s (%s CPUs), %s, %s. JVM flags: %s.%n", env.get("env.cpu"), env.get("env.cpus"),
            env.get("env.os"), env.get("env.jdk"), env.get("env.flags"));
        final StringBuilder loads = new StringBuilder();
        for (final Results r : throughput) {
            loads.append(loads.isEmpty() ? "" : ", ").append(r.get("env.loadavg"));
        }
        md.printf("Load average when each JMH run started: %s.%n", loads);
        workload(md, latency);
        final Map<String, ListStatistics> ops = new LinkedHashMap<>();
        final Map<String, ListStatistics> alloc = new LinkedHashMap<>();
        int rounds = 0;
        for (final Results r : throughput) {
            rounds = Math.max(rounds, Integer.parseInt(r.get("round", "1")));
            for (final String label : r.get("labels", "").split(",")) {
                add(ops.computeIfAbsent(label, k -> new ListStatistics()), r.get(label + ".ops"));
                add(alloc.computeIfAbsent(label, k -> new ListStatistics()), r.get(label + ".alloc"));
            }
        }
        md.println();
        md.printf("Throughput (JMH, %d interleaved round(s) of one fork per engine, %s warm-up, %s measured; "
            + "mean ± 99.9%% CI over all measured iterations):%n%n", rounds, env.get("jmh.warmup"),
            env.get("jmh.iterations"));
        md.println("| engine | commands/s | ± | iterations | alloc B/op (JMH -prof gc) | alloc B/op (mix loop only) |");
        md.println("|---|---:|---:|---:|---:|---:|");
        for (final Map.Entry<String, ListStatistics> e : ops.entrySet()) {
            final ListStatistics s = e.getValue();
            final Results lat = latency.get(e.getKey());
            md.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %d | %.1f | %s |%n", e.getKey(), s.getMean(),
                s.getN() > 1 ? s.getMeanErrorAt(0.999) : Double.NaN, s.getN(), alloc.get(e.getKey()).getMean(),
                lat == null ? "-" : String.format(Locale.ROOT, "%.1f", Double.parseDouble(lat.get("alloc.loop"))));
        }
        latencyTable(md, latency);
        md.flush();
        final String ours = Engines.PORTCULLIS;
        final String peer = Engines.EXCHANGE_CORE;
        if (!ops.containsKey(ours) || !ops.containsKey(peer)) {
            throw new IllegalStateException("need throughput results of both " + ours + " and " + peer);
        }
        final double ratio = ops.get(ours).getMean() / ops.get(peer).getMean();
        final String ratioLine = String.format(Locale.ROOT, "engine vs exchange-core throughput ratio: %.2f", ratio);
        Files.writeString(dir.resolve("report.md"), text + System.lineSeparator() + ratioLine
            + System.lineSeparator(), StandardCharsets.UTF_8);
        out.print(text);
        out.println();
        out.println(ratioLine);
    }

    private static void workload(final PrintWriter md, final Map<String, Results> latency) {
        if (latency.isEmpty()) {
            return;
        }
        final StringBuilder sums = new StringBuilder();
        String first = null;
        boolean same = true;
        for (final Results r : latency.values()) {
            final String c = r.get("workload.checksum");
            sums.append(sums.isEmpty() ? "" : ", ").append(r.get("engine")).append(' ').append(c);
            same &= first == null || first.equals(c);
            first = first == null ? c : first;
        }
        final Results any = latency.values().iterator().next();
        md.printf("Workload: %s fill + %s mix commands, one symbol; %s. Sequence checksums: %s (%s).%n",
            any.get("workload.fill"), any.get("workload.commands"), any.get("workload.mix"), sums,
            same ? "identical" : "DIFFERENT: not comparable");
    }

    private static void latencyTable(final PrintWriter md, final Map<String, Results> latency) {
        if (latency.isEmpty()) {
            return;
        }
        md.println();
        md.println("Latency, open loop at fixed offered rates, from each command's due time to its completion (µs):");
        md.println();
        md.println("| engine | offered/s | achieved/s | samples | p50 | p90 | p99 | p99.9 | p99.99 | max "
            + "| GC pauses |");
        md.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (final Results r : latency.values()) {
            for (final String rate : r.get("rates", "").split(",")) {
                if (rate.isEmpty()) {
                    continue;
                }
                final String k = "rate." + rate + ".";
                md.printf(Locale.ROOT, "| %s | %,d | %,.0f | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.get("engine"),
                    Long.parseLong(rate), Double.parseDouble(r.get(k + "achieved")), r.get(k + "count"),
                    micros(r.get(k + "p50")), micros(r.get(k + "p90")), micros(r.get(k + "p99")),
                    micros(r.get(k + "p999")), micros(r.get(k + "p9999")), micros(r.get(k + "max")),
                    r.get(k + "gc", "-"));
            }
        }
        md.println();
        md.println("Closed-loop warm-up speed in the latency JVM (informative): " + closedLoop(latency) + ".");
    }

    private static String closedLoop(final Map<String, Results> latency) {
        final StringBuilder b = new StringBuilder();
        for (final Results r : latency.values()) {
            b.append(b.isEmpty() ? "" : ", ").append(r.get("engine")).append(' ')
                .append(String.format(Locale.ROOT, "%,.0f/s", Double.parseDouble(r.get("closedloop.ops"))))
                .append(" (load average at its start ").append(r.get("env.loadavg")).append(')');
        }
        return b.toString();
    }

    private static void add(final ListStatistics stats, final String csv) {
        if (csv == null || csv.isBlank()) {
            return;
        }
        for (final String v : csv.split(",")) {
            stats.addValue(Double.parseDouble(v));
        }
    }

    static String micros(final String nanos) {
        return micros(Long.parseLong(nanos));
    }

    static String micros(final long nanos) {
        return nanos < 10_000 ? String.format(Locale.ROOT, "%.2f", nanos / 1000.0)
            : String.format(Locale.ROOT, "%,.0f", nanos / 1000.0);
    }
}
