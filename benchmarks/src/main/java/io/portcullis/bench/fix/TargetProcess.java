package io.portcullis.bench.fix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A system under test in its own JVM (the gateway or the bare acceptor): started with a class path and main class,
 * ready when a line of its standard output contains the given marker; everything it prints goes to a log file.
 */
final class TargetProcess implements AutoCloseable {
    private final Process process;
    private final String name;

    private TargetProcess(final Process process, final String name) {
        this.process = process;
        this.name = name;
    }

    /**
     * Starts the process and waits for its ready marker.
     *
     * @throws IllegalStateException if it exits or stays silent past the timeout (the log's tail is in the message)
     */
    static TargetProcess start(final String name, final String classpath, final List<String> jvmOptions,
                               final String mainClass, final List<String> args, final Map<String, String> env,
                               final Path log, final String readyMarker, final long timeoutSeconds)
        throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        final Process process = builder.start();
        final CompletableFuture<Boolean> ready = new CompletableFuture<>();
        final Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                     StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.contains(readyMarker)) {
                        ready.complete(true);
                    }
                }
            } catch (final IOException ex) {
                ready.completeExceptionally(ex);
            }
            ready.complete(false);
        }, name + "-output");
        pump.setDaemon(true);
        pump.start();
        final TargetProcess target = new TargetProcess(process, name);
        boolean isReady;
        try {
            isReady = ready.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (final java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
            isReady = false;
        }
        if (!isReady) {
            target.close();
            throw new IllegalStateException(name + " did not start within " + timeoutSeconds + " s; last lines of "
                + log + ":\n" + tail(log));
        }
        return target;
    }

    private static String tail(final Path log) {
        try {
            final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (final IOException ex) {
            return "(unreadable: " + ex.getMessage() + ")";
        }
    }

    /** @throws IllegalStateException if the process has exited */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue());
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                System.err.println(name + " did not stop within 20 s; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (final InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
