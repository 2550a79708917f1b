package io.portcullis.fix.session;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.MessageStore;
import quickfix.SessionID;

/**
 * A session's QuickFIX/J message store in MySQL ({@code qfj_sessions}, {@code qfj_messages}: QuickFIX/J's JdbcStore
 * layout), written behind by the gateway's {@link StoreWriter}: sequence numbers live in memory and reach MySQL in
 * the writer's next group commit, sent messages likewise; reads that must see everything (resend, reset, refresh)
 * flush the writer first. See {@link StoreWriter} for what a crash can lose and why that is safe, and ADR 009 for why
 * not JdbcStore (one synchronous commit per message on the session thread).
 *
 * <p>Thread-safety: QuickFIX/J calls a store from its session's thread under the session's lock; the writer thread
 * reads the sequence numbers (volatile).
 */
final class MySqlMessageStore implements MessageStore {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlMessageStore.class);
    static final String SESSIONS = "qfj_sessions";
    static final String MESSAGES = "qfj_messages";
    static final String KEY_COLUMNS = "beginstring, sendercompid, sendersubid, senderlocid, targetcompid, targetsubid, "
        + "targetlocid, session_qualifier";
    static final String KEY_PREDICATE = "beginstring = ? AND sendercompid = ? AND sendersubid = ? AND senderlocid = ? "
        + "AND targetcompid = ? AND targetsubid = ? AND targetlocid = ? AND session_qualifier = ?";

    private final SessionID sessionId;
    private final String[] key;
    private final DataSource dataSource;
    private final StoreWriter writer;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile int nextSender;
    private volatile int nextTarget;
    private volatile Calendar creationTime;

    /**
     * Opens the store, creating its row when missing. After a run that did not stop cleanly the outgoing sequence
     * number is advanced by {@link StoreWriter#crashGap()} (logged).
     */
    MySqlMessageStore(final SessionID sessionId, final DataSource dataSource, final StoreWriter writer)
        throws IOException {
        this.sessionId = sessionId;
        this.key = new String[] {sessionId.getBeginString(), sessionId.getSenderCompID(), sessionId.getSenderSubID(),
            sessionId.getSenderLocationID(), sessionId.getTargetCompID(), sessionId.getTargetSubID(),
            sessionId.getTargetLocationID(), sessionId.getSessionQualifier()};
        this.dataSource = dataSource;
        this.writer = writer;
        try {
            load(true);
        } catch (final SQLException ex) {
            throw new IOException("FIX message store of " + sessionId + ": " + ex.getMessage(), ex);
        }
        writer.register(this);
    }

    private void load(final boolean opening) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT creation_time, incoming_seqnum, "
                + "outgoing_seqnum, clean_shutdown FROM " + SESSIONS + " WHERE " + KEY_PREDICATE + " FOR UPDATE")) {
                bindKey(select, 1);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        creationTime = now();
                        nextSender = 1;
                        nextTarget = 1;
                        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SESSIONS + " ("
                            + KEY_COLUMNS + ", creation_time, incoming_seqnum, outgoing_seqnum, clean_shutdown) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?)")) {
                            final int next = bindKey(insert, 1);
                            insert.setTimestamp(next, new Timestamp(creationTime.getTimeInMillis()), utc());
                            insert.setBoolean(next + 1, !opening);
                            insert.executeUpdate();
                        }
                        connection.commit();
                        return;
                    }
                    final Calendar created = utc();
                    created.setTimeInMillis(row.getTimestamp(1, utc()).getTime());
                    creationTime = created;
                    nextTarget = row.getInt(2);
                    int sender = row.getInt(3);
                    final boolean clean = row.getBoolean(4);
                    if (opening && !clean) {
                        sender = Math.max(sender, maxStoredSequence(connection) + 1);
                        final int advanced = sender + writer.crashGap();
                        LOG.warn("{}: the previous run did not stop cleanly; next outgoing MsgSeqNum advanced from {} "
                            + "to {} so that no number is used twice (the counterparty's resend request for the gap "
                            + "is gap-filled, and undelivered ExecutionReports are re-sent from the journal)",
                            sessionId, sender, advanced);
                        sender = advanced;
                    }
                    nextSender = sender;
                }
            }
            if (opening) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + SESSIONS
                    + " SET outgoing_seqnum = ?, clean_shutdown = FALSE WHERE " + KEY_PREDICATE)) {
                    update.setInt(1, nextSender);
                    bindKey(update, 2);
                    update.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    private int maxStoredSequence(final Connection connection) throws SQLException {
        try (PreparedStatement max = connection.prepareStatement("SELECT COALESCE(MAX(msgseqnum), 0) FROM " + MESSAGES
            + " WHERE " + KEY_PREDICATE)) {
            bindKey(max, 1);
            try (ResultSet row = max.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Binds the session key from parameter {@code first}; returns the next parameter index. */
    int bindKey(final PreparedStatement statement, final int first) throws SQLException {
        for (int i = 0; i < key.length; i++) {
            statement.setString(first + i, key[i]);
        }
        return first + key.length;
    }

    int nextSender() {
        return nextSender;
    }

    int nextTarget() {
        return nextTarget;
    }

    void clearDirty() {
        dirty.set(false);
    }

    private void markDirty() throws IOException {
        if (dirty.compareAndSet(false, true)) {
            writer.dirty(this);
        }
    }

    /** Records that this store's row is complete (called by the writer at a clean shutdown). */
    void markClean() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + SESSIONS
                 + " SET incoming_seqnum = ?, outgoing_seqnum = ?, clean_shutdown = TRUE WHERE " + KEY_PREDICATE)) {
            update.setInt(1, nextTarget);
            update.setInt(2, nextSender);
            bindKey(update, 3);
            update.executeUpdate();
        } catch (final SQLException ex) {
            LOG.error("{}: could not mark the message store clean; the next start treats this run as a crash: {}",
                sessionId, ex.getMessage());
        }
    }

    @Override
    public boolean set(final int sequence, final String message) throws IOException {
        writer.put(this, sequence, message);
        return true;
    }

    @Override
    public void get(final int startSequence, final int endSequence, final Collection<String> messages)
        throws IOException {
        writer.flush();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT message FROM " + MESSAGES + " WHERE "
                 + KEY_PREDICATE + " AND msgseqnum >= ? AND msgseqnum <= ? ORDER BY msgseqnum")) {
            final int next = bindKey(select, 1);
            select.setInt(next, startSequence);
            select.setInt(next + 1, endSequence);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.add(rows.getString(1));
                }
            }
        } catch (final SQLException ex) {
            throw new IOException("FIX message store of " + sessionId + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public int getNextSenderMsgSeqNum() {
        return nextSender;
    }

    @Override
    public int getNextTargetMsgSeqNum() {
        return nextTarget;
    }

    @Override
    public void setNextSenderMsgSeqNum(final int next) throws IOException {
        nextSender = next;
        markDirty();
        writer.flush();
    }

    @Override
    public void setNextTargetMsgSeqNum(final int next) throws IOException {
        nextTarget = next;
        markDirty();
        writer.flush();
    }

    @Override
    public void incrNextSenderMsgSeqNum() throws IOException {
        nextSender++;
        markDirty();
    }

    @Override
    public void incrNextTargetMsgSeqNum() throws IOException {
        nextTarget++;
        markDirty();
    }

    @Override
    public Date getCreationTime() {
        return creationTime.getTime();
    }

    @Override
    public Calendar getCreationTimeCalendar() {
        return (Calendar) creationTime.clone();
    }

    @Override
    public void reset() throws IOException {
        writer.flush();
        final Calendar created = now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + MESSAGES + " WHERE "
                     + KEY_PREDICATE);
                 PreparedStatement update = connection.prepareStatement("UPDATE " + SESSIONS + " SET creation_time = ?, "
                     + "incoming_seqnum = 1, outgoing_seqnum = 1 WHERE " + KEY_PREDICATE)) {
                bindKey(delete, 1);
                delete.executeUpdate();
                update.setTimestamp(1, new Timestamp(created.getTimeInMillis()), utc());
                bindKey(update, 2);
                update.executeUpdate();
                connection.commit();
            } catch (final SQLException ex) {
                connection.rollback();
                throw ex;
            }
        } catch (final SQLException ex) {
            throw new IOException("FIX message store of " + sessionId + ": reset failed: " + ex.getMessage(), ex);
        }
        creationTime = created;
        nextSender = 1;
        nextTarget = 1;
    }

    @Override
    public void refresh() throws IOException {
        writer.flush();
        try {
            load(false);
        } catch (final SQLException ex) {
            throw new IOException("FIX message store of " + sessionId + ": " + ex.getMessage(), ex);
        }
    }

    private static Calendar now() {
        final Calendar calendar = utc();
        calendar.setTimeInMillis(LocalDateTime.now(ZoneOffset.UTC).toInstant(ZoneOffset.UTC).toEpochMilli());
        return calendar;
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
