package io.portcullis.app.admin;

import static io.portcullis.sql.schema.Tables.PRICE_ALERT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.app.console.ConsoleFeed;
import io.portcullis.app.demo.DemoData;
import io.portcullis.oms.domain.Side;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console's API on a real gateway (MySQL, Kafka, Redis): two trades through the engine reach the live state
 * in Redis and from there the REST reads (market watch, bars with indicators, tape, positions with P&amp;L) and the
 * WebSocket feed (quotes, trades, positions, the user's price alert, fired once); a bad token is refused on the
 * socket; bad input gets a problem naming the field; the console's files are served.
 */
@Timeout(180)
class ConsoleApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private static AdminGateway gateway;
    private static String operations;
    private static Feed feed;
    private static Feed simFeed;
    private static Feed broker1Feed;
    private static String simViewer;
    private static long alertId;

    @BeforeAll
    static void tradeTwiceWhileTheConsoleWatches() throws Exception {
        gateway = AdminGateway.start(ConsoleApiTest.class, temp);
        operations = gateway.token(Role.OPERATIONS);
        feed = Feed.open(operations);
        gateway.accounts().create("sim.viewer", java.util.Set.of(Role.BROKER_VIEWER), "SIM",
            AdminGateway.PASSWORD.toCharArray(), "test");
        simViewer = gateway.tokens().issue("sim.viewer", Duration.ofMinutes(10)).token();
        simFeed = Feed.open(simViewer);
        broker1Feed = Feed.open(gateway.token(Role.BROKER_VIEWER));
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.ofType("hello").size() == 1
            && simFeed.ofType("hello").size() == 1 && broker1Feed.ofType("hello").size() == 1);

        final AdminGateway.Answer alert = gateway.call("POST", "/api/alerts", operations,
            "{\"symbol\":\"AAPL\",\"condition\":\"ABOVE\",\"price\":\"268.50\"}");
        assertThat(alert.status()).as(alert.toString()).isEqualTo(201);
        alertId = alert.json().path("id").asLong();
        final AdminGateway.Answer below = gateway.call("POST", "/api/alerts", operations,
            "{\"symbol\":\"AAPL\",\"condition\":\"BELOW\",\"price\":\"200\"}");
        assertThat(below.status()).isEqualTo(201);

        // Two trades of 100 AAPL: at 268.50, then at 268.40; SIM-TAKER buys both from SIM-MM.
        gateway.order(Side.SELL, DemoData.SIM_MAKER_ACCOUNT, "AAPL", 2_685_000, "CON-1");
        gateway.order(Side.BUY, DemoData.SIM_TAKER_ACCOUNT, "AAPL", 2_685_000, "CON-2");
        gateway.order(Side.SELL, DemoData.SIM_MAKER_ACCOUNT, "AAPL", 2_684_000, "CON-3");
        gateway.order(Side.BUY, DemoData.SIM_TAKER_ACCOUNT, "AAPL", 2_684_000, "CON-4");
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.ofType("trade").size() >= 2
            && !feed.ofType("alert").isEmpty() && broker1Feed.ofType("trade").size() >= 2
            && !simFeed.ofType("position").isEmpty());
    }

    @AfterAll
    static void stop() {
        for (final Feed open : new Feed[] {feed, simFeed, broker1Feed}) {
            if (open != null) {
                open.close();
            }
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theMarketWatchShowsTheLastTradeAndTheDaysStatistics() throws Exception {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            final JsonNode aapl = symbol(gateway.call("GET", "/api/market", gateway.token(Role.BROKER_VIEWER), null)
                .json(), "AAPL");
            assertThat(aapl.path("last").asText()).isEqualTo("268.4000");
            assertThat(aapl.path("open").asText()).isEqualTo("268.5000");
            assertThat(aapl.path("high").asText()).isEqualTo("268.5000");
            assertThat(aapl.path("low").asText()).isEqualTo("268.4000");
            assertThat(aapl.path("volume").asLong()).isEqualTo(200);
            assertThat(aapl.path("trades").asLong()).isEqualTo(2);
        });
    }

    @Test
    void barsAddUpTheTradesAndCarryOneIndicatorValuePerBar() throws Exception {
        final JsonNode body = gateway.call("GET", "/api/market/AAPL/bars?minutes=60&indicators=sma:2,rsi:14,bb:2",
            operations, null).json();
        final JsonNode bars = body.path("bars");
        assertThat(bars.size()).as("two trades make one bar, or two across a minute boundary").isBetween(1, 2);
        long volume = 0;
        for (final JsonNode bar : bars) {
            volume += bar.path("v").asLong();
        }
        assertThat(volume).isEqualTo(200);
        assertThat(bars.get(0).path("o").asText()).isEqualTo("268.5000");
        assertThat(bars.get(bars.size() - 1).path("c").asText()).isEqualTo("268.4000");
        assertThat(body.path("indicators").path("sma:2")).hasSize(bars.size());
        assertThat(body.path("indicators").path("bb:2:upper")).hasSize(bars.size());
        assertThat(body.path("indicators").path("rsi:14").get(0).isNull()).as("undefined before 15 bars").isTrue();

        final AdminGateway.Answer bad = gateway.call("GET", "/api/market/AAPL/bars?indicators=macd:9", operations,
            null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asText()).isEqualTo("indicators");
        assertThat(gateway.call("GET", "/api/market/aapl!/bars", operations, null).json().path("field").asText())
            .isEqualTo("symbol");
    }

    @Test
    void theTapeListsTheTradesNewestFirst() throws Exception {
        final JsonNode trades = gateway.call("GET", "/api/market/AAPL/trades?limit=10", operations, null).json()
            .path("trades");
        assertThat(trades).hasSize(2);
        assertThat(trades.get(0).path("price").asText()).isEqualTo("268.4000");
        assertThat(trades.get(1).path("price").asText()).isEqualTo("268.5000");
        assertThat(trades.get(0).path("aggressor").asText()).isEqualTo("BUY");
        assertThat(trades.get(0).path("tradeId").asLong()).isGreaterThan(trades.get(1).path("tradeId").asLong());
    }

    @Test
    void positionsCarryPnlMarkedToTheLastTrade() throws Exception {
        final JsonNode body = gateway.call("GET", "/api/positions", operations, null).json();
        final JsonNode taker = position(body, DemoData.SIM_TAKER_ACCOUNT);
        // bought 100 at 268.50 and 100 at 268.40: cost 53,690; marked at 268.40: 53,680
        assertThat(taker.path("netQty").asLong()).isEqualTo(200);
        assertThat(taker.path("avgPx").asText()).isEqualTo("268.4500");
        assertThat(taker.path("costBasis").asText()).isEqualTo("53690.0000");
        assertThat(taker.path("last").asText()).isEqualTo("268.4000");
        assertThat(taker.path("unrealizedPnl").asText()).isEqualTo("-10.0000");
        assertThat(taker.path("firm").asText()).isEqualTo("SIM");
        final JsonNode maker = position(body, DemoData.SIM_MAKER_ACCOUNT);
        assertThat(maker.path("netQty").asLong()).isEqualTo(-200);
        assertThat(maker.path("unrealizedPnl").asText()).as("a short marked below its proceeds gains")
            .isEqualTo("10.0000");
        assertThat(body.path("totals").path("unrealizedPnl").asText()).isEqualTo("0.0000");

    }

    @Test
    void aBrokerViewerSeesOnlyItsOwnFirmsPositionsAndOnlyThoseArePushedToIt() throws Exception {
        // The trades were between two accounts of firm SIM.
        final JsonNode sim = gateway.call("GET", "/api/positions", simViewer, null).json();
        assertThat(sim.path("positions")).extracting(p -> p.path("account").asText())
            .containsExactlyInAnyOrder(DemoData.SIM_MAKER_ACCOUNT, DemoData.SIM_TAKER_ACCOUNT);
        assertThat(sim.path("totals").path("unrealizedPnl").asText()).isEqualTo("0.0000");
        final JsonNode broker1 = gateway.call("GET", "/api/positions", gateway.token(Role.BROKER_VIEWER), null).json();
        assertThat(broker1.path("positions")).as("BROKER1's viewer: no SIM account").isEmpty();
        assertThat(simFeed.ofType("position")).extracting(m -> m.path("firm").asText()).isNotEmpty()
            .containsOnly("SIM");
        assertThat(broker1Feed.ofType("position")).isEmpty();
        assertThat(broker1Feed.ofType("trade")).as("market data is for everyone").hasSize(2);

        gateway.accounts().create("firmless.viewer", java.util.Set.of(Role.BROKER_VIEWER),
            AdminGateway.PASSWORD.toCharArray(), "test");
        final AdminGateway.Answer firmless = gateway.call("GET", "/api/positions", gateway.tokens()
            .issue("firmless.viewer", Duration.ofMinutes(1)).token(), null);
        assertThat(firmless.status()).isEqualTo(403);
        assertThat(firmless.json().path("detail").asText()).contains("no broker firm");
        assertThat(firmless.json().path("type").asText()).endsWith("outside-firm");
    }

    @Test
    void theFeedPushedQuotesTradesPositionsAndTheAlertOnce() throws Exception {
        assertThat(feed.ofType("trade")).extracting(m -> m.path("price").asText())
            .containsExactly("268.5000", "268.4000");
        assertThat(feed.ofType("quote")).extracting(m -> m.path("symbol").asText()).contains("AAPL");
        assertThat(feed.ofType("position")).extracting(m -> m.path("account").asText())
            .contains(DemoData.SIM_TAKER_ACCOUNT, DemoData.SIM_MAKER_ACCOUNT);
        final List<JsonNode> alerts = feed.ofType("alert");
        assertThat(alerts).as("the ABOVE 268.50 alert, once; the BELOW 200 one waits").hasSize(1);
        assertThat(alerts.get(0).path("id").asLong()).isEqualTo(alertId);
        assertThat(alerts.get(0).path("tradePrice").asText()).isEqualTo("268.5000");

        final JsonNode listed = gateway.call("GET", "/api/alerts", operations, null).json().path("alerts");
        assertThat(listed).hasSize(2);
        for (final JsonNode alert : listed) {
            assertThat(alert.path("triggeredAt").isNull()).as("alert %s", alert)
                .isEqualTo(!"ABOVE".equals(alert.path("condition").asText()));
        }
        assertThat(gateway.gateway().database().dsl().fetchCount(PRICE_ALERT, PRICE_ALERT.TRIGGERED_AT.isNotNull()))
            .isEqualTo(1);
    }

    @Test
    void badAlertsAreRefusedNamingTheFieldAndAUserDeletesOnlyTheirOwn() throws Exception {
        final AdminGateway.Answer price = gateway.call("POST", "/api/alerts", operations,
            "{\"symbol\":\"AAPL\",\"condition\":\"ABOVE\",\"price\":\"1.00001\"}");
        assertThat(price.status()).isEqualTo(400);
        assertThat(price.json().path("field").asText()).isEqualTo("price");
        final AdminGateway.Answer condition = gateway.call("POST", "/api/alerts", operations,
            "{\"symbol\":\"AAPL\",\"condition\":\"SIDEWAYS\",\"price\":\"1\"}");
        assertThat(condition.json().path("field").asText()).isEqualTo("condition");

        final String other = gateway.token(Role.COMPLIANCE);
        final AdminGateway.Answer created = gateway.call("POST", "/api/alerts", other,
            "{\"symbol\":\"MSFT\",\"condition\":\"BELOW\",\"price\":\"100\"}");
        final long id = created.json().path("id").asLong();
        assertThat(gateway.call("DELETE", "/api/alerts/" + id, operations, null).status()).as("not theirs")
            .isEqualTo(404);
        assertThat(gateway.call("DELETE", "/api/alerts/" + id, other, null).status()).isEqualTo(204);
        assertThat(gateway.lastAudit().getAction()).isEqualTo("PRICE_ALERT_DELETED");
    }

    @Test
    void aSocketWithABadTokenIsClosedWith4401() throws Exception {
        try (Feed refused = Feed.open("not-a-token")) {
            assertThat(refused.closed.get(10, TimeUnit.SECONDS)).isEqualTo(ConsoleFeed.UNAUTHORIZED);
            assertThat(refused.messages).isEmpty();
        }
    }

    @Test
    void aSocketWhoseTokenIsRevokedLaterIsClosedWith4401() throws Exception {
        gateway.accounts().create("leaving.trader", java.util.Set.of(Role.OPERATIONS),
            AdminGateway.PASSWORD.toCharArray(), "test");
        try (Feed leaving = Feed.open(gateway.tokens().issue("leaving.trader", Duration.ofMinutes(10)).token())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> leaving.ofType("hello").size() == 1);
            assertThat(leaving.closed).isNotDone();

            gateway.tokens().revokeAll("leaving.trader");

            // The gateway of these tests checks tokens every second (console.token-recheck-seconds=1).
            assertThat(leaving.closed.get(10, TimeUnit.SECONDS)).isEqualTo(ConsoleFeed.UNAUTHORIZED);
        }
    }

    @Test
    void theConsoleFilesAreServedAndNothingElseUnderConsole() throws Exception {
        final AdminGateway.Answer page = gateway.call("GET", "/console/", null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.response().body()).contains("console.js");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(gateway.call("GET", "/console/console.js", null, null).header("Content-Type"))
            .startsWith("text/javascript");
        assertThat(gateway.call("GET", "/console/secrets.txt", null, null).status()).isEqualTo(404);
        final AdminGateway.Answer bare = gateway.call("GET", "/console", null, null);
        assertThat(bare.status()).as("to the page's directory, where its relative links work").isEqualTo(302);
        assertThat(bare.header("Location")).isEqualTo("/console/");
    }

    private static JsonNode symbol(final JsonNode market, final String symbol) {
        for (final JsonNode q : market.path("symbols")) {
            if (q.path("symbol").asText().equals(symbol)) {
                return q;
            }
        }
        throw new AssertionError(symbol + " not in " + market);
    }

    private static JsonNode position(final JsonNode body, final String account) {
        for (final JsonNode p : body.path("positions")) {
            if (p.path("account").asText().equals(account) && p.path("symbol").asText().equals("AAPL")) {
                return p;
            }
        }
        throw new AssertionError(account + " AAPL not in " + body);
    }

    /** A console WebSocket client: sends the token, keeps every message. */
    private static final class Feed implements WebSocket.Listener, AutoCloseable {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final HttpClient client = HttpClient.newHttpClient();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Feed open(final String token) throws Exception {
            final Feed feed = new Feed();
            feed.socket = feed.client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:"
                + gateway.gateway().httpPort() + ConsoleFeed.PATH), feed).get(10, TimeUnit.SECONDS);
            feed.socket.sendText("{\"token\":\"" + token + "\"}", true).get(10, TimeUnit.SECONDS);
            return feed;
        }

        List<JsonNode> ofType(final String type) {
            final List<JsonNode> out = new ArrayList<>();
            for (final JsonNode m : messages) {
                if (m.path("type").asText().equals(type)) {
                    out.add(m);
                }
            }
            return out;
        }

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (final Exception ex) {
                    throw new AssertionError("not JSON: " + partial, ex);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(final WebSocket webSocket, final Throwable error) {
            closed.completeExceptionally(error);
        }

        @Override
        public void close() {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
            client.close();
        }
    }
}
