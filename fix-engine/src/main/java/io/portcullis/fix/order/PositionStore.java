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
interface PositionStore {
    /** @return every stored session and its next offset */
    Map<String, Long> loadAll();

    /** Stores (inserts or moves) the positions given. */
    void save(Map<String, Long> positions);

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
