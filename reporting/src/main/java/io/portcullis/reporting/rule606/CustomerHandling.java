package io.portcullis.reporting.rule606;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.portcullis.reporting.rule605.AuditEvent;
import io.portcullis.reporting.rule605.Quote;
import io.portcullis.reporting.rule605.QuoteBook;
import io.portcullis.reporting.rule605.ReportSettings;

/**
 * Aggregates one customer's (account's) orders for the Rule 606(b)(3) order handling report, per month of receipt
 * (New York calendar), as the audit trail streams by. The engine carries no held/not-held marker, so every order of
 * the account received in the period is reported; all are non-directed and all go to our internal venue.
 *
 * <ul>
 *   <li>sent: shares of the orders accepted; routed: the same (all go to the venue); IOC: those of IOC and FOK
 *       orders; further routable: 0 (the venue routes nothing on).</li>
 *   <li>executed: filled shares of those orders (fills attributed to the month the order was received).</li>
 *   <li>midpoint / near side / far side: each fill against the quote in force before the fill's journal record
 *       (our own book): at the midpoint, on the side of the spread more favourable to the order (a buy below the
 *       midpoint, a sell above it), or less favourable; fills while the book was one-sided are in none.</li>
 *   <li>provided / removed liquidity: fills where the order was the resting (maker) or incoming (taker) order.</li>
 *   <li>order duration: mean time from receipt to the end (filled, cancelled, expired) of the orders that provided
 *       liquidity, in whole milliseconds, rounded half up; orders still open at the period's end are left out.</li>
 * </ul>
 *
 * <p>Memory: the account's open orders and one row per month. One thread.
 */
final class CustomerHandling implements Consumer<AuditEvent> {
    /** One month's sums. */
    static final class Month {
        long orders;
        long sentShares;
        long iocShares;
        long executedShares;
        long fills;
        long midpointShares;
        long nearShares;
        long farShares;
        long providedShares;
        long removedShares;
        long durationNanos;
        long durationOrders;
    }

    private static final class Open {
        private final YearMonth month;
        private final long receipt;
        private boolean provided;

        private Open(final YearMonth month, final long receipt) {
            this.month = month;
            this.receipt = receipt;
        }
    }

    private final String account;
    private final long start;
    private final long end;
    private final QuoteBook quotes = new QuoteBook();
    private final Map<String, Open> open = new HashMap<>();
    private final TreeMap<YearMonth, Month> months = new TreeMap<>();

    /**
     * @param account the customer's account
     * @param start   first receipt instant reported
     * @param end     first receipt instant not reported
     */
    CustomerHandling(final String account, final Instant start, final Instant end) {
        this.account = account;
        this.start = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        this.end = end.getEpochSecond() * 1_000_000_000L + end.getNano();
    }

    @Override
    public void accept(final AuditEvent event) {
        switch (event) {
            case AuditEvent.TopOfBook q -> quotes.apply(q.symbol(), q.offset(), q.quote());
            case AuditEvent.Report r -> report(r);
        }
    }

    private void report(final AuditEvent.Report r) {
        if (r.accepted() && account.equals(r.account()) && r.commandTime() >= start && r.commandTime() < end) {
            final YearMonth month = YearMonth.from(Instant.ofEpochSecond(0, r.commandTime())
                .atZone(ReportSettings.NEW_YORK));
            final Month m = months.computeIfAbsent(month, k -> new Month());
            m.orders++;
            m.sentShares += r.orderQty();
            if ("IOC".equals(r.tif()) || "FOK".equals(r.tif())) {
                m.iocShares += r.orderQty();
            }
            open.put(r.orderId(), new Open(month, r.commandTime()));
        }
        final Open order = r.orderId() == null ? null : open.get(r.orderId());
        if (order == null) {
            return;
        }
        final Month m = months.get(order.month);
        if (r.fill()) {
            m.executedShares += r.lastQty();
            m.fills++;
            if (r.aggressor()) {
                m.removedShares += r.lastQty();
            } else {
                m.providedShares += r.lastQty();
                order.provided = true;
            }
            final Quote quote = quotes.before(r.symbol(), r.offset());
            if (quote.twoSided()) {
                // compare 2 x price with bid + ask: exact in 1e-4 USD
                final int side = Long.compare(2 * r.lastPx(), quote.bidPx() + quote.askPx());
                if (side == 0) {
                    m.midpointShares += r.lastQty();
                } else if (side < 0 == r.buy()) {
                    m.nearShares += r.lastQty();
                } else {
                    m.farShares += r.lastQty();
                }
            }
        }
        if (r.done()) {
            open.remove(r.orderId());
            if (order.provided) {
                m.durationNanos += r.time() - order.receipt;
                m.durationOrders++;
            }
        }
    }

    /** @return the months with at least one order, in order */
    Map<YearMonth, Month> months() {
        return months;
    }
}
