package io.portcullis.reporting.surveillance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Layering and spoofing, per account and symbol over the day. Counts orders (NEW reports), fills (TRADE reports)
 * and cancels (CANCELED reports), and <em>events</em>: a large order (at least {@code large-order-qty} shares) on
 * one side cancelled at most {@code window-seconds} after a fill of the same account on the other side (the large
 * orders moved the book, the small order on the other side traded, the large ones vanish). An alert needs all of:
 * at least {@code min-orders} orders, orders per fill at or above {@code order-to-trade-ratio}, cancels at or above
 * {@code cancel-ratio-pct} of orders, and at least {@code min-events} events.
 *
 * <p>Memory: counters per account and symbol, the last fill per side, and the evidence (capped).
 */
final class LayeringDetector implements Detector {
    private final SurveillanceSettings settings;
    private final Map<String, Book> books = new HashMap<>();
    private final Map<String, Long> largeOrders = new HashMap<>();

    /** @param settings the thresholds */
    LayeringDetector(final SurveillanceSettings settings) {
        this.settings = settings;
    }

    /** Per account and symbol. */
    private static final class Book {
        final String account;
        final String symbol;
        long orders;
        long fills;
        long cancels;
        long events;
        long largeCancelledQty;
        long lastBuyFill = Long.MIN_VALUE;
        long lastSellFill = Long.MIN_VALUE;
        String lastBuyFillOrder;
        String lastSellFillOrder;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        final Set<String> cancelled = Detector.orders();
        final Set<String> filled = Detector.orders();

        Book(final String account, final String symbol) {
            this.account = account;
            this.symbol = symbol;
        }
    }

    @Override
    public void accept(final Doc doc) {
        if (doc.position() || doc.account() == null || doc.symbol() == null || doc.execType() == null) {
            return;
        }
        final Book book = books.computeIfAbsent(Detector.key(doc.account(), doc.symbol()),
            k -> new Book(doc.account(), doc.symbol()));
        switch (doc.execType()) {
            case "NEW" -> {
                book.orders++;
                if (doc.orderQty() >= settings.largeOrderQty() && doc.orderId() != null) {
                    largeOrders.put(doc.orderId(), doc.orderQty());
                }
            }
            case "TRADE" -> {
                if (doc.fill()) {
                    book.fills++;
                    if (doc.buy()) {
                        book.lastBuyFill = doc.time();
                        book.lastBuyFillOrder = doc.orderId();
                    } else {
                        book.lastSellFill = doc.time();
                        book.lastSellFillOrder = doc.orderId();
                    }
                    if (doc.leavesQty() == 0) {
                        largeOrders.remove(doc.orderId());
                    }
                }
            }
            case "CANCELED" -> {
                book.cancels++;
                final Long large = largeOrders.remove(doc.orderId());
                if (large != null) {
                    final long fill = doc.buy() ? book.lastSellFill : book.lastBuyFill;
                    if (fill != Long.MIN_VALUE && doc.time() - fill <= settings.layeringSeconds() * 1_000_000_000L) {
                        book.events++;
                        book.largeCancelledQty += large;
                        Detector.addOrder(book.cancelled, doc.orderId());
                        Detector.addOrder(book.filled, doc.buy() ? book.lastSellFillOrder : book.lastBuyFillOrder);
                        book.first = Math.min(book.first, fill);
                        book.last = Math.max(book.last, doc.time());
                    }
                }
            }
            case "REJECTED", "EXPIRED", "DONE_FOR_DAY" -> largeOrders.remove(doc.orderId());
            default -> {
                // REPLACED, PENDING_*, RESTATED: neither an order nor a cancel for the ratios
            }
        }
    }

    @Override
    public List<Alert> finish() {
        final List<Alert> alerts = new ArrayList<>();
        for (final Book book : new TreeMap<>(books).values()) {
            if (book.orders < settings.minOrders() || book.events < settings.minEvents()
                || book.orders < (long) settings.orderToTrade() * Math.max(book.fills, 1)
                || book.cancels * 100 < (long) settings.cancelPct() * book.orders) {
                continue;
            }
            final Map<String, Object> values = new LinkedHashMap<>();
            values.put("orders", book.orders);
            values.put("fills", book.fills);
            values.put("cancels", book.cancels);
            values.put("orderToTradeRatio", Detector.ratio(book.orders, book.fills));
            values.put("cancelRatioPct", Detector.ratio(book.cancels * 100, book.orders));
            values.put("largeCancelsAfterOppositeFill", book.events);
            values.put("largeCancelledQty", book.largeCancelledQty);
            values.put("thresholds", Map.of("minOrders", settings.minOrders(), "orderToTradeRatio",
                settings.orderToTrade(), "cancelRatioPct", settings.cancelPct(), "largeOrderQty",
                settings.largeOrderQty(), "windowSeconds", settings.layeringSeconds(), "minEvents",
                settings.minEvents()));
            final Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("cancelledLargeOrderIds", List.copyOf(book.cancelled));
            evidence.put("oppositeSideFilledOrderIds", List.copyOf(book.filled));
            final Set<String> all = Detector.orders();
            all.addAll(book.filled);
            all.addAll(book.cancelled);
            evidence.put("lineage", Detector.lineage(all));
            alerts.add(new Alert(AlertPattern.LAYERING, book.account, book.symbol, Detector.instant(book.first),
                Detector.instant(book.last), Detector.ratio(book.orders, (long) settings.orderToTrade()
                    * Math.max(book.fills, 1)), values, evidence));
        }
        return alerts;
    }
}
