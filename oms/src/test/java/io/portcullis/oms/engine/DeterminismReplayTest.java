package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.CommandCodec;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaying the same commands gives the same state: engine B fed the journal bytes of engine A's 100,000
 * commands reaches A's state hash, and engine C restored from a snapshot taken halfway plus the tail does too.
 */
class DeterminismReplayTest {

    private static final int COMMANDS = 100_000;
    private static final long SEED = 20_260_101L;

    @Test
    void shouldReachTheSameStateHashByJournalReplayAndBySnapshotPlusTail() throws IOException {
        final long[] counts = new long[3];
        final OrderEngine a = new OrderEngine(EngineDriver.config().listener(new EngineListener() {
            @Override
            public void onExecutionReport(final ExecutionReport report) {
                switch (report.execType()) {
                    case TRADE -> counts[0]++;
                    case TRIGGERED -> counts[1]++;
                    case EXPIRED -> counts[2]++;
                    default -> {
                    }
                }
            }
        }));
        final RandomCommands random = new RandomCommands(SEED);
        final ByteBuffer journal = ByteBuffer.allocate(COMMANDS * CommandCodec.MAX_ENCODED_LENGTH / 4);
        final List<Integer> offsets = new ArrayList<>();
        byte[] snapshot = null;
        for (int i = 0; i < COMMANDS; i++) {
            final Command command = random.nextAny(liveIn(a));
            offsets.add(journal.position());
            CommandCodec.encode(command, journal);
            assertThat(a.apply(command)).isTrue();
            if (i == COMMANDS / 2 - 1) {
                final ByteArrayOutputStream out = new ByteArrayOutputStream();
                a.writeSnapshot(out);
                snapshot = out.toByteArray();
            }
        }
        assertThat(a.internalErrors()).isZero();
        assertThat(a.checkInvariants()).isNull();
        assertThat(a.lastPrice(EngineDriver.AAPL)).isPositive();
        assertThat(counts[0]).as("trade reports").isGreaterThan(20_000);
        assertThat(counts[1]).as("stop triggers").isGreaterThan(100);
        assertThat(counts[2]).as("expiries").isGreaterThan(100);

        final OrderEngine b = new OrderEngine(EngineDriver.config());
        journal.flip();
        while (journal.hasRemaining()) {
            b.apply(CommandCodec.decode(journal));
        }
        assertThat(b.stateHashHex()).isEqualTo(a.stateHashHex());

        final OrderEngine c = OrderEngine.restore(EngineDriver.config(), new ByteArrayInputStream(snapshot));
        assertThat(c.lastSequence()).isEqualTo(COMMANDS / 2);
        assertThat(c.checkInvariants()).isNull();
        journal.position(offsets.get(COMMANDS / 2 - 10));
        int skipped = 0;
        while (journal.hasRemaining()) {
            skipped += c.apply(CommandCodec.decode(journal)) ? 0 : 1;
        }
        assertThat(skipped).as("overlapping commands before the snapshot are skipped").isEqualTo(10);
        assertThat(c.stateHashHex()).isEqualTo(a.stateHashHex());
        assertThat(c.checkInvariants()).isNull();
    }

    @Test
    void shouldProduceIdenticalEventStreamsForIdenticalCommands() {
        final List<String> first = eventsOf(5_000);
        final List<String> second = eventsOf(5_000);
        assertThat(first).isEqualTo(second).hasSizeGreaterThan(5_000);
    }

    @Test
    void shouldChangeTheStateHashWhenTheStateChanges() {
        final EngineDriver driver = new EngineDriver();
        final String empty = driver.engine.stateHashHex();
        final long id = driver.submit(EngineDriver.buy(100, EngineDriver.AAPL).at("187.00"));
        final String oneOrder = driver.engine.stateHashHex();
        driver.replace(id, 90, "187.00");
        assertThat(driver.engine.stateHashHex()).isNotEqualTo(oneOrder).isNotEqualTo(empty);
    }

    private static List<String> eventsOf(final int count) {
        final List<String> events = new ArrayList<>();
        final io.portcullis.oms.event.RecordingListener recorder = new io.portcullis.oms.event.RecordingListener();
        final OrderEngine engine = new OrderEngine(EngineDriver.config().listener(recorder));
        final RandomCommands random = new RandomCommands(7);
        for (int i = 0; i < count; i++) {
            engine.apply(random.nextAny(liveIn(engine)));
        }
        recorder.events().forEach(e -> events.add(e.toString()));
        return events;
    }

    /** Samples recent order ids of the engine, so targeting costs O(1) however large the book grows. */
    static RandomCommands.Picker liveIn(final OrderEngine engine) {
        return (final SplittableRandom r) -> {
            final long newest = engine.lastOrderId();
            for (int attempt = 0; attempt < 4 && newest > 0; attempt++) {
                final long id = Math.max(1, newest - r.nextInt(400));
                final Order o = engine.order(id);
                if (o != null) {
                    return new RandomCommands.LiveOrder(o.orderId(), o.sessionId(), o.clOrdId(), o.symbol(),
                        o.side(), o.price(), o.orderQty(), o.cumQty());
                }
            }
            return null;
        };
    }

}
