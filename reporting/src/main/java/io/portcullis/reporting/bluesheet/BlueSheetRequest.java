package io.portcullis.reporting.bluesheet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

import io.portcullis.reporting.rule605.ReportSettings;

/**
 * What a regulator asked for: the executions of a symbol, or of an account, on trade dates {@code from} to
 * {@code to} inclusive (New York calendar). Immutable.
 *
 * @param kind  by symbol or by account
 * @param value the symbol or the account
 * @param from  first trade date
 * @param to    last trade date, not before {@code from}
 */
public record BlueSheetRequest(Kind kind, String value, LocalDate from, LocalDate to) {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.\\-/]{1,12}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_.\\-]{1,20}");

    /** How the request selects executions, with the code the header carries. */
    public enum Kind {
        /** By symbol: header code {@code S}. */
        SYMBOL('S'),
        /** By account: header code {@code A}. */
        ACCOUNT('A');

        private final char code;

        Kind(final char code) {
            this.code = code;
        }

        /** @return the header code */
        public char code() {
            return code;
        }
    }

    /**
     * Checks the request.
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    public BlueSheetRequest {
        if (kind == Kind.SYMBOL && (value == null || !SYMBOL.matcher(value).matches())) {
            throw new IllegalArgumentException("--symbol must be 1 to 12 characters A-Z 0-9 . - /, was '" + value
                + "'");
        }
        if (kind == Kind.ACCOUNT && (value == null || !ACCOUNT.matcher(value).matches())) {
            throw new IllegalArgumentException("--account must be 1 to 20 letters, digits, '_', '.', '-', was '"
                + value + "'");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
    }

    /** @return the start of {@code from} in New York, inclusive */
    public Instant start() {
        return from.atStartOfDay(ReportSettings.NEW_YORK).toInstant();
    }

    /** @return the start of the day after {@code to} in New York, exclusive */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ReportSettings.NEW_YORK).toInstant();
    }

    /** @return the file name, {@code bluesheet-<S|A>-<value>-<from>-<to>.txt} */
    public String fileName() {
        return "bluesheet-" + kind.code() + "-" + value.replace('/', '_') + "-" + from + "-" + to + ".txt";
    }
}
