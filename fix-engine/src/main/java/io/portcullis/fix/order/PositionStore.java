package io.portcullis.fix.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * Per FIX session, the first journal offset whose reports for that session are not known to be delivered: the
 * resend point at the session's next logon. Used on the outbound thread only.
 */
interface PositionStore extends AutoCloseable {
    /** @return every stored session and its next offset */
    Map<String, Long> loadAll();

    /** Stores (inserts or moves) the positions given. */
    void save(Map<String, Long> positions);

    /** Writes what is pending. */
    @Override
    default void close() {
    }

    /**
     * Writes on a thread of its own, so that a slow commit never holds up the outbound thread's sends: {@link #save}
     * merges the positions into a pending set and returns; the writer stores the pending set, newest values winning.
     * A failed write is kept and retried with the next save. {@link #close} writes what is pending and waits.
     * Thread-safe.
     */
    final class Async implements PositionStore {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Async.class);
        private final PositionStore target;
        private final Map<String, Long> pending = new HashMap<>();
        private boolean scheduled;
        private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors
            .newSingleThreadExecutor(runnable -> {
                final Thread thread = new Thread(runnable, "fix-outbound-positions");
                thread.setDaemon(true);
                return thread;
            });

        Async(final PositionStore target) {
            this.target = target;
        }

        @Override
        public Map<String, Long> loadAll() {
            return target.loadAll();
        }

        @Override
        public void save(final Map<String, Long> positions) {
            final boolean schedule;
            synchronized (pending) {
                pending.putAll(positions);
                schedule = !scheduled;
                scheduled = true;
            }
            if (schedule) {
                writer.execute(this::writePending);
            }
        }

        private void writePending() {
            final Map<String, Long> batch;
            synchronized (pending) {
                batch = new HashMap<>(pending);
                scheduled = false;
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                target.save(batch);
                synchronized (pending) {
                    batch.forEach(pending::remove); // only entries not moved on meanwhile
                }
            } catch (final RuntimeException ex) {
                LOG.error("cannot store outbound positions; retried with the next save: {}", ex.getMessage());
            }
        }

        @Override
        public void close() {
            writer.execute(this::writePending);
            writer.shutdown();
            try {
                if (!writer.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    LOG.error("outbound positions not written within 30 s");
                }
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Kept in memory: positions survive logouts but not a restart. Thread-safe. */
    final class InMemory implements PositionStore {
        private final Map<String, Long> positions = new ConcurrentHashMap<>();

        @Override
        public Map<String, Long> loadAll() {
            return new HashMap<>(positions);
        }

        @Override
        public void save(final Map<String, Long> changed) {
            positions.putAll(changed);
        }
    }

    /** The {@code fix_outbound_position} table (migration V6). */
    final class Jdbc implements PositionStore {
        private final DataSource dataSource;

        Jdbc(final DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Map<String, Long> loadAll() {
            final Map<String, Long> positions = new HashMap<>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement select = c.prepareStatement(
                     "SELECT session_id, next_offset FROM fix_outbound_position");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getString(1), rows.getLong(2));
                }
            } catch (final SQLException ex) {
                throw new IllegalStateException("cannot read fix_outbound_position: " + ex.getMessage(), ex);
            }
            return positions;
        }

        @Override
        public void save(final Map<String, Long> changed) {
            if (changed.isEmpty()) {
                return;
            }
            final Timestamp now = Timestamp.from(Instant.now());
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement update = c.prepareStatement(
                         "UPDATE fix_outbound_position SET next_offset = ?, updated_at = ? WHERE session_id = ?");
                     PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO fix_outbound_position (session_id, next_offset, updated_at) VALUES (?, ?, ?)")) {
                    for (final Map.Entry<String, Long> e : changed.entrySet()) {
                        update.setLong(1, e.getValue());
                        update.setTimestamp(2, now);
                        update.setString(3, e.getKey());
                        if (update.executeUpdate() == 0) {
                            insert.setString(1, e.getKey());
                            insert.setLong(2, e.getValue());
                            insert.setTimestamp(3, now);
                            insert.executeUpdate();
                        }
                    }
                }
                c.commit();
            } catch (final SQLException ex) {
                throw new IllegalStateException("cannot write fix_outbound_position: " + ex.getMessage(), ex);
            }
        }
    }
}
