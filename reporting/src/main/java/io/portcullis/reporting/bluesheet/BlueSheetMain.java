package io.portcullis.reporting.bluesheet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.reporting.rule605.ReportOptions;
import io.portcullis.reporting.rule605.ReportSettings;
import io.portcullis.reporting.runs.Prepared;
import io.portcullis.reporting.runs.RecordedRun;
import org.elasticsearch.client.RestClient;

/**
 * {@code ./portcullis report bluesheet (--symbol S | --account A) --from YYYY-MM-DD --to YYYY-MM-DD --out DIR
 * [--config FILE]}: the electronic blue sheet of a request, as {@code DIR/bluesheet-<S|A>-<value>-<from>-<to>.txt}
 * in the layout of {@link BlueSheetLayout}. See {@link #USAGE}.
 *
 * <p>Settings besides {@link ReportSettings}: {@code bluesheet.executing-broker} (1..8 characters, default
 * {@code PCUL}), {@code bluesheet.venue-code} (1..4 characters, default {@code PCUL}), {@code bluesheet.large-traders}
 * ({@code ACCOUNT=LTID,...}, default none; an LTID is 1..13 characters of digits, letters and '-').
 *
 * <p>Exit codes: 0 written, 1 no execution (nothing written) or a value that does not fit the layout, 2 bad usage,
 * 3 Elasticsearch unreachable. Each run is recorded in {@code report_run} ({@link RecordedRun}).
 */
public final class BlueSheetMain {
    /** The command's help. */
    static final String USAGE = """
        Usage: ./portcullis report bluesheet --symbol S --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--config FILE]
               ./portcullis report bluesheet --account A --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--config FILE]

        Writes the electronic blue sheet of a symbol or of an account over trade dates (New York calendar): every
        execution (each side of each fill) as a fixed-width record (220 characters; layout in BlueSheetLayout's
        javadoc: positions are our assumption, not the SIAC layout of FINRA RN 15-44), with a header and a trailer
        record (record counts, total quantity), to DIR/bluesheet-<S|A>-<value>-<from>-<to>.txt.

          --symbol S        the symbol (one of --symbol and --account)
          --account A       the account
          --from DATE       first trade date, inclusive
          --to DATE         last trade date, inclusive
          --out DIR         the directory to write to (created when missing)
          --config FILE     settings file (es.url, audit.index-prefix, bluesheet.executing-broker,
                            bluesheet.venue-code, bluesheet.large-traders, db.* for the run record)
          --help            this text

        Exit status: 0 written, 1 no execution in the period (nothing written) or a value that does not fit the
        layout, 2 bad usage, 3 Elasticsearch could not be reached.""";

    private static final Pattern BROKER = Pattern.compile("[A-Z0-9]{1,8}");
    private static final Pattern VENUE = Pattern.compile("[A-Z0-9]{1,4}");
    private static final Pattern LTID = Pattern.compile("[A-Za-z0-9-]{1,13}");

    private BlueSheetMain() {
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
        final BlueSheetRequest request;
        final String broker;
        final String venue;
        final Map<String, String> largeTraders;
        try {
            options = ReportOptions.parse(args, List.of("--symbol", "--account", "--from", "--to", "--out",
                "--config"));
            if (options.help()) {
                out.println(USAGE);
                return Prepared.done(ReportOptions.OK);
            }
            final boolean bySymbol = args.contains("--symbol");
            if (bySymbol == args.contains("--account")) {
                throw new ReportOptions.BadUsage("give exactly one of --symbol and --account");
            }
            request = new BlueSheetRequest(bySymbol ? BlueSheetRequest.Kind.SYMBOL : BlueSheetRequest.Kind.ACCOUNT,
                options.required(bySymbol ? "--symbol" : "--account"), date(options, "--from"),
                date(options, "--to"));
            options.required("--out");
            final Settings effective = options.settings(settings);
            report = ReportSettings.from(effective);
            broker = matching(effective, "bluesheet.executing-broker", "PCUL", BROKER);
            venue = matching(effective, "bluesheet.venue-code", "PCUL", VENUE);
            largeTraders = largeTraders(effective.string("bluesheet.large-traders", ""));
        } catch (final ReportOptions.BadUsage | SettingException | IllegalArgumentException ex) {
            err.println("error: " + ex.getMessage() + " (see ./portcullis report bluesheet --help)");
            return Prepared.done(ReportOptions.USAGE);
        }
        return Prepared.work(() -> execute(options, report, request, broker, venue, largeTraders, out, err));
    }

    private static int execute(final ReportOptions options, final ReportSettings report, final BlueSheetRequest request,
                               final String broker, final String venue, final Map<String, String> largeTraders,
                               final PrintStream out, final PrintStream err) {
        final List<BlueSheetTrade> trades;
        final BlueSheetReader reader;
        try (RestClient rest = report.rest()) {
            reader = new BlueSheetReader(ReportSettings.client(rest), report.alias(), 1_000);
            trades = reader.read(request);
            err.printf("read %,d executions of %s from %s%n", reader.documents(), request.value(), report.alias());
        } catch (final IOException | ElasticsearchException ex) {
            err.println("error: Elasticsearch at " + report.elasticsearchUrl() + ": " + ex.getMessage());
            return ReportOptions.UNREACHABLE;
        }
        RecordedRun.counted(reader.documents(), trades.size());
        if (trades.isEmpty()) {
            err.printf("no data: no execution of %s from %s to %s%n", request.value(), request.from(), request.to());
            return ReportOptions.NO_DATA;
        }
        try {
            final byte[] file = BlueSheetLayout.file(request, broker, venue, largeTraders, trades);
            out.println(ReportSettings.writeAtomically(Path.of(options.required("--out")), request.fileName(),
                file));
            return ReportOptions.OK;
        } catch (final IllegalArgumentException ex) {
            err.println("error: " + ex.getMessage() + "; nothing written");
            return ReportOptions.NO_DATA;
        } catch (final IOException ex) {
            err.println("error: cannot write the blue sheet: " + ex.getMessage());
            return ReportOptions.NO_DATA;
        }
    }

    private static LocalDate date(final ReportOptions options, final String name) {
        final String value = options.required(name);
        try {
            return LocalDate.parse(value);
        } catch (final DateTimeParseException ex) {
            throw new ReportOptions.BadUsage(name + ": '" + value + "' is not a date YYYY-MM-DD");
        }
    }

    private static String matching(final Settings settings, final String name, final String defaultValue,
                                   final Pattern pattern) {
        final String value = settings.string(name, defaultValue).strip();
        if (!pattern.matcher(value).matches()) {
            throw new SettingException(name, value, "must match " + pattern.pattern());
        }
        return value;
    }

    /**
     * Parses {@code ACCOUNT=LTID,ACCOUNT=LTID}.
     *
     * @param text the setting's value, possibly empty
     * @return LTID by account
     * @throws SettingException naming {@code bluesheet.large-traders} on a bad entry
     */
    static Map<String, String> largeTraders(final String text) {
        final Map<String, String> byAccount = new HashMap<>();
        for (final String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            final int eq = entry.indexOf('=');
            final String ltid = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (eq <= 0 || !LTID.matcher(ltid).matches()) {
                throw new SettingException("bluesheet.large-traders", entry.strip(),
                    "each entry must be ACCOUNT=LTID (LTID 1 to 13 letters, digits, '-')");
            }
            byAccount.put(entry.substring(0, eq).strip(), ltid);
        }
        return Map.copyOf(byAccount);
    }
}
