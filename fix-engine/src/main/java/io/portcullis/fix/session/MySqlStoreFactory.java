package io.portcullis.fix.session;

import java.io.IOException;

import javax.sql.DataSource;

import quickfix.MessageStore;
import quickfix.MessageStoreFactory;
import quickfix.RuntimeError;
import quickfix.SessionID;

/**
 * Creates the {@link MySqlMessageStore} of each session (static and dynamic ones alike), all written by one shared
 * {@link StoreWriter}. Close it after the acceptor has stopped: that writes everything queued and marks the stores
 * as cleanly closed. Thread-safe.
 */
final class MySqlStoreFactory implements MessageStoreFactory, AutoCloseable {
    /** Queued store writes before session threads wait; also what a crash may lose (ADR 009). */
    static final int QUEUE_CAPACITY = 16_384;

    private final DataSource dataSource;
    private final StoreWriter writer;

    MySqlStoreFactory(final DataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = new StoreWriter(dataSource, QUEUE_CAPACITY);
    }

    @Override
    public MessageStore create(final SessionID sessionID) {
        try {
            return new MySqlMessageStore(sessionID, dataSource, writer);
        } catch (final IOException ex) {
            throw new RuntimeError(ex.getMessage(), ex);
        }
    }

    /** @return the shared writer (metrics) */
    StoreWriter writer() {
        return writer;
    }

    @Override
    public void close() {
        writer.close();
    }
}
