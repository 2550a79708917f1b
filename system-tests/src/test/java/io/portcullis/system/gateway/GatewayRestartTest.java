package io.portcullis.system.gateway;

import static io.portcullis.sql.schema.Tables.EXECUTIONS;
import static io.portcullis.sql.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.portcullis.config.Settings;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.JournalReader;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the gateway process (the demo configuration: session layer on MySQL, engine on the Kafka journal, MySQL
 * projector) while a broker's QuickFIX/J initiator with a persistent file store streams crossing orders; the gateway
 * restarts on the same database, journal topic and snapshot directory, the initiator reconnects and the session
 * resumes through resend and gap fill. Then nothing is lost or duplicated: every acknowledged ClOrdID is exactly one
 * order in MySQL, ExecIDs are unique in MySQL and the journal and the same in both, and the initiator got every fill
 * exactly once by ExecID once repeats flagged PossDupFlag/PossResend are dropped.
 *
 * <p>The kill point, the orders sent while the gateway is down and the ClOrdIDs come from {@code -Drestart.seed}
 * (printed, and in every failure message).
 */
@Timeout(420)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayRestartTest {
    private static final long SEED = Long.getLong("restart.seed", System.nanoTime());
    private static final String SESSION = "FIX.4.4:PORTCULLIS->BROKER1";
    private static final String PASSWORD = "broker1-demo";
    private static final String PRICE = "268.47";
    private static final int PAIRS = 150;
    private static final long PAIR_INTERVAL_MILLIS = 20;

    @TempDir
    static Path temp;

    private final Random random = new Random(SEED);
    private final int killAfterAcks = 20 + random.nextInt(60);
    private final int pairsWhileDown = random.nextInt(25);
    private final String prefix = "R" + Long.toString(SEED & 0xffffff, 36).toUpperCase() + "-";
    private final List<String> timeline = new ArrayList<>();
    private TestDatabase testDatabase;
    private Database database;
    private JournalConfiguration journal;
    private RecordingInitiator initiator;
    private Process node;
    private int killedAtAcks;

    @BeforeAll
    void crashTheGatewayMidStreamAndRestartIt() throws Exception {
        LocalStack.require(LocalStack.Service.MYSQL, LocalStack.Service.KAFKA);
        System.out.println("gateway restart test: " + choices() + " (rerun with -Drestart.seed=" + SEED + ")");
        testDatabase = TestDatabase.create(GatewayRestartTest.class);
        database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of("db.url", testDatabase.jdbcUrl(),
            "db.user", testDatabase.user(), "db.password", testDatabase.password()), Map.of(), Map.of())));
        journal = JournalConfiguration.from(Settings.of(Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap()),
            Map.of(), Map.of())).withTopic(Isolation.topicName(GatewayRestartTest.class, "journal"));
        final int[] ports = {freePort(), freePort(), freePort()};

        node = startNode("first", ports);
        initiator = new RecordingInitiator("BROKER1", PASSWORD, ports[0], temp.resolve("initiator-store"));
        initiator.start();
        await("first logon", 60, initiator::loggedOn);
        note("logged on to the first gateway");

        int pair = 0;
        while (initiator.acknowledged.size() < killAfterAcks) {
            sendPair(pair++);
        }
        node.destroyForcibly();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        killedAtAcks = initiator.acknowledged.size();
        note("kill -9 after pair " + pair + ", " + killedAtAcks + " ClOrdIDs acknowledged; exit " + node.exitValue());
        assertThat(node.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        await("the initiator notices the disconnect", 30, () -> !initiator.loggedOn());
        for (int i = 0; i < pairsWhileDown; i++) {
            sendPair(pair++);
        }
        note(pairsWhileDown + " pairs sent while the gateway was down (stored, to be resent)");

        node = startNode("second", ports);
        await("logon to the restarted gateway", 90, initiator::loggedOn);
        note("logged on to the second gateway (logons so far: " + initiator.logons.get() + ")");
        while (pair < PAIRS) {
            sendPair(pair++);
        }
        note("all " + PAIRS + " pairs sent");
        settle();
    }

    @AfterAll
    void stopEverything() {
        if (initiator != null) {
            initiator.close();
        }
        if (node != null) {
            node.destroy();
            try {
                node.waitFor(30, TimeUnit.SECONDS);
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            node.destroyForcibly();
        }
        if (database != null) {
            database.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @Test
    void everyAcknowledgedClOrdIdIsExactlyOneOrderInMysqlAndNoOrderIsUnknownToTheClient() {
        final Map<String, Integer> ordersByClOrdId = ordersInMysql();
        final Set<String> acknowledged = new TreeSet<>(initiator.acknowledged.keySet());

        assertThat(acknowledged).as(context("acknowledged ClOrdIDs")).hasSizeGreaterThan(killAfterAcks);
        for (final String clOrdId : acknowledged) {
            assertThat(ordersByClOrdId.get(clOrdId)).as(context("orders in MySQL with ClOrdID " + clOrdId))
                .isEqualTo(1);
        }
        assertThat(initiator.sent).as(context("every order in MySQL was sent by the initiator"))
            .containsAll(ordersByClOrdId.keySet());
        assertThat(acknowledged).as(context("every order in MySQL was acknowledged to the initiator"))
            .containsAll(ordersByClOrdId.keySet());
        final Set<String> unanswered = new TreeSet<>(initiator.sent);
        unanswered.removeAll(acknowledged);
        assertThat(unanswered).as(context("orders sent but never answered")).isEmpty();
    }

    @Test
    void noOrderWasRejected() {
        assertThat(initiator.reports.stream().filter(r -> r.execType() == '8').toList())
            .as(context("rejects")).isEmpty();
    }

    @Test
    void execIdsAreUniqueInMysqlAndInTheJournalAndTheSameInBoth() {
        final List<String> journalExecIds = new ArrayList<>();
        JournalReader.readToEnd(journal, 0, (record, offset) -> EventDecoder.decode(record.events(), 0,
            record.events().length, new EngineListener() {
                @Override
                public void onExecutionReport(final ExecutionReport report) {
                    if (report.execType() == ExecType.TRADE) {
                        journalExecIds.add(Long.toString(report.execId()));
                    }
                }
            }));
        final List<String> mysqlExecIds = database.dsl().select(EXECUTIONS.EXEC_ID).from(EXECUTIONS)
            .fetch(EXECUTIONS.EXEC_ID);

        assertThat(journalExecIds).as(context("journal ExecIDs")).isNotEmpty().doesNotHaveDuplicates();
        assertThat(mysqlExecIds).as(context("MySQL ExecIDs")).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(journalExecIds);
    }

    @Test
    void theInitiatorReceivedEveryFillExactlyOnceByExecIdOnceFlaggedRepeatsAreDropped() {
        final Map<String, List<RecordingInitiator.Report>> fillsByExecId = new HashMap<>();
        for (final RecordingInitiator.Report report : initiator.reports) {
            if (report.execType() == 'F') {
                fillsByExecId.computeIfAbsent(report.execId(), id -> new ArrayList<>()).add(report);
            }
        }
        final Set<String> mysqlFills = new HashSet<>(database.dsl().select(EXECUTIONS.EXEC_ID).from(EXECUTIONS)
            .join(ORDERS).on(ORDERS.ORDER_ID.eq(EXECUTIONS.ORDER_ID)).where(ORDERS.SESSION_ID.eq(SESSION))
            .fetch(EXECUTIONS.EXEC_ID));

        assertThat(fillsByExecId.keySet()).as(context("fills received (ExecIDs) vs fills in MySQL"))
            .isEqualTo(mysqlFills);
        fillsByExecId.forEach((execId, copies) -> {
            assertThat(copies.stream().filter(c -> !c.flaggedAsRepeat()).count())
                .as(context("unflagged copies of fill " + execId + ": " + copies)).isLessThanOrEqualTo(1);
            assertThat(copies.stream().map(RecordingInitiator.Report::clOrdId).distinct().count())
                .as(context("ClOrdIDs of fill " + execId)).isEqualTo(1);
        });
        final long repeats = fillsByExecId.values().stream().mapToLong(c -> c.size() - 1).sum();
        System.out.println("fills: " + fillsByExecId.size() + " distinct, " + repeats + " flagged repeats dropped");
    }

    @Test
    void noAcknowledgementArrivedTwiceWithoutARepeatFlag() {
        final Map<String, Long> unflaggedNews = new HashMap<>();
        for (final RecordingInitiator.Report report : initiator.reports) {
            if (report.execType() == '0' && !report.flaggedAsRepeat()) {
                unflaggedNews.merge(report.clOrdId(), 1L, Long::sum);
            }
        }
        assertThat(unflaggedNews.entrySet().stream().filter(e -> e.getValue() > 1).toList())
            .as(context("ClOrdIDs acknowledged (ExecType 0) more than once without PossDup/PossResend")).isEmpty();
    }

    private void sendPair(final int pair) throws Exception {
        initiator.sendOrder(prefix + pair + "B", '1', "B1-CUST-001", PRICE);
        initiator.sendOrder(prefix + pair + "S", '2', "B1-CUST-002", PRICE);
        Thread.sleep(PAIR_INTERVAL_MILLIS);
    }

    /** Waits until every order sent is answered and MySQL has caught up with the journal (or 90 s pass). */
    private void settle() throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            final boolean answered = initiator.acknowledged.keySet().containsAll(initiator.sent);
            final boolean projected = ordersInMysql().size() >= initiator.acknowledged.size();
            if (answered && projected) {
                Thread.sleep(2_000);
                note("settled: " + initiator.acknowledged.size() + " of " + initiator.sent.size()
                    + " ClOrdIDs answered, " + initiator.reports.size() + " ExecutionReports received");
                return;
            }
            Thread.sleep(200);
        }
        note("not settled after 90 s: " + initiator.acknowledged.size() + " of " + initiator.sent.size()
            + " answered, " + ordersInMysql().size() + " orders in MySQL");
    }

    private Map<String, Integer> ordersInMysql() {
        final Map<String, Integer> counts = new HashMap<>();
        database.dsl().select(ORDERS.CL_ORD_ID).from(ORDERS).where(ORDERS.SESSION_ID.eq(SESSION))
            .fetch(ORDERS.CL_ORD_ID).forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts;
    }

    private Process startNode(final String name, final int[] ports) throws IOException, InterruptedException {
        final Path log = Path.of("target", "gateway-node-" + name + ".log");
        Files.createDirectories(log.getParent());
        final Path home = Path.of(System.getenv().getOrDefault("PORTCULLIS_HOME", ".."));
        final String java = ProcessHandle.current().info().command().orElse("java");
        final Process process = new ProcessBuilder(java, "-Xmx512m", "--sun-misc-unsafe-memory-access=allow",
            "-cp", System.getProperty("java.class.path"), GatewayNode.class.getName(),
            home.resolve("etc/demo/gateway.cfg").toAbsolutePath().toString(), testDatabase.jdbcUrl(),
            testDatabase.user(), testDatabase.password(), LocalStack.kafkaBootstrap(), journal.topic(),
            temp.resolve("gateway-data").toString(), Integer.toString(ports[0]), Integer.toString(ports[1]),
            Integer.toString(ports[2]))
            .redirectErrorStream(true)
            .start();
        final CountDownLatch ready = new CountDownLatch(1);
        final Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    out.flush();
                    if (line.equals("READY")) {
                        ready.countDown();
                    }
                }
            } catch (final IOException ignored) {
                // the process went away
            }
        }, "gateway-node-" + name + "-output");
        pump.setDaemon(true);
        pump.start();
        final long started = System.nanoTime();
        if (!ready.await(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(context("gateway node '" + name + "' not READY in 120 s; see " + log));
        }
        note("gateway node '" + name + "' ready in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
            + " ms (pid " + process.pid() + ", log " + log + ")");
        return process;
    }

    private void await(final String what, final int seconds, final BooleanSupplier condition)
        throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(context(what + " did not happen within " + seconds + " s"));
            }
            Thread.sleep(50);
        }
    }

    private void note(final String event) {
        timeline.add(event);
        System.out.println("gateway restart test: " + event);
    }

    private String choices() {
        return "seed " + SEED + ": kill after " + killAfterAcks + " acknowledged ClOrdIDs, " + pairsWhileDown
            + " pairs sent while down, ClOrdID prefix " + prefix;
    }

    private String context(final String what) {
        return what + " [" + choices() + "; -Drestart.seed=" + SEED + "; timeline: " + String.join(" / ", timeline)
            + "]";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
