package io.portcullis.backoffice.calendar;

import static io.portcullis.sql.schema.Tables.SETTLEMENT_CALENDAR_DAY;
import static io.portcullis.sql.schema.Tables.SETTLEMENT_CALENDAR_VERSION;
import static io.portcullis.sql.schema.Tables.SETTLEMENT_CYCLE;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import io.portcullis.sql.schema.tables.records.SettlementCalendarVersionRecord;
import org.jooq.DSLContext;

/**
 * The US equity settlement calendar of one published version: which days the NYSE trades (and until when), which
 * days trades settle, and the regular-way settlement date of a trade.
 *
 * <p>Every weekday not listed is a full trading day and a settlement day; weekends are neither. Dates outside the
 * version's coverage throw {@link CalendarCoverageException}. Immutable and thread-safe; queries do not touch the
 * database.
 *
 * <p>Settlement date: the n-th settlement day strictly after the trade date, n from the settlement cycle in force on
 * the trade date: T+2 for trade dates up to 2024-05-27, T+1 from 2024-05-28 (amended SEA Rule 15c6-1). A trade on a
 * day that trades but does not settle (Columbus Day) therefore settles with the previous day's trades, as in the
 * FINRA Uniform Practice schedules for such days.
 */
public final class SettlementCalendar {
    private final String version;
    private final LocalDate coversFrom;
    private final LocalDate coversTo;
    private final Map<LocalDate, CalendarDay> days;
    private final NavigableMap<LocalDate, SettlementCycle> cycles;

    private SettlementCalendar(final String version, final LocalDate coversFrom, final LocalDate coversTo,
                               final Map<LocalDate, CalendarDay> days,
                               final NavigableMap<LocalDate, SettlementCycle> cycles) {
        this.version = version;
        this.coversFrom = coversFrom;
        this.coversTo = coversTo;
        this.days = days;
        this.cycles = cycles;
    }

    /**
     * A calendar from rows (unit tests, or rows read elsewhere).
     *
     * @throws IllegalArgumentException on a duplicate date, a row outside the coverage, or no cycle
     */
    public static SettlementCalendar of(final String version, final LocalDate coversFrom, final LocalDate coversTo,
                                        final List<CalendarDay> days, final List<SettlementCycle> cycles) {
        if (coversTo.isBefore(coversFrom)) {
            throw new IllegalArgumentException("calendar " + version + " covers nothing: " + coversFrom + ".."
                + coversTo);
        }
        final Map<LocalDate, CalendarDay> byDate = new TreeMap<>();
        for (final CalendarDay day : days) {
            if (day.date().isBefore(coversFrom) || day.date().isAfter(coversTo)) {
                throw new IllegalArgumentException("calendar " + version + " row " + day.date()
                    + " is outside its coverage " + coversFrom + ".." + coversTo);
            }
            if (byDate.put(day.date(), day) != null) {
                throw new IllegalArgumentException("calendar " + version + " lists " + day.date() + " twice");
            }
        }
        final NavigableMap<LocalDate, SettlementCycle> byStart = new TreeMap<>();
        for (final SettlementCycle cycle : cycles) {
            byStart.put(cycle.effectiveFrom(), cycle);
        }
        if (byStart.isEmpty() || byStart.firstKey().isAfter(coversFrom)) {
            throw new IllegalArgumentException("calendar " + version + " has no settlement cycle for " + coversFrom);
        }
        return new SettlementCalendar(version, coversFrom, coversTo, Map.copyOf(byDate), byStart);
    }

    /**
     * Loads a calendar version and the settlement cycles from the database (V11 tables).
     *
     * @throws IllegalArgumentException when the version does not exist
     */
    public static SettlementCalendar load(final DSLContext dsl, final String version) {
        final SettlementCalendarVersionRecord header = dsl.selectFrom(SETTLEMENT_CALENDAR_VERSION)
            .where(SETTLEMENT_CALENDAR_VERSION.CALENDAR_VERSION.eq(version)).fetchOne();
        if (header == null) {
            throw new IllegalArgumentException("no settlement calendar version '" + version + "'");
        }
        final List<CalendarDay> days = new ArrayList<>();
        dsl.selectFrom(SETTLEMENT_CALENDAR_DAY).where(SETTLEMENT_CALENDAR_DAY.CALENDAR_VERSION.eq(version))
            .orderBy(SETTLEMENT_CALENDAR_DAY.CAL_DATE).forEach(row -> days.add(new CalendarDay(row.getCalDate(),
                DayKind.valueOf(row.getKind()), row.getTradingOpen(), row.getSettles(), row.getEarlyCloseEt(),
                row.getName(), row.getSource())));
        final List<SettlementCycle> cycles = new ArrayList<>();
        dsl.selectFrom(SETTLEMENT_CYCLE).orderBy(SETTLEMENT_CYCLE.EFFECTIVE_FROM).forEach(row -> cycles.add(
            new SettlementCycle(row.getEffectiveFrom(), row.getBusinessDays(), row.getSource())));
        return of(version, header.getCoversFrom(), header.getCoversTo(), days, cycles);
    }

    /** Loads the most recently published calendar version (latest published_on, then highest version name). */
    public static SettlementCalendar loadLatest(final DSLContext dsl) {
        final String version = dsl.select(SETTLEMENT_CALENDAR_VERSION.CALENDAR_VERSION)
            .from(SETTLEMENT_CALENDAR_VERSION)
            .orderBy(SETTLEMENT_CALENDAR_VERSION.PUBLISHED_ON.desc(), SETTLEMENT_CALENDAR_VERSION.CALENDAR_VERSION.desc())
            .limit(1).fetchOne(SETTLEMENT_CALENDAR_VERSION.CALENDAR_VERSION);
        if (version == null) {
            throw new IllegalStateException("no settlement calendar version in the database");
        }
        return load(dsl, version);
    }

    /** The calendar version, recorded with every obligation computed from it. */
    public String version() {
        return version;
    }

    /** Whether the NYSE trades on {@code date} (full or early-close session). */
    public boolean isTradingDay(final LocalDate date) {
        covered(date);
        if (isWeekend(date)) {
            return false;
        }
        final CalendarDay day = days.get(date);
        return day == null || day.tradingOpen();
    }

    /** Whether trades settle on {@code date}. */
    public boolean isSettlementDay(final LocalDate date) {
        covered(date);
        if (isWeekend(date)) {
            return false;
        }
        final CalendarDay day = days.get(date);
        return day == null || day.settles();
    }

    /** The early closing time (US Eastern) on {@code date}, empty on a full day or a closed day. */
    public Optional<LocalTime> earlyClose(final LocalDate date) {
        covered(date);
        final CalendarDay day = days.get(date);
        return day == null ? Optional.empty() : Optional.ofNullable(day.earlyClose());
    }

    /** The listed row for {@code date}, empty for an ordinary weekday or a weekend. */
    public Optional<CalendarDay> day(final LocalDate date) {
        covered(date);
        return Optional.ofNullable(days.get(date));
    }

    /** Settlement days after the trade date under the cycle in force on {@code tradeDate}. */
    public int cycleDays(final LocalDate tradeDate) {
        final Map.Entry<LocalDate, SettlementCycle> entry = cycles.floorEntry(tradeDate);
        if (entry == null) {
            throw new CalendarCoverageException(version, tradeDate, cycles.firstKey(), coversTo);
        }
        return entry.getValue().businessDays();
    }

    /**
     * The regular-way settlement date of a trade on {@code tradeDate}.
     *
     * @throws IllegalArgumentException   when {@code tradeDate} is not a trading day
     * @throws CalendarCoverageException  when the trade date or the settlement date is not covered
     */
    public LocalDate settlementDate(final LocalDate tradeDate) {
        if (!isTradingDay(tradeDate)) {
            throw new IllegalArgumentException(tradeDate + " is not a trading day in settlement calendar " + version);
        }
        int remaining = cycleDays(tradeDate);
        LocalDate date = tradeDate;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (isSettlementDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    /** The trading days whose trades settle on {@code settlementDate}, in date order (empty if it does not settle). */
    public List<LocalDate> tradeDatesSettlingOn(final LocalDate settlementDate) {
        covered(settlementDate);
        final List<LocalDate> tradeDates = new ArrayList<>();
        // a cycle is at most a few days; 15 calendar days back covers any run of holidays
        for (LocalDate date = settlementDate.minusDays(15); date.isBefore(settlementDate); date = date.plusDays(1)) {
            if (!date.isBefore(coversFrom) && isTradingDay(date) && settlementDate(date).equals(settlementDate)) {
                tradeDates.add(date);
            }
        }
        tradeDates.sort(Comparator.naturalOrder());
        return List.copyOf(tradeDates);
    }

    private void covered(final LocalDate date) {
        if (date.isBefore(coversFrom) || date.isAfter(coversTo)) {
            throw new CalendarCoverageException(version, date, coversFrom, coversTo);
        }
    }

    private static boolean isWeekend(final LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
