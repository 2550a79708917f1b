package io.portcullis.system.engine;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.portcullis.config.Settings;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.JournalRecord;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.oms.recovery.SnapshotStore;
import io.portcullis.oms.runner.CommandCallback;
import io.portcullis.oms.runner.EngineRunner;
import io.portcullis.projection.mysql.MysqlProjector;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;

/**
 * A process that hosts the engine the way the gateway will: recovery, the engine runner on the Kafka journal with
 * snapshots, and the MySQL projector. It submits a seeded command stream and prints one line per durable outcome
 * ({@code ACK <sequence> <ClOrdID:OrderID of each order accepted...>}), so that a test can kill it with SIGKILL at any moment and know
 * what had been acknowledged.
 *
 * <p>Arguments: bootstrap topic jdbcUrl user password snapshotDir seed clOrdIdPrefix commands
 */
public final class EngineNode {
    private EngineNode() {
    }

    public static void main(final String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (final Exception | AssertionError ex) {
            ex.printStackTrace();
            System.out.println("FAILED " + ex);
            System.out.flush();
            System.exit(2);
        }
    }

    private static void run(final String[] args) throws Exception {
        final JournalConfiguration journal = JournalConfiguration.from(Settings.of(
            Map.of("kafka.bootstrap", args[0]), Map.of(), Map.of())).withTopic(args[1]);
        final Database database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of(
            "db.url", args[2], "db.user", args[3], "db.password", args[4]), Map.of(), Map.of())));
        final SnapshotStore snapshots = new SnapshotStore(Path.of(args[5]));
        final RandomFlowAccess flow = new RandomFlowAccess(Long.parseLong(args[6]), args[7]);
        final int commands = Integer.parseInt(args[8]);
        final PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out,
            StandardCharsets.US_ASCII), 1 << 16));
        final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
        flusher.scheduleAtFixedRate(() -> {
            synchronized (out) {
                out.flush();
            }
        }, 5, 5, TimeUnit.MILLISECONDS);

        final KafkaJournal kafka = KafkaJournal.open(journal);
        final Recovery.Result recovered = Recovery.recover(RandomFlowAccess.config(), snapshots, journal);
        synchronized (out) {
            out.println("RECOVERED " + recovered.lastSequence() + " " + recovered.snapshotSequence() + " "
                + recovered.replayed() + " " + recovered.mismatches() + " " + recovered.engine().stateHashHex());
            out.flush();
        }
        final MysqlProjector projector = new MysqlProjector(journal, database);
        projector.start();
        final CountDownLatch durable = new CountDownLatch(commands);
        final CommandCallback callback = new CommandCallback() {
            @Override
            public void onDurable(final long sequence, final long offset, final byte[] record) {
                final StringBuilder line = new StringBuilder("ACK ").append(sequence);
                final JournalRecord entry = JournalRecord.decode(record);
                EventDecoder.decode(entry.events(), 0, entry.events().length, new EngineListener() {
                    @Override
                    public void onExecutionReport(final ExecutionReport report) {
                        if (report.execType() == ExecType.NEW) {
                            line.append(' ').append(report.clOrdId()).append(':').append(report.orderId());
                        }
                    }
                });
                synchronized (out) {
                    out.println(line);
                }
                durable.countDown();
            }

            @Override
            public void onLost(final long sequence, final String reason) {
                synchronized (out) {
                    out.println("LOST " + sequence + " " + reason);
                }
            }
        };
        try (kafka) {
            final EngineRunner runner = new EngineRunner(recovered, kafka, snapshots, 1_024, 5_000);
            for (int i = 0; i < commands; i++) {
                final var command = flow.next();
                while (!runner.submit(command, callback)) {
                    Thread.onSpinWait();
                }
            }
            durable.await(120, TimeUnit.SECONDS);
            runner.close();
            final String hash = runner.engine().stateHashHex();
            final long end = recovered.nextOffset() + commands;
            while (projector.nextOffset() < end && projector.failure() == null) {
                Thread.sleep(20);
            }
            synchronized (out) {
                out.println("DONE " + runner.engine().lastSequence() + " " + hash + " "
                    + (projector.failure() == null ? "ok" : projector.failure()));
                out.flush();
            }
        }
        projector.close();
        database.close();
        flusher.shutdownNow();
    }
}
