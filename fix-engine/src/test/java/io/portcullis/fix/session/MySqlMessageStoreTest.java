package io.portcullis.fix.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.portcullis.config.Settings;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.SessionID;

/**
 * The gateway's write-behind FIX message store on real MariaDB: a clean shutdown resumes exactly; a run that died
 * (its rows never marked clean) resumes with an outgoing sequence number past anything it may have sent; resend reads
 * see every message queued before them; reset and explicit sequence numbers are written at once.
 */
@Timeout(120)
class MySqlMessageStoreTest {
    private static TestDatabase testDatabase;
    private static Database database;

    @BeforeAll
    static void open() {
        LocalStack.require(LocalStack.Service.MYSQL);
        testDatabase = TestDatabase.create(MySqlMessageStoreTest.class);
        database = Database.open(DatabaseConfiguration.from(Settings.of(Map.of(
            "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(), "db.password", testDatabase.password(),
            "db.pool-size", "4"), Map.of(), Map.of())));
        database.migrate();
    }

    @AfterAll
    static void close() {
        database.close();
        testDatabase.close();
    }

    private static SessionID session(final String target) {
        return new SessionID("FIX.4.4", "PORTCULLIS", target);
    }

    @Test
    void aCleanShutdownResumesExactlyAndServesResends() throws Exception {
        final SessionID id = session("CLEAN");
        try (StoreWriter writer = new StoreWriter(database.dataSource(), 64)) {
            final MySqlMessageStore store = new MySqlMessageStore(id, database.dataSource(), writer);
            assertThat(store.getNextSenderMsgSeqNum()).isEqualTo(1);
            for (int seq = 1; seq <= 5; seq++) {
                store.set(seq, "message " + seq);
                store.incrNextSenderMsgSeqNum();
            }
            store.incrNextTargetMsgSeqNum();
            store.incrNextTargetMsgSeqNum();
            final List<String> resend = new ArrayList<>();
            store.get(2, 4, resend);
            assertThat(resend).containsExactly("message 2", "message 3", "message 4");
        }
        try (StoreWriter writer = new StoreWriter(database.dataSource(), 64)) {
            final MySqlMessageStore reopened = new MySqlMessageStore(id, database.dataSource(), writer);
            assertThat(reopened.getNextSenderMsgSeqNum()).isEqualTo(6);
            assertThat(reopened.getNextTargetMsgSeqNum()).isEqualTo(3);
            final List<String> all = new ArrayList<>();
            reopened.get(1, 100, all);
            assertThat(all).hasSize(5).startsWith("message 1").endsWith("message 5");
        }
    }

    @Test
    void aRunThatDiedResumesPastEveryNumberItMayHaveSent() throws Exception {
        final SessionID id = session("CRASHED");
        final StoreWriter dying = new StoreWriter(database.dataSource(), 64);
        final MySqlMessageStore store = new MySqlMessageStore(id, database.dataSource(), dying);
        for (int seq = 1; seq <= 40; seq++) {
            store.set(seq, "message " + seq);
            store.incrNextSenderMsgSeqNum();
        }
        final int usedUpTo = store.getNextSenderMsgSeqNum() - 1;
        // The process dies: its rows are never marked clean, and whatever it had not yet committed is lost. (Its
        // writer must stop for good here: a writer left running would commit its queue late, over the new process's
        // numbers, which a dead process cannot do.) A new process opens the same session.
        dying.abandon();
        try (StoreWriter writer = new StoreWriter(database.dataSource(), 64)) {
            final MySqlMessageStore reopened = new MySqlMessageStore(id, database.dataSource(), writer);
            assertThat(reopened.getNextSenderMsgSeqNum()).isGreaterThan(usedUpTo)
                .isGreaterThanOrEqualTo(writer.crashGap() + 1);
        }
        try (StoreWriter writer = new StoreWriter(database.dataSource(), 64)) {
            final MySqlMessageStore again = new MySqlMessageStore(id, database.dataSource(), writer);
            assertThat(again.getNextSenderMsgSeqNum()).as("after a clean stop the number is kept, not advanced again")
                .isEqualTo(storedOutgoing(id));
        }
    }

    @Test
    void resetAndExplicitSequenceNumbersAreWrittenAtOnce() throws Exception {
        final SessionID id = session("RESET");
        try (StoreWriter writer = new StoreWriter(database.dataSource(), 64)) {
            final MySqlMessageStore store = new MySqlMessageStore(id, database.dataSource(), writer);
            store.set(1, "one");
            store.incrNextSenderMsgSeqNum();
            store.setNextTargetMsgSeqNum(42);
            assertThat(storedIncoming(id)).isEqualTo(42);
            store.setNextSenderMsgSeqNum(100);
            assertThat(storedOutgoing(id)).isEqualTo(100);
            store.reset();
            assertThat(store.getNextSenderMsgSeqNum()).isEqualTo(1);
            assertThat(storedOutgoing(id)).isEqualTo(1);
            assertThat(storedIncoming(id)).isEqualTo(1);
            final List<String> none = new ArrayList<>();
            store.get(1, 10, none);
            assertThat(none).isEmpty();
        }
    }

    @Test
    void manySessionsWritingAtOnceLoseNothing() throws Exception {
        final int sessions = 8;
        final int perSession = 500;
        try (StoreWriter writer = new StoreWriter(database.dataSource(), 256)) {
            final List<Thread> threads = new ArrayList<>();
            final List<MySqlMessageStore> stores = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                final MySqlMessageStore store = new MySqlMessageStore(session("MANY" + s), database.dataSource(),
                    writer);
                stores.add(store);
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int seq = 1; seq <= perSession; seq++) {
                            store.set(seq, "m" + seq);
                            store.incrNextSenderMsgSeqNum();
                        }
                    } catch (final java.io.IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                }));
            }
            for (final Thread thread : threads) {
                thread.join();
            }
            writer.flush();
            assertThat(writer.written()).isEqualTo((long) sessions * perSession);
            for (int s = 0; s < sessions; s++) {
                final List<String> all = new ArrayList<>();
                stores.get(s).get(1, perSession, all);
                assertThat(all).hasSize(perSession);
                assertThat(storedOutgoing(session("MANY" + s))).isEqualTo(perSession + 1);
            }
        }
    }

    private static int storedOutgoing(final SessionID id) throws Exception {
        return stored(id, "outgoing_seqnum");
    }

    private static int storedIncoming(final SessionID id) throws Exception {
        return stored(id, "incoming_seqnum");
    }

    private static int stored(final SessionID id, final String column) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + column
                 + " FROM qfj_sessions WHERE targetcompid = ?")) {
            select.setString(1, id.getTargetCompID());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getInt(1);
            }
        }
    }
}
