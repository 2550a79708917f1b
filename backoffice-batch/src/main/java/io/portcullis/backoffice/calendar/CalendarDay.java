package io.portcullis.backoffice.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One listed weekday of the settlement calendar: a row of {@code settlement_calendar_day}.
 *
 * @param date         the calendar date (US Eastern trade date)
 * @param kind         why the day is listed
 * @param tradingOpen  whether the NYSE trades that day
 * @param settles      whether trades settle that day
 * @param earlyClose   the early closing time, US Eastern, or null when the day has no early close
 * @param name         the holiday or event name
 * @param source       where the row comes from (URL or document)
 */
public record CalendarDay(LocalDate date, DayKind kind, boolean tradingOpen, boolean settles, LocalTime earlyClose,
                          String name, String source) {
    /** Validates the row: a weekday, an early close only on an open day, a source. */
    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            throw new IllegalArgumentException("calendar row " + date + " (" + name + ") falls on a weekend");
        }
        if (earlyClose != null && !tradingOpen) {
            throw new IllegalArgumentException("calendar row " + date + " has an early close but no trading");
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("calendar row " + date + " has no source");
        }
    }
}
