package io.portcullis.sql;

import io.portcullis.config.EffectiveConfiguration;
import io.portcullis.config.Settings;

/**
 * How Portcullis reaches its book-of-record database (MySQL 8 or MariaDB 10.11).
 *
 * <p>Settings (environment variable in brackets):
 * <ul>
 *   <li>{@code db.url} [PORTCULLIS_DB_URL]: JDBC URL; default built from db.host, db.port and db.name</li>
 *   <li>{@code db.host} [PORTCULLIS_DB_HOST], default 127.0.0.1; {@code db.port} [PORTCULLIS_DB_PORT], default the
 *       local stack's PORTCULLIS_MYSQL_PORT or 13306; {@code db.name} [PORTCULLIS_DB_NAME], default portcullis</li>
 *   <li>{@code db.user} / {@code db.password}: default portcullis / portcullis, the local stack's account</li>
 *   <li>{@code db.pool-size}: connections in the pool, 1..200, default 10</li>
 *   <li>{@code db.dialect}: MYSQL (MySQL 8) or MARIADB, default MARIADB; the jOOQ dialect SQL is rendered in</li>
 * </ul>
 *
 * @param url      JDBC URL, never null
 * @param user     database user, never null
 * @param password database password, never null (masked when printed)
 * @param poolSize maximum pool size, 1..200
 * @param dialect  the SQL dialect of the server
 */
public record DatabaseConfiguration(String url, String user, String password, int poolSize, Dialect dialect) {
    /** Default JDBC driver options: batched statements become multi-row INSERTs; times travel as UTC. */
    public static final String DEFAULT_OPTIONS =
        "rewriteBatchedStatements=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
            + "&useSSL=false&allowPublicKeyRetrieval=true";

    /** The database servers we ship a dialect for. */
    public enum Dialect {
        /** MySQL 8.0 or newer. */
        MYSQL,
        /** MariaDB 10.11 or newer. */
        MARIADB
    }

    /** Reads and validates the {@code db.*} settings. */
    public static DatabaseConfiguration from(final Settings settings) {
        final String host = settings.string("db.host", "127.0.0.1");
        final int port = settings.integer("db.port",
            Integer.parseInt(settings.string("mysql.port", "13306")), 1, 65535);
        final String name = settings.string("db.name", "portcullis");
        final String url = settings.string("db.url", jdbcUrl(host, port, name));
        if (!url.startsWith("jdbc:mysql://")) {
            throw new io.portcullis.config.SettingException("db.url", url,
                "must be a MySQL Connector/J URL starting with jdbc:mysql://");
        }
        return new DatabaseConfiguration(url,
            settings.string("db.user", "portcullis"),
            settings.string("db.password", "portcullis"),
            settings.integer("db.pool-size", 10, 1, 200),
            settings.choice("db.dialect", Dialect.class, Dialect.MARIADB));
    }

    /** A Connector/J URL for {@code host:port/database} with {@link #DEFAULT_OPTIONS}. */
    public static String jdbcUrl(final String host, final int port, final String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + database + "?" + DEFAULT_OPTIONS;
    }

    /** A copy pointing at another database on the same server. */
    public DatabaseConfiguration withDatabase(final String database) {
        final int slash = url.indexOf('/', "jdbc:mysql://".length());
        final int query = url.indexOf('?');
        final String base = url.substring(0, slash + 1);
        final String options = query < 0 ? "" : url.substring(query);
        return new DatabaseConfiguration(base + database + options, user, password, poolSize, dialect);
    }

    /** For the start-up banner, password masked. */
    public EffectiveConfiguration describe() {
        return new EffectiveConfiguration("database")
            .add("db.url", url).add("db.user", user).add("db.password", password)
            .add("db.pool-size", poolSize).add("db.dialect", dialect);
    }

    @Override
    public String toString() {
        return describe().toString();
    }
}
