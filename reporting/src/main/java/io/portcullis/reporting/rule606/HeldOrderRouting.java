package io.portcullis.reporting.rule606;

import java.time.Instant;
import java.time.YearMonth;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.portcullis.reporting.rule605.AuditEvent;
import io.portcullis.reporting.rule605.OrderKind;
import io.portcullis.reporting.rule605.QuoteBook;
import io.portcullis.reporting.rule605.ReportSettings;

/**
 * Counts the orders of a quarter for Rule 606(a)(1) as the audit trail streams by, per month (New York calendar) and
 * section (S&amp;P 500 stocks, other NMS stocks) and {@link OrderKind}.
 *
 * <ul>
 *   <li>An order counts once, when it is accepted (its NEW execution report caused by its own NewOrder); orders
 *       rejected on entry were never routed and do not count; a replace is not a new order.</li>
 *   <li>Every order is non-directed (the gateway offers no directed routing) and held (it carries no not-held
 *       instruction); every order is routed to our internal venue.</li>
 *   <li>Its kind is judged at receipt against the last TOP_OF_BOOK of its symbol from an earlier journal record:
 *       our own best bid and offer.</li>
 *   <li>The section is the instrument's {@code sp500} flag as loaded now (the rule asks for index membership on
 *       the quarter's first day).</li>
 * </ul>
 *
 * <p>Memory: one counter per month, section and kind. One thread.
 */
final class HeldOrderRouting implements Consumer<AuditEvent> {
    /** Orders and shares of one month and section, per kind. */
    static final class Counts {
        final long[] orders = new long[OrderKind.values().length];
        final long[] shares = new long[OrderKind.values().length];

        long total() {
            long sum = 0;
            for (final long n : orders) {
                sum += n;
            }
            return sum;
        }
    }

    private final QuoteBook quotes = new QuoteBook();
    private final Predicate<String> sp500;
    private final long start;
    private final long end;
    /** Key: month value * 2 + (0 S&P 500, 1 other). */
    private final TreeMap<Integer, Counts> counts = new TreeMap<>();

    /**
     * @param start first instant counted
     * @param end   first instant not counted
     * @param sp500 true for S&amp;P 500 symbols
     */
    HeldOrderRouting(final Instant start, final Instant end, final Predicate<String> sp500) {
        this.start = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        this.end = end.getEpochSecond() * 1_000_000_000L + end.getNano();
        this.sp500 = sp500;
    }

    @Override
    public void accept(final AuditEvent event) {
        switch (event) {
            case AuditEvent.TopOfBook q -> quotes.apply(q.symbol(), q.offset(), q.quote());
            case AuditEvent.Report r -> {
                if (r.accepted() && r.commandTime() >= start && r.commandTime() < end) {
                    final OrderKind kind = OrderKind.classify(r.ordType(), r.buy(), r.price(),
                        quotes.before(r.symbol(), r.offset()));
                    final int month = YearMonth.from(Instant.ofEpochSecond(0, r.commandTime())
                        .atZone(ReportSettings.NEW_YORK)).getMonthValue();
                    final Counts c = counts.computeIfAbsent(month * 2 + (sp500.test(r.symbol()) ? 0 : 1),
                        k -> new Counts());
                    c.orders[kind.ordinal()]++;
                    c.shares[kind.ordinal()] += r.orderQty();
                }
            }
        }
    }

    /**
     * @param month   1..12
     * @param sp500Section true for the S&amp;P 500 section
     * @return the counts, or null when no order was received
     */
    Counts counts(final int month, final boolean sp500Section) {
        return counts.get(month * 2 + (sp500Section ? 0 : 1));
    }

    /** @return true when no order was counted */
    boolean isEmpty() {
        return counts.isEmpty();
    }
}
