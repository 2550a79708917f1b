package io.portcullis.backoffice.batch;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;

/**
 * One Redis lock per job name (any business date): at most one run of a job at a time across every host, and a way
 * to tell a live run from one whose process died. The lock is a Redisson {@link RLock} without a fixed lease: while
 * its owner lives Redisson's watchdog renews it every third of {@code batch.lock-lease-ms}; after a kill -9 it
 * lapses within that lease. So "the repository says STARTED and nobody holds the lock" means the run is dead.
 *
 * <p>The lock alone cannot stop a paused owner (a long GC, a frozen VM) that lost its lease from writing on when it
 * wakes: {@link Fence} adds a fencing token for that. Not thread-safe: a lock is released by the thread that took it.
 */
public final class JobLock implements AutoCloseable {
    private final RedissonClient redisson;
    private final String prefix;

    private JobLock(final RedissonClient redisson, final String prefix) {
        this.redisson = redisson;
        this.prefix = prefix;
    }

    /**
     * Connects (lazily: the first command reaches Redis).
     *
     * @param configuration the Redis address, timeout, key prefix and lease
     * @return the locks, never null
     */
    public static JobLock connect(final BatchConfiguration configuration) {
        final Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setLazyInitialization(true);
        config.setThreads(2);
        config.setNettyThreads(2);
        config.setLockWatchdogTimeout(configuration.lockLease().toMillis());
        final int timeout = (int) configuration.redisTimeout().toMillis();
        config.useSingleServer().setAddress(configuration.redisUrl()).setConnectionMinimumIdleSize(1)
            .setConnectionPoolSize(2).setSubscriptionConnectionMinimumIdleSize(1).setSubscriptionConnectionPoolSize(1)
            .setConnectTimeout(timeout).setTimeout(timeout).setRetryAttempts(1)
            .setRetryDelay(new ConstantDelay(Duration.ofMillis(Math.min(200, timeout))));
        return new JobLock(Redisson.create(config), configuration.lockPrefix());
    }

    /**
     * Takes the job's lock if nobody holds it, without waiting.
     *
     * @param job the job
     * @return the held lock, or empty when another run (live, or killed less than a lease ago) holds it
     * @throws BatchException {@link ExitCode#UNREACHABLE} when Redis does not answer
     */
    public Optional<Held> tryAcquire(final BatchJob job) {
        return tryAcquire(job.jobName());
    }

    /**
     * Takes a named lock (a job's, or one report's parameters') if nobody holds it, without waiting.
     *
     * @param job the lock's name
     * @return the held lock, or empty when another run holds it
     * @throws BatchException {@link ExitCode#UNREACHABLE} when Redis does not answer
     */
    public Optional<Held> tryAcquire(final String job) {
        final RLock lock = redisson.getLock(key(job));
        try {
            return lock.tryLock(0, TimeUnit.MILLISECONDS) ? Optional.of(new Held(lock)) : Optional.empty();
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new BatchException(ExitCode.FAILED, "interrupted while taking the lock of " + job, ex);
        } catch (final RuntimeException ex) {
            throw unreachable(ex);
        }
    }

    /**
     * @param job the job
     * @return true when some run (here or elsewhere) holds the job's lock now
     * @throws BatchException {@link ExitCode#UNREACHABLE} when Redis does not answer
     */
    public boolean isHeld(final BatchJob job) {
        return isHeld(job.jobName());
    }

    /**
     * @param job a lock's name
     * @return true when some run holds that lock now
     * @throws BatchException {@link ExitCode#UNREACHABLE} when Redis does not answer
     */
    public boolean isHeld(final String job) {
        try {
            return redisson.getLock(key(job)).isLocked();
        } catch (final RuntimeException ex) {
            throw unreachable(ex);
        }
    }

    /** @return the Redis key of the job's lock */
    public String key(final BatchJob job) {
        return key(job.jobName());
    }

    /**
     * @param job a lock's name
     * @return its Redis key
     */
    public String key(final String job) {
        return prefix + ":lock:" + job;
    }

    private BatchException unreachable(final RuntimeException ex) {
        return new BatchException(ExitCode.UNREACHABLE, "Redis does not answer (" + ex.getMessage() + "); the job "
            + "locks live there. Is it running? For the local stack: ./portcullis stack up", ex);
    }

    @Override
    public void close() {
        redisson.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** A held job lock; closing releases it (on the thread that took it). */
    public static final class Held implements AutoCloseable {
        private final RLock lock;

        private Held(final RLock lock) {
            this.lock = lock;
        }

        /** @return the lock's Redis key */
        public String key() {
            return lock.getName();
        }

        /** Releases the lock if this thread still holds it (a lapsed lease may already have freed it). */
        @Override
        public void close() {
            try {
                if (lock.isHeldByCurrentThread()) {
                    lock.unlock();
                }
            } catch (final RuntimeException ex) {
                // Redis gone: the lease lapses on its own.
            }
        }
    }
}
