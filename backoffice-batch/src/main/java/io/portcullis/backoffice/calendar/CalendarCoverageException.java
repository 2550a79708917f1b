package io.portcullis.backoffice.calendar;

import java.io.Serial;
import java.time.LocalDate;

/** A date the calendar version does not cover: the calendar refuses rather than guess it is a business day. */
public final class CalendarCoverageException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** For {@code date} outside {@code from..to} of calendar {@code version}. */
    public CalendarCoverageException(final String version, final LocalDate date, final LocalDate from,
                                     final LocalDate to) {
        super("settlement calendar " + version + " covers " + from + ".." + to + ", not " + date
            + ": publish a calendar version that covers it");
    }
}
