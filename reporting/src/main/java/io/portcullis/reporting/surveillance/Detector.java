package io.portcullis.reporting.surveillance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One pattern's detector: given every document of the day in journal order, then asked for its alerts. One thread;
 * state per account and symbol only.
 */
interface Detector extends Consumer<Doc> {
    /** Most order ids kept as evidence per alert (the counts stay exact). */
    int MAX_ORDER_IDS = 100;

    /** @return the alerts, once every document was given */
    List<Alert> finish();

    /** @return {@code account + '|' + symbol} */
    static String key(final String account, final String symbol) {
        return account + "|" + symbol;
    }

    /** @return the instant of epoch nanos */
    static Instant instant(final long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** @return a price in 1e-4 USD as a decimal USD */
    static BigDecimal usd(final long price) {
        return BigDecimal.valueOf(price, 4).stripTrailingZeros();
    }

    /** @return {@code n / d} with 2 decimals */
    static BigDecimal ratio(final long n, final long d) {
        return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(Math.max(d, 1)), 2, RoundingMode.HALF_UP);
    }

    /** Adds an order id to a capped evidence set. */
    static void addOrder(final Set<String> orders, final String orderId) {
        if (orderId != null && orders.size() < MAX_ORDER_IDS) {
            orders.add(orderId);
        }
    }

    /** @return the lineage links of {@code orderIds}, in their order */
    static List<String> lineage(final Set<String> orderIds) {
        final List<String> links = new ArrayList<>(orderIds.size());
        for (final String id : orderIds) {
            links.add(Alert.LINEAGE + id);
        }
        return links;
    }

    /** @return a new evidence set (insertion order) */
    static Set<String> orders() {
        return new LinkedHashSet<>();
    }
}
