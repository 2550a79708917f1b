package io.portcullis.backoffice.settlement;

import java.util.Map;

import io.portcullis.config.Settings;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.TestDatabase;
import org.jooq.DSLContext;

/** A migrated database of its own (V1..V11 and later) on the stack's MySQL for one test class. */
public final class BackOfficeDatabase implements AutoCloseable {
    private final TestDatabase testDatabase;
    private final Database database;

    private BackOfficeDatabase(final TestDatabase testDatabase, final Database database) {
        this.testDatabase = testDatabase;
        this.database = database;
    }

    /** Creates and migrates the database of {@code testClass}. */
    public static BackOfficeDatabase create(final Class<?> testClass) {
        final TestDatabase testDatabase = TestDatabase.create(testClass);
        final Database database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of(
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password", testDatabase.password(),
            "db.pool-size", "2"), Map.of(), Map.of())));
        database.migrate();
        return new BackOfficeDatabase(testDatabase, database);
    }

    /** jOOQ over it. */
    public DSLContext dsl() {
        return database.dsl();
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            testDatabase.close();
        }
    }
}
