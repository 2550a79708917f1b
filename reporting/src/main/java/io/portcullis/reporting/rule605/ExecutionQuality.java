package io.portcullis.reporting.rule605;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.portcullis.oms.domain.Prices;

/**
 * Aggregates one month of the audit trail, in journal order, into the records of the OES summary report
 * (Rule 605(a)(2)), as the documents stream by.
 *
 * <ul>
 *   <li><b>Covered orders</b>: orders accepted (a NEW execution report caused by their own NewOrder) during the
 *       month, that were at receipt a market order or a marketable limit order ({@link OrderKind}), with a time in
 *       force other than IOC and FOK (the OES metadata: "exclude other order types, e.g. IOC, FOK"), received while
 *       the quote was two-sided. Orders rejected on entry never executed and are left out; so are orders received
 *       while one side of our book was empty (no midpoint, no notional, no spread): counted in
 *       {@link #uncovered()}.</li>
 *   <li><b>Receipt</b>: the command timestamp of the order's NEW report; the quote at receipt is the last
 *       TOP_OF_BOOK of the symbol from an earlier journal record ({@link QuoteBook}): our own best bid and offer,
 *       not the NBBO.</li>
 *   <li><b>Order size</b>: notional = order quantity x midpoint at receipt, in the buckets 0, 250, 1000, 5000,
 *       10000, 20000, 50000, 200000 USD (lower bounds), and 199999 = every order below 200,000 USD.</li>
 *   <li><b>Executions</b>: the order's TRADE reports, whenever they come during the walk (the month plus one
 *       minute, for the realized spreads); an order is forgotten once nothing of it is left open.</li>
 *   <li><b>S&amp;P 500 flag</b>: the instrument reference data's {@code sp500} flag (as loaded now; the rule asks for
 *       the index membership on the first day of the month).</li>
 * </ul>
 *
 * <p>Memory: the open covered orders and the executions of the last minute waiting for their realized-spread
 * quotes, not the month. One thread.
 */
final class ExecutionQuality implements Consumer<AuditEvent> {
    /** Size bucket lower bounds in USD, then the aggregate code, in report order. */
    static final int[] SIZES = {0, 250, 1000, 5000, 10000, 20000, 50000, 199999, 200000};
    private static final int AGGREGATE = 7;
    private static final long[] HORIZONS_NS = {Duration.ofSeconds(15).toNanos(), Duration.ofSeconds(60).toNanos()};

    private record Open(String symbol, boolean buy, long receipt, Quote quote, List<OesCell> cells) {
    }

    private record Pending(long due, int seconds, boolean buy, long qty, BigDecimal px, BigDecimal receiptMid,
                           List<OesCell> cells) {
    }

    private final long monthStart;
    private final long monthEnd;
    private final Predicate<String> sp500;
    private final QuoteBook quotes = new QuoteBook();
    private final Map<Integer, OesCell> cells = new TreeMap<>();
    private final Map<String, Open> open = new HashMap<>();
    private final Map<String, ArrayDeque<Pending>> pending = new HashMap<>();
    private long uncovered;

    /**
     * @param monthStart first instant of the month, epoch nanos (inclusive)
     * @param monthEnd   first instant after it, epoch nanos (exclusive)
     * @param sp500      true for the symbols reported as S&amp;P 500 stocks
     */
    ExecutionQuality(final long monthStart, final long monthEnd, final Predicate<String> sp500) {
        this.monthStart = monthStart;
        this.monthEnd = monthEnd;
        this.sp500 = sp500;
    }

    @Override
    public void accept(final AuditEvent event) {
        switch (event) {
            case AuditEvent.TopOfBook q -> {
                resolve(q.symbol(), q.time());
                quotes.apply(q.symbol(), q.offset(), q.quote());
            }
            case AuditEvent.Report r -> report(r);
        }
    }

    private void report(final AuditEvent.Report r) {
        if (r.accepted() && r.commandTime() >= monthStart && r.commandTime() < monthEnd) {
            receive(r);
        }
        final Open order = r.orderId() == null ? null : open.get(r.orderId());
        if (order == null) {
            return;
        }
        if (r.fill()) {
            final BigDecimal px = Prices.toBigDecimal(r.lastPx());
            for (final OesCell cell : order.cells()) {
                cell.execution(order.buy(), r.lastQty(), px, order.quote(), r.time() - order.receipt());
            }
            final ArrayDeque<Pending> queue = pending.computeIfAbsent(order.symbol(), s -> new ArrayDeque<>());
            queue.add(new Pending(r.time() + HORIZONS_NS[0], 15, order.buy(), r.lastQty(), px,
                order.quote().midpoint(), order.cells()));
            queue.add(new Pending(r.time() + HORIZONS_NS[1], 60, order.buy(), r.lastQty(), px,
                order.quote().midpoint(), order.cells()));
        }
        if (r.done()) {
            open.remove(r.orderId());
        }
    }

    private void receive(final AuditEvent.Report r) {
        if ("IOC".equals(r.tif()) || "FOK".equals(r.tif())) {
            return;
        }
        final Quote quote = quotes.before(r.symbol(), r.offset());
        final OrderKind kind = OrderKind.classify(r.ordType(), r.buy(), r.price(), quote);
        if (kind != OrderKind.MARKET && kind != OrderKind.MARKETABLE_LIMIT) {
            return;
        }
        if (!quote.twoSided()) {
            uncovered++;
            return;
        }
        final BigDecimal notional = quote.midpoint().multiply(BigDecimal.valueOf(r.orderQty()));
        int size = 0;
        for (int i = 0; i < SIZES.length; i++) {
            if (i != AGGREGATE && notional.compareTo(BigDecimal.valueOf(SIZES[i])) >= 0) {
                size = i;
            }
        }
        final int base = (sp500.test(r.symbol()) ? 0 : 100) + (kind == OrderKind.MARKET ? 0 : 10);
        final List<OesCell> targets = new ArrayList<>(2);
        targets.add(cells.computeIfAbsent(base + size, k -> new OesCell()));
        if (SIZES[size] < 200_000) {
            targets.add(cells.computeIfAbsent(base + AGGREGATE, k -> new OesCell()));
        }
        for (final OesCell cell : targets) {
            cell.order(r.orderQty(), notional);
        }
        open.put(r.orderId(), new Open(r.symbol(), r.buy(), r.commandTime(), quote, List.copyOf(targets)));
    }

    /** Realized spreads due before {@code time} are measured against the quote in force until then. */
    private void resolve(final String symbol, final long time) {
        final ArrayDeque<Pending> queue = pending.get(symbol);
        if (queue == null) {
            return;
        }
        final Quote later = quotes.latest(symbol);
        // the two horizons interleave: scan the whole (short: one minute of executions) queue
        queue.removeIf(p -> {
            if (p.due() >= time) {
                return false;
            }
            if (later.twoSided()) {
                for (final OesCell cell : p.cells()) {
                    cell.realized(p.seconds(), p.buy(), p.qty(), p.px(), p.receiptMid(), later.midpoint());
                }
            }
            return true;
        });
    }

    /**
     * Ends the walk: realized spreads due before {@code walkEnd} are measured against the last quotes; later ones
     * (executions in the walk's last minute) are left out.
     *
     * @param walkEnd end of the walk, epoch nanos
     * @return the records with at least one order, in report order (S&amp;P 500 first, market before marketable
     *         limit, sizes ascending with 199999 before 200000)
     */
    List<OesRecord> finish(final long walkEnd) {
        for (final String symbol : List.copyOf(pending.keySet())) {
            resolve(symbol, walkEnd);
        }
        final List<OesRecord> out = new ArrayList<>();
        for (final Map.Entry<Integer, OesCell> entry : cells.entrySet()) {
            final int key = entry.getKey();
            out.add(new OesRecord(key < 100, SIZES[key % 10], (key / 10) % 10 == 0 ? "M" : "ML",
                entry.getValue().statistics()));
        }
        return out;
    }

    /** @return market and marketable limit orders left out because one side of the book was empty at receipt */
    long uncovered() {
        return uncovered;
    }
}
