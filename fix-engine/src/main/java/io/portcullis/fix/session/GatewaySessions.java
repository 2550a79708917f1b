package io.portcullis.fix.session;

import java.net.SocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.portcullis.fix.dictionary.FixDictionary;
import io.portcullis.fix.messages.PortcullisMessageFactory;
import io.portcullis.sql.Database;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Acceptor;
import quickfix.ConfigError;
import quickfix.DefaultSessionFactory;
import quickfix.FieldConvertError;
import quickfix.FixVersions;
import quickfix.LogFactory;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.ThreadedSocketAcceptor;
import quickfix.mina.ProtocolFactory;

/**
 * The FIX acceptor of the gateway: one QuickFIX/J {@link ThreadedSocketAcceptor} (a thread per session, so one slow
 * session never stalls another) serving the sessions of a {@code .cfg} file and those held in MySQL, with
 * <ul>
 *   <li>message store and sequence numbers in MySQL ({@code qfj_sessions} / {@code qfj_messages}, QuickFIX/J's
 *       JdbcStore layout, written behind by one group-committing writer: {@link MySqlMessageStore}, ADR 009): a
 *       restart resumes sequence numbers and serves resend requests;</li>
 *   <li>QuickFIX/J's SLF4J message log (categories {@code quickfixj.msg.incoming}, {@code quickfixj.msg.outgoing},
 *       {@code quickfixj.event}, {@code quickfixj.errorEvent}; one message per line, SOH kept: a viewer shows it as
 *       {@code |}) with passwords masked;</li>
 *   <li>logon authentication, source-address allowlists and throttles, audited ({@link SessionAudit});</li>
 *   <li>pre-logon protection: idle and oversized unauthenticated connections are closed;</li>
 *   <li>per-session inbound message rate limits.</li>
 * </ul>
 * Sessions from MySQL: a section with {@code AcceptorTemplate=Y} (and a concrete BeginString, SenderCompID or
 * {@code *}, SocketAcceptPort) makes its port accept every {@code fix_session} row with that BeginString and
 * SenderCompID; the row's schedule columns, when set, replace the template's schedule.
 *
 * <p>Lifecycle: construct, {@link #start()}, {@link #stop()}; not restartable (build a new one). {@link #admin()} and
 * {@link #credentials()} are thread-safe.
 */
public final class GatewaySessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewaySessions.class);

    private final SessionSettings settings;
    private final DataSource dataSource;
    private final DSLContext dsl;
    private final SessionEvents events;
    private final SessionAudit audit;
    private final Clock clock;
    private final SessionRegistry registry;
    private final List<DatabaseSessionProvider> providers = new ArrayList<>();
    private ScheduledExecutorService timer;
    private ThreadedSocketAcceptor acceptor;
    private MySqlStoreFactory stores;
    private GatewayOptions options;
    private SessionAdmin admin;
    private LogFactory auditLog;

    /** With the database's pool and jOOQ context, the system UTC clock. */
    public GatewaySessions(final SessionSettings settings, final Database database, final SessionEvents events,
                           final SessionAudit audit) {
        this(settings, database.dataSource(), database.dsl(), events, audit, Clock.systemUTC());
    }

    /**
     * @param settings   the session settings, e.g. from {@link SessionConfigFile#load}; completed in place with the
     *                   settings the gateway requires
     * @param dataSource the pool for the message store
     * @param dsl        jOOQ on the same database, for {@code fix_session} and {@code fix_credential}
     * @param events     the order layer
     * @param audit      told of every logon refusal and operator action
     * @param clock      wall clock (UTC) for lockouts and audit times
     */
    public GatewaySessions(final SessionSettings settings, final DataSource dataSource, final DSLContext dsl,
                           final SessionEvents events, final SessionAudit audit, final Clock clock) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.dsl = dsl;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.registry = new SessionRegistry(dsl, clock);
    }

    /**
     * Sends every message of every session, in and out (secrets masked), to {@code log} as well as to the process
     * log; call before {@link #start()}.
     */
    public synchronized void auditLog(final LogFactory log) {
        this.auditLog = log;
    }

    /**
     * Validates the settings, binds every acceptor port and starts accepting logons; then creates the sessions of
     * MySQL that a template takes (so they are listed and their sequence numbers visible before they connect).
     *
     * @throws ConfigError naming the session and setting when the configuration is wrong, or when a port cannot be
     *                     bound
     */
    public synchronized void start() throws ConfigError {
        if (acceptor != null) {
            throw new IllegalStateException("already started");
        }
        options = GatewayOptions.from(settings);
        settings.setString(Session.SETTING_LOG_MESSAGE_WHEN_SESSION_NOT_FOUND, "N");
        final Map<SocketAddress, Set<SessionID>> staticByAddress = new LinkedHashMap<>();
        final Map<SocketAddress, List<SessionID>> templatesByAddress = new LinkedHashMap<>();
        for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); ) {
            final SessionID id = it.next();
            if (!"acceptor".equals(string(id, SessionFactory.SETTING_CONNECTION_TYPE))) {
                throw new ConfigError("session " + id + ": ConnectionType must be acceptor");
            }
            addDictionary(id);
            TlsSettings.check(settings, id);
            final SocketAddress address = address(id);
            if (bool(id, Acceptor.SETTING_ACCEPTOR_TEMPLATE)) {
                if ("*".equals(id.getBeginString())) {
                    throw new ConfigError("template " + id + ": BeginString must be FIX.4.2, FIX.4.4 or FIXT.1.1");
                }
                templatesByAddress.computeIfAbsent(address, a -> new ArrayList<>()).add(id);
            } else {
                registry.put(SessionKeys.fromSettings(settings, id));
                staticByAddress.computeIfAbsent(address, a -> new HashSet<>()).add(id);
            }
        }
        final LogonAuthenticator authenticator = new LogonAuthenticator(dsl, audit, clock, options);
        final GatewayApplication application = new GatewayApplication(events, registry, authenticator);
        stores = new MySqlStoreFactory(dataSource);
        final LogFactory processLog = new SLF4JLogFactory(settings);
        final SessionFactory sessionFactory = new DefaultSessionFactory(application, stores, new MaskingLogFactory(
            auditLog == null ? processLog : new TeeLogFactory(processLog, auditLog)), new PortcullisMessageFactory());
        final ThreadedSocketAcceptor created = new ThreadedSocketAcceptor(sessionFactory, settings);
        final Set<SocketAddress> addresses = new HashSet<>(staticByAddress.keySet());
        addresses.addAll(templatesByAddress.keySet());
        for (final SocketAddress address : addresses) {
            final DatabaseSessionProvider provider = new DatabaseSessionProvider(address,
                staticByAddress.getOrDefault(address, Set.of()), templatesByAddress.getOrDefault(address, List.of()),
                settings, sessionFactory, registry);
            created.setSessionProvider(address, provider);
            providers.add(provider);
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "portcullis-session-timer");
            thread.setDaemon(true);
            return thread;
        });
        final Map<Integer, Set<String>> beginStringsByPort = new HashMap<>();
        staticByAddress.forEach((address, ids) -> ids.forEach(id -> beginStringsByPort
            .computeIfAbsent(port(address), p -> new HashSet<>()).add(id.getBeginString())));
        templatesByAddress.forEach((address, ids) -> ids.forEach(id -> beginStringsByPort
            .computeIfAbsent(port(address), p -> new HashSet<>()).add(id.getBeginString())));
        final PreLogonGuard guard = new PreLogonGuard(options.logonTimeout().toMillis(), options.maxPreLogonBytes(),
            timer, beginStringsByPort);
        // QuickFIX/J builds its own filters (TLS, FIX codec) first and ours after them: addFirst puts the guard ahead
        // of both, so it sees raw bytes before any decoding.
        created.setIoFilterChainBuilder(chain -> chain.addFirst(PreLogonGuard.NAME, guard));
        created.start();
        acceptor = created;
        admin = new SessionAdmin(created, registry, audit);
        LOG.info("FIX acceptor started: {} configured session(s), templates {}, options {}",
            staticByAddress.values().stream().mapToInt(Set::size).sum(), templatesByAddress.values(), options);
        refreshFromDatabase();
        if (!options.refreshInterval().isZero()) {
            final long seconds = options.refreshInterval().toSeconds();
            timer.scheduleWithFixedDelay(this::refreshQuietly, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    /** Logs every session out, closes the ports and stops the timers. Idempotent. */
    public synchronized void stop() {
        if (acceptor == null) {
            return;
        }
        timer.shutdownNow();
        acceptor.stop(false);
        acceptor = null;
        stores.close();
        LOG.info("FIX acceptor stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** @return FIX store writes queued for MySQL (0 before {@link #start()}) */
    public synchronized int storeQueueDepth() {
        return stores == null ? 0 : stores.writer().queueDepth();
    }

    /** @return FIX store group commits so far (0 before {@link #start()}) */
    public synchronized long storeCommits() {
        return stores == null ? 0 : stores.writer().batches();
    }

    /** Operator actions on sessions; available after {@link #start()}. */
    public synchronized SessionAdmin admin() {
        if (admin == null) {
            throw new IllegalStateException("not started");
        }
        return admin;
    }

    /** Credential management on the same database. */
    public Credentials credentials() {
        return new Credentials(dsl, audit, clock);
    }

    /** The effective options; available after {@link #start()}. */
    public synchronized GatewayOptions options() {
        return options;
    }

    /**
     * Re-reads {@code fix_session}: creates the sessions added since (those a template takes), and logs out sessions
     * that are logged on but were disabled or deleted. Also runs on the refresh timer.
     */
    public void refreshFromDatabase() {
        final ThreadedSocketAcceptor current;
        synchronized (this) {
            current = acceptor;
        }
        if (current == null) {
            return;
        }
        final Set<SessionID> present = new HashSet<>();
        for (final SessionRegistry.SessionRow row : registry.findAll()) {
            final SessionID id = row.entry().sessionId();
            present.add(id);
            if (Session.lookupSession(id) == null) {
                for (final DatabaseSessionProvider provider : providers) {
                    if (provider.serves(id) && provider.createIfTemplated(row, current) != null) {
                        break;
                    }
                }
            } else if (registry.get(id).map(e -> e.source() == SessionEntry.Source.DATABASE).orElse(false)) {
                registry.put(row.entry());
                logoutIfDisabled(id, row.entry().enabled());
            }
        }
        for (final SessionEntry entry : registry.all()) {
            if (entry.source() == SessionEntry.Source.DATABASE && !present.contains(entry.sessionId())) {
                registry.put(entry.withEnabled(false));
                logoutIfDisabled(entry.sessionId(), false);
            }
        }
    }

    private static void logoutIfDisabled(final SessionID id, final boolean enabled) {
        final Session session = Session.lookupSession(id);
        if (session == null) {
            return;
        }
        if (!enabled && session.isEnabled()) {
            LOG.info("session {} disabled or removed in MySQL: logging it out", id);
            session.logout("Session disabled");
        } else if (enabled && !session.isEnabled()) {
            LOG.info("session {} enabled in MySQL", id);
            session.logon();
        }
    }

    private void refreshQuietly() {
        try {
            refreshFromDatabase();
        } catch (final RuntimeException ex) {
            LOG.error("refreshing FIX sessions from MySQL failed: {}", ex.toString());
        }
    }

    private void addDictionary(final SessionID id) throws ConfigError {
        if (settings.isSetting(id, Session.SETTING_DATA_DICTIONARY)
            || settings.isSetting(id, Session.SETTING_APP_DATA_DICTIONARY)) {
            return;
        }
        final Map<String, String> dictionary;
        try {
            dictionary = FixDictionary.sessionSettings(id.getBeginString());
        } catch (final IllegalArgumentException ex) {
            throw new ConfigError("session " + id + ": " + ex.getMessage());
        }
        dictionary.forEach((key, value) -> settings.setString(id, key, value));
        if (FixVersions.BEGINSTRING_FIXT11.equals(id.getBeginString())) {
            // QuickFIX/J drops, unanswered, a message whose ApplVerID(1128) has no dictionary. Parse every
            // application version with the 5.0SP2 one, so that GatewayApplication can reject the others (373=18).
            for (final String other : List.of("FIX.4.0", "FIX.4.1", "FIX.4.2", "FIX.4.3", "FIX.4.4", "FIX.5.0",
                "FIX.5.0SP1")) {
                settings.setString(id, Session.SETTING_APP_DATA_DICTIONARY + "." + other,
                    dictionary.get(Session.SETTING_APP_DATA_DICTIONARY));
            }
        }
    }

    private static int port(final SocketAddress address) {
        return address instanceof java.net.InetSocketAddress inet ? inet.getPort() : -1;
    }

    private SocketAddress address(final SessionID id) throws ConfigError {
        final String port = string(id, Acceptor.SETTING_SOCKET_ACCEPT_PORT);
        if (port == null) {
            throw new ConfigError("session " + id + ": SocketAcceptPort is required");
        }
        try {
            return ProtocolFactory.createSocketAddress(ProtocolFactory.SOCKET,
                string(id, Acceptor.SETTING_SOCKET_ACCEPT_ADDRESS), Integer.parseInt(port.trim()));
        } catch (final NumberFormatException ex) {
            throw new ConfigError("session " + id + ": SocketAcceptPort=" + port + " is not a port number");
        }
    }

    private String string(final SessionID id, final String key) throws ConfigError {
        return settings.isSetting(id, key) ? settings.getString(id, key) : null;
    }

    private boolean bool(final SessionID id, final String key) throws ConfigError {
        try {
            return settings.isSetting(id, key) && settings.getBool(id, key);
        } catch (final FieldConvertError ex) {
            throw new ConfigError("session " + id + ": " + key + " must be Y or N");
        }
    }
}
