package io.portcullis.reporting.reconcile;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code ./portcullis reconcile}.
 *
 * @param day        the trading day (required: {@code --date YYYY-MM-DD})
 * @param seekMargin null to scan the journal from its first offset; else seek by record timestamp with this margin
 *                   ({@code --seek-margin-minutes N})
 * @param config     a settings file ({@code --config FILE}), or null for the environment
 * @param help       {@code --help} was given: print the usage and nothing else
 */
record ReconcileOptions(TradingDay day, Duration seekMargin, String config, boolean help) {
    static final String USAGE = """
        Usage: ./portcullis reconcile --date YYYY-MM-DD [--seek-margin-minutes N] [--config FILE]

        Compares the executions (fills) of one trading day in the three places that hold them: the engine journal
        in Kafka (the authority), the executions table in MySQL and the EXECUTION_REPORT documents of the audit
        index in Elasticsearch. Each ExecID must be in every source exactly once with the same OrderID, Symbol, Side,
        LastQty, LastPx and Account. Prints the count per source and every break by ExecID (missing in X,
        duplicate in X, field differs in X).

        The trading day is a calendar day in America/New_York, as executions.trade_date is: --date 2026-01-05 covers
        TransactTime 2026-01-05T05:00:00Z (inclusive) to 2026-01-06T05:00:00Z (exclusive), 04:00Z in summer.

          --date YYYY-MM-DD          the trading day (required)
          --seek-margin-minutes N    start the journal scan at the record stamped N minutes before the day instead
                                     of at offset 0, and stop N minutes after it (1 to 1440; fast on a long journal,
                                     exact when the journal's record times follow its transact times, as live
                                     trading does; leave it out for a replayed or simulated journal)
          --config FILE              the gateway's settings file (kafka.bootstrap, journal.topic, es.url,
                                     audit.index-prefix, db.*); PORTCULLIS_* environment variables override it
          --help                     this text

        Progress of a long journal scan goes to standard error.
        Exit status: 0 all sources agree, 1 a break (or a source could not be read), 2 bad usage.""";

    /** A bad command line; the message names the option. */
    static final class BadUsage extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        BadUsage(final String message) {
            super(message);
        }
    }

    /**
     * Parses the arguments.
     *
     * @throws BadUsage naming the option at fault
     */
    static ReconcileOptions parse(final List<String> args) {
        final List<String> rest = new ArrayList<>(args);
        LocalDate date = null;
        Duration margin = null;
        String config = null;
        while (!rest.isEmpty()) {
            final String option = rest.remove(0);
            switch (option) {
                case "--help", "-h" -> {
                    return new ReconcileOptions(null, null, null, true);
                }
                case "--date" -> {
                    final String value = value(option, rest);
                    try {
                        date = LocalDate.parse(value);
                    } catch (final DateTimeParseException ex) {
                        throw new BadUsage("--date takes a date as YYYY-MM-DD, was '" + value + "'");
                    }
                }
                case "--seek-margin-minutes" -> {
                    final String value = value(option, rest);
                    if (!value.matches("[0-9]{1,4}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 1440) {
                        throw new BadUsage("--seek-margin-minutes takes a number of minutes from 1 to 1440, was '"
                            + value + "'");
                    }
                    margin = Duration.ofMinutes(Integer.parseInt(value));
                }
                case "--config" -> config = value(option, rest);
                default -> throw new BadUsage("unknown option '" + option + "'");
            }
        }
        if (date == null) {
            throw new BadUsage("--date YYYY-MM-DD is required");
        }
        return new ReconcileOptions(new TradingDay(date), margin, config, false);
    }

    private static String value(final String option, final List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new BadUsage(option + " takes a value");
        }
        return rest.remove(0);
    }
}
