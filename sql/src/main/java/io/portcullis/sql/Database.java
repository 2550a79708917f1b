package io.portcullis.sql;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The book-of-record database: the connection pool, the schema migrations and the jOOQ context.
 *
 * <p>One instance per process. Thread-safe. Closing it closes the pool.
 */
public final class Database implements AutoCloseable {
    private final DatabaseConfiguration configuration;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Database(final DatabaseConfiguration configuration, final HikariDataSource dataSource) {
        this.configuration = configuration;
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, dialect(configuration.dialect()), new Settings().withExecuteLogging(false));
    }

    /**
     * Opens the pool. Fails fast (within a few seconds) when the server does not answer, with a message that names
     * the URL and says how to start the local stack.
     */
    public static Database open(final DatabaseConfiguration configuration) {
        final HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("portcullis-db");
        hikari.setJdbcUrl(configuration.url());
        hikari.setUsername(configuration.user());
        hikari.setPassword(configuration.password());
        hikari.setMaximumPoolSize(configuration.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(5_000);
        hikari.setInitializationFailTimeout(5_000);
        hikari.setAutoCommit(true);
        try {
            return new Database(configuration, new HikariDataSource(hikari));
        } catch (final RuntimeException ex) {
            throw new IllegalStateException("cannot connect to the database at " + configuration.url()
                + " as " + configuration.user() + " (" + rootMessage(ex) + "). Is it running? "
                + "For the local stack: ./portcullis stack up", ex);
        }
    }

    /** Applies the pending Flyway migrations; returns how many were applied. */
    public int migrate() {
        return migrate(dataSource);
    }

    /** Applies the pending Flyway migrations of {@code db/migration} to {@code dataSource}. */
    public static int migrate(final DataSource dataSource) {
        final MigrateResult result = Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load()
            .migrate();
        return result.migrationsExecuted;
    }

    /** The jOOQ context, rendering the configured dialect. */
    public DSLContext dsl() {
        return dsl;
    }

    /** The pool. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The configuration this database was opened with. */
    public DatabaseConfiguration configuration() {
        return configuration;
    }

    /** The jOOQ dialect for a configured server dialect. */
    public static SQLDialect dialect(final DatabaseConfiguration.Dialect dialect) {
        return switch (dialect) {
            case MYSQL -> SQLDialect.MYSQL;
            case MARIADB -> SQLDialect.MARIADB;
        };
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(final Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
