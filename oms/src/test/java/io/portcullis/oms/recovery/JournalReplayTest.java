package io.portcullis.oms.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.portcullis.config.Settings;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.oms.runner.CommandCallback;
import io.portcullis.oms.runner.EngineRunner;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 random commands run live through the engine runner into the real Kafka journal; engines rebuilt from the
 * journal alone, and from a snapshot plus the journal's tail, reach exactly the live state.
 */
@Timeout(300)
class JournalReplayTest {
    private static final int COMMANDS = 100_000;
    private static JournalConfiguration journal;
    private static String liveHash;
    private static long liveSequence;
    private static Path snapshotDir;

    @TempDir
    static Path temp;

    @BeforeAll
    static void runLive() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA);
        journal = JournalConfiguration.from(Settings.of(Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap()),
            Map.of(), Map.of())).withTopic(Isolation.topicName(JournalReplayTest.class, "journal"));
        snapshotDir = temp.resolve("snapshots");
        final SnapshotStore snapshots = new SnapshotStore(snapshotDir);
        final CountDownLatch durable = new CountDownLatch(COMMANDS);
        final AtomicLong lost = new AtomicLong();
        final AtomicLong lastDurable = new AtomicLong();
        final CommandCallback callback = new CommandCallback() {
            @Override
            public void onDurable(final long sequence, final long offset, final byte[] record) {
                assertThat(sequence).isEqualTo(lastDurable.get() + 1);
                lastDurable.set(sequence);
                durable.countDown();
            }

            @Override
            public void onLost(final long sequence, final String reason) {
                lost.incrementAndGet();
            }
        };
        try (KafkaJournal kafka = KafkaJournal.open(journal)) {
            final Recovery.Result fresh = Recovery.recover(RandomFlowAccess.config(), snapshots, journal);
            assertThat(fresh.lastSequence()).isZero();
            final EngineRunner runner = new EngineRunner(fresh, kafka, snapshots, 4_096, 30_000);
            final RandomFlowAccess flow = new RandomFlowAccess(20_251_125);
            for (int i = 0; i < COMMANDS; i++) {
                final Command command = flow.next();
                while (!runner.submit(command, callback)) {
                    Thread.onSpinWait();
                }
            }
            assertThat(durable.await(240, TimeUnit.SECONDS)).as("all commands durable").isTrue();
            runner.close();
            final OrderEngine engine = runner.engine();
            liveHash = engine.stateHashHex();
            liveSequence = engine.lastSequence();
        }
        assertThat(lost.get()).isZero();
        assertThat(lastDurable.get()).isEqualTo(COMMANDS);
    }

    @Test
    void anEngineRebuiltFromTheJournalAloneReachesTheLiveState() {
        final Recovery.Result replayed = Recovery.recover(RandomFlowAccess.config(), null, journal);

        assertThat(replayed.replayed()).isEqualTo(COMMANDS);
        assertThat(replayed.mismatches()).as("replayed commands whose events differ from the journal").isZero();
        assertThat(replayed.lastSequence()).isEqualTo(liveSequence).isEqualTo(COMMANDS);
        assertThat(replayed.engine().stateHashHex()).isEqualTo(liveHash);
    }

    @Test
    void anEngineRestoredFromASnapshotPlusTheJournalTailReachesTheLiveState() {
        final SnapshotStore snapshots = new SnapshotStore(snapshotDir);
        assertThat(snapshots.latest()).as("the runner wrote snapshots").isPresent();

        final Recovery.Result restored = Recovery.recover(RandomFlowAccess.config(), snapshots, journal);

        assertThat(restored.snapshotSequence()).isEqualTo(90_000);
        assertThat(restored.replayed()).isEqualTo(COMMANDS - 90_000);
        assertThat(restored.mismatches()).isZero();
        assertThat(restored.engine().stateHashHex()).isEqualTo(liveHash);
    }
}
