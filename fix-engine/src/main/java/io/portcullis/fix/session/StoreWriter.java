package io.portcullis.fix.session;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer behind every {@link MySqlMessageStore} of a gateway: sent messages and sequence numbers are queued by
 * the session threads and written to {@code qfj_messages} / {@code qfj_sessions} by one thread, many at a time, in
 * one transaction per batch (group commit). A session thread never waits for MySQL on the order path; it waits only
 * when the queue is full (back-pressure) and for the rare operations that need the database to be current
 * ({@link #flush}: resend, reset, setting sequence numbers, shutdown).
 *
 * <p><b>What a crash can lose, and why that is safe.</b> At most {@link #capacity()} queued operations plus the batch
 * being written: the newest sent messages and sequence numbers. A store opened after a run that did not
 * {@link #close} cleanly therefore advances its outgoing sequence number by {@link #crashGap()}, so that no number
 * the counterparty may have seen is ever used twice; the counterparty's resend request for the hole is answered with
 * a gap fill, and the ExecutionReports in it are sent again from the journal by the outbound path (PossResend,
 * original ExecIDs). A lagging incoming number makes the gateway ask for a resend; PossDup copies of orders it already
 * took are recognised by ClOrdID. See ADR 009.
 *
 * <p>Thread-safe. On a database error the batch is kept and retried every second (the error is logged and counted);
 * nothing queued is dropped.
 */
final class StoreWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
    private static final int MAX_BATCH = 2_048;
    private static final long PUT_TIMEOUT_SECONDS = 10;
    /**
     * At most one commit per this interval: each commit costs MySQL two fsyncs, and on a shared disk fsyncs stall
     * other writers (the Kafka journal among them), so fewer, larger commits are better for everyone.
     */
    private static final long MIN_COMMIT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private sealed interface Op permits Put, Dirty, Barrier {
    }

    private record Put(MySqlMessageStore store, int sequence, String message) implements Op {
    }

    private record Dirty(MySqlMessageStore store) implements Op {
    }

    private record Barrier(CountDownLatch done) implements Op {
    }

    private final DataSource dataSource;
    private final ArrayBlockingQueue<Op> queue;
    private final Thread thread;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Set<MySqlMessageStore> stores = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private volatile String lastError;

    /**
     * @param dataSource where the {@code qfj_*} tables are
     * @param capacity   operations queued before session threads wait; also bounds what a crash can lose
     */
    StoreWriter(final DataSource dataSource, final int capacity) {
        this.dataSource = dataSource;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "fix-store-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** @return the queue's capacity */
    int capacity() {
        return queue.remainingCapacity() + queue.size();
    }

    /** @return how far a store advances its outgoing sequence number after a run that did not stop cleanly */
    int crashGap() {
        return capacity() + MAX_BATCH + 1;
    }

    void register(final MySqlMessageStore store) {
        stores.add(store);
    }

    /** Queues a sent message. */
    void put(final MySqlMessageStore store, final int sequence, final String message) throws IOException {
        offer(new Put(store, sequence, message));
    }

    /** Queues a write of the store's current sequence numbers. */
    void dirty(final MySqlMessageStore store) throws IOException {
        offer(new Dirty(store));
    }

    /** Waits until everything queued before this call is committed. */
    void flush() throws IOException {
        final CountDownLatch done = new CountDownLatch(1);
        offer(new Barrier(done));
        try {
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new IOException("the FIX message store could not write to MySQL within 60 s"
                    + (lastError == null ? "" : ": " + lastError));
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while flushing the FIX message store", ex);
        }
    }

    private void offer(final Op op) throws IOException {
        if (!running) {
            throw new IOException("the FIX message store is closed");
        }
        try {
            if (!queue.offer(op, PUT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("the FIX message store is " + queue.size() + " writes behind and MySQL has not "
                    + "taken any for " + PUT_TIMEOUT_SECONDS + " s" + (lastError == null ? "" : ": " + lastError));
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while queueing a FIX store write", ex);
        }
    }

    /** @return operations waiting to be written */
    int queueDepth() {
        return queue.size();
    }

    /** @return transactions committed */
    long batches() {
        return batches.get();
    }

    /** @return messages written */
    long written() {
        return written.get();
    }

    /** @return failed write attempts (each retried) */
    long failures() {
        return failures.get();
    }

    private void run() {
        final List<Op> batch = new ArrayList<>(MAX_BATCH);
        long lastCommit = System.nanoTime() - MIN_COMMIT_INTERVAL_NANOS;
        while (running || !queue.isEmpty()) {
            try {
                final Op first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                final long wait = lastCommit + MIN_COMMIT_INTERVAL_NANOS - System.nanoTime();
                if (wait > 0 && running && !(first instanceof Barrier)) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                lastCommit = System.nanoTime();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeWithRetry(batch);
                batch.clear();
            } catch (final InterruptedException ex) {
                if (!running) {
                    queue.drainTo(batch);
                    writeWithRetry(batch);
                    return;
                }
            }
        }
    }

    private void writeWithRetry(final List<Op> batch) {
        while (true) {
            try {
                write(batch);
                lastError = null;
                return;
            } catch (final SQLException ex) {
                failures.incrementAndGet();
                lastError = ex.getMessage();
                LOG.error("FIX message store: writing {} operations to MySQL failed (retrying in 1 s): {}",
                    batch.size(), ex.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (final InterruptedException interrupted) {
                    if (!running) {
                        LOG.error("FIX message store closed with {} operations unwritten", batch.size());
                        return;
                    }
                }
            }
        }
    }

    private void write(final List<Op> batch) throws SQLException {
        final Set<MySqlMessageStore> dirty = new LinkedHashSet<>();
        final List<Put> puts = new ArrayList<>();
        final List<CountDownLatch> barriers = new ArrayList<>();
        for (final Op op : batch) {
            switch (op) {
                case Put put -> puts.add(put);
                case Dirty d -> dirty.add(d.store());
                case Barrier b -> barriers.add(b.done());
            }
        }
        if (!puts.isEmpty() || !dirty.isEmpty()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    if (!puts.isEmpty()) {
                        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO "
                            + MySqlMessageStore.MESSAGES + " (" + MySqlMessageStore.KEY_COLUMNS
                            + ", msgseqnum, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON DUPLICATE KEY UPDATE message = VALUES(message)")) {
                            for (final Put put : puts) {
                                final int next = put.store().bindKey(insert, 1);
                                insert.setInt(next, put.sequence());
                                insert.setString(next + 1, put.message());
                                insert.addBatch();
                            }
                            insert.executeBatch();
                        }
                    }
                    if (!dirty.isEmpty()) {
                        try (PreparedStatement update = connection.prepareStatement("UPDATE "
                            + MySqlMessageStore.SESSIONS + " SET incoming_seqnum = ?, outgoing_seqnum = ? WHERE "
                            + MySqlMessageStore.KEY_PREDICATE)) {
                            for (final MySqlMessageStore store : dirty) {
                                store.clearDirty();
                                update.setInt(1, store.nextTarget());
                                update.setInt(2, store.nextSender());
                                store.bindKey(update, 3);
                                update.addBatch();
                            }
                            update.executeBatch();
                        }
                    }
                    connection.commit();
                } catch (final SQLException ex) {
                    connection.rollback();
                    throw ex;
                }
            }
            batches.incrementAndGet();
            written.addAndGet(puts.size());
        }
        barriers.forEach(CountDownLatch::countDown);
    }

    /**
     * Stops at once, as the death of the process would: the thread ends after the batch it is writing, nothing still
     * queued is written and no store is marked clean. For tests of what a restart after a crash does.
     */
    void abandon() throws InterruptedException {
        running = false;
        queue.clear();
        thread.interrupt();
        thread.join(10_000);
    }

    /** Writes everything queued, marks every store as cleanly closed and stops the writer. Idempotent. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        try {
            flush();
            for (final MySqlMessageStore store : stores) {
                store.markClean();
            }
        } catch (final IOException | RuntimeException ex) {
            LOG.error("FIX message store: final flush failed; the next start treats this run as a crash: {}",
                ex.getMessage());
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
