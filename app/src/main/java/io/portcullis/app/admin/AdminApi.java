package io.portcullis.app.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.portcullis.app.admin.account.Accounts;
import io.portcullis.app.admin.account.Principal;
import io.portcullis.app.admin.account.Tokens;
import io.portcullis.app.admin.audit.AdminAudit;
import io.portcullis.app.admin.audit.MysqlAdminAudit;
import io.portcullis.app.admin.audit.PublishingAdminAudit;
import io.portcullis.app.console.Console;
import io.portcullis.app.http.HttpRoutes;
import io.portcullis.config.EffectiveConfiguration;
import io.portcullis.config.Settings;
import io.portcullis.fix.audit.AuditPublisher;
import io.portcullis.fix.session.SessionAdmin;
import io.portcullis.reporting.search.AuditSearchConfiguration;
import io.portcullis.risk.desk.RiskDesk;
import io.portcullis.sql.Database;

/**
 * The admin HTTP API under {@code /api/} (contract: {@code api/openapi.yaml}, served at {@code GET /api/openapi.yaml}):
 * login with bearer tokens, FIX session administration, user administration, the audit trail, the risk desk (limits
 * with four eyes, lists, locates, kill switches, exposure, rejects), the trade-history search over the Elasticsearch
 * audit index ({@link AuditSearchRoutes}). One route table;
 * each route declares who may call it ({@link Access}), and every route runs through the same guard, so
 * authentication, authorization (deny by default), problem+json errors and the audit row (table {@code admin_audit})
 * are the same for all.
 *
 * <p>Setting: {@code admin.token-lifetime-minutes} [PORTCULLIS_ADMIN_TOKEN_LIFETIME_MINUTES], 1..10080, default 480;
 * the search reads {@code es.url}, {@code audit.index-prefix} and {@code audit.search.keep-alive-seconds}
 * ({@link io.portcullis.reporting.search.AuditSearchConfiguration}) and connects on its first call.
 *
 * <p>Built on the start-up thread; its routes run on Jetty threads.
 */
public final class AdminApi implements HttpRoutes, AutoCloseable {
    /** Classpath location of the OpenAPI document (copied from {@code api/openapi.yaml} at build). */
    public static final String OPENAPI_RESOURCE = "api/openapi.yaml";

    private final List<Route> routes;
    private final Tokens tokens;
    private final AdminAudit audit;
    private final Duration tokenLifetime;
    // Decimals stay exact both ways: limit values and money are read as BigDecimal and written in plain notation.
    private final ObjectMapper json = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private final InstantSource clock;
    private final AuditSearchConnection auditSearch;
    private volatile EngineRoutes.DayOrderExpiry engine;
    private volatile Console console;

    /**
     * An admin API on a node without a risk desk: the risk routes exist (the contract is the same) and answer 500.
     *
     * @param tokenLifetime how long a token from {@code POST /api/auth/token} is valid
     * @param database      the book-of-record database (users, tokens, audit)
     * @param sessions      the FIX acceptor's admin, looked up at each call
     * @param audit         where every call is recorded
     * @param clock         wall clock
     */
    public AdminApi(final Duration tokenLifetime, final Database database, final Supplier<SessionAdmin> sessions,
                    final AdminAudit audit, final InstantSource clock) {
        this(tokenLifetime, database, sessions, () -> {
            throw new IllegalStateException("the risk desk is not running on this node");
        }, audit, clock);
    }

    /**
     * @param tokenLifetime how long a token from {@code POST /api/auth/token} is valid
     * @param database      the book-of-record database (users, tokens, audit)
     * @param sessions      the FIX acceptor's admin, looked up at each call
     * @param desk          the risk desk, looked up at each call
     * @param audit         where every call is recorded
     * @param clock         wall clock
     */
    public AdminApi(final Duration tokenLifetime, final Database database, final Supplier<SessionAdmin> sessions,
                    final Supplier<RiskDesk> desk, final AdminAudit audit, final InstantSource clock) {
        this(tokenLifetime, database, sessions, desk, null, audit, clock, null);
    }

    /**
     * @param auditSearch the trade-history search over Elasticsearch, or null: its routes then answer 500
     * @param gateway     the gateway's settings (Redis of the report jobs' locks), or null for this process's
     */
    AdminApi(final Duration tokenLifetime, final Database database, final Supplier<SessionAdmin> sessions,
             final Supplier<RiskDesk> desk, final AuditSearchConnection auditSearch, final AdminAudit audit,
             final InstantSource clock, final Settings gateway) {
        this.tokenLifetime = tokenLifetime;
        this.auditSearch = auditSearch;
        this.clock = clock;
        this.audit = audit;
        final Accounts accounts = new Accounts(database.dsl(), clock);
        this.tokens = new Tokens(database.dsl(), clock);
        final List<Route> all = new ArrayList<>();
        all.addAll(new AuthRoutes(accounts, tokens, new MysqlAdminAudit(database.dsl()), tokenLifetime,
            openApiDocument()).routes());
        all.addAll(new SessionRoutes(sessions).routes());
        all.addAll(new UserRoutes(accounts, tokens).routes());
        all.addAll(new RiskLimitRoutes(desk).routes());
        all.addAll(new RiskControlRoutes(desk).routes());
        all.addAll(new EngineRoutes(this::expireDayOrders).routes());
        all.addAll(new SurveillanceRoutes(new io.portcullis.reporting.surveillance.AlertStore(database.dsl(), clock))
            .routes());
        all.addAll(new ReportRunRoutes(database, auditSearch, clock, gateway).routes());
        all.addAll(new MarketRoutes(() -> {
            final Console current = console;
            if (current == null) {
                throw new IllegalStateException("the live state (Redis) is not running on this node");
            }
            return current;
        }).routes());
        all.addAll(new AuditSearchRoutes(auditSearch != null ? auditSearch : () -> {
            throw new IllegalStateException("the audit search is not configured on this node");
        }).routes());
        final Set<String> seen = new HashSet<>();
        for (final Route route : all) {
            if (!seen.add(route.toString())) {
                throw new IllegalStateException("route declared twice: " + route);
            }
        }
        this.routes = List.copyOf(all);
    }

    /** The gateway's admin API: settings {@code admin.*}, MySQL audit, system clock. */
    public static AdminApi create(final Settings settings, final Database database,
                                  final Supplier<SessionAdmin> sessions, final Supplier<RiskDesk> desk) {
        return create(settings, database, sessions, desk, null);
    }

    /**
     * The gateway's admin API: settings {@code admin.*}, every call audited in MySQL and, when {@code publisher} is
     * not null, on the Kafka audit topic; system clock.
     */
    public static AdminApi create(final Settings settings, final Database database,
                                  final Supplier<SessionAdmin> sessions, final Supplier<RiskDesk> desk,
                                  final AuditPublisher publisher) {
        final AdminAudit book = new MysqlAdminAudit(database.dsl());
        return new AdminApi(Duration.ofMinutes(settings.integer("admin.token-lifetime-minutes", 480, 1, 10_080)),
            database, sessions, desk,
            new AuditSearchConnection(AuditSearchConfiguration.from(settings), database.dsl()),
            publisher == null ? book : new PublishingAdminAudit(book, publisher), InstantSource.system(), settings);
    }

    /** The effective settings, for the start-up report. */
    public EffectiveConfiguration describe() {
        final EffectiveConfiguration out = new EffectiveConfiguration("admin API")
            .add("admin.token-lifetime-minutes", tokenLifetime.toMinutes());
        if (auditSearch != null) {
            out.add("es.url", auditSearch.configuration().elasticsearchUrl())
                .add("audit.index-prefix", auditSearch.configuration().indexPrefix())
                .add("audit.search.keep-alive-seconds", auditSearch.configuration().keepAliveSeconds());
        }
        return out;
    }

    /** The route table, in declaration order. */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void register(final RoutesConfig config) {
        for (final Route route : routes) {
            config.addHttpHandler(handlerType(route.method()), route.path(),
                new Guard(route, tokens, audit, json, clock));
        }
    }

    /** Lets the console routes reach the live state and the price alerts (the gateway calls this before serving). */
    public void console(final Console sources) {
        this.console = sources;
    }

    /** The caller a bearer token stands for now (for the console's WebSocket, which cannot send headers). */
    public Optional<Principal> authenticate(final String token) {
        return tokens.authenticate(token);
    }

    /** Lets the engine routes reach this node's engine (the gateway calls this before serving). */
    public void engine(final EngineRoutes.DayOrderExpiry dayOrderExpiry) {
        this.engine = dayOrderExpiry;
    }

    private EngineRoutes.Expired expireDayOrders() throws InterruptedException {
        final EngineRoutes.DayOrderExpiry current = engine;
        if (current == null) {
            throw new IllegalStateException("the engine is not running on this node");
        }
        return current.expireDayOrders();
    }

    /** Closes the audit search's Elasticsearch client, if it was opened. */
    @Override
    public void close() {
        if (auditSearch != null) {
            auditSearch.close();
        }
    }

    /** The OpenAPI document as bytes (UTF-8 YAML). */
    public static byte[] openApiDocument() {
        try (InputStream in = AdminApi.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is not on the class path (the app module's "
                    + "build copies api/openapi.yaml there; rebuild the app)");
            }
            return in.readAllBytes();
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, ex);
        }
    }

    private static HandlerType handlerType(final Route.Method method) {
        return switch (method) {
            case GET -> HandlerType.GET;
            case POST -> HandlerType.POST;
            case PUT -> HandlerType.PUT;
            case DELETE -> HandlerType.DELETE;
        };
    }
}
