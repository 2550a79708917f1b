package io.portcullis.reporting.rule605;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.reporting.runs.Prepared;
import io.portcullis.reporting.runs.RecordedRun;
import org.elasticsearch.client.RestClient;

/**
 * {@code ./portcullis report 605 --month YYYY-MM --out DIR [--config FILE]}: the month's OES summary report
 * (Rule 605(a)(2)) as {@code DIR/<RprtEntityCd><YYYYMM>.csv}. See {@link #USAGE}.
 *
 * <p>Settings besides {@link ReportSettings}: {@code report.605.designated-participant} (default {@code T}, FINRA)
 * and {@code report.605.reporter-code} (the code the Designated Participant assigned, default {@code PORTCULLIS}),
 * both upper-case letters.
 *
 * <p>Exit codes: 0 written, 1 no data (nothing written), 2 bad usage, 3 Elasticsearch unreachable.
 */
public final class Rule605Main {
    /** The command's help. */
    static final String USAGE = """
        Usage: ./portcullis report 605 --month YYYY-MM --out DIR [--config FILE]

        Writes the Rule 605(a)(2) order execution summary report of a month (New York calendar) in the SEC's OES
        format to DIR/<reporter code><YYYYMM>.csv, from the audit trail in Elasticsearch. The quotes are the
        engine's own best bid and offer at order receipt (no consolidated NBBO feed).

          --month YYYY-MM  the month
          --out DIR        the directory to write to (created when missing)
          --config FILE    settings file (default: the environment and portcullis.env)

        Exit status: 0 written, 1 no covered order in the month (nothing written), 2 bad usage,
        3 Elasticsearch could not be reached.""";

    private static final Pattern CODE = Pattern.compile("[A-Z]+");

    private Rule605Main() {
    }

    /**
     * Runs the command.
     *
     * @param args     the command line
     * @param out      where the result goes
     * @param err      where errors go
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
        final String participant;
        final String reporter;
        final YearMonth month;
        try {
            options = ReportOptions.parse(args, List.of("--month", "--out", "--config"));
            if (options.help()) {
                out.println(USAGE);
                return Prepared.done(ReportOptions.OK);
            }
            month = YearMonth.parse(options.required("--month"));
            final Settings effective = options.settings(settings);
            report = ReportSettings.from(effective);
            participant = code(effective, "report.605.designated-participant", "T");
            reporter = code(effective, "report.605.reporter-code", "PORTCULLIS");
        } catch (final ReportOptions.BadUsage | SettingException | DateTimeParseException ex) {
            err.println("error: " + ex.getMessage() + " (see ./portcullis report 605 --help)");
            return Prepared.done(ReportOptions.USAGE);
        }
        return Prepared.work(() -> execute(options, report, participant, reporter, month, out, err));
    }

    private static int execute(final ReportOptions options, final ReportSettings report, final String participant,
                               final String reporter, final YearMonth month, final PrintStream out,
                               final PrintStream err) {
        try {
            final byte[] csv = report(report, month, participant, reporter, err);
            if (csv == null) {
                err.println("no data: no covered order (market or marketable limit) was received in " + month);
                return ReportOptions.NO_DATA;
            }
            final Path file = ReportSettings.writeAtomically(Path.of(options.required("--out")),
                reporter + month.toString().replace("-", "") + ".csv", csv);
            out.println(file);
            return ReportOptions.OK;
        } catch (final IOException | ElasticsearchException ex) {
            err.println("error: Elasticsearch at " + report.elasticsearchUrl() + ": " + ex.getMessage());
            return ReportOptions.UNREACHABLE;
        }
    }

    /**
     * The report's bytes.
     *
     * @return the CSV (ASCII, CRLF), or null when no covered order was received in the month
     * @throws IOException when Elasticsearch cannot be reached
     */
    static byte[] report(final ReportSettings report, final YearMonth month, final String participant,
                         final String reporter, final PrintStream err) throws IOException {
        final Instant start = month.atDay(1).atStartOfDay(ReportSettings.NEW_YORK).toInstant();
        final Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ReportSettings.NEW_YORK).toInstant();
        final Instant walkEnd = end.plus(Duration.ofMinutes(1));
        final ExecutionQuality quality = new ExecutionQuality(nanos(start), nanos(end), report.sp500());
        try (RestClient rest = report.rest()) {
            final long read = new AuditWalk(ReportSettings.client(rest), report.alias(), 5_000, 5)
                .walk(start, walkEnd, quality);
            err.printf("read %,d documents of %s from %s%n", Math.max(read, 0), report.alias(), month);
            RecordedRun.counted(Math.max(read, 0), -1);
        }
        final List<OesRecord> records = quality.finish(nanos(walkEnd));
        if (quality.uncovered() > 0) {
            err.printf("left out %,d market or marketable limit orders received while one side of the book was "
                + "empty%n", quality.uncovered());
        }
        if (records.isEmpty()) {
            return null;
        }
        final int yyyymm = month.getYear() * 100 + month.getMonthValue();
        final StringBuilder csv = new StringBuilder(OesRecord.HEADER).append("\r\n");
        for (final OesRecord record : records) {
            csv.append(record.line(participant, reporter, yyyymm)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String code(final Settings settings, final String name, final String defaultValue) {
        final String value = settings.string(name, defaultValue);
        if (!CODE.matcher(value).matches()) {
            throw new SettingException(name, value, "must be upper-case letters A-Z");
        }
        return value;
    }

    private static long nanos(final Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
