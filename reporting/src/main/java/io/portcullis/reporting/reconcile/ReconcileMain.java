package io.portcullis.reporting.reconcile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.sql.Database;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * {@code ./portcullis reconcile --date YYYY-MM-DD}: the executions of one trading day in the journal, in MySQL and in
 * the audit index, compared by ExecID with {@link ExecutionReconciler}; see {@link ReconcileOptions#USAGE}. The
 * report goes to standard output, progress and errors to standard error.
 *
 * <p>Exit codes: 0 every source agrees, 1 a break, 2 bad usage, 3 a source could not be read (as
 * {@code audit verify}: a scheduler can tell an outage from a break).
 */
public final class ReconcileMain {
    /** Exit code: every source agrees. */
    static final int AGREE = 0;
    /** Exit code: at least one break. */
    static final int BROKEN = 1;
    /** Exit code: bad usage. */
    static final int USAGE = 2;
    /** Exit code: a source could not be read. */
    static final int UNREACHABLE = 3;

    private ReconcileMain() {
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command line, see {@link ReconcileOptions#USAGE}
     */
    public static void main(final String[] args) {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), out, err, null));
    }

    /**
     * Runs the command.
     *
     * @param settings the settings when there is no {@code --config}; null for this process's environment
     * @return the exit code
     */
    static int run(final List<String> args, final PrintStream out, final PrintStream err, final Settings settings) {
        final ReconcileOptions options;
        final ReconcileConfiguration configuration;
        try {
            options = ReconcileOptions.parse(args);
            if (options.help()) {
                out.println(ReconcileOptions.USAGE);
                return AGREE;
            }
            configuration = ReconcileConfiguration.from(options.config() != null
                ? Settings.fromFile(Path.of(options.config())) : settings != null ? settings : Settings.fromProcess());
        } catch (final ReconcileOptions.BadUsage | SettingException ex) {
            err.println("error: " + ex.getMessage() + " (see ./portcullis reconcile --help)");
            return USAGE;
        }
        try {
            final ReconciliationResult result = reconcile(options, configuration, out, err);
            report(result, out);
            return result.agrees() ? AGREE : BROKEN;
        } catch (final SourceUnavailableException ex) {
            err.println("error: " + ex.getMessage());
            return UNREACHABLE;
        }
    }

    private static ReconciliationResult reconcile(final ReconcileOptions options,
                                                  final ReconcileConfiguration configuration, final PrintStream out,
                                                  final PrintStream err) {
        final TradingDay day = options.day();
        out.println("Executions of trading day " + day);
        final ExecutionReconciler reconciler = new ExecutionReconciler(EnumSet.allOf(ExecutionSource.class));

        final long mysql;
        try (Database database = open(configuration)) {
            mysql = MysqlExecutions.read(database.dsl(), day, e -> reconciler.add(ExecutionSource.MYSQL, e));
        }
        final String url = configuration.database().url();
        out.printf("  %-14s %,10d  table executions in %s%n", "mysql", mysql,
            url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?')));

        final long documents;
        final RestClient rest = RestClient.builder(HttpHost.create(configuration.elasticsearchUrl()))
            .setRequestConfigCallback(c -> c.setConnectTimeout(3_000).setSocketTimeout(60_000)).build();
        try {
            final ObjectMapper mapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            final ElasticsearchClient client = new ElasticsearchClient(
                new RestClientTransport(rest, new JacksonJsonpMapper(mapper)));
            documents = ElasticsearchExecutions.read(client, configuration.alias(), day,
                e -> reconciler.add(ExecutionSource.ELASTICSEARCH, e), configuration.elasticsearchUrl());
        } finally {
            try {
                rest.close();
            } catch (final IOException ex) {
                err.println("warning: closing the Elasticsearch client: " + ex.getMessage());
            }
        }
        out.printf("  %-14s %,10d  documents in %s at %s%n", "elasticsearch", documents, configuration.alias(),
            configuration.elasticsearchUrl());

        final String seek = options.seekMargin() == null ? "from the first offset"
            : "seeking by record time with a margin of " + options.seekMargin().toMinutes() + " min";
        err.println("scanning the journal " + configuration.journalTopic() + " " + seek);
        final JournalExecutions.Scan scan = JournalExecutions.read(configuration.bootstrap(),
            configuration.journalTopic(), day, options.seekMargin(), err::println,
            e -> reconciler.add(ExecutionSource.JOURNAL, e));
        out.printf("  %-14s %,10d  in %s (offsets %,d to %,d, %,d records, %s)%n", "journal", scan.executions(),
            configuration.journalTopic(), scan.fromOffset(), scan.endOffset(), scan.records(), seek);
        return reconciler.result();
    }

    private static Database open(final ReconcileConfiguration configuration) {
        try {
            return Database.open(configuration.database());
        } catch (final IllegalStateException ex) {
            throw new SourceUnavailableException(ex.getMessage(), ex);
        }
    }

    private static void report(final ReconciliationResult result, final PrintStream out) {
        if (result.agrees()) {
            out.printf("OK: all three sources agree on %,d executions%n", result.matched());
            return;
        }
        out.printf("%,d breaks (%,d ExecIDs, %,d agree):%n", result.breaks().size(), result.distinct(),
            result.matched());
        for (final ExecutionBreak b : result.breaks()) {
            out.println("  " + b.describe());
        }
        out.printf("BROKEN: %,d missing, %,d duplicate, %,d field differences%n",
            result.breaks(ExecutionBreak.Kind.MISSING).size(), result.breaks(ExecutionBreak.Kind.DUPLICATE).size(),
            result.breaks(ExecutionBreak.Kind.FIELD_DIFFERS).size());
    }
}
