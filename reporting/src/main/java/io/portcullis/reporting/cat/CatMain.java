package io.portcullis.reporting.cat;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.reporting.reconcile.TradingDay;
import io.portcullis.reporting.runs.Prepared;
import io.portcullis.reporting.runs.RecordedRun;
import io.portcullis.sql.Database;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * {@code ./portcullis report cat --date YYYY-MM-DD --out DIR [--feedback FILE] [--config FILE]}: the CAT order event
 * files of one CAT trading day (see {@link CatReader} for the day's boundaries), built from the audit index with the
 * accounts of MySQL; see {@link #USAGE}. The summary goes to standard output, errors to standard error.
 *
 * <p>Exit codes: 0 files written, every document reported; 1 no data for the day, or a validation failure (a
 * document that could not be linked to its order or account, a feedback entry the day does not have); 2 bad usage;
 * 3 Elasticsearch or MySQL unreachable.
 */
public final class CatMain {
    /** Exit code: files written. */
    static final int OK = 0;
    /** Exit code: nothing to report, or a validation failure. */
    static final int FAILED = 1;
    /** Exit code: bad usage. */
    static final int USAGE_ERROR = 2;
    /** Exit code: a service is unreachable. */
    static final int UNREACHABLE = 3;

    /** The help text. */
    static final String USAGE = """
        Usage: ./portcullis report cat --date YYYY-MM-DD --out DIR [--feedback FILE] [--config FILE]

        Builds the FINRA CAT order event files (MENO, MEOA, MEOM, MEOC, MEOT) of one CAT trading day from the audit
        index: bzip2-compressed JSON Lines named <submitter>_<IMID>_<YYYYMMDD>_<group>_OrderEvents_<NNNNNN>.json.bz2,
        split by size, each with a .meta.json (record count, SHA-256, spec version). The same index gives the same
        bytes on every run.

          --date YYYY-MM-DD  the CAT trading day: events from 00:00 to 24:00 America/New_York (required)
          --out DIR          where the files go; created if missing, same-named files replaced (required)
          --feedback FILE    write only the records this feedback file lists, as repairs (actionType RPR with their
                             errorROEID) or corrections (COR), in files of group <group>RPR; format in CatFeedback
          --config FILE      settings file (es.url, audit.index-prefix, db.*, cat.*); PORTCULLIS_* environment
                             variables override it
          --help             this text

        Settings: cat.submitter-id, cat.reporter-imid, cat.reporter-crd, cat.file-group, cat.spec-version,
        cat.max-file-bytes, cat.market-center-id, cat.page-size, cat.order-cache.

        Exit status: 0 files written; 1 no data for the day, or a validation failure (an event that cannot be linked,
        a feedback record not found); 2 bad usage; 3 Elasticsearch or MySQL unreachable.""";

    private CatMain() {
    }

    /** The parsed command line. */
    private record Options(LocalDate date, Path out, Path feedback, Path config) {
    }

    /**
     * A checked CAT command line with its settings. Immutable.
     *
     * @param day           the CAT trading day
     * @param out           where the files go
     * @param feedback      the parsed feedback file, or null for the day's first submission
     * @param configuration the CAT settings
     */
    public record Request(TradingDay day, Path out, CatFeedback feedback, CatConfiguration configuration) {
    }

    /**
     * The services a build reads: the audit index and the accounts of MySQL (loaded when opened).
     */
    public static final class Session implements AutoCloseable {
        private final RestClient rest;
        private final CatBuilder builder;

        private Session(final RestClient rest, final CatBuilder builder) {
            this.rest = rest;
            this.builder = builder;
        }

        /**
         * Loads the accounts and connects to Elasticsearch.
         *
         * @param configuration the CAT settings
         * @return the session
         * @throws CatUnavailableException when MySQL cannot be read
         */
        public static Session open(final CatConfiguration configuration) {
            final CatAccounts accounts;
            try (Database database = Database.open(configuration.database())) {
                accounts = CatAccounts.load(database.dsl(), configuration.reporterImid());
            } catch (final IllegalStateException | org.jooq.exception.DataAccessException ex) {
                throw new CatUnavailableException("MySQL: " + ex.getMessage(), ex);
            }
            final RestClient rest = RestClient.builder(HttpHost.create(configuration.elasticsearchUrl()))
                .setRequestConfigCallback(c -> c.setConnectTimeout(3_000).setSocketTimeout(120_000)).build();
            final ElasticsearchClient es = new ElasticsearchClient(new RestClientTransport(rest,
                new JacksonJsonpMapper(new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false))));
            return new Session(rest, new CatBuilder(es, configuration, accounts));
        }

        /** @return the builder on this session's services */
        public CatBuilder builder() {
            return builder;
        }

        @Override
        public void close() {
            try {
                rest.close();
            } catch (final IOException ex) {
                // Nothing was pending; the connections die with the process.
                return;
            }
        }
    }

    /**
     * Runs the command.
     *
     * @param settings the settings when there is no {@code --config}; null for this process's environment
     * @return the exit code
     */
    public static int run(final List<String> args, final PrintStream out, final PrintStream err,
                          final Settings settings) {
        return prepare(args, out, err, settings).run();
    }

    /**
     * Checks the command line, its settings and its feedback file without touching a service.
     *
     * @param settings the settings when there is no {@code --config}; null for this process's environment
     * @return the build (exit code as {@link #run}'s), or the exit code of {@code --help} or bad usage
     */
    public static Prepared prepare(final List<String> args, final PrintStream out, final PrintStream err,
                                   final Settings settings) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return Prepared.done(OK);
        }
        final Request request;
        try {
            request = request(args, settings);
        } catch (final IllegalArgumentException | SettingException | IOException ex) {
            err.println("error: " + ex.getMessage() + " (see ./portcullis report cat --help)");
            return Prepared.done(USAGE_ERROR);
        }
        return Prepared.work(() -> execute(request, out, err));
    }

    /**
     * Parses a command line (without {@code --help}).
     *
     * @param settings the settings when there is no {@code --config}; null for this process's environment
     * @return the request
     * @throws IllegalArgumentException naming a bad option
     * @throws SettingException         naming a bad setting
     * @throws IOException              when the feedback file cannot be read
     */
    public static Request request(final List<String> args, final Settings settings) throws IOException {
        final Options options = parse(args);
        final CatConfiguration configuration = CatConfiguration.from(options.config() != null
            ? Settings.fromFile(options.config()) : settings != null ? settings : Settings.fromProcess());
        final CatFeedback feedback = options.feedback() == null ? null : CatFeedback.read(options.feedback());
        return new Request(new TradingDay(options.date()), options.out(), feedback, configuration);
    }

    private static int execute(final Request request, final PrintStream out, final PrintStream err) {
        try (Session session = Session.open(request.configuration())) {
            final CatBuilder.Result result = request.feedback() == null
                ? session.builder().build(request.day(), request.out())
                : session.builder().rebuild(request.day(), request.out(), request.feedback());
            return summarize(request.day(), result, out, err);
        } catch (final CatUnavailableException ex) {
            err.println("error: " + ex.getMessage());
            return UNREACHABLE;
        } catch (final UncheckedIOException ex) {
            err.println("error: " + ex.getMessage() + ": " + ex.getCause().getMessage());
            return FAILED;
        }
    }

    /**
     * Prints what a build did and gives its exit code: 0 files written and everything reported, 1 no data or a
     * validation failure.
     *
     * @param day    the CAT trading day
     * @param result the build
     * @param out    the summary
     * @param err    problems
     * @return the exit code
     */
    public static int summarize(final TradingDay day, final CatBuilder.Result result, final PrintStream out,
                                final PrintStream err) {
        RecordedRun.counted(result.documents(), result.records());
        out.printf("CAT trading day %s: %,d audit documents, %,d records%n", day, result.documents(),
            result.records());
        for (final Map.Entry<String, Long> type : result.byType().entrySet()) {
            out.printf("  %-5s %,10d%n", type.getKey(), type.getValue());
        }
        for (final CatFile file : result.files()) {
            out.printf("  %s  %,d records  sha256 %s%n", file.data(), file.records(), file.sha256());
        }
        for (final String problem : result.problems()) {
            err.println("not reportable: " + problem);
        }
        for (final String missing : result.missing()) {
            err.println("feedback: no record of the day has firmROEID " + missing);
        }
        if (!result.clean()) {
            err.printf("FAILED: %,d documents could not be reported, %,d feedback records not found%n",
                result.problemCount(), result.missing().size());
            return FAILED;
        }
        if (result.files().isEmpty()) {
            err.println("no data: the audit index has no reportable event on " + day.date());
            return FAILED;
        }
        return OK;
    }

    private static Options parse(final List<String> args) {
        LocalDate date = null;
        Path outDir = null;
        Path feedback = null;
        Path config = null;
        for (int i = 0; i < args.size(); i++) {
            final String option = args.get(i);
            if (!List.of("--date", "--out", "--feedback", "--config").contains(option)) {
                throw new IllegalArgumentException("unknown option '" + option + "'");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            final String value = args.get(++i);
            switch (option) {
                case "--date" -> {
                    try {
                        date = LocalDate.parse(value);
                    } catch (final DateTimeParseException ex) {
                        throw new IllegalArgumentException("--date: '" + value + "' is not a date YYYY-MM-DD", ex);
                    }
                }
                case "--out" -> outDir = Path.of(value);
                case "--feedback" -> feedback = Path.of(value);
                default -> config = Path.of(value);
            }
        }
        if (date == null) {
            throw new IllegalArgumentException("--date is required");
        }
        if (outDir == null) {
            throw new IllegalArgumentException("--out is required");
        }
        return new Options(date, outDir, feedback, config);
    }
}
