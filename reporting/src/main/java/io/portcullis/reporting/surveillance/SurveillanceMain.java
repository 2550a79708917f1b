package io.portcullis.reporting.surveillance;

import java.io.IOException;
import java.io.PrintStream;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.reporting.rule605.ReportOptions;
import io.portcullis.reporting.rule605.ReportSettings;
import io.portcullis.reporting.runs.Prepared;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import org.elasticsearch.client.RestClient;
import org.jooq.exception.DataAccessException;

/**
 * {@code ./portcullis report surveillance --date YYYY-MM-DD [--config FILE]}: the day's surveillance run over the
 * audit index; the alerts are saved in MySQL (a rerun adds none twice) and printed. See {@link #USAGE}.
 *
 * <p>Exit codes: 0 no alert, 1 alerts raised (new or already known), 2 bad usage, 3 a service unreachable.
 */
public final class SurveillanceMain {
    /** Exit code: alerts. */
    static final int ALERTS = 1;

    /** The command's help. */
    static final String USAGE = """
        Usage: ./portcullis report surveillance --date YYYY-MM-DD [--config FILE]

        Runs the market-abuse surveillance over one trading day (00:00 to 24:00 America/New_York) of the audit
        index: layering / spoofing, wash trades (same beneficial owner on both sides, table
        account_beneficial_owner), marking the close (the last minutes before 16:00). Alerts are saved in MySQL
        for the compliance desk (GET /api/surveillance/alerts); running a day again adds no alert twice.

          --date YYYY-MM-DD  the trading day (required)
          --config FILE      settings file (es.url, audit.index-prefix, db.*, surveillance.*; default: the
                             environment and portcullis.env); PORTCULLIS_* environment variables override it
          --help             this text

        Thresholds (defaults): surveillance.layering.min-orders (10), .order-to-trade-ratio (5),
        .cancel-ratio-pct (80), .large-order-qty (1000), .window-seconds (10), .min-events (1);
        surveillance.wash.min-trades (1); surveillance.close.window-minutes (10), .min-move-bps (20);
        surveillance.page-size (5000).

        Exit status: 0 no alert, 1 alerts raised, 2 bad usage, 3 Elasticsearch or MySQL could not be reached.""";

    private SurveillanceMain() {
    }

    /**
     * Runs the command.
     *
     * @param args     the command line
     * @param out      where the alerts go
     * @param err      where errors and progress go
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
        final LocalDate day;
        final ReportSettings report;
        final SurveillanceSettings thresholds;
        final DatabaseConfiguration database;
        try {
            final ReportOptions options = ReportOptions.parse(args, List.of("--date", "--config"));
            if (options.help()) {
                out.println(USAGE);
                return Prepared.done(ReportOptions.OK);
            }
            day = LocalDate.parse(options.required("--date"));
            final Settings effective = options.settings(settings);
            report = ReportSettings.from(effective);
            thresholds = SurveillanceSettings.from(effective);
            database = DatabaseConfiguration.from(effective);
        } catch (final ReportOptions.BadUsage | SettingException | DateTimeParseException ex) {
            err.println("error: " + ex.getMessage() + " (see ./portcullis report surveillance --help)");
            return Prepared.done(ReportOptions.USAGE);
        }
        return Prepared.work(() -> execute(day, report, thresholds, database, out, err));
    }

    private static int execute(final LocalDate day, final ReportSettings report, final SurveillanceSettings thresholds,
                               final DatabaseConfiguration database, final PrintStream out, final PrintStream err) {
        final Database opened;
        try {
            opened = Database.open(database);
        } catch (final RuntimeException ex) {
            err.println("error: MySQL at " + database.url() + ": " + ex.getMessage());
            return ReportOptions.UNREACHABLE;
        }
        try (Database db = opened) {
            final AlertStore store = new AlertStore(db.dsl(), InstantSource.system());
            final SurveillanceRun.Result result;
            try (RestClient rest = report.rest()) {
                result = new SurveillanceRun(thresholds, Owners.load(db.dsl()))
                    .run(ReportSettings.client(rest), report.alias(), day);
            } catch (final IOException | ElasticsearchException ex) {
                err.println("error: Elasticsearch at " + report.elasticsearchUrl() + ": " + ex.getMessage());
                return ReportOptions.UNREACHABLE;
            }
            final AlertStore.Saved saved = store.save(day, result.alerts(), "surveillance");
            err.printf("read %,d documents of %s for %s: %d alerts (%d new, %d updated, %d unchanged)%n",
                Math.max(result.documents(), 0), report.alias(), day, result.alerts().size(), saved.raised(),
                saved.updated(), saved.same());
            print(store.list(day, null, null, null, 10_000), out);
            return result.alerts().isEmpty() ? ReportOptions.OK : ALERTS;
        } catch (final DataAccessException ex) {
            err.println("error: MySQL at " + database.url() + ": " + ex.getMessage());
            return ReportOptions.UNREACHABLE;
        }
    }

    private static void print(final List<AlertStore.Stored> alerts, final PrintStream out) {
        for (final AlertStore.Stored alert : alerts) {
            out.printf("%d %s %s %s %s %s..%s score %s %s values %s evidence %s%n", alert.id(), alert.tradingDay(),
                alert.pattern(), alert.account(), alert.symbol(), alert.windowStart(), alert.windowEnd(),
                alert.score().toPlainString(), alert.status(), alert.values(), alert.evidence());
        }
    }
}
