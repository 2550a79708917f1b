package io.portcullis.app.admin;

import static io.portcullis.app.admin.Route.Method.DELETE;
import static io.portcullis.app.admin.Route.Method.GET;
import static io.portcullis.app.admin.Route.Method.POST;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.portcullis.app.console.Console;
import io.portcullis.app.console.ConsoleViews;
import io.portcullis.app.console.Indicators;
import io.portcullis.app.console.PositionScope;
import io.portcullis.app.console.PriceAlerts;
import io.portcullis.oms.domain.PriceConversion;
import io.portcullis.oms.domain.Prices;
import io.portcullis.projection.live.LiveKeys;
import io.portcullis.projection.live.LiveState;

/**
 * The web console's reads and its price alerts: market watch, chart bars with indicators, the trade tape, positions
 * with P&amp;L, and each user's alerts. Market data is for every role; positions for the roles that see every
 * firm's accounts and for a broker firm's viewers, who see their firm's accounts only ({@link PositionScope}). The
 * live pushes go over the WebSocket of {@link io.portcullis.app.console.ConsoleFeed}.
 */
final class MarketRoutes {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.\\-]{1,16}");
    private static final Pattern INDICATOR = Pattern.compile("(sma|ema|rsi|bb):([0-9]{1,3})");

    private final Supplier<Console> console;

    /** @param console the console's sources, looked up at each call */
    MarketRoutes(final Supplier<Console> console) {
        this.console = console;
    }

    List<Route> routes() {
        return declared().stream().map(route -> new Route(route.method(), route.path(), route.access(),
            redisAnswers(route.handler()))).toList();
    }

    /** A handler that answers 503 naming Redis when the live state does not answer. */
    private static Route.Handler redisAnswers(final Route.Handler handler) {
        return call -> {
            try {
                return handler.handle(call);
            } catch (final org.redisson.client.RedisException ex) {
                throw ApiProblem.unavailable("the live state in Redis does not answer (" + ex.getClass()
                    .getSimpleName() + "); trading is not affected; retry once Redis is back");
            }
        };
    }

    private List<Route> declared() {
        final Access positions = Access.roles(Role.OPERATIONS, Role.RISK_OFFICER, Role.BACK_OFFICE, Role.COMPLIANCE,
            Role.BROKER_VIEWER);
        return List.of(
            new Route(GET, "/api/market", Access.anyRole(), call -> Reply.ok(Map.of("symbols",
                console.get().live().quotes().stream().map(ConsoleViews::quote).toList()))),
            new Route(GET, "/api/market/{symbol}/bars", Access.anyRole(), this::bars),
            new Route(GET, "/api/market/{symbol}/trades", Access.anyRole(), call -> {
                final String symbol = symbol(call);
                final int limit = call.queryInt("limit", 50, 1, LiveKeys.TRADES_KEPT);
                return Reply.ok(Map.of("trades", console.get().live().trades(symbol, limit).stream()
                    .map(ConsoleViews::trade).toList()));
            }),
            new Route(GET, "/api/positions", positions, this::positions),
            new Route(GET, "/api/alerts", Access.anyRole(), call -> Reply.ok(Map.of("alerts",
                console.get().alerts().of(call.principal().username()).stream().map(ConsoleViews::alert).toList()))),
            new Route(POST, "/api/alerts", Access.anyRole(), this::createAlert),
            new Route(DELETE, "/api/alerts/{id}", Access.anyRole(), call -> {
                final long id;
                try {
                    id = Long.parseLong(call.path("id"));
                } catch (final NumberFormatException ex) {
                    throw ApiProblem.badRequest("id", "must be an alert id (an integer)");
                }
                if (!console.get().alerts().delete(call.principal().username(), id)) {
                    throw new NoSuchElementException("you have no price alert " + id);
                }
                call.changed("PRICE_ALERT_DELETED", Long.toString(id), null, null, null);
                return Reply.noContent();
            }));
    }

    private static String symbol(final Call call) {
        final String symbol = call.path("symbol");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw ApiProblem.badRequest("symbol", "must be 1 to 16 of A-Z, 0-9, '.', '-', was '" + symbol + "'");
        }
        return symbol;
    }

    /**
     * The symbol's one-minute bars of the {@code minutes} minutes up to its last trade (now when it has none), oldest
     * first, and the asked indicators over their closes, one value per bar.
     */
    private Reply bars(final Call call) {
        final String symbol = symbol(call);
        final int minutes = call.queryInt("minutes", 120, 1, 1_440);
        final String asked = call.context().queryParam("indicators");
        final List<String[]> indicators = new ArrayList<>();
        if (asked != null && !asked.isBlank()) {
            for (final String item : asked.split(",")) {
                final var m = INDICATOR.matcher(item.strip());
                final int period = m.matches() ? Integer.parseInt(m.group(2)) : 0;
                if (!m.matches() || period < 2 || period > 200) {
                    throw ApiProblem.badRequest("indicators", "'" + item + "' is not one of sma:N, ema:N, rsi:N, bb:N "
                        + "with N from 2 to 200 (e.g. indicators=sma:20,ema:50,bb:20,rsi:14)");
                }
                indicators.add(new String[] {m.group(1), m.group(2)});
            }
        }
        final LiveState live = console.get().live();
        final long lastTrade = live.quote(symbol).map(LiveState.Quote::lastTradeAt).orElse(0L);
        final long end = (lastTrade == 0 ? Instant.now().getEpochSecond() : lastTrade / 1_000_000_000L) / 60 * 60;
        final List<LiveState.Bar> bars = live.bars(symbol, end - (minutes - 1) * 60L, end);
        final List<Map<String, Object>> rows = new ArrayList<>();
        final double[] closes = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            final LiveState.Bar b = bars.get(i);
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("t", Instant.ofEpochSecond(b.minute()).toString());
            row.put("o", ConsoleViews.price(b.open()));
            row.put("h", ConsoleViews.price(b.high()));
            row.put("l", ConsoleViews.price(b.low()));
            row.put("c", ConsoleViews.price(b.close()));
            row.put("v", b.volume());
            rows.add(row);
            closes[i] = (double) b.close() / Prices.PRICE_SCALE;
        }
        final Map<String, Object> values = new LinkedHashMap<>();
        for (final String[] indicator : indicators) {
            final int period = Integer.parseInt(indicator[1]);
            final String name = indicator[0] + ":" + period;
            switch (indicator[0]) {
                case "sma" -> values.put(name, decimals(Indicators.sma(closes, period), 4));
                case "ema" -> values.put(name, decimals(Indicators.ema(closes, period), 4));
                case "rsi" -> values.put(name, decimals(Indicators.rsi(closes, period), 2));
                default -> {
                    final double[][] bands = Indicators.bollinger(closes, period, 2);
                    values.put(name + ":upper", decimals(bands[0], 4));
                    values.put(name + ":middle", decimals(bands[1], 4));
                    values.put(name + ":lower", decimals(bands[2], 4));
                }
            }
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol);
        body.put("interval", "1m");
        body.put("bars", rows);
        body.put("indicators", values);
        return Reply.ok(body);
    }

    private static List<String> decimals(final double[] values, final int places) {
        final List<String> out = new ArrayList<>(values.length);
        for (final double v : values) {
            out.add(Double.isNaN(v) ? null : java.math.BigDecimal.valueOf(v)
                .setScale(places, java.math.RoundingMode.HALF_EVEN).toPlainString());
        }
        return out;
    }

    /** Every position the caller sees (a BROKER_VIEWER: its firm's accounts only), with totals over those. */
    private Reply positions(final Call call) {
        final PositionScope scope = PositionScope.of(call.principal());
        if (!scope.any()) {
            throw ApiProblem.noFirm();
        }
        final Console sources = console.get();
        final List<LiveState.Position> positions = new ArrayList<>();
        final Map<String, Long> last = new HashMap<>();
        for (final LiveState.Quote quote : sources.live().quotes()) {
            last.put(quote.symbol(), quote.last());
        }
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (final LiveState.Position p : sources.live().positions()) {
            final String firm = sources.firmOf().apply(p.account());
            if (scope.sees(firm)) {
                positions.add(p);
                rows.add(ConsoleViews.position(p, firm, last.getOrDefault(p.symbol(), Prices.NONE)));
            }
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("positions", rows);
        body.put("totals", ConsoleViews.totals(positions, last));
        return Reply.ok(body);
    }

    private Reply createAlert(final Call call) {
        call.onlyMembers("symbol", "condition", "price");
        final String symbol = call.text("symbol", 16);
        if (!SYMBOL.matcher(symbol).matches()) {
            throw ApiProblem.badRequest("symbol", "must be 1 to 16 of A-Z, 0-9, '.', '-', was '" + symbol + "'");
        }
        final String conditionText = call.text("condition", 8);
        final PriceAlerts.Condition condition;
        try {
            condition = PriceAlerts.Condition.valueOf(conditionText);
        } catch (final IllegalArgumentException ex) {
            throw ApiProblem.badRequest("condition", "must be ABOVE or BELOW, was '" + conditionText + "'");
        }
        final String priceText = call.text("price", 24);
        final PriceConversion price = Prices.parse(priceText);
        if (!price.isOk() || price.price() <= 0) {
            throw ApiProblem.badRequest("price", "must be a positive decimal price with at most 4 decimals, e.g. "
                + "\"270.50\", was '" + priceText + "'");
        }
        final PriceAlerts.Alert alert;
        try {
            alert = console.get().alerts().create(call.principal().username(), symbol, condition, price.price());
        } catch (final IllegalStateException ex) {
            throw ApiProblem.conflict(ex.getMessage());
        }
        call.changed("PRICE_ALERT_CREATED", Long.toString(alert.id()), null, null, ConsoleViews.alert(alert));
        return Reply.created(ConsoleViews.alert(alert));
    }
}
