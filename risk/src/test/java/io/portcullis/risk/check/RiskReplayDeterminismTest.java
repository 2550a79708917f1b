package io.portcullis.risk.check;

import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.CommandCodec;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.event.EngineEvent;
import io.portcullis.oms.event.RecordingListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Risk decisions replay exactly: a seeded stream of orders and risk updates through a real order engine with a risk
 * engine, journaled through the command codec; a fresh engine fed the journal, and an engine restored from a
 * snapshot taken halfway and fed the tail, reach the same state hash and emit the same events, command by command.
 */
class RiskReplayDeterminismTest {

    private static final int COMMANDS = 40_000;
    private static final long[] SEEDS = {20_260_105L, 7L, 42L};

    @Test
    void shouldRebuildTheSameStateAndEventsByJournalReplayAndBySnapshotPlusTail() throws IOException {
        for (final long seed : SEEDS) {
            run(seed);
        }
    }

    private static void run(final long seed) throws IOException {
        final RecordingListener liveEvents = new RecordingListener();
        final OrderEngine live = new OrderEngine(RiskFlow.config().listener(liveEvents));
        final RiskFlow flow = new RiskFlow(seed, live);
        final List<byte[]> journal = new ArrayList<>();
        final List<List<EngineEvent>> eventsPerCommand = new ArrayList<>();
        byte[] snapshot = null;
        String hashAtSnapshot = null;
        for (int i = 0; i < COMMANDS; i++) {
            final Command command = flow.next();
            journal.add(CommandCodec.encode(command));
            liveEvents.clear();
            live.apply(command);
            eventsPerCommand.add(List.copyOf(liveEvents.events()));
            if (i == COMMANDS / 2 - 1) {
                final ByteArrayOutputStream out = new ByteArrayOutputStream();
                live.writeSnapshot(out);
                snapshot = out.toByteArray();
                hashAtSnapshot = live.stateHashHex();
            }
        }
        assertThat(live.internalErrors()).as("seed %d", seed).isZero();
        assertThat(live.checkInvariants()).isNull();
        assertExercisesTheChecks(seed, eventsPerCommand, (RiskEngine) live.config().preTradeCheck());

        final RecordingListener replayEvents = new RecordingListener();
        final OrderEngine replayed = new OrderEngine(RiskFlow.config().listener(replayEvents));
        for (int i = 0; i < COMMANDS; i++) {
            replayEvents.clear();
            replayed.apply(CommandCodec.decode(journal.get(i)));
            assertThat(replayEvents.events()).as("seed %d command %d events on replay", seed, i)
                .isEqualTo(eventsPerCommand.get(i));
            if (i == COMMANDS / 2 - 1) {
                assertThat(replayed.stateHashHex()).as("seed %d hash at the snapshot", seed).isEqualTo(hashAtSnapshot);
            }
        }
        assertThat(replayed.stateHashHex()).as("seed %d", seed).isEqualTo(live.stateHashHex());

        final RecordingListener tailEvents = new RecordingListener();
        final OrderEngine restored = OrderEngine.restore(RiskFlow.config().listener(tailEvents),
            new ByteArrayInputStream(snapshot));
        assertThat(restored.stateHashHex()).as("seed %d restored", seed).isEqualTo(hashAtSnapshot);
        for (int i = COMMANDS / 2; i < COMMANDS; i++) {
            tailEvents.clear();
            restored.apply(CommandCodec.decode(journal.get(i)));
            assertThat(tailEvents.events()).as("seed %d command %d events after restore", seed, i)
                .isEqualTo(eventsPerCommand.get(i));
        }
        assertThat(restored.stateHashHex()).as("seed %d", seed).isEqualTo(live.stateHashHex());
        assertThat(((RiskEngine) restored.config().preTradeCheck()).duplicateWarnings())
            .isEqualTo(((RiskEngine) live.config().preTradeCheck()).duplicateWarnings());
    }

    /** The stream must reach every family of checks, or equal hashes prove little. */
    private static void assertExercisesTheChecks(final long seed, final List<List<EngineEvent>> events,
                                                 final RiskEngine risk) {
        final Set<RejectCode> seen = EnumSet.noneOf(RejectCode.class);
        long accepted = 0;
        long trades = 0;
        long warnings = 0;
        for (final List<EngineEvent> command : events) {
            for (final EngineEvent event : command) {
                if (event instanceof EngineEvent.Execution e) {
                    accepted += e.execType() == ExecType.NEW ? 1 : 0;
                    trades += e.execType() == ExecType.TRADE ? 1 : 0;
                    if (e.execType() == ExecType.REJECTED) {
                        seen.add(e.rejectCode());
                    }
                } else if (event instanceof EngineEvent.CancelRejected r) {
                    seen.add(r.rejectCode());
                } else if (event instanceof EngineEvent.RiskWarning) {
                    warnings++;
                } else if (event instanceof EngineEvent.AdminRejected r) {
                    seen.add(r.rejectCode());
                }
            }
        }
        assertThat(seen).as("seed %d reject codes", seed).contains(RejectCode.RISK_KILL_SWITCH,
            RejectCode.RISK_MESSAGE_RATE, RejectCode.RISK_ORDER_RATE, RejectCode.RISK_OUTSIDE_TRADING_HOURS,
            RejectCode.RISK_RESTRICTED, RejectCode.RISK_MARKET_ORDER_NOT_ALLOWED,
            RejectCode.RISK_SHORT_EXEMPT_NOT_PERMITTED, RejectCode.RISK_NO_LOCATE, RejectCode.RISK_LOCATE_EXHAUSTED,
            RejectCode.RISK_HARD_TO_BORROW, RejectCode.RISK_MAX_QTY, RejectCode.RISK_ADV, RejectCode.RISK_MAX_NOTIONAL,
            RejectCode.RISK_PRICE_COLLAR, RejectCode.RISK_POSITION_LONG, RejectCode.RISK_POSITION_SHORT,
            RejectCode.RISK_CREDIT_GROSS, RejectCode.RISK_CREDIT_NET, RejectCode.RISK_DUPLICATE_ORDER,
            RejectCode.RISK_UPDATE_REFUSED);
        assertThat(accepted).as("seed %d accepted orders", seed).isGreaterThan(3_000);
        assertThat(trades).as("seed %d trade reports", seed).isGreaterThan(1_000);
        assertThat(warnings).as("seed %d duplicate warnings", seed).isPositive().isEqualTo(risk.duplicateWarnings());
    }
}
