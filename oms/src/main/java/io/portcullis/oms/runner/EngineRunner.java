package io.portcullis.oms.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.CommandCodec;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.journal.EventEncoder;
import io.portcullis.oms.journal.JournalCallback;
import io.portcullis.oms.journal.JournalRecord;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.journal.WireBuffer;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.oms.recovery.SnapshotStore;

/**
 * The engine thread: takes commands from a bounded inbound queue, gives each its sequence, applies it to the engine,
 * appends the command and its events to the journal as one record, and releases the outcome to the submitter only
 * when that record is durable.
 *
 * <p>Back-pressure is explicit: {@link #submit} returns false when the inbound queue is full, and the engine stops
 * taking commands while {@code journal.max-in-flight} records await durability. If the journal fails, the runner stops
 * and reports every pending outcome as lost; the state is then rebuilt from the journal by {@link Recovery} on the
 * next start. Every {@code snapshotEvery} commands the runner waits for the journal to drain and writes a snapshot.
 */
public final class EngineRunner implements AutoCloseable {
    private final OrderEngine engine;
    private final EventEncoder encoder;
    private final KafkaJournal journal;
    private final SnapshotStore snapshots;
    private final long snapshotEvery;
    private final DurableRecordListener durableListener;
    private final ArrayBlockingQueue<Submission> inbound;
    private final AtomicLong lastDurableOffset = new AtomicLong(-1);
    private final AtomicLong processed = new AtomicLong();
    private final ByteBuffer commandBuffer = ByteBuffer.allocate(CommandCodec.MAX_ENCODED_LENGTH)
        .order(ByteOrder.LITTLE_ENDIAN);
    private final WireBuffer recordBuffer = new WireBuffer(8192);
    private final Thread thread;
    private long sequence;
    private long sinceSnapshot;
    private volatile boolean running = true;
    private volatile String stopReason;

    private record Submission(Command command, CommandCallback callback) {
    }

    /**
     * Builds a runner around a recovered engine and starts its thread.
     *
     * @param recovered     what {@link Recovery#recover} rebuilt
     * @param journal       the open journal (the same topic recovery read)
     * @param snapshots     where to write snapshots, or null for none
     * @param queueCapacity inbound queue capacity (commands)
     * @param snapshotEvery commands between snapshots (0 = never)
     */
    public EngineRunner(final Recovery.Result recovered, final KafkaJournal journal, final SnapshotStore snapshots,
                        final int queueCapacity, final long snapshotEvery) {
        this(recovered, journal, snapshots, queueCapacity, snapshotEvery, DurableRecordListener.NONE);
    }

    /**
     * As {@link #EngineRunner(Recovery.Result, KafkaJournal, SnapshotStore, int, long)}, with a listener told of every
     * durable record before the submitter's own callback.
     *
     * @param durableListener sees every durable record in journal order
     */
    public EngineRunner(final Recovery.Result recovered, final KafkaJournal journal, final SnapshotStore snapshots,
                        final int queueCapacity, final long snapshotEvery,
                        final DurableRecordListener durableListener) {
        this.durableListener = durableListener;
        this.engine = recovered.engine();
        this.encoder = recovered.encoder();
        this.journal = journal;
        this.snapshots = snapshots;
        this.snapshotEvery = snapshotEvery;
        this.sequence = recovered.lastSequence();
        this.lastDurableOffset.set(recovered.nextOffset() - 1);
        this.inbound = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "engine");
        this.thread.start();
    }

    /**
     * Submits a command; its sequence field is ignored and assigned by the engine thread. Any thread; never blocks.
     *
     * @return false when the inbound queue is full or the runner has stopped (answer the client "busy" and retry
     *         later)
     */
    public boolean submit(final Command command, final CommandCallback callback) {
        return running && inbound.offer(new Submission(command, callback));
    }

    private void run() {
        try {
            while (running) {
                final Submission next = inbound.poll(1, TimeUnit.MILLISECONDS);
                if (next != null) {
                    process(next);
                }
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (final RuntimeException ex) {
            stopReason = "engine thread failed: " + ex;
            running = false;
        }
        drainAsLost();
    }

    private void process(final Submission submission) {
        while (!journal.hasCapacity() && journal.failure() == null) {
            LockSupport.parkNanos(50_000);
        }
        if (journal.failure() != null) {
            stop("journal failed: " + journal.failure());
            submission.callback().onLost(0, stopReason);
            return;
        }
        final long seq = sequence + 1;
        final Command command = Sequencing.withSequence(submission.command(), seq);
        commandBuffer.clear();
        final int commandLength = CommandCodec.encode(command, commandBuffer);
        engine.apply(command);
        sequence = seq;
        JournalRecord.encode(seq, command.timestamp(), commandBuffer.array(), commandLength, encoder, recordBuffer);
        final byte[] record = recordBuffer.toByteArray();
        final CommandCallback callback = submission.callback();
        final boolean appended = journal.append(seq, record, new JournalCallback() {
            @Override
            public void onDurable(final long s, final long offset) {
                lastDurableOffset.set(offset);
                durableListener.onDurable(s, offset, record);
                callback.onDurable(s, offset, record);
            }

            @Override
            public void onFailed(final long s, final Exception error) {
                stop("journal failed: " + error);
                callback.onLost(s, "journal failed: " + error.getMessage());
            }
        });
        if (!appended) {
            stop("journal failed: " + journal.failure());
            callback.onLost(seq, stopReason);
            return;
        }
        processed.incrementAndGet();
        if (snapshots != null && snapshotEvery > 0 && ++sinceSnapshot >= snapshotEvery) {
            snapshot();
        }
    }

    /**
     * Waits until every journaled record is durable, then writes the engine state with the journal position it
     * covers. Engine thread.
     */
    private void snapshot() {
        sinceSnapshot = 0;
        journal.flush();
        if (journal.failure() != null) {
            stop("journal failed: " + journal.failure());
            return;
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try {
            engine.writeSnapshot(bytes);
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
        snapshots.write(sequence, lastDurableOffset.get() + 1, bytes.toByteArray());
    }

    private void stop(final String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        running = false;
    }

    private void drainAsLost() {
        Submission left;
        while ((left = inbound.poll()) != null) {
            left.callback().onLost(0, stopReason == null ? "engine stopped" : stopReason);
        }
    }

    /** Commands waiting in the inbound queue (a metric). Any thread. */
    public int queueDepth() {
        return inbound.size();
    }

    /** Commands applied and journaled since start. Any thread. */
    public long processed() {
        return processed.get();
    }

    /** True until the runner stops (closed, or the journal failed). */
    public boolean isRunning() {
        return running;
    }

    /** Why the runner stopped, or null while it runs. */
    public String stopReason() {
        return stopReason;
    }

    /**
     * Stops taking commands, lets the engine thread finish the one in hand, and waits for the journal to acknowledge
     * everything appended. Commands still queued are reported lost.
     */
    @Override
    public void close() {
        stop("engine stopped");
        try {
            thread.join(30_000);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        journal.flush();
    }

    /** The engine, for inspection once the runner has stopped (it is not thread-safe). */
    public OrderEngine engine() {
        if (thread.isAlive()) {
            throw new IllegalStateException("the engine belongs to its thread until the runner is closed");
        }
        return engine;
    }
}
