package io.portcullis.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of a test's own (the Debian binary on the PATH, as the local stack uses) on a free loopback port,
 * with no persistence: stopping it loses everything, as a crashed Redis without its files would. Never the shared
 * stack's Redis.
 */
public final class ThrowawayRedis implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    private ThrowawayRedis(final Path dir, final int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts one with its files (a log only) in {@code dir}. */
    public static ThrowawayRedis start(final Path dir) throws IOException, InterruptedException {
        final int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        final ThrowawayRedis redis = new ThrowawayRedis(dir, port);
        redis.startProcess();
        return redis;
    }

    /** Its address, {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server (SIGKILL): its data is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("redis-server on port " + port + " did not stop");
        }
    }

    /** Starts it again on the same port, empty. */
    public void restart() throws IOException, InterruptedException {
        startProcess();
    }

    private void startProcess() throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", dir.toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (final IOException ex) {
                if (!process.isAlive()) {
                    throw new AssertionError("redis-server exited at start (exit " + process.exitValue() + "); see "
                        + dir.resolve("redis-" + port + ".log"));
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("redis-server did not listen on port " + port + " within 10 s");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
