package io.portcullis.risk.desk;

import java.net.URI;
import java.time.Duration;

import io.portcullis.config.EffectiveConfiguration;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;

/**
 * How the risk desk reaches Redis and how often a node reconciles (environment variable in brackets).
 * <ul>
 *   <li>{@code redis.url} [PORTCULLIS_REDIS_URL]: {@code redis://host:port} (or {@code rediss://}); default built from
 *       {@code redis.host} [PORTCULLIS_REDIS_HOST], default 127.0.0.1, and {@code redis.port}
 *       [PORTCULLIS_REDIS_PORT], default 16379 (the local stack's)</li>
 *   <li>{@code redis.key-prefix}: prefix of the desk's Redis keys and topic; the gateway's default is
 *       {@code portcullis:<database>:} (see {@link #prefixFor})</li>
 *   <li>{@code redis.timeout-ms}: how long a Redis command may take before Redis counts as unreachable,
 *       100..60,000, default 1,000</li>
 *   <li>{@code risk.sync-interval-ms}: time between a node's reconciliations (and, with Redis down, its MySQL
 *       polls), 100..60,000, default 1,000</li>
 *   <li>{@code risk.authority-check-every}: reconciliations between comparisons with MySQL while Redis answers,
 *       1..3,600, default 10</li>
 *   <li>{@code risk.engine-wait-ms}: how long a desk call waits for this node's engine to take its change,
 *       0..60,000, default 5,000</li>
 * </ul>
 *
 * @param redisUrl        Redis address
 * @param keyPrefix       key prefix
 * @param redisTimeout    Redis command timeout
 * @param syncInterval    reconciliation interval
 * @param authorityEvery  reconciliations between MySQL comparisons
 * @param engineWait      wait for the local engine
 */
public record DeskConfiguration(String redisUrl, String keyPrefix, Duration redisTimeout, Duration syncInterval,
                                int authorityEvery, Duration engineWait) {
    /** Reads and validates the settings; the key prefix defaults to {@code portcullis:}. */
    public static DeskConfiguration from(final Settings settings) {
        return from(settings, "portcullis:");
    }

    /**
     * Reads and validates the settings.
     *
     * @param defaultPrefix the key prefix when {@code redis.key-prefix} is not set; a gateway passes one naming its
     *                      database ({@link #prefixFor}), so that nodes of different databases sharing a Redis never
     *                      mix their desk state
     */
    public static DeskConfiguration from(final Settings settings, final String defaultPrefix) {
        final String host = settings.string("redis.host", "127.0.0.1");
        final int port = settings.integer("redis.port", 16379, 1, 65535);
        final String url = settings.string("redis.url", "redis://" + host + ":" + port);
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new SettingException("redis.url", url, "must start with redis:// or rediss://");
        }
        try {
            if (URI.create(url).getHost() == null || URI.create(url).getPort() < 0) {
                throw new SettingException("redis.url", url, "must name a host and a port");
            }
        } catch (final IllegalArgumentException ex) {
            throw new SettingException("redis.url", url, "is not a URL: " + ex.getMessage());
        }
        final String prefix = settings.string("redis.key-prefix", defaultPrefix);
        if (!prefix.matches("[A-Za-z0-9:._-]{0,128}")) {
            throw new SettingException("redis.key-prefix", prefix, "must be at most 128 of letters, digits, : . _ -");
        }
        return new DeskConfiguration(url, prefix,
            Duration.ofMillis(settings.integer("redis.timeout-ms", 1_000, 100, 60_000)),
            Duration.ofMillis(settings.integer("risk.sync-interval-ms", 1_000, 100, 60_000)),
            settings.integer("risk.authority-check-every", 10, 1, 3_600),
            Duration.ofMillis(settings.integer("risk.engine-wait-ms", 5_000, 0, 60_000)));
    }

    /**
     * The default key prefix for the desk state of one database: {@code portcullis:<database>:}, the database taken
     * from a Connector/J URL ({@code jdbc:mysql://host:port/<database>?...}).
     */
    public static String prefixFor(final String jdbcUrl) {
        final int slash = jdbcUrl.indexOf('/', "jdbc:mysql://".length());
        final int query = jdbcUrl.indexOf('?');
        final String database = slash < 0 ? "" : jdbcUrl.substring(slash + 1, query < 0 ? jdbcUrl.length() : query);
        final String safe = database.replaceAll("[^A-Za-z0-9._-]", "_");
        return "portcullis:" + (safe.isEmpty() ? "" : safe + ":");
    }

    /**
     * A Redisson client for the desk: strings, lazy (a node starts, in MySQL fallback, while Redis is down), short
     * timeouts (so that a dead Redis is noticed within {@code redis.timeout-ms}), reconnecting every second.
     * The caller shuts it down.
     */
    public RedissonClient connect() {
        final Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setLazyInitialization(true);
        config.setThreads(2);
        config.setNettyThreads(4);
        final int timeout = (int) redisTimeout.toMillis();
        config.useSingleServer().setAddress(redisUrl).setConnectionMinimumIdleSize(1).setConnectionPoolSize(4)
            .setSubscriptionConnectionMinimumIdleSize(1).setSubscriptionConnectionPoolSize(2)
            .setConnectTimeout(timeout).setTimeout(timeout).setRetryAttempts(1)
            .setRetryDelay(new ConstantDelay(Duration.ofMillis(Math.min(200, timeout))))
            .setReconnectionDelay(new ConstantDelay(Duration.ofSeconds(1)))
            .setSubscriptionTimeout(timeout).setPingConnectionInterval(timeout);
        return Redisson.create(config);
    }

    /** For the start-up banner; the URL without credentials. */
    public EffectiveConfiguration describe() {
        final URI uri = URI.create(redisUrl);
        return new EffectiveConfiguration("risk desk")
            .add("redis.url", uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort())
            .add("redis.key-prefix", keyPrefix).add("redis.timeout-ms", redisTimeout.toMillis())
            .add("risk.sync-interval-ms", syncInterval.toMillis()).add("risk.authority-check-every", authorityEvery)
            .add("risk.engine-wait-ms", engineWait.toMillis());
    }

    /** A copy with another key prefix (tests isolate themselves this way). */
    public DeskConfiguration withKeyPrefix(final String prefix) {
        return new DeskConfiguration(redisUrl, prefix, redisTimeout, syncInterval, authorityEvery, engineWait);
    }

    /** A copy pointing at another Redis. */
    public DeskConfiguration withRedisUrl(final String url) {
        return new DeskConfiguration(url, keyPrefix, redisTimeout, syncInterval, authorityEvery, engineWait);
    }
}
