package io.portcullis.system.engine;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.BROKER_FIRM;
import static io.portcullis.sql.schema.Tables.EXECUTIONS;
import static io.portcullis.sql.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.portcullis.config.Settings;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.JournalReader;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the engine's process in the middle of a command stream, then a restart: every acknowledged order is
 * there, no execution is lost or duplicated in Kafka or MySQL (by ExecID), sequences have no gap, and the books equal
 * a replay of the journal.
 */
@Timeout(600)
class EngineCrashRecoveryTest {
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());

    @TempDir
    static Path temp;

    private static TestDatabase testDatabase;
    private static Database database;
    private static JournalConfiguration journal;
    private static final List<String> ackedNewOrders = new CopyOnWriteArrayList<>();
    private static long lastAckedBeforeCrash;
    private static String[] recoveredLine;
    private static String[] doneLine;

    @BeforeAll
    static void crashAndRestart() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.MYSQL);
        System.out.println("crash test seed " + SEED + " (rerun with -Dcrash.seed=" + SEED + ")");
        testDatabase = TestDatabase.create(EngineCrashRecoveryTest.class);
        database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of("db.url", testDatabase.jdbcUrl(),
            "db.user", testDatabase.user(), "db.password", testDatabase.password()), Map.of(), Map.of())));
        database.migrate();
        seedAccounts();
        journal = JournalConfiguration.from(Settings.of(Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap()),
            Map.of(), Map.of())).withTopic(Isolation.topicName(EngineCrashRecoveryTest.class, "journal"));

        final int killAfter = 5_000 + new Random(SEED).nextInt(10_000);
        final Process first = start("A", SEED, 60_000, "first");
        final BufferedReader firstOut = reader(first);
        String line;
        int acks = 0;
        while ((line = firstOut.readLine()) != null) {
            if (line.startsWith("ACK ")) {
                final String[] parts = line.split(" ");
                lastAckedBeforeCrash = Long.parseLong(parts[1]);
                for (int i = 2; i < parts.length; i++) {
                    ackedNewOrders.add(parts[i]);
                }
                if (++acks >= killAfter) {
                    first.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(acks).as("acks seen before the kill").isEqualTo(killAfter);

        final Process second = start("B", SEED + 1, 4_000, "second");
        final BufferedReader secondOut = reader(second);
        while ((line = secondOut.readLine()) != null) {
            if (line.startsWith("RECOVERED ")) {
                System.out.println("after kill -9 at ack " + killAfter + ": " + line);
                recoveredLine = line.split(" ");
            } else if (line.startsWith("DONE ")) {
                doneLine = line.split(" ");
            }
        }
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as("restarted node exit status; see target/engine-node-second.log").isZero();
    }

    @AfterAll
    static void cleanUp() {
        database.close();
        testDatabase.close();
    }

    @Test
    void recoveryReplayedTheJournalDeterministicallyAndLostNoAcknowledgedCommand() {
        assertThat(recoveredLine).isNotNull();
        assertThat(Long.parseLong(recoveredLine[1])).as("recovered last sequence")
            .isGreaterThanOrEqualTo(lastAckedBeforeCrash);
        assertThat(Long.parseLong(recoveredLine[4])).as("replayed records whose events differ").isZero();
        assertThat(Long.parseLong(recoveredLine[2])).as("recovery started from a snapshot (one per 5,000 commands)")
            .isGreaterThanOrEqualTo(5_000);
        assertThat(Long.parseLong(recoveredLine[3])).as("journal records replayed after the snapshot").isPositive();
        assertThat(doneLine).isNotNull();
        assertThat(doneLine[3]).as("projector state").isEqualTo("ok");
    }

    @Test
    void everyAcknowledgedOrderIsInTheJournalAndInMysql() {
        final Set<String> journalNewOrders = new HashSet<>();
        readJournal(new EngineListener() {
            @Override
            public void onExecutionReport(final ExecutionReport report) {
                if (report.execType() == ExecType.NEW) {
                    journalNewOrders.add(report.clOrdId() + ":" + report.orderId());
                }
            }
        });
        // Orders are rows by OrderID: a replace gives the row a new ClOrdID, so MySQL is checked by OrderID.
        final Set<String> mysqlOrderIds = new HashSet<>(database.dsl().select(ORDERS.ORDER_ID).from(ORDERS)
            .where(ORDERS.SESSION_ID.eq(RandomFlowAccess.session())).fetch(ORDERS.ORDER_ID).stream()
            .map(String::valueOf).toList());
        final List<String> ackedOrderIds = ackedNewOrders.stream().map(a -> a.substring(a.indexOf(':') + 1)).toList();

        assertThat(ackedNewOrders).hasSizeGreaterThan(1_000);
        assertThat(journalNewOrders).containsAll(ackedNewOrders);
        assertThat(mysqlOrderIds).containsAll(ackedOrderIds);
    }

    @Test
    void noExecutionIsLostOrDuplicatedInKafkaOrMysql() {
        final List<String> journalExecIds = new ArrayList<>();
        readJournal(new EngineListener() {
            @Override
            public void onExecutionReport(final ExecutionReport report) {
                if (report.execType() == ExecType.TRADE) {
                    journalExecIds.add(Long.toString(report.execId()));
                }
            }
        });
        final List<String> mysqlExecIds = database.dsl().select(EXECUTIONS.EXEC_ID).from(EXECUTIONS)
            .fetch(EXECUTIONS.EXEC_ID);

        assertThat(journalExecIds).hasSizeGreaterThan(1_000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(mysqlExecIds)).isEqualTo(new HashSet<>(journalExecIds));
        assertThat(mysqlExecIds).hasSameSizeAs(journalExecIds);
    }

    @Test
    void journalSequencesRunWithoutGapOrRepeat() {
        final List<Long> sequences = new ArrayList<>();
        JournalReader.readToEnd(journal, 0, (record, offset) -> sequences.add(record.sequence()));

        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("sequence at offset %d", i).isEqualTo(i + 1L);
        }
        assertThat((long) sequences.size()).isEqualTo(Long.parseLong(doneLine[1]));
    }

    @Test
    void theRestartedEngineEqualsAReplayOfTheJournalAlone() {
        final Recovery.Result replay = Recovery.recover(RandomFlowAccess.config(), null, journal);

        assertThat(replay.mismatches()).isZero();
        assertThat(replay.engine().stateHashHex()).isEqualTo(doneLine[2]);
    }

    private static Process start(final String prefix, final long seed, final int commands, final String name)
        throws IOException {
        final Path log = Path.of("target", "engine-node-" + name + ".log");
        Files.createDirectories(log.getParent());
        final String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
            EngineNode.class.getName(), LocalStack.kafkaBootstrap(), journal.topic(), testDatabase.jdbcUrl(),
            testDatabase.user(), testDatabase.password(), temp.resolve("snapshots").toString(), Long.toString(seed),
            prefix, Integer.toString(commands))
            .redirectError(log.toFile())
            .start();
    }

    private static BufferedReader reader(final Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
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
