package io.portcullis.system.stack;

import static io.portcullis.sql.schema.Tables.EXECUTIONS;
import static io.portcullis.sql.schema.Tables.PROJECTOR_OFFSET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.portcullis.config.Settings;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.sql.schema.tables.records.ExecutionsRecord;
import io.portcullis.testsupport.TestDatabase;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real MariaDB through HikariCP, mysql-connector-j and jOOQ: batched inserts in one transaction with the
 * projector's offset, exact decimals and microsecond times, and the server's durability settings.
 */
@Timeout(120)
class MariaDbJooqClientTest {
    private static TestDatabase testDatabase;
    private static Database database;

    @BeforeAll
    static void open() {
        testDatabase = TestDatabase.create(MariaDbJooqClientTest.class);
        database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of(
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(),
            "db.password", testDatabase.password(), "db.pool-size", "4"), Map.of(), Map.of())));
        database.migrate();
    }

    @AfterAll
    static void close() {
        database.close();
        testDatabase.close();
    }

    @Test
    void aBatchOfExecutionsAndTheProjectorOffsetCommitTogether() {
        final List<ExecutionsRecord> rows = executions("B", 1_000);

        database.dsl().transaction(tx -> {
            tx.dsl().batchInsert(rows).execute();
            tx.dsl().insertInto(PROJECTOR_OFFSET)
                .set(PROJECTOR_OFFSET.PROJECTOR, "mysql").set(PROJECTOR_OFFSET.TOPIC, "journal")
                .set(PROJECTOR_OFFSET.KAFKA_PARTITION, 0).set(PROJECTOR_OFFSET.NEXT_OFFSET, 1_000L)
                .set(PROJECTOR_OFFSET.UPDATED_AT, LocalDateTime.of(2026, 11, 25, 15, 0))
                .execute();
        });

        assertThat(database.dsl().fetchCount(EXECUTIONS, EXECUTIONS.EXEC_ID.startsWith("B-"))).isEqualTo(1_000);
        assertThat(database.dsl().select(org.jooq.impl.DSL.sum(EXECUTIONS.LAST_QTY)).from(EXECUTIONS)
            .where(EXECUTIONS.EXEC_ID.startsWith("B-")).fetchSingle().value1())
            .isEqualByComparingTo(BigDecimal.valueOf(100L * 1_000));
        assertThat(database.dsl().fetchValue(PROJECTOR_OFFSET.NEXT_OFFSET)).isEqualTo(1_000L);
    }

    @Test
    void aFailedBatchLeavesNoRowBehind() {
        final List<ExecutionsRecord> rows = executions("F", 10);
        rows.add(rows.get(3).copy());
        rows.get(rows.size() - 1).setExecId(rows.get(3).getExecId());

        assertThatThrownBy(() -> database.dsl().transaction(tx -> tx.dsl().batchInsert(rows).execute()))
            .isInstanceOf(DataAccessException.class);
        assertThat(database.dsl().fetchCount(EXECUTIONS, EXECUTIONS.EXEC_ID.startsWith("F-"))).isZero();
    }

    @Test
    void pricesAndMicrosecondTimesComeBackExactly() {
        final ExecutionsRecord row = executions("P", 1).get(0);
        row.setLastPx(new BigDecimal("187.12345678"));
        row.setExecTime(LocalDateTime.of(2026, 11, 25, 14, 30, 0, 123_456_000));
        database.dsl().batchInsert(row).execute();

        final ExecutionsRecord read = database.dsl().selectFrom(EXECUTIONS).where(EXECUTIONS.EXEC_ID.eq(row.getExecId()))
            .fetchSingle();

        assertThat(read.getLastPx()).isEqualByComparingTo("187.12345678");
        assertThat(read.getExecTime()).isEqualTo(LocalDateTime.of(2026, 11, 25, 14, 30, 0, 123_456_000));
    }

    @Test
    void theServerFlushesItsLogAndBinaryLogAtEveryCommit() {
        final var settings = database.dsl().fetchSingle("SELECT @@innodb_flush_log_at_trx_commit, @@sync_binlog, "
            + "@@log_bin, @@innodb_doublewrite");

        assertThat(settings.get(0, Integer.class)).as("innodb_flush_log_at_trx_commit").isEqualTo(1);
        assertThat(settings.get(2, Integer.class)).as("log_bin").isEqualTo(1);
        assertThat(settings.get(1, Integer.class)).as("sync_binlog").isEqualTo(1);
        assertThat(settings.get(3, Integer.class)).as("innodb_doublewrite").isEqualTo(1);
    }

    private static List<ExecutionsRecord> executions(final String prefix, final int count) {
        final List<ExecutionsRecord> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final ExecutionsRecord row = new ExecutionsRecord();
            row.setExecId(prefix + "-" + i);
            row.setOrderId((long) i);
            row.setTradeId((long) i / 2);
            row.setAccountId("ACC1");
            row.setFirmId("BRK1");
            row.setSymbol("AAPL");
            row.setSide(i % 2 == 0 ? "1" : "2");
            row.setLastQty(100L);
            row.setLastPx(new BigDecimal("187.25"));
            row.setLiquidity(i % 2 == 0 ? "AGGRESSOR" : "RESTING");
            row.setExecTime(LocalDateTime.of(2026, 11, 25, 14, 30));
            row.setTradeDate(LocalDate.of(2026, 11, 25));
            row.setJournalSeq((long) i);
            rows.add(row);
        }
        return rows;
    }
}
