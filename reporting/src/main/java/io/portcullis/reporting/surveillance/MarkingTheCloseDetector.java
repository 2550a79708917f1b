package io.portcullis.reporting.surveillance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Marking the close: in the last {@code close.window-minutes} before 16:00 New York, an account holding a position
 * in the symbol when the window opened (its last POSITION document of the day before the window) whose own fills
 * moved the last price in the position's favour (up when long, down when short) by at least
 * {@code close.min-move-bps} in all, measured against the last trade price before the window, and the close (the
 * last trade price before 16:00) is on the position's side of that price. Each fill's move is its price less the
 * last trade price before its trade. Early closes (13:00) are not known here: the window is always before 16:00.
 * A position carried from an earlier day without a trade or position change today is not seen.
 *
 * <p>Memory: last price per symbol, position per account and symbol, the window's moves per account and symbol.
 */
final class MarkingTheCloseDetector implements Detector {
    private final SurveillanceSettings settings;
    private final long windowStart;
    private final long close;
    private final Map<String, Long> positions = new HashMap<>();
    private final Map<String, Symbol> symbols = new HashMap<>();
    private final Map<String, Mover> movers = new TreeMap<>();

    /**
     * @param settings the thresholds
     * @param close    16:00 New York of the day, epoch nanos UTC
     */
    MarkingTheCloseDetector(final SurveillanceSettings settings, final long close) {
        this.settings = settings;
        this.close = close;
        this.windowStart = close - settings.closeMinutes() * 60_000_000_000L;
    }

    /** Last prices of a symbol. */
    private static final class Symbol {
        long last;
        long beforeWindow;
        String tradeId;
        long beforeTrade;
    }

    /** An account's moves in a symbol in the window. */
    private static final class Mover {
        final String account;
        final String symbol;
        final long position;
        long favourable;
        long fills;
        long qty;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        final Set<String> orders = Detector.orders();

        Mover(final String account, final String symbol, final long position) {
            this.account = account;
            this.symbol = symbol;
            this.position = position;
        }
    }

    @Override
    public void accept(final Doc doc) {
        if (doc.time() >= close || doc.account() == null || doc.symbol() == null) {
            return;
        }
        final String key = Detector.key(doc.account(), doc.symbol());
        if (doc.position()) {
            if (doc.time() < windowStart) {
                positions.put(key, doc.netQty());
            }
            return;
        }
        if (!doc.fill()) {
            return;
        }
        final Symbol symbol = symbols.computeIfAbsent(doc.symbol(), s -> new Symbol());
        if (doc.tradeId() == null || !doc.tradeId().equals(symbol.tradeId)) {
            symbol.tradeId = doc.tradeId();
            symbol.beforeTrade = symbol.last;
            symbol.last = doc.lastPx();
        }
        if (doc.time() < windowStart) {
            symbol.beforeWindow = symbol.last;
            return;
        }
        final long position = positions.getOrDefault(key, 0L);
        if (position == 0 || symbol.beforeTrade == 0) {
            return;
        }
        final long move = (doc.lastPx() - symbol.beforeTrade) * Long.signum(position);
        final Mover mover = movers.computeIfAbsent(key, k -> new Mover(doc.account(), doc.symbol(), position));
        mover.fills++;
        mover.qty += doc.lastQty();
        if (move > 0) {
            mover.favourable += move;
        }
        Detector.addOrder(mover.orders, doc.orderId());
        mover.first = Math.min(mover.first, doc.time());
        mover.last = Math.max(mover.last, doc.time());
    }

    @Override
    public List<Alert> finish() {
        final List<Alert> alerts = new ArrayList<>();
        for (final Mover mover : movers.values()) {
            final Symbol symbol = symbols.get(mover.symbol);
            final long reference = symbol.beforeWindow;
            if (reference <= 0) {
                continue;
            }
            final long closeMove = (symbol.last - reference) * Long.signum(mover.position);
            final BigDecimal bps = BigDecimal.valueOf(mover.favourable * 10_000L)
                .divide(BigDecimal.valueOf(reference), 2, RoundingMode.HALF_UP);
            if (closeMove <= 0 || bps.compareTo(BigDecimal.valueOf(settings.closeMinMoveBps())) < 0) {
                continue;
            }
            final Map<String, Object> values = new LinkedHashMap<>();
            values.put("positionAtWindowStart", mover.position);
            values.put("lastPriceBeforeWindow", Detector.usd(reference));
            values.put("closingPrice", Detector.usd(symbol.last));
            values.put("favourableMoveBps", bps);
            values.put("fillsInWindow", mover.fills);
            values.put("qtyInWindow", mover.qty);
            values.put("thresholds", Map.of("windowMinutes", settings.closeMinutes(), "minMoveBps",
                settings.closeMinMoveBps()));
            final Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("windowStart", Detector.instant(windowStart).toString());
            evidence.put("close", Detector.instant(close).toString());
            evidence.put("orderIds", List.copyOf(mover.orders));
            evidence.put("lineage", Detector.lineage(mover.orders));
            alerts.add(new Alert(AlertPattern.MARKING_THE_CLOSE, mover.account, mover.symbol,
                Detector.instant(mover.first), Detector.instant(mover.last),
                bps.divide(BigDecimal.valueOf(settings.closeMinMoveBps()), 4, RoundingMode.HALF_UP), values,
                evidence));
        }
        return alerts;
    }
}
