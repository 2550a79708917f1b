package io.portcullis.app.console;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsHandlerType;
import io.portcullis.app.admin.account.Principal;
import io.portcullis.app.http.HttpRoutes;
import io.portcullis.oms.domain.Prices;
import io.portcullis.projection.live.LiveState;
import io.portcullis.projection.live.LiveUpdate;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's live feed: a WebSocket at {@value #PATH} that pushes quotes, trades, positions and the user's fired
 * price alerts as the live-state projector publishes them (Redis pub/sub, so every gateway node serves every
 * change). It also checks each trade against the waiting price alerts.
 *
 * <p>Protocol (JSON text messages): the client's first message is {@code {"token":"<bearer token>"}}; an unknown,
 * expired or missing token closes the socket with code {@value #UNAUTHORIZED} within {@link #LOGIN_TIMEOUT_S}
 * seconds, and so does a token that stops being valid later (checked again periodically). The server then answers {@code {"type":"hello","symbols":[...],"positions":bool}} and pushes
 * {@code quote}, {@code trade}, {@code position} (to the users who may read that position,
 * {@link PositionScope}) and {@code alert} (only to the alert's user) messages with the shapes of
 * {@link ConsoleViews}. A message lost while a client was away is made good by the client's next REST read; the feed
 * keeps no backlog.
 *
 * <p>Updates are handled on one thread of the feed's own, off Redisson's.
 */
public final class ConsoleFeed implements HttpRoutes, AutoCloseable {
    /** The WebSocket path. */
    public static final String PATH = "/api/market/stream";
    /** Close code for a refused token. */
    public static final int UNAUTHORIZED = 4401;
    /** Seconds a client has to send its token. */
    public static final int LOGIN_TIMEOUT_S = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleFeed.class);

    private final Console console;
    private final RedissonClient redis;
    private final Function<String, Optional<Principal>> authenticate;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        final Thread thread = new Thread(r, "console-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final java.util.concurrent.ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread thread = new Thread(r, "console-feed-login-timeout");
            thread.setDaemon(true);
            return thread;
        });
    private final AtomicLong alertsFired = new AtomicLong();
    private final AtomicLong messagesSent = new AtomicLong();
    private final Duration recheck;
    private volatile int listenerId = -1;

    private static final class Client {
        final WsContext ctx;
        volatile Principal principal;
        volatile String token;

        Client(final WsContext ctx) {
            this.ctx = ctx;
        }
    }

    /**
     * @param console      the live state, alerts and firms
     * @param redis        the Redis client of the live state's channel
     * @param authenticate the principal of a bearer token, empty when the token is not valid now
     */
    public ConsoleFeed(final Console console, final RedissonClient redis,
                       final Function<String, Optional<Principal>> authenticate) {
        this(console, redis, authenticate, Duration.ofSeconds(30));
    }

    /**
     * @param recheck how often every logged-in client's token is checked again: a token that expired, was revoked or
     *                whose user was disabled closes its socket with {@value #UNAUTHORIZED}; changed roles or firm
     *                apply from then on
     */
    public ConsoleFeed(final Console console, final RedissonClient redis,
                       final Function<String, Optional<Principal>> authenticate, final Duration recheck) {
        this.console = console;
        this.redis = redis;
        this.authenticate = authenticate;
        this.recheck = recheck;
    }

    /** Subscribes to the live state's update channel and starts checking the clients' tokens. */
    public void start() {
        listenerId = redis.getTopic(console.live().keys().updates()).addListener(String.class,
            (channel, message) -> worker.execute(() -> onUpdate(message)));
        timer.scheduleWithFixedDelay(this::recheckTokens, recheck.toMillis(), recheck.toMillis(),
            TimeUnit.MILLISECONDS);
    }

    private void recheckTokens() {
        for (final Client client : clients.values()) {
            if (client.token == null) {
                continue;
            }
            try {
                final Optional<Principal> now = authenticate.apply(client.token);
                if (now.isEmpty()) {
                    client.principal = null;
                    close(client, "your token expired or was revoked, or your user was disabled: log in again");
                } else {
                    client.principal = now.get();
                }
            } catch (final RuntimeException ex) {
                // MySQL did not answer: keep the client as it is and check again next time.
                LOG.warn("console feed: tokens not rechecked: {}", ex.toString());
                return;
            }
        }
    }

    @Override
    public void register(final RoutesConfig config) {
        config.addWsHandler(WsHandlerType.WEBSOCKET, PATH, ws -> {
            ws.onConnect(ctx -> {
                clients.put(ctx.sessionId(), new Client(ctx));
                ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
                timer.schedule(() -> {
                    final Client client = clients.get(ctx.sessionId());
                    if (client != null && client.principal == null) {
                        close(client, "no token within " + LOGIN_TIMEOUT_S + " s");
                    }
                }, LOGIN_TIMEOUT_S, TimeUnit.SECONDS);
            });
            ws.onMessage(ctx -> {
                final Client client = clients.get(ctx.sessionId());
                if (client != null && client.principal == null) {
                    login(client, ctx.message());
                }
            });
            ws.onClose(ctx -> clients.remove(ctx.sessionId()));
            ws.onError(ctx -> clients.remove(ctx.sessionId()));
        });
    }

    private void login(final Client client, final String message) {
        String token = null;
        try {
            final JsonNode node = json.readTree(message);
            if (node != null && node.path("token").isTextual()) {
                token = node.path("token").asText();
            }
        } catch (final JsonProcessingException ex) {
            token = null;
        }
        final Optional<Principal> principal = token == null ? Optional.empty() : authenticate.apply(token);
        if (principal.isEmpty()) {
            close(client, "send {\"token\":\"...\"} with a valid bearer token from POST /api/auth/token");
            return;
        }
        client.principal = principal.get();
        client.token = token;
        final Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("type", "hello");
        hello.put("symbols", console.live().symbols());
        hello.put("positions", seesPositions(client));
        send(client, hello);
    }

    private static void close(final Client client, final String reason) {
        client.ctx.closeSession(UNAUTHORIZED, reason);
    }

    private static boolean seesPositions(final Client client) {
        final Principal principal = client.principal;
        return principal != null && PositionScope.of(principal).any();
    }

    private void onUpdate(final String message) {
        try {
            final LiveUpdate update = LiveUpdate.decode(message);
            final LiveState live = console.live();
            // Each symbol's last price, read once per update: the quotes pushed here, and the marks of the positions.
            final Map<String, Long> last = new HashMap<>();
            for (final String symbol : update.symbols()) {
                live.quote(symbol).ifPresent(q -> {
                    last.put(symbol, q.last());
                    broadcast(typed("quote", ConsoleViews.quote(q)));
                });
            }
            for (final LiveUpdate.Trade trade : update.trades()) {
                broadcast(typed("trade", ConsoleViews.trade(trade)));
                checkAlerts(trade);
            }
            if (!update.positions().isEmpty() && clients.values().stream().anyMatch(ConsoleFeed::seesPositions)) {
                final Set<String> keys = new LinkedHashSet<>(update.positions());
                for (final LiveState.Position p : live.positions(keys)) {
                    final long mark = last.computeIfAbsent(p.symbol(),
                        symbol -> live.quote(symbol).map(LiveState.Quote::last).orElse(Prices.NONE));
                    final String firm = console.firmOf().apply(p.account());
                    final String text = text(typed("position", ConsoleViews.position(p, firm, mark)));
                    for (final Client client : clients.values()) {
                        if (client.principal != null && PositionScope.of(client.principal).sees(firm)) {
                            sendText(client, text);
                        }
                    }
                }
            }
        } catch (final RuntimeException ex) {
            // One bad update must not stop the feed; the clients' next reads make good what this one missed.
            LOG.warn("console feed: update not delivered: {}", ex.toString());
        }
    }

    private void checkAlerts(final LiveUpdate.Trade trade) {
        for (final PriceAlerts.Alert alert : console.alerts().firedBy(trade.symbol(), trade.price())) {
            final Optional<PriceAlerts.Alert> fired = console.alerts().trigger(alert, trade.price(), trade.tradeId(),
                Instant.ofEpochSecond(0, trade.transactTime()));
            fired.ifPresent(a -> {
                alertsFired.incrementAndGet();
                LOG.info("price alert {} of {} fired: {} {} {}, trade {} at {}", a.id(), a.username(), a.symbol(),
                    a.condition(), Prices.format(a.price()), a.tradeId(), Prices.format(a.tradePrice()));
                final Map<String, Object> body = typed("alert", ConsoleViews.alert(a));
                for (final Client client : clients.values()) {
                    if (client.principal != null && client.principal.username().equals(a.username())) {
                        send(client, body);
                    }
                }
            });
        }
    }

    private static Map<String, Object> typed(final String type, final Map<String, Object> view) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.putAll(view);
        return out;
    }

    private void broadcast(final Map<String, Object> body) {
        final String text = text(body);
        for (final Client client : clients.values()) {
            if (client.principal != null) {
                sendText(client, text);
            }
        }
    }

    private void send(final Client client, final Map<String, Object> body) {
        sendText(client, text(body));
    }

    private void sendText(final Client client, final String text) {
        try {
            client.ctx.send(text);
            messagesSent.incrementAndGet();
        } catch (final RuntimeException ex) {
            clients.remove(client.ctx.sessionId());
        }
    }

    private String text(final Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (final JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Connected clients that sent a valid token. */
    public long clients() {
        return clients.values().stream().filter(c -> c.principal != null).count();
    }

    /** Price alerts this node fired since start. */
    public long alertsFired() {
        return alertsFired.get();
    }

    /** Messages pushed since start. */
    public long messagesSent() {
        return messagesSent.get();
    }

    /** Unsubscribes and stops the feed's threads. */
    @Override
    public void close() {
        if (listenerId >= 0) {
            redis.getTopic(console.live().keys().updates()).removeListener(listenerId);
        }
        worker.shutdownNow();
        timer.shutdownNow();
    }
}
