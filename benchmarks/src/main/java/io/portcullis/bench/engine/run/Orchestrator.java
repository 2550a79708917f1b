package io.portcullis.bench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the whole engine comparison as child JVMs, each engine on its own class path, and prints the report.
 * Throughput rounds are interleaved (portcullis, exchange-core, portcullis, ...) so that drift in the machine's
 * load hits both engines alike. Every child JVM, and every JMH fork, gets the same {@link #jvmFlags()}.
 * Allocates; runs on the launcher's thread.
 */
final class Orchestrator {

    private final String omsClasspath;
    private final String peerClasspath;
    private final Path out;
    private final int rounds;
    private final int warmup;
    private final int iterations;
    private final int seconds;
    private final String rates;
    private final int latencySeconds;

    Orchestrator(final String omsClasspath, final String peerClasspath, final Path out, final int rounds,
                 final int warmup, final int iterations, final int seconds, final String rates,
                 final int latencySeconds) {
        this.omsClasspath = omsClasspath;
        this.peerClasspath = peerClasspath;
        this.out = out;
        this.rounds = rounds;
        this.warmup = warmup;
        this.iterations = iterations;
        this.seconds = seconds;
        this.rates = rates;
        this.latencySeconds = latencySeconds;
    }

    /**
     * The flags of every measuring JVM: a fixed 2 GiB heap and G1 (the default collector, named so that it cannot
     * change with the machine's size). On JDK 24+ {@code --sun-misc-unsafe-memory-access=allow} silences the
     * deprecation warnings JMH and exchange-core's libraries print; it changes no behaviour. exchange-core's order
     * book needs no {@code --add-opens} or {@code --add-exports}: it touches none of Chronicle's JDK internals.
     */
    static String jvmFlags() {
        final String base = "-Xms2g -Xmx2g -XX:+UseG1GC";
        return Runtime.version().feature() >= 24 ? base + " --sun-misc-unsafe-memory-access=allow" : base;
    }

    void run() throws IOException, InterruptedException {
        clean();
        final String flags = jvmFlags();
        for (int round = 1; round <= rounds; round++) {
            for (final String engine : Engines.NAMES) {
                step(String.format("throughput round %d/%d: %s (JMH, 1 fork, %d x %d s warm-up, %d x %d s measured)",
                    round, rounds, engine, warmup, seconds, iterations, seconds));
                child(engine, flags, "throughput", "--engine", engine, "--round", Integer.toString(round),
                    "--out", out.toString(), "--warmup", Integer.toString(warmup), "--iterations",
                    Integer.toString(iterations), "--time", Integer.toString(seconds), "--jvm-flags", flags);
            }
        }
        for (final String engine : Engines.NAMES) {
            step("latency: " + engine + ", open loop at " + rates + " commands/s, " + latencySeconds + " s each");
            child(engine, flags, "latency", "--engine", engine, "--out", out.toString(), "--rates", rates,
                "--seconds", Integer.toString(latencySeconds), "--jvm-flags", flags);
        }
        step("report (also in " + out.resolve("report.md") + ")");
        System.out.println();
        Report.print(out, System.out);
    }

    private void child(final String engine, final String flags, final String... args)
        throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(flags.split(" ")));
        command.add("-cp");
        command.add(Engines.PORTCULLIS.equals(engine) ? omsClasspath : peerClasspath);
        command.add(EngineBench.class.getName());
        command.addAll(List.of(args));
        final int status = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(args[0] + " step of " + engine + " failed with exit status " + status
                + "; see the output above and " + out);
        }
    }

    private void clean() throws IOException {
        Files.createDirectories(out);
        try (Stream<Path> files = Files.list(out)) {
            for (final Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void step(final String what) {
        System.out.println("  -- " + what);
    }
}
