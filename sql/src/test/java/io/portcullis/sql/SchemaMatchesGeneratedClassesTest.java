package io.portcullis.sql;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.BROKER_FIRM;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.portcullis.config.Settings;
import io.portcullis.sql.schema.DefaultSchema;
import io.portcullis.testsupport.TestDatabase;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.types.UInteger;
import org.jooq.types.ULong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Flyway migrations run on the real MariaDB, and the live schema is what the generated jOOQ classes say. */
@Timeout(120)
class SchemaMatchesGeneratedClassesTest {
    private static TestDatabase testDatabase;
    private static Database database;
    private static int applied;

    @BeforeAll
    static void migrate() {
        testDatabase = TestDatabase.create(SchemaMatchesGeneratedClassesTest.class);
        database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of(
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password", testDatabase.password(),
            "db.pool-size", "2"), Map.of(), Map.of())));
        applied = database.migrate();
    }

    @AfterAll
    static void drop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void everyMigrationAppliesToAnEmptyDatabaseAndASecondRunAppliesNothing() {
        assertThat(applied).isGreaterThanOrEqualTo(5);
        assertThat(database.migrate()).isZero();
    }

    @Test
    void theLiveTablesAreExactlyTheGeneratedTables() {
        assertThat(liveColumns().keySet()).isEqualTo(generatedColumns().keySet());
    }

    @Test
    void everyColumnExistsLiveAndGeneratedWithTheSameNullabilityAndTypeFamily() {
        final Map<String, Map<String, String>> live = liveColumns();
        generatedColumns().forEach((table, columns) ->
            assertThat(live.get(table)).as("columns of %s: name -> nullability and type family", table)
                .isEqualTo(columns));
    }

    @Test
    void rowsRoundTripThroughTheGeneratedRecords() {
        final LocalDateTime now = LocalDateTime.of(2026, 11, 25, 14, 30, 0, 123_456_000);
        database.dsl().insertInto(BROKER_FIRM)
            .set(BROKER_FIRM.FIRM_ID, "BRK1").set(BROKER_FIRM.NAME, "Broker One").set(BROKER_FIRM.CREATED_AT, now)
            .execute();
        database.dsl().insertInto(ACCOUNT)
            .set(ACCOUNT.ACCOUNT_ID, "ACC1").set(ACCOUNT.FIRM_ID, "BRK1").set(ACCOUNT.NAME, "Customer One")
            .set(ACCOUNT.ACCOUNT_TYPE, "CUSTOMER").set(ACCOUNT.FDID, "FDID-ACC1").set(ACCOUNT.IS_DEFAULT, true)
            .set(ACCOUNT.CREATED_AT, now)
            .execute();

        final var account = database.dsl().selectFrom(ACCOUNT).where(ACCOUNT.ACCOUNT_ID.eq("ACC1")).fetchSingle();

        assertThat(account.getFirmId()).isEqualTo("BRK1");
        assertThat(account.getIsDefault()).isTrue();
        assertThat(account.getStatus()).isEqualTo("ACTIVE");
        assertThat(account.getCreatedAt()).isEqualTo(now);
    }

    /** table -> column -> "NULL|NOT NULL type-family", from the generated classes. */
    private static Map<String, Map<String, String>> generatedColumns() {
        final Map<String, Map<String, String>> tables = new TreeMap<>();
        for (final Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            final Map<String, String> columns = tables.computeIfAbsent(table.getName(), name -> new TreeMap<>());
            for (final Field<?> field : table.fields()) {
                columns.put(field.getName().toLowerCase(Locale.ROOT),
                    (field.getDataType().nullable() ? "NULL " : "NOT NULL ") + family(field.getType()));
            }
        }
        return tables;
    }

    /** The same, read from the live server's information_schema. */
    private static Map<String, Map<String, String>> liveColumns() {
        final Map<String, Map<String, String>> tables = new TreeMap<>();
        final var rows = database.dsl().fetch("SELECT table_name, column_name, is_nullable, data_type "
            + "FROM information_schema.columns WHERE table_schema = ? AND table_name <> 'flyway_schema_history'",
            testDatabase.name());
        for (final Record row : rows) {
            tables.computeIfAbsent(row.get(0, String.class), name -> new TreeMap<>())
                .put(row.get(1, String.class).toLowerCase(Locale.ROOT),
                    ("YES".equals(row.get(2, String.class)) ? "NULL " : "NOT NULL ") + family(row.get(3, String.class)));
        }
        return tables;
    }

    private static String family(final Class<?> type) {
        if (type == Boolean.class || type == Byte.class) {
            return "boolean";
        }
        if (type == Long.class || type == Integer.class || type == UInteger.class || type == ULong.class) {
            return "integer";
        }
        if (type == String.class) {
            return "text";
        }
        return type.getSimpleName();
    }

    /** MySQL stores BOOLEAN as TINYINT(1). */
    private static String family(final String dataType) {
        return switch (dataType.toLowerCase(Locale.ROOT)) {
            case "tinyint" -> "boolean";
            case "bigint", "int" -> "integer";
            case "varchar", "char", "text", "mediumtext", "longtext" -> "text";
            case "decimal" -> "BigDecimal";
            case "datetime", "timestamp" -> "LocalDateTime";
            case "date" -> "LocalDate";
            case "time" -> "LocalTime";
            default -> dataType;
        };
    }
}
