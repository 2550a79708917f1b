package io.portcullis.backoffice.batch;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;

import io.portcullis.reporting.reconcile.TradingDay;

/**
 * Which business dates a job may run for: not in the future (by the New York calendar day, as
 * {@code executions.trade_date}) and a trading day. A trading day is a weekday here, minus what the holiday rule
 * says; the exchange holiday calendar of this module's {@code calendar} package plugs in as that rule.
 *
 * <p>Immutable; thread-safe.
 */
public final class TradingDays {
    private final Clock clock;
    private final Predicate<LocalDate> holiday;

    /**
     * @param clock   today's clock (tests pass a fixed one)
     * @param holiday true for an exchange holiday
     */
    public TradingDays(final Clock clock, final Predicate<LocalDate> holiday) {
        this.clock = clock;
        this.holiday = holiday;
    }

    /** @return weekdays up to today in New York, no holidays known */
    public static TradingDays weekdays() {
        return new TradingDays(Clock.system(TradingDay.ZONE), date -> false);
    }

    /**
     * Trading days of the settlement calendar (NYSE closures are holidays; a date the calendar does not cover is
     * refused as well, naming the calendar's coverage).
     */
    public static TradingDays calendar(final io.portcullis.backoffice.calendar.SettlementCalendar calendar) {
        return new TradingDays(Clock.system(TradingDay.ZONE), date -> {
            try {
                return !calendar.isTradingDay(date);
            } catch (final io.portcullis.backoffice.calendar.CalendarCoverageException ex) {
                throw new BatchException(ExitCode.REFUSED, ex.getMessage(), ex);
            }
        });
    }

    /**
     * @param date a business date
     * @return why a job may not run for it, or empty when it may
     */
    public Optional<String> refusal(final LocalDate date) {
        final LocalDate today = LocalDate.now(clock.withZone(TradingDay.ZONE));
        if (date.isAfter(today)) {
            return Optional.of(date + " is in the future (today is " + today + " in " + TradingDay.ZONE + ")");
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.of(date + " is a " + date.getDayOfWeek().toString().toLowerCase(java.util.Locale.ROOT)
                + ", not a trading day");
        }
        if (holiday.test(date)) {
            return Optional.of(date + " is an exchange holiday, not a trading day");
        }
        return Optional.empty();
    }

    /**
     * @param date a business date
     * @return the next trading day after it (weekdays, minus holidays)
     */
    public LocalDate next(final LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY
            || holiday.test(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
