package io.portcullis.app;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.portcullis.oms.command.ExpireGtdOrders;
import io.portcullis.oms.runner.CommandCallback;
import io.portcullis.oms.runner.EngineRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires GTD orders on time: once a second, while any GTD order is live, submits {@link ExpireGtdOrders} with the
 * current time to the engine (which reads no clock itself; the command carries the time and is journaled). Brokers
 * get the expiry ExecutionReports through the usual outbound path. Its own daemon thread; close to stop.
 */
final class GtdExpiry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GtdExpiry.class);

    private final ScheduledExecutorService timer;

    private GtdExpiry(final ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * @param runner   the engine
     * @param anyLive  whether a GTD order may be live (no command is journaled while none is)
     * @param clock    the time the command carries
     */
    static GtdExpiry start(final EngineRunner runner, final BooleanSupplier anyLive, final InstantSource clock) {
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "gtd-expiry");
            thread.setDaemon(true);
            return thread;
        });
        final CommandCallback callback = new CommandCallback() {
            @Override
            public void onDurable(final long sequence, final long offset, final byte[] record) {
            }

            @Override
            public void onLost(final long sequence, final String reason) {
                LOG.warn("GTD expiry command lost: {}", reason);
            }
        };
        timer.scheduleAtFixedRate(() -> {
            if (anyLive.getAsBoolean() && runner.isRunning()) {
                final Instant now = clock.instant();
                final long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
                if (!runner.submit(new ExpireGtdOrders(0, nanos, nanos), callback)) {
                    LOG.warn("GTD expiry: the engine did not take the command (busy); retried in a second");
                }
            }
        }, 1, 1, TimeUnit.SECONDS);
        return new GtdExpiry(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
