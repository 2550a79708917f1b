package io.portcullis.backoffice.batch;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import io.portcullis.config.EffectiveConfiguration;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.reporting.reconcile.ReconcileConfiguration;
import io.portcullis.sql.DatabaseConfiguration;

/**
 * Everything {@code ./portcullis batch} reads from its settings (environment variable in brackets; the gateway's
 * settings file works as is):
 * <ul>
 *   <li>{@code db.*}: the book-of-record database, which also holds the job repository, see
 *       {@link DatabaseConfiguration}</li>
 *   <li>{@code redis.url} [PORTCULLIS_REDIS_URL], or {@code redis.host} / {@code redis.port}: the Redis of the job
 *       locks, default the local stack's redis://127.0.0.1:16379; {@code redis.timeout-ms}, default 2000</li>
 *   <li>{@code batch.lock-prefix} [PORTCULLIS_BATCH_LOCK_PREFIX]: prefix of the lock keys, default
 *       {@code portcullis:batch:<database name>} so that two databases sharing a Redis never share a lock</li>
 *   <li>{@code batch.lock-lease-ms}: how long a job's lock outlives a killed owner (the Redisson watchdog renews
 *       it every third of that while the owner lives), 1000..600000, default 30000</li>
 *   <li>{@code batch.chunk-size}: items per chunk (one transaction, one commit), 1..100000, default 500</li>
 *   <li>{@code batch.output-dir} [PORTCULLIS_BATCH_OUTPUT_DIR]: where the settlement job writes its files, one
 *       folder per trade date, default {@code var/backoffice}</li>
 *   <li>{@code batch.gateway-url} [PORTCULLIS_BATCH_GATEWAY_URL]: the gateway's admin API, through which
 *       {@code trade-date-close} expires the day's DAY orders in the engine, default http://127.0.0.1:18080;
 *       {@code batch.gateway-token} [PORTCULLIS_BATCH_GATEWAY_TOKEN]: a BACK_OFFICE user's API token, needed only to
 *       close today</li>
 *   <li>the reconcile job's sources: {@code kafka.bootstrap}, {@code journal.topic}, {@code es.url},
 *       {@code audit.index-prefix}, see {@link ReconcileConfiguration}</li>
 * </ul>
 *
 * @param database   the book-of-record database
 * @param redisUrl   the Redis of the locks, {@code redis://host:port}
 * @param redisTimeout Redis command timeout
 * @param lockPrefix prefix of the lock keys
 * @param lockLease  how long a lock outlives its owner
 * @param chunkSize  items per chunk
 * @param reconcile  the reconcile job's sources
 * @param outputDir  where job files go
 * @param gatewayUrl the gateway's admin API
 * @param gatewayToken a BACK_OFFICE token for it, or null
 */
public record BatchConfiguration(DatabaseConfiguration database, String redisUrl, Duration redisTimeout,
                                 String lockPrefix, Duration lockLease, int chunkSize,
                                 ReconcileConfiguration reconcile, java.nio.file.Path outputDir, String gatewayUrl,
                                 String gatewayToken) {

    /**
     * Reads and validates the settings.
     *
     * @throws SettingException naming the first bad setting
     */
    public static BatchConfiguration from(final Settings settings) {
        final DatabaseConfiguration database = DatabaseConfiguration.from(settings);
        final String host = settings.string("redis.host", "127.0.0.1");
        final int port = settings.integer("redis.port", 16379, 1, 65535);
        final String url = settings.string("redis.url", "redis://" + host + ":" + port);
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new SettingException("redis.url", url, "must start with redis:// or rediss://");
        }
        try {
            final URI uri = new URI(url);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new SettingException("redis.url", url, "must name a host and a port");
            }
        } catch (final URISyntaxException ex) {
            throw new SettingException("redis.url", url, "is not a URL: " + ex.getMessage());
        }
        final String prefix = settings.string("batch.lock-prefix", "portcullis:batch:" + databaseName(database.url()));
        if (!prefix.matches("[A-Za-z0-9:._-]{1,128}")) {
            throw new SettingException("batch.lock-prefix", prefix, "must be 1 to 128 of letters, digits, : . _ -");
        }
        return new BatchConfiguration(database, url,
            Duration.ofMillis(settings.integer("redis.timeout-ms", 2_000, 100, 60_000)), prefix,
            Duration.ofMillis(settings.integer("batch.lock-lease-ms", 30_000, 1_000, 600_000)),
            settings.integer("batch.chunk-size", 500, 1, 100_000),
            ReconcileConfiguration.from(settings),
            java.nio.file.Path.of(settings.string("batch.output-dir", "var/backoffice")),
            settings.string("batch.gateway-url", "http://127.0.0.1:18080"),
            settings.string("batch.gateway-token", null));
    }

    /** @return a copy with another chunk size (tests) */
    public BatchConfiguration withChunkSize(final int size) {
        return new BatchConfiguration(database, redisUrl, redisTimeout, lockPrefix, lockLease, size, reconcile,
            outputDir, gatewayUrl, gatewayToken);
    }

    /** @return the effective settings, password masked, for the start-up banner */
    public EffectiveConfiguration describe() {
        final URI uri = URI.create(redisUrl);
        return new EffectiveConfiguration("batch").add("db.url", database.url()).add("db.user", database.user())
            .add("db.password", database.password())
            .add("redis.url", uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort())
            .add("batch.lock-prefix", lockPrefix).add("batch.lock-lease-ms", lockLease.toMillis())
            .add("batch.chunk-size", chunkSize).add("batch.output-dir", outputDir)
            .add("batch.gateway-url", gatewayUrl).add("batch.gateway-token", gatewayToken == null ? "(none)" : "****");
    }

    private static String databaseName(final String jdbcUrl) {
        final int slash = jdbcUrl.indexOf('/', "jdbc:mysql://".length());
        final int query = jdbcUrl.indexOf('?');
        final String name = slash < 0 ? "" : jdbcUrl.substring(slash + 1, query < 0 ? jdbcUrl.length() : query);
        return name.isEmpty() ? "default" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
