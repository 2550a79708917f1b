package io.portcullis.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own for one test class on the stack's MySQL/MariaDB server: created empty when opened, dropped
 * when closed. Migrations are the caller's (the sql module's {@code Database.migrate}).
 *
 * <pre>{@code
 * static final TestDatabase DB = TestDatabase.create(MyTest.class);
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {
    /** JDBC options used for every test connection: batched inserts rewritten, UTC session time zone. */
    public static final String OPTIONS = "rewriteBatchedStatements=true&connectionTimeZone=UTC"
        + "&forceConnectionTimeZoneToSession=true&useSSL=false&allowPublicKeyRetrieval=true";

    private final String name;

    private TestDatabase(final String name) {
        this.name = name;
    }

    /** Creates an empty database named by {@link Isolation#databaseName(Class)}; fails if the stack is down. */
    public static TestDatabase create(final Class<?> testClass) {
        LocalStack.require(LocalStack.Service.MYSQL);
        final TestDatabase database = new TestDatabase(Isolation.databaseName(testClass));
        database.execute("CREATE DATABASE `" + database.name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return database;
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    /** A Connector/J URL for this database. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + LocalStack.mysqlHost() + ":" + LocalStack.mysqlPort() + "/" + name + "?" + OPTIONS;
    }

    /** The user tests connect as. */
    public String user() {
        return LocalStack.mysqlUser();
    }

    /** That user's password. */
    public String password() {
        return LocalStack.mysqlPassword();
    }

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    /** Drops the database. */
    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS `" + name + "`");
    }

    private void execute(final String sql) {
        final String serverUrl = "jdbc:mysql://" + LocalStack.mysqlHost() + ":" + LocalStack.mysqlPort() + "/?" + OPTIONS;
        try (Connection connection = DriverManager.getConnection(serverUrl, user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (final SQLException ex) {
            throw new AssertionError("cannot run '" + sql + "' on " + serverUrl + " as " + user() + ": "
                + ex.getMessage(), ex);
        }
    }
}
