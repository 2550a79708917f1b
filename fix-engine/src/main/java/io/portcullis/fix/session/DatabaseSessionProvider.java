package io.portcullis.fix.session;

import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Acceptor;
import quickfix.ConfigError;
import quickfix.Session;
import quickfix.SessionFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.mina.SessionConnector;
import quickfix.mina.acceptor.AcceptorSessionProvider;

/**
 * Finds the QuickFIX/J session for a Logon arriving on one acceptor address: a {@code .cfg} session bound to this
 * address, or else a session held in MySQL ({@code fix_session}) whose BeginString has a template
 * ({@code AcceptorTemplate=Y}) on this address and whose SenderCompID the template allows. Such a session is created on
 * first sight from the template's settings plus the row's schedule, and added to the running acceptor: a counterparty
 * inserted at run time logs on without a restart.
 *
 * <p>Called by QuickFIX/J on MINA I/O threads for a connection's first message(s). An unknown CompID costs one MySQL
 * query, then is remembered as unknown for {@link #NEGATIVE_CACHE_MILLIS} so a flood of them does not reach MySQL.
 */
final class DatabaseSessionProvider implements AcceptorSessionProvider {
    static final long NEGATIVE_CACHE_MILLIS = 2_000;
    private static final int NEGATIVE_CACHE_MAX = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSessionProvider.class);

    private final SocketAddress address;
    private final Set<SessionID> boundHere;
    private final List<SessionID> templates;
    private final SessionSettings settings;
    private final SessionFactory sessionFactory;
    private final SessionRegistry registry;
    private final Map<SessionID, Long> unknownUntil = new ConcurrentHashMap<>();

    DatabaseSessionProvider(final SocketAddress address, final Set<SessionID> staticSessions,
                            final List<SessionID> templates, final SessionSettings settings,
                            final SessionFactory sessionFactory, final SessionRegistry registry) {
        this.address = address;
        this.boundHere = ConcurrentHashMap.newKeySet();
        this.boundHere.addAll(staticSessions);
        this.templates = List.copyOf(templates);
        this.settings = settings;
        this.sessionFactory = sessionFactory;
        this.registry = registry;
    }

    @Override
    public synchronized Session getSession(final SessionID requested, final SessionConnector connector) {
        final SessionID id = new SessionID(requested.getBeginString(), requested.getSenderCompID(),
            requested.getTargetCompID());
        if (boundHere.contains(id)) {
            return Session.lookupSession(id);
        }
        final Optional<SessionID> template = templateFor(id);
        if (template.isEmpty()) {
            return null;
        }
        final Long until = unknownUntil.get(id);
        final long now = System.currentTimeMillis();
        if (until != null && until > now) {
            return null;
        }
        final Optional<SessionRegistry.SessionRow> row;
        try {
            row = registry.find(id);
        } catch (final RuntimeException ex) {
            LOG.error("cannot look up session {} in MySQL: {}", id, ex.getMessage());
            return null;
        }
        if (row.isEmpty()) {
            if (unknownUntil.size() >= NEGATIVE_CACHE_MAX) {
                unknownUntil.clear();
            }
            unknownUntil.put(id, now + NEGATIVE_CACHE_MILLIS);
            return null;
        }
        return create(row.get(), template.get(), connector);
    }

    /** Creates (and adds to {@code connector}) the session of a MySQL row, if a template here takes it. */
    synchronized Session createIfTemplated(final SessionRegistry.SessionRow row, final SessionConnector connector) {
        final SessionID id = row.entry().sessionId();
        if (boundHere.contains(id)) {
            return Session.lookupSession(id);
        }
        return templateFor(id).map(template -> create(row, template, connector)).orElse(null);
    }

    boolean serves(final SessionID id) {
        return boundHere.contains(id) || templateFor(id).isPresent();
    }

    private Session create(final SessionRegistry.SessionRow row, final SessionID template,
                           final SessionConnector connector) {
        final SessionID id = row.entry().sessionId();
        try {
            final SessionSettings dynamic = settingsFor(row, template);
            final Session session = sessionFactory.create(id, dynamic);
            registry.put(row.entry());
            boundHere.add(id);
            unknownUntil.remove(id);
            if (connector != null) {
                connector.addDynamicSession(session);
            }
            LOG.info("session {} from MySQL added on {} (template {})", id, address, template);
            return session;
        } catch (final ConfigError | RuntimeException ex) {
            LOG.error("cannot create session {} from MySQL: {}", id, ex.getMessage());
            return null;
        }
    }

    private SessionSettings settingsFor(final SessionRegistry.SessionRow row, final SessionID template)
        throws ConfigError {
        final SessionID id = row.entry().sessionId();
        final Properties merged = new Properties();
        merged.putAll(settings.getDefaultProperties());
        merged.putAll(settings.getSessionProperties(template, false));
        merged.remove(Acceptor.SETTING_ACCEPTOR_TEMPLATE);
        merged.setProperty(SessionSettings.BEGINSTRING, id.getBeginString());
        merged.setProperty(SessionSettings.SENDERCOMPID, id.getSenderCompID());
        merged.setProperty(SessionSettings.TARGETCOMPID, id.getTargetCompID());
        if (row.startTime() != null && row.endTime() != null) {
            merged.remove(Session.SETTING_NON_STOP_SESSION);
            merged.setProperty(Session.SETTING_START_TIME, row.startTime());
            merged.setProperty(Session.SETTING_END_TIME, row.endTime());
            if (row.weekdays() != null) {
                merged.setProperty(Session.SETTING_WEEKDAYS, row.weekdays());
            }
            if (row.timeZone() != null) {
                merged.setProperty(Session.SETTING_TIMEZONE, row.timeZone());
            }
        } else if (!merged.containsKey(Session.SETTING_START_TIME)) {
            merged.setProperty(Session.SETTING_NON_STOP_SESSION, "Y");
        }
        final SessionSettings dynamic = new SessionSettings();
        copy(merged, dynamic);
        return dynamic;
    }

    private Optional<SessionID> templateFor(final SessionID id) {
        for (final SessionID template : templates) {
            if (template.getBeginString().equals(id.getBeginString())
                && (DynamicWildcard.matches(template.getSenderCompID(), id.getSenderCompID()))) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    private static void copy(final Properties from, final SessionSettings to) {
        for (final String key : from.stringPropertyNames()) {
            to.setString(key, from.getProperty(key));
        }
    }

    /** {@code *} matches any value, as in QuickFIX/J's DynamicAcceptorSessionProvider. */
    private static final class DynamicWildcard {
        private DynamicWildcard() {
        }

        static boolean matches(final String pattern, final String value) {
            return "*".equals(pattern) || pattern.equals(value);
        }
    }
}
