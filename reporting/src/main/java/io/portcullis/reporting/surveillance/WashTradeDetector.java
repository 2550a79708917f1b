package io.portcullis.reporting.surveillance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Wash trades: the two TRADE execution reports of one trade (same {@code tradeId}, same journal record) whose
 * accounts have the same beneficial owner ({@link Owners}: the same account, or accounts sharing an owner in table
 * {@code account_beneficial_owner}). One alert per owner and symbol per day once {@code wash.min-trades} such trades
 * happened; its account is the first of the owner's accounts involved, by name.
 *
 * <p>Memory: the fills of the current journal record awaiting their other side, and one aggregate per owner and
 * symbol that washed.
 */
final class WashTradeDetector implements Detector {
    private final SurveillanceSettings settings;
    private final UnaryOperator<String> owners;
    private final Map<String, Doc> pending = new HashMap<>();
    private final Map<String, Wash> washes = new TreeMap<>();
    private long pendingOffset = -1;

    /**
     * @param settings the thresholds
     * @param owners   account to beneficial owner
     */
    WashTradeDetector(final SurveillanceSettings settings, final UnaryOperator<String> owners) {
        this.settings = settings;
        this.owners = owners;
    }

    /** Per owner and symbol. */
    private static final class Wash {
        final String owner;
        final String symbol;
        final Set<String> accounts = new TreeSet<>();
        final Set<String> orders = Detector.orders();
        final List<Map<String, Object>> trades = new ArrayList<>();
        long count;
        long qty;
        long notional;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        Wash(final String owner, final String symbol) {
            this.owner = owner;
            this.symbol = symbol;
        }
    }

    @Override
    public void accept(final Doc doc) {
        if (!doc.fill() || doc.tradeId() == null || doc.account() == null) {
            return;
        }
        if (doc.offset() != pendingOffset) {
            pending.clear();
            pendingOffset = doc.offset();
        }
        final Doc other = pending.remove(doc.tradeId());
        if (other == null) {
            pending.put(doc.tradeId(), doc);
            return;
        }
        final String owner = owners.apply(doc.account());
        if (!owner.equals(owners.apply(other.account()))) {
            return;
        }
        final Wash wash = washes.computeIfAbsent(Detector.key(owner, doc.symbol()),
            k -> new Wash(owner, doc.symbol()));
        wash.count++;
        wash.qty += doc.lastQty();
        wash.notional += doc.lastQty() * doc.lastPx();
        wash.accounts.add(doc.account());
        wash.accounts.add(other.account());
        Detector.addOrder(wash.orders, other.orderId());
        Detector.addOrder(wash.orders, doc.orderId());
        wash.first = Math.min(wash.first, doc.time());
        wash.last = Math.max(wash.last, doc.time());
        if (wash.trades.size() < MAX_ORDER_IDS) {
            final Doc buy = doc.buy() ? doc : other;
            final Doc sell = doc.buy() ? other : doc;
            final Map<String, Object> trade = new LinkedHashMap<>();
            trade.put("tradeId", doc.tradeId());
            trade.put("time", Detector.instant(doc.time()).toString());
            trade.put("price", Detector.usd(doc.lastPx()));
            trade.put("qty", doc.lastQty());
            trade.put("buyAccount", buy.account());
            trade.put("buyOrderId", buy.orderId());
            trade.put("sellAccount", sell.account());
            trade.put("sellOrderId", sell.orderId());
            wash.trades.add(trade);
        }
    }

    @Override
    public List<Alert> finish() {
        final List<Alert> alerts = new ArrayList<>();
        for (final Wash wash : washes.values()) {
            if (wash.count < settings.washMinTrades()) {
                continue;
            }
            final Map<String, Object> values = new LinkedHashMap<>();
            values.put("washTrades", wash.count);
            values.put("washQty", wash.qty);
            values.put("washNotional", BigDecimal.valueOf(wash.notional, 4).stripTrailingZeros().toPlainString());
            values.put("thresholds", Map.of("minTrades", settings.washMinTrades()));
            final Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("beneficialOwner", wash.owner);
            evidence.put("accounts", List.copyOf(wash.accounts));
            evidence.put("trades", List.copyOf(wash.trades));
            evidence.put("orderIds", List.copyOf(wash.orders));
            evidence.put("lineage", Detector.lineage(wash.orders));
            alerts.add(new Alert(AlertPattern.WASH_TRADE, wash.accounts.iterator().next(), wash.symbol,
                Detector.instant(wash.first), Detector.instant(wash.last), BigDecimal.valueOf(wash.count), values,
                evidence));
        }
        return alerts;
    }
}
