package io.portcullis.reporting.rule606;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.reporting.rule605.AuditWalk;
import io.portcullis.reporting.rule605.ReportOptions;
import io.portcullis.reporting.rule605.ReportSettings;
import io.portcullis.reporting.runs.Prepared;
import io.portcullis.reporting.runs.RecordedRun;
import org.elasticsearch.client.RestClient;

/**
 * {@code ./portcullis report 606b3 --account A --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--config FILE]}: the
 * Rule 606(b)(3) report on the handling of a customer's orders, as {@code DIR/606b3-<account>-<from>-<to>.xml},
 * validated against the SEC's schema before it is written. See {@link #USAGE} and {@link CustomerHandling}.
 *
 * <p>Exit codes: 0 written, 1 no order of the account in the period or the report failed validation (nothing
 * written), 2 bad usage, 3 Elasticsearch unreachable.
 */
public final class Rule606b3Main {
    /** The command's help. */
    static final String USAGE = """
        Usage: ./portcullis report 606b3 --account A --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--config FILE]

        Writes the Rule 606(b)(3) order handling report of one customer (an account) for a period to
        DIR/606b3-<account>-<from>-<to>.xml in the SEC's XML schema oh-20191231.xsd (hNondirected, one hMonthly
        per month), validated before writing. The engine carries no held/not-held marker: every order of the
        account received in the period is reported.

          --account A       the customer's account
          --from DATE       first day (New York calendar), inclusive
          --to DATE         last day, inclusive; the period spans at most 7 calendar months (the schema's limit)
          --out DIR         the directory to write to (created when missing)
          --config FILE     settings file (default: the environment and portcullis.env)

        Exit status: 0 written, 1 no order of the account in the period or the report failed validation (nothing
        written), 2 bad usage, 3 Elasticsearch could not be reached.""";

    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_.-]{1,80}");

    private Rule606b3Main() {
    }

    /**
     * Runs the command.
     *
     * @param args     the command line
     * @param out      where the written file's path goes
     * @param err      where progress and errors go
     * @param settings the settings when there is no {@code --config}; null for this process's environment
     * @return the exit code
     */
    public static int run(final List<String> args, final PrintStream out, final PrintStream err,
                          final Settings settings) {
        return prepare(args, out, err, settings).run();
    }

    /**
     * Checks the command line and the settings without touching a service.
     *
     * @param args     the command line
     * @param out      where help goes
     * @param err      where a usage error goes
     * @param settings the settings when there is no {@code --config}; null for this process's environment
     * @return the work (its exit code as {@link #run}'s), or the exit code of {@code --help} or bad usage
     */
    public static Prepared prepare(final List<String> args, final PrintStream out, final PrintStream err,
                                   final Settings settings) {
        final ReportOptions options;
        final ReportSettings report;
        final Venue venue;
        final String account;
        final LocalDate from;
        final LocalDate to;
        try {
            options = ReportOptions.parse(args, List.of("--account", "--from", "--to", "--out", "--config"));
            if (options.help()) {
                out.println(USAGE);
                return Prepared.done(ReportOptions.OK);
            }
            account = options.required("--account");
            if (!ACCOUNT.matcher(account).matches()) {
                throw new ReportOptions.BadUsage("--account must be 1 to 80 letters, digits, '_', '.', '-'");
            }
            from = LocalDate.parse(options.required("--from"));
            to = LocalDate.parse(options.required("--to"));
            if (to.isBefore(from)) {
                throw new ReportOptions.BadUsage("--to is before --from");
            }
            if (ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) >= 7) {
                throw new ReportOptions.BadUsage("the period spans more than 7 calendar months");
            }
            options.required("--out");
            final Settings effective = options.settings(settings);
            report = ReportSettings.from(effective);
            venue = Venue.from(effective);
        } catch (final ReportOptions.BadUsage | SettingException | DateTimeParseException ex) {
            err.println("error: " + ex.getMessage() + " (see ./portcullis report 606b3 --help)");
            return Prepared.done(ReportOptions.USAGE);
        }
        return Prepared.work(() -> execute(options, report, venue, account, from, to, out, err));
    }

    private static int execute(final ReportOptions options, final ReportSettings report, final Venue venue,
                               final String account, final LocalDate from, final LocalDate to, final PrintStream out,
                               final PrintStream err) {
        final Instant start = from.atStartOfDay(ReportSettings.NEW_YORK).toInstant();
        final Instant end = to.plusDays(1).atStartOfDay(ReportSettings.NEW_YORK).toInstant();
        final CustomerHandling handling = new CustomerHandling(account, start, end);
        try (RestClient rest = report.rest()) {
            final long read = new AuditWalk(ReportSettings.client(rest), report.alias(), 5_000, 5)
                .walk(start, end, handling);
            err.printf("read %,d documents of %s from %s to %s%n", Math.max(read, 0), report.alias(), from, to);
            RecordedRun.counted(Math.max(read, 0), -1);
        } catch (final IOException | ElasticsearchException ex) {
            err.println("error: Elasticsearch at " + report.elasticsearchUrl() + ": " + ex.getMessage());
            return ReportOptions.UNREACHABLE;
        }
        if (handling.months().isEmpty()) {
            err.printf("no data: account %s has no order received from %s to %s%n", account, from, to);
            return ReportOptions.NO_DATA;
        }
        try {
            final byte[] xml = Rule606Xml.customerReport(report.brokerDealer(), account, from, to, handling, venue);
            out.println(ReportSettings.writeAtomically(Path.of(options.required("--out")),
                "606b3-" + account + "-" + from + "-" + to + ".xml", xml));
            return ReportOptions.OK;
        } catch (final Rule606Xml.Invalid ex) {
            err.println("error: " + ex.getMessage() + "; nothing written");
            return ReportOptions.NO_DATA;
        } catch (final IOException ex) {
            err.println("error: cannot write the report: " + ex.getMessage());
            return ReportOptions.NO_DATA;
        }
    }
}
