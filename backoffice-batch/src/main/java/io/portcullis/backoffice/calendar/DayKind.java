package io.portcullis.backoffice.calendar;

/** Why a weekday is listed in the settlement calendar (column {@code settlement_calendar_day.kind}). */
public enum DayKind {
    /** NYSE closed all day for a scheduled holiday; not a settlement day. */
    NYSE_HOLIDAY,
    /** NYSE closes early (13:00 ET); a trading day and a settlement day. */
    NYSE_EARLY_CLOSE,
    /** NYSE closed on a day that is not a holiday (national day of mourning, storm); settles as the row says. */
    NYSE_SPECIAL_CLOSURE,
    /** Federal Reserve holiday on which the exchanges trade (Columbus Day, Veterans Day): trades, does not settle. */
    FED_HOLIDAY
}
