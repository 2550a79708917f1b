package io.portcullis.app.console;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portcullis.oms.domain.Prices;
import io.portcullis.projection.live.LiveState;
import io.portcullis.projection.live.LiveUpdate;

/**
 * The JSON shapes the console's REST routes and its live feed share (api/openapi.yaml, schemas {@code Quote},
 * {@code Trade}, {@code Position}, {@code PriceAlert}): prices and money as exact decimal strings (null where there
 * is none), quantities as integers, times as ISO-8601 instants. Stateless.
 */
public final class ConsoleViews {
    private ConsoleViews() {
    }

    /** A symbol's quote and daily statistics. */
    public static Map<String, Object> quote(final LiveState.Quote q) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", q.symbol());
        out.put("bid", price(q.bid()));
        out.put("bidQty", q.bidQty());
        out.put("ask", price(q.ask()));
        out.put("askQty", q.askQty());
        out.put("last", price(q.last()));
        out.put("open", price(q.open()));
        out.put("high", price(q.high()));
        out.put("low", price(q.low()));
        out.put("volume", q.volume());
        out.put("trades", q.trades());
        out.put("updatedAt", time(q.updatedAt()));
        return out;
    }

    /** One trade of the tape. */
    public static Map<String, Object> trade(final LiveUpdate.Trade t) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", t.symbol());
        out.put("tradeId", t.tradeId());
        out.put("price", price(t.price()));
        out.put("qty", t.qty());
        out.put("aggressor", t.aggressor());
        out.put("time", time(t.transactTime()));
        return out;
    }

    /**
     * A position with its P&amp;L marked to {@code last}: unrealized = netQty × last − costBasis for a long,
     * costBasis − |netQty| × last for a short (costBasis is what the open shares cost or brought in), 0 when flat
     * or when the symbol has not traded.
     */
    public static Map<String, Object> position(final LiveState.Position p, final String firm, final long last) {
        final long unrealized = unrealized(p, last);
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", p.account());
        out.put("firm", firm);
        out.put("symbol", p.symbol());
        out.put("netQty", p.netQty());
        out.put("avgPx", p.netQty() == 0 ? null : Prices.toBigDecimal(p.costBasis())
            .divide(java.math.BigDecimal.valueOf(Math.abs(p.netQty())), Prices.DECIMALS,
                java.math.RoundingMode.HALF_EVEN).toPlainString());
        out.put("costBasis", money(p.costBasis()));
        out.put("last", price(last));
        out.put("realizedPnl", money(p.realizedPnl()));
        out.put("unrealizedPnl", money(unrealized));
        out.put("totalPnl", money(p.realizedPnl() + unrealized));
        out.put("boughtQty", p.boughtQty());
        out.put("soldQty", p.soldQty());
        out.put("updatedAt", time(p.updatedAt()));
        return out;
    }

    /** Unrealized P&amp;L of a position at {@code last}, 1e-4 USD. */
    public static long unrealized(final LiveState.Position p, final long last) {
        if (p.netQty() == 0 || last == Prices.NONE) {
            return 0;
        }
        final long marked = Math.multiplyExact(p.netQty(), last);
        return p.netQty() > 0 ? marked - p.costBasis() : p.costBasis() + marked;
    }

    /** Realized, unrealized and total P&amp;L of rows made by {@link #position}. */
    public static Map<String, Object> totals(final List<LiveState.Position> positions,
                                             final Map<String, Long> lastBySymbol) {
        long realized = 0;
        long unrealized = 0;
        for (final LiveState.Position p : positions) {
            realized += p.realizedPnl();
            unrealized += unrealized(p, lastBySymbol.getOrDefault(p.symbol(), Prices.NONE));
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("realizedPnl", money(realized));
        out.put("unrealizedPnl", money(unrealized));
        out.put("totalPnl", money(realized + unrealized));
        return out;
    }

    /** A price alert. */
    public static Map<String, Object> alert(final PriceAlerts.Alert a) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("symbol", a.symbol());
        out.put("condition", a.condition().name());
        out.put("price", price(a.price()));
        out.put("createdAt", a.createdAt().toString());
        out.put("triggeredAt", a.triggeredAt() == null ? null : a.triggeredAt().toString());
        out.put("tradePrice", price(a.tradePrice()));
        out.put("tradeId", a.tradeId() == 0 ? null : a.tradeId());
        return out;
    }

    /** A price as a decimal string, null for none. */
    public static String price(final long price) {
        return price == Prices.NONE ? null : Prices.toBigDecimal(price).toPlainString();
    }

    private static String money(final long amount) {
        return Prices.toBigDecimal(amount).toPlainString();
    }

    /** Epoch nanoseconds as an ISO-8601 instant, null for 0. */
    public static String time(final long epochNanos) {
        return epochNanos == 0 ? null : Instant.ofEpochSecond(0, epochNanos).toString();
    }
}
