package io.portcullis.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the services of the stack are, for tests: the one place that reads the {@code PORTCULLIS_*} settings.
 *
 * <p>Defaults are the local stack of {@code ./portcullis stack up}. Point tests elsewhere with
 * {@code PORTCULLIS_DB_HOST}, {@code PORTCULLIS_DB_PORT} (or {@code PORTCULLIS_MYSQL_PORT}), {@code PORTCULLIS_DB_USER},
 * {@code PORTCULLIS_DB_PASSWORD}, {@code PORTCULLIS_KAFKA_BOOTSTRAP} (or {@code PORTCULLIS_KAFKA_PORT}),
 * {@code PORTCULLIS_REDIS_URL} (or {@code PORTCULLIS_REDIS_PORT}) and {@code PORTCULLIS_ES_URL}
 * (or {@code PORTCULLIS_ES_PORT}).
 *
 * <p>{@link #require} fails the test at once, with the command that fixes it, when a service is not there: a test
 * that needs a real service never skips and never falls back to a stand-in.
 */
public final class LocalStack {
    /** The services a test may need. */
    public enum Service { MYSQL, KAFKA, REDIS, ELASTICSEARCH }

    private static final Map<String, String> ENV = System.getenv();
    private static final Set<Service> VERIFIED = EnumSet.noneOf(Service.class);

    private LocalStack() {
    }

    /** MySQL/MariaDB host. */
    public static String mysqlHost() {
        return env("PORTCULLIS_DB_HOST", "127.0.0.1");
    }

    /** MySQL/MariaDB port. */
    public static int mysqlPort() {
        return Integer.parseInt(env("PORTCULLIS_DB_PORT", env("PORTCULLIS_MYSQL_PORT", "13306")));
    }

    /** MySQL/MariaDB user; it must be allowed to create and drop databases. */
    public static String mysqlUser() {
        return env("PORTCULLIS_DB_USER", "portcullis");
    }

    /** MySQL/MariaDB password. */
    public static String mysqlPassword() {
        return env("PORTCULLIS_DB_PASSWORD", "portcullis");
    }

    /** Kafka bootstrap servers, {@code host:port[,host:port...]}. */
    public static String kafkaBootstrap() {
        return env("PORTCULLIS_KAFKA_BOOTSTRAP", "127.0.0.1:" + env("PORTCULLIS_KAFKA_PORT", "19092"));
    }

    /** Redis address as a {@code redis://host:port} URL. */
    public static String redisUrl() {
        return env("PORTCULLIS_REDIS_URL", "redis://127.0.0.1:" + env("PORTCULLIS_REDIS_PORT", "16379"));
    }

    /** Elasticsearch base URL, e.g. {@code http://127.0.0.1:19200}. */
    public static String elasticsearchUrl() {
        return env("PORTCULLIS_ES_URL", "http://127.0.0.1:" + env("PORTCULLIS_ES_PORT", "19200"));
    }

    /**
     * Checks that each service accepts connections; throws {@link AssertionError} naming the service, its address and
     * the fix ("stack not running: ./portcullis stack up") otherwise. Checked once per JVM per service.
     */
    public static synchronized void require(final Service... services) {
        for (final Service service : services) {
            if (VERIFIED.contains(service)) {
                continue;
            }
            final InetSocketAddress address = address(service);
            try (Socket socket = new Socket()) {
                socket.connect(address, 2_000);
            } catch (final IOException ex) {
                throw new AssertionError("stack not running: ./portcullis stack up ("
                    + service.name().toLowerCase(java.util.Locale.ROOT) + " did not answer at "
                    + address.getHostString() + ":" + address.getPort() + ": " + ex.getMessage() + ")", ex);
            }
            VERIFIED.add(service);
        }
    }

    private static InetSocketAddress address(final Service service) {
        return switch (service) {
            case MYSQL -> new InetSocketAddress(mysqlHost(), mysqlPort());
            case KAFKA -> {
                final String first = kafkaBootstrap().split(",")[0].trim();
                final int colon = first.lastIndexOf(':');
                yield new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
            }
            case REDIS -> fromUri(URI.create(redisUrl()));
            case ELASTICSEARCH -> fromUri(URI.create(elasticsearchUrl()));
        };
    }

    private static InetSocketAddress fromUri(final URI uri) {
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    private static String env(final String name, final String defaultValue) {
        final String value = ENV.get(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
