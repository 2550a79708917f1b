package io.portcullis.reporting.rule606;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
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
 * {@code ./portcullis report 606 --quarter YYYYQn --out DIR [--config FILE]}: the quarter's Rule 606(a)(1) public
 * report on non-directed held orders, as {@code DIR/606a1-YYYYQn.xml}, validated against the SEC's schema before it
 * is written. See {@link #USAGE}, {@link HeldOrderRouting} for what is counted, {@link Rule606Xml} for the numbers,
 * {@link Venue} for the venue settings.
 *
 * <p>Exit codes: 0 written, 1 no order in the quarter or the report failed validation (nothing written), 2 bad
 * usage, 3 Elasticsearch unreachable.
 */
public final class Rule606Main {
    /** The command's help. */
    static final String USAGE = """
        Usage: ./portcullis report 606 --quarter YYYYQn --out DIR [--config FILE]

        Writes the Rule 606(a)(1) quarterly report on the routing of non-directed held orders (per month: S&P 500
        stocks and other NMS stocks; market, marketable limit, non-marketable limit and other orders; venues;
        net payments) to DIR/606a1-YYYYQn.xml in the SEC's XML schema oh-20191231.xsd, validated before writing.
        Marketability is judged against the engine's own best bid and offer at receipt.

          --quarter YYYYQn  the quarter, e.g. 2026Q4 (months in the New York calendar)
          --out DIR         the directory to write to (created when missing)
          --config FILE     settings file (default: the environment and portcullis.env)

        Exit status: 0 written, 1 no order in the quarter or the report failed validation (nothing written),
        2 bad usage, 3 Elasticsearch could not be reached.""";

    private static final Pattern QUARTER = Pattern.compile("(20\\d\\d)Q([1-4])");

    private Rule606Main() {
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
        final int year;
        final int quarter;
        try {
            options = ReportOptions.parse(args, List.of("--quarter", "--out", "--config"));
            if (options.help()) {
                out.println(USAGE);
                return Prepared.done(ReportOptions.OK);
            }
            final Matcher q = QUARTER.matcher(options.required("--quarter"));
            if (!q.matches()) {
                throw new ReportOptions.BadUsage("--quarter must look like 2026Q4, was '"
                    + options.required("--quarter") + "'");
            }
            year = Integer.parseInt(q.group(1));
            quarter = Integer.parseInt(q.group(2));
            options.required("--out");
            final Settings effective = options.settings(settings);
            report = ReportSettings.from(effective);
            venue = Venue.from(effective);
        } catch (final ReportOptions.BadUsage | SettingException ex) {
            err.println("error: " + ex.getMessage() + " (see ./portcullis report 606 --help)");
            return Prepared.done(ReportOptions.USAGE);
        }
        return Prepared.work(() -> execute(options, report, venue, year, quarter, out, err));
    }

    private static int execute(final ReportOptions options, final ReportSettings report, final Venue venue,
                               final int year, final int quarter, final PrintStream out, final PrintStream err) {
        final Instant start = LocalDate.of(year, quarter * 3 - 2, 1).atStartOfDay(ReportSettings.NEW_YORK)
            .toInstant();
        final Instant end = LocalDate.of(year, quarter * 3 - 2, 1).plusMonths(3)
            .atStartOfDay(ReportSettings.NEW_YORK).toInstant();
        final HeldOrderRouting routing = new HeldOrderRouting(start, end, report.sp500());
        try (RestClient rest = report.rest()) {
            final long read = new AuditWalk(ReportSettings.client(rest), report.alias(), 5_000, 5)
                .walk(start, end, routing);
            err.printf("read %,d documents of %s for %dQ%d%n", Math.max(read, 0), report.alias(), year, quarter);
            RecordedRun.counted(Math.max(read, 0), -1);
        } catch (final IOException | ElasticsearchException ex) {
            err.println("error: Elasticsearch at " + report.elasticsearchUrl() + ": " + ex.getMessage());
            return ReportOptions.UNREACHABLE;
        }
        if (routing.isEmpty()) {
            err.printf("no data: no order was received in %dQ%d%n", year, quarter);
            return ReportOptions.NO_DATA;
        }
        try {
            final byte[] xml = Rule606Xml.publicReport(report.brokerDealer(), year, quarter, routing, venue);
            out.println(ReportSettings.writeAtomically(Path.of(options.required("--out")),
                "606a1-" + year + "Q" + quarter + ".xml", xml));
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
