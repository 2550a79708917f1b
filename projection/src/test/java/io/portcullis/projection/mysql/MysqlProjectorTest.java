package io.portcullis.projection.mysql;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.BROKER_FIRM;
import static io.portcullis.sql.schema.Tables.EXECUTIONS;
import static io.portcullis.sql.schema.Tables.ORDERS;
import static io.portcullis.sql.schema.Tables.POSITIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.portcullis.config.Settings;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.engine.Position;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.JournalReader;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.oms.runner.EngineRunner;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.sql.schema.tables.records.PositionsRecord;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The journal of a real engine run, projected into the real MariaDB: every fill once, every order in its final state,
 * positions equal to the engine's; a restarted projector resumes where it stopped and writes nothing twice.
 */
@Timeout(300)
class MysqlProjectorTest {
    private static TestDatabase testDatabase;
    private static Database database;
    private static JournalConfiguration journal;
    private static KafkaJournal kafka;
    private static OrderEngine engine;

    @BeforeAll
    static void runEngineAndProject() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.MYSQL);
        testDatabase = TestDatabase.create(MysqlProjectorTest.class);
        database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of("db.url", testDatabase.jdbcUrl(),
            "db.user", testDatabase.user(), "db.password", testDatabase.password()), Map.of(), Map.of())));
        database.migrate();
        seedAccounts();
        journal = JournalConfiguration.from(Settings.of(Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap()),
            Map.of(), Map.of())).withTopic(Isolation.topicName(MysqlProjectorTest.class, "journal"));
        kafka = KafkaJournal.open(journal);
        final RandomFlowAccess flow = new RandomFlowAccess(77);
        final EngineRunner first = flow.journal(Recovery.recover(RandomFlowAccess.config(), null, journal), kafka,
            6_000);
        first.close();

        try (MysqlProjector projector = new MysqlProjector(journal, database)) {
            projector.start();
            awaitCaughtUp(projector, 6_000);
        }
        // A second projector resumes at the stored offset while the engine journals more.
        final Recovery.Result recovered = Recovery.recover(RandomFlowAccess.config(), null, journal);
        try (MysqlProjector projector = new MysqlProjector(journal, database)) {
            projector.start();
            final EngineRunner second = flow.journal(recovered, kafka, 4_000);
            second.close();
            engine = second.engine();
            awaitCaughtUp(projector, 10_000);
            assertThat(projector.failure()).isNull();
            assertThat(projector.appliedRecords()).as("records applied by the resumed projector").isEqualTo(4_000);
        }
    }

    @AfterAll
    static void cleanUp() {
        kafka.close();
        database.close();
        testDatabase.close();
    }

    @Test
    void everyFillInTheJournalIsOneExecutionRowWithItsExecId() {
        final Set<String> journalExecIds = new HashSet<>();
        final long[] trades = new long[1];
        readJournal(new EngineListener() {
            @Override
            public void onExecutionReport(final ExecutionReport report) {
                if (report.execType() == ExecType.TRADE) {
                    trades[0]++;
                    journalExecIds.add(Long.toString(report.execId()));
                }
            }
        });
        final Set<String> rows = new HashSet<>(database.dsl().select(EXECUTIONS.EXEC_ID).from(EXECUTIONS)
            .fetch(EXECUTIONS.EXEC_ID));

        assertThat(trades[0]).as("fills in the journal").isGreaterThan(1_000).isEqualTo(journalExecIds.size());
        assertThat(database.dsl().fetchCount(EXECUTIONS)).isEqualTo(journalExecIds.size());
        assertThat(rows).isEqualTo(journalExecIds);
    }

    @Test
    void everyOrderRowHoldsTheLastStateTheJournalReported() {
        final Map<Long, ExecutionReport> last = new HashMap<>();
        readJournal(new EngineListener() {
            @Override
            public void onExecutionReport(final ExecutionReport report) {
                if (report.orderId() > 0 && report.execType() != ExecType.ORDER_STATUS) {
                    last.put(report.orderId(), report);
                }
            }
        });

        assertThat(database.dsl().fetchCount(ORDERS)).isEqualTo(last.size());
        database.dsl().selectFrom(ORDERS).fetch().forEach(row -> {
            final ExecutionReport report = last.get(row.getOrderId());
            assertThat(row.getCumQty()).as("cum qty of order %d", row.getOrderId()).isEqualTo(report.cumQty());
            assertThat(row.getLeavesQty()).isEqualTo(report.leavesQty());
            assertThat(row.getOrdStatus()).isEqualTo(String.valueOf(report.ordStatus().fixValue()));
            assertThat(row.getClOrdId()).isEqualTo(report.clOrdId().toString());
            assertThat(row.getFirmId()).isIn("FIRMA", "FIRMB");
        });
    }

    @Test
    void positionRowsEqualTheEnginesPositions() {
        final var rows = database.dsl().selectFrom(POSITIONS).fetch();

        assertThat(rows).isNotEmpty();
        for (final PositionsRecord row : rows) {
            final Position position = engine.position(row.getAccountId(), row.getSymbol());
            assertThat(row.getQuantity()).as("%s %s", row.getAccountId(), row.getSymbol())
                .isEqualTo(position.netQty());
            assertThat(row.getRealizedPnl()).isEqualByComparingTo(Prices.toBigDecimal(position.realizedPnl()));
            assertThat(row.getBoughtQty() - row.getSoldQty()).isEqualTo(row.getQuantity());
        }
        assertThat(rows.stream().map(PositionsRecord::getQuantity).reduce(0L, Long::sum))
            .as("every share bought was sold by someone").isZero();
        assertThat(rows.stream().map(PositionsRecord::getAvgCost)).allMatch(cost -> cost.compareTo(BigDecimal.ZERO) >= 0);
    }

    private static void awaitCaughtUp(final MysqlProjector projector, final long offset) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(projector.failure()).isNull();
            assertThat(projector.nextOffset()).isEqualTo(offset);
        });
    }

    private static void readJournal(final EngineListener listener) {
        JournalReader.readToEnd(journal, 0, (record, offset) ->
            EventDecoder.decode(record.events(), 0, record.events().length, listener));
    }

    private static void seedAccounts() {
        final LocalDateTime now = LocalDateTime.of(2026, 11, 25, 9, 0);
        for (final String firm : new String[] {"FIRMA", "FIRMB"}) {
            database.dsl().insertInto(BROKER_FIRM).set(BROKER_FIRM.FIRM_ID, firm).set(BROKER_FIRM.NAME, firm)
                .set(BROKER_FIRM.CREATED_AT, now).execute();
        }
        for (final String account : new String[] {"ALICE", "BOB", "CAROL", "DAVE"}) {
            database.dsl().insertInto(ACCOUNT).set(ACCOUNT.ACCOUNT_ID, account)
                .set(ACCOUNT.FIRM_ID, account.compareTo("C") < 0 ? "FIRMA" : "FIRMB").set(ACCOUNT.NAME, account)
                .set(ACCOUNT.ACCOUNT_TYPE, "CUSTOMER").set(ACCOUNT.FDID, "FDID-" + account)
                .set(ACCOUNT.CREATED_AT, now).execute();
        }
    }
}
