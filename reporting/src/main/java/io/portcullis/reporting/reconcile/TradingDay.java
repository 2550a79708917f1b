package io.portcullis.reporting.reconcile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A trading day: the executions whose TransactTime falls in one calendar day of New York ({@link #ZONE}), the
 * calendar US equities trade and settle by, and the one the MySQL projection stamps {@code executions.trade_date}
 * with. So {@code 2026-01-05} runs from {@code 2026-01-05T05:00:00Z} (inclusive) to {@code 2026-01-06T05:00:00Z}
 * (exclusive) in winter, and from 04:00Z to 04:00Z in summer. Immutable.
 *
 * @param date the trading date
 */
public record TradingDay(LocalDate date) {
    /** The zone whose calendar days are trading days. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    /** Requires a date. */
    public TradingDay {
        Objects.requireNonNull(date, "date");
    }

    /** @return the first instant of the day */
    public Instant start() {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** @return the first instant after the day */
    public Instant end() {
        return date.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /**
     * @param epochNanos a time, epoch nanoseconds UTC
     * @return true when it falls in the day
     */
    public boolean contains(final long epochNanos) {
        return epochNanos >= nanos(start()) && epochNanos < nanos(end());
    }

    /** For reports: {@code 2026-01-05 (America/New_York: 2026-01-05T05:00:00Z to 2026-01-06T05:00:00Z)}. */
    @Override
    public String toString() {
        return date + " (" + ZONE + ": " + start() + " to " + end() + ")";
    }

    static long nanos(final Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
