package io.portcullis.oms.recovery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

import io.portcullis.oms.command.CommandCodec;
import io.portcullis.oms.engine.EngineConfig;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.journal.EventEncoder;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.JournalReader;
import io.portcullis.oms.journal.TeeListener;

/**
 * Rebuilds the engine after a restart: the newest intact snapshot, then every journal record after it, replayed
 * through the engine. Each replayed command must produce exactly the events the journal holds for it; a difference
 * means the engine is not deterministic (a bug) and is counted in {@link Result#mismatches()}.
 *
 * <p>Runs on the thread that will own the engine, before the engine takes new commands.
 */
public final class Recovery {
    private Recovery() {
    }

    /**
     * What recovery rebuilt.
     *
     * @param engine       the engine, at the journal's end
     * @param encoder      the event encoder wired as the engine's listener (the runner journals through it)
     * @param lastSequence the last command sequence applied (0 on an empty journal)
     * @param nextOffset   the journal offset after the last record
     * @param snapshotSequence the sequence of the snapshot started from, or -1 when there was none
     * @param replayed     records replayed after the snapshot
     * @param mismatches   replayed records whose events differed from the journal's
     */
    public record Result(OrderEngine engine, EventEncoder encoder, long lastSequence, long nextOffset,
                         long snapshotSequence, long replayed, long mismatches) {
    }

    /**
     * @param config    the engine configuration; its listener, if any, keeps receiving events after the encoder
     * @param snapshots where snapshots are, or null for none
     * @param journal   the journal
     */
    public static Result recover(final EngineConfig config, final SnapshotStore snapshots,
                                 final JournalConfiguration journal) {
        final EventEncoder encoder = new EventEncoder();
        final EngineListener downstream = config.listener();
        config.listener(downstream == null || downstream == EngineListener.NO_OP ? encoder
            : new TeeListener(encoder, downstream));
        final Optional<SnapshotStore.Snapshot> snapshot = snapshots == null ? Optional.empty() : snapshots.latest();
        final OrderEngine engine;
        try {
            engine = snapshot.isPresent()
                ? OrderEngine.restore(config, new ByteArrayInputStream(snapshot.get().state()))
                : new OrderEngine(config);
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot restore the engine from its snapshot", ex);
        }
        final long startOffset = snapshot.map(SnapshotStore.Snapshot::nextOffset).orElse(0L);
        final long[] counts = new long[2];
        final long end = JournalReader.readToEnd(journal, startOffset, (record, offset) -> {
            if (record.sequence() <= engine.lastSequence()) {
                return;
            }
            engine.apply(CommandCodec.decode(record.command()));
            counts[0]++;
            final byte[] events = record.events();
            if (encoder.eventCount() != record.eventCount()
                || !Arrays.equals(encoder.buffer().array(), 0, encoder.buffer().length(), events, 0, events.length)) {
                counts[1]++;
            }
        });
        return new Result(engine, encoder, engine.lastSequence(), end,
            snapshot.map(SnapshotStore.Snapshot::sequence).orElse(-1L), counts[0], counts[1]);
    }
}
