package io.portcullis.backoffice.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import io.portcullis.backoffice.settlement.BackOfficeDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The V11 calendar as loaded from the table, checked against the sources its rows cite: the NYSE Group holiday
 * calendar releases (2022-2024, 2025-2027, 2026-2028), the Federal Reserve holiday schedule, the 2025-01-09 closure,
 * and the T+2 to T+1 change of 2024-05-28.
 */
class SettlementCalendarTest {
    private static BackOfficeDatabase database;
    private static SettlementCalendar calendar;

    @BeforeAll
    static void loadTheCalendarFromTheTable() {
        database = BackOfficeDatabase.create(SettlementCalendarTest.class);
        calendar = SettlementCalendar.load(database.dsl(), "2026.1");
    }

    @AfterAll
    static void dropTheDatabase() {
        database.close();
    }

    @Test
    void shouldLoadTheLatestVersionAsTheOnePublished() {
        assertThat(SettlementCalendar.loadLatest(database.dsl()).version()).isEqualTo("2026.1");
    }

    @Test
    void shouldCloseForJuneteenth2024AndSettleAroundIt() {
        closed(d("2024-06-19"));
        assertThat(calendar.settlementDate(d("2024-06-18"))).isEqualTo(d("2024-06-20"));
    }

    @Test
    void shouldCloseEarlyTheDayBeforeIndependenceDay2024() {
        assertThat(calendar.earlyClose(d("2024-07-03"))).contains(LocalTime.of(13, 0));
        assertThat(calendar.isTradingDay(d("2024-07-03"))).isTrue();
        assertThat(calendar.isSettlementDay(d("2024-07-03"))).isTrue();
        closed(d("2024-07-04"));
        assertThat(calendar.settlementDate(d("2024-07-03"))).isEqualTo(d("2024-07-05"));
    }

    @Test
    void shouldTradeButNotSettleOnColumbusDay2025() {
        assertThat(calendar.isTradingDay(d("2025-10-13"))).isTrue();
        assertThat(calendar.isSettlementDay(d("2025-10-13"))).isFalse();
        assertThat(calendar.settlementDate(d("2025-10-10"))).isEqualTo(d("2025-10-14"));
        // a trade on the holiday itself settles with the previous day's trades (FINRA UPC schedules)
        assertThat(calendar.settlementDate(d("2025-10-13"))).isEqualTo(d("2025-10-14"));
        assertThat(calendar.tradeDatesSettlingOn(d("2025-10-14"))).containsExactly(d("2025-10-10"), d("2025-10-13"));
    }

    @Test
    void shouldTradeButNotSettleOnVeteransDay2025() {
        assertThat(calendar.isTradingDay(d("2025-11-11"))).isTrue();
        assertThat(calendar.isSettlementDay(d("2025-11-11"))).isFalse();
        assertThat(calendar.settlementDate(d("2025-11-10"))).isEqualTo(d("2025-11-12"));
        assertThat(calendar.settlementDate(d("2025-11-11"))).isEqualTo(d("2025-11-12"));
    }

    @Test
    void shouldTreatColumbusAndVeteransDay2024And2026AsFedHolidays() {
        for (final String date : List.of("2024-10-14", "2024-11-11", "2026-10-12", "2026-11-11")) {
            assertThat(calendar.day(d(date)).map(CalendarDay::kind)).contains(DayKind.FED_HOLIDAY);
        }
        assertThat(calendar.settlementDate(d("2024-10-11"))).isEqualTo(d("2024-10-15"));
        assertThat(calendar.settlementDate(d("2026-11-10"))).isEqualTo(d("2026-11-12"));
    }

    @Test
    void shouldCloseOnGoodFridayWhichDoesNotSettle() {
        closed(d("2024-03-29"));
        closed(d("2025-04-18"));
        closed(d("2026-04-03"));
        assertThat(calendar.settlementDate(d("2025-04-17"))).isEqualTo(d("2025-04-21"));
    }

    @Test
    void shouldCloseEarlyTheDayAfterThanksgiving() {
        for (final String date : List.of("2024-11-29", "2025-11-28", "2026-11-27")) {
            assertThat(calendar.earlyClose(d(date))).contains(LocalTime.of(13, 0));
        }
        closed(d("2025-11-27"));
        assertThat(calendar.settlementDate(d("2025-11-26"))).isEqualTo(d("2025-11-28"));
    }

    @Test
    void shouldCloseEarlyOnChristmasEve() {
        for (final String date : List.of("2024-12-24", "2025-12-24", "2026-12-24")) {
            assertThat(calendar.earlyClose(d(date))).contains(LocalTime.of(13, 0));
        }
        assertThat(calendar.settlementDate(d("2025-12-24"))).isEqualTo(d("2025-12-26"));
    }

    @Test
    void shouldCloseForPresidentCartersDayOfMourningButStillSettle() {
        assertThat(calendar.isTradingDay(d("2025-01-09"))).isFalse();
        assertThat(calendar.isSettlementDay(d("2025-01-09"))).isTrue();
        assertThat(calendar.settlementDate(d("2025-01-08"))).isEqualTo(d("2025-01-09"));
        assertThat(calendar.settlementDate(d("2025-01-10"))).isEqualTo(d("2025-01-13"));
        assertThatThrownBy(() -> calendar.settlementDate(d("2025-01-09")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a trading day");
    }

    @Test
    void shouldObserveIndependenceDay2026OnFridayJuly3WithoutAnEarlyCloseOnJuly2() {
        closed(d("2026-07-03"));
        assertThat(calendar.earlyClose(d("2026-07-02"))).isEmpty();
        assertThat(calendar.settlementDate(d("2026-07-02"))).isEqualTo(d("2026-07-06"));
    }

    @Test
    void shouldSettleTPlusTwoUpToMay27And2024AndTPlusOneFromMay28() {
        // Good Friday 2024-03-29 and the weekend: T+2 from Thursday 2024-03-28 is Tuesday 2024-04-02
        assertThat(calendar.settlementDate(d("2024-03-28"))).isEqualTo(d("2024-04-02"));
        // the changeover: Friday 2024-05-24 (T+2, over Memorial Day) and Tuesday 2024-05-28 (T+1) both settle 05-29
        assertThat(calendar.settlementDate(d("2024-05-24"))).isEqualTo(d("2024-05-29"));
        assertThat(calendar.settlementDate(d("2024-05-28"))).isEqualTo(d("2024-05-29"));
        assertThat(calendar.cycleDays(d("2024-05-27"))).isEqualTo(2);
        assertThat(calendar.cycleDays(d("2024-05-28"))).isEqualTo(1);
    }

    @Test
    void shouldNotTradeOrSettleOnWeekends() {
        assertThat(calendar.isTradingDay(d("2025-10-11"))).isFalse();
        assertThat(calendar.isSettlementDay(d("2025-10-12"))).isFalse();
        assertThat(calendar.earlyClose(d("2025-10-11"))).isEqualTo(Optional.empty());
    }

    @Test
    void shouldRefuseDatesOutsideItsCoverage() {
        assertThatThrownBy(() -> calendar.isTradingDay(d("2029-01-02")))
            .isInstanceOf(CalendarCoverageException.class).hasMessageContaining("2026.1").hasMessageContaining("2029-01-02");
        assertThatThrownBy(() -> calendar.settlementDate(d("2028-12-29")))
            .isInstanceOf(CalendarCoverageException.class);
    }

    @Test
    void shouldNameASourceForEveryListedDay() {
        for (LocalDate date = d("2024-01-01"); !date.isAfter(d("2028-12-31")); date = date.plusDays(1)) {
            calendar.day(date).ifPresent(day -> assertThat(day.source()).isNotBlank());
        }
        assertThat(calendar.day(d("2025-10-13")).orElseThrow().source()).contains("richmondfed.org");
    }

    @Test
    void shouldRejectAWeekendRow() {
        assertThatThrownBy(() -> new CalendarDay(d("2025-10-11"), DayKind.NYSE_HOLIDAY, false, false, null, "x", "y"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weekend");
    }

    private static void closed(final LocalDate date) {
        assertThat(calendar.isTradingDay(date)).as("trading on %s", date).isFalse();
        assertThat(calendar.isSettlementDay(date)).as("settling on %s", date).isFalse();
    }

    private static LocalDate d(final String iso) {
        return LocalDate.parse(iso);
    }
}
