package io.portcullis.bench.engine.run;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One run's raw results as a properties file under the results directory, plus the environment it ran in.
 * Not thread-safe; allocates.
 */
final class Results {

    private final Properties values = new Properties();

    Results put(final String key, final Object value) {
        values.setProperty(key, String.valueOf(value));
        return this;
    }

    String get(final String key) {
        return values.getProperty(key);
    }

    String get(final String key, final String fallback) {
        return values.getProperty(key, fallback);
    }

    Properties all() {
        return values;
    }

    /** Records the machine, kernel, JDK and load average. */
    Results environment(final String jvmFlags) {
        put("env.cpu", cpuModel());
        put("env.cpus", Runtime.getRuntime().availableProcessors());
        put("env.os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"));
        put("env.jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
            + System.getProperty("java.runtime.version"));
        put("env.flags", jvmFlags);
        put("env.loadavg", String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return this;
    }

    void write(final Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            values.store(out, "portcullis bench engine");
        }
    }

    static Results read(final Path file) throws IOException {
        final Results r = new Results();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.values.load(in);
        }
        return r;
    }

    private static String cpuModel() {
        try {
            for (final String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (final IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }
}
