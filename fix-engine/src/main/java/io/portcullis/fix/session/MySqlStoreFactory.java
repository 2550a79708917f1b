package io.portcullis.fix.session;

import javax.sql.DataSource;

import quickfix.JdbcSetting;
import quickfix.JdbcStoreFactory;
import quickfix.MessageStore;
import quickfix.MessageStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * QuickFIX/J's JdbcStore on our connection pool and our {@code qfj_sessions} / {@code qfj_messages} tables, for every
 * session, including dynamic ones that are not in the settings the acceptor started with (a {@link JdbcStoreFactory}
 * on those settings would fall back to its default table names for them): the factory here reads its own settings,
 * which hold only the table names, as defaults.
 *
 * <p>Thread-safe: {@link #create} is synchronized (QuickFIX/J's settings object is not thread-safe).
 */
final class MySqlStoreFactory implements MessageStoreFactory {
    static final String SESSIONS_TABLE = "qfj_sessions";
    static final String MESSAGES_TABLE = "qfj_messages";

    private final JdbcStoreFactory delegate;

    MySqlStoreFactory(final DataSource dataSource) {
        final SessionSettings storeSettings = new SessionSettings();
        storeSettings.setString(JdbcSetting.SETTING_JDBC_STORE_SESSIONS_TABLE_NAME, SESSIONS_TABLE);
        storeSettings.setString(JdbcSetting.SETTING_JDBC_STORE_MESSAGES_TABLE_NAME, MESSAGES_TABLE);
        storeSettings.setString(JdbcSetting.SETTING_JDBC_SESSION_ID_DEFAULT_PROPERTY_VALUE, "");
        delegate = new JdbcStoreFactory(storeSettings);
        delegate.setDataSource(dataSource);
    }

    @Override
    public synchronized MessageStore create(final SessionID sessionID) {
        return delegate.create(sessionID);
    }
}
