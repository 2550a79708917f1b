package io.portcullis.reporting.fixlog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * {@code ./portcullis fixlog}: the FIX messages of the audit trail, filtered and decoded; see
 * {@link FixLogOptions#USAGE}. Messages go to standard output, notes and errors to standard error.
 *
 * <p>Exit codes: 0 done (also when nothing matches), 1 Elasticsearch unreachable or refused the search, 2 bad usage.
 */
public final class FixLogMain {
    /** Exit code: done. */
    static final int OK = 0;
    /** Exit code: Elasticsearch unreachable or refused the search. */
    static final int FAILED = 1;
    /** Exit code: bad usage. */
    static final int USAGE = 2;

    private FixLogMain() {
    }

    /**
     * Runs the command and exits with its status; with --follow, runs until interrupted.
     *
     * @param args the command line, see {@link FixLogOptions#USAGE}
     */
    public static void main(final String[] args) {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), out, err, null, () -> true));
    }

    /**
     * Runs the command.
     *
     * @param settings      the settings when there is no {@code --config}; null for this process's environment
     * @param keepFollowing with --follow, asked before each poll whether to go on
     * @return the exit code
     */
    static int run(final List<String> args, final PrintStream out, final PrintStream err, final Settings settings,
                   final BooleanSupplier keepFollowing) {
        final FixDictionaries dictionaries = new FixDictionaries();
        final FixLogOptions options;
        final FixLogConfiguration configuration;
        try {
            options = FixLogOptions.parse(args, dictionaries);
            if (options.help()) {
                out.println(FixLogOptions.USAGE);
                return OK;
            }
            configuration = FixLogConfiguration.from(options.config() != null
                ? Settings.fromFile(Path.of(options.config())) : settings != null ? settings : Settings.fromProcess());
        } catch (final FixLogOptions.BadUsage | SettingException ex) {
            err.println("error: " + ex.getMessage() + " (see ./portcullis fixlog --help)");
            return USAGE;
        }
        final RestClient rest = RestClient.builder(HttpHost.create(configuration.elasticsearchUrl()))
            .setRequestConfigCallback(c -> c.setConnectTimeout(3_000).setSocketTimeout(60_000)).build();
        try {
            final ObjectMapper mapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            final ElasticsearchClient client = new ElasticsearchClient(
                new RestClientTransport(rest, new JacksonJsonpMapper(mapper)));
            new FixLog(client, configuration.alias(), options, dictionaries, out, err).run(keepFollowing);
            return OK;
        } catch (final IOException ex) {
            err.println("error: Elasticsearch does not answer at " + configuration.elasticsearchUrl() + " ("
                + ex.getMessage() + "). Start the stack with ./portcullis stack up, or point es.url "
                + "(PORTCULLIS_ES_URL) at yours");
            return FAILED;
        } catch (final ElasticsearchException ex) {
            err.println("error: Elasticsearch at " + configuration.elasticsearchUrl() + " refused the search of "
                + configuration.alias() + ": " + ex.getMessage());
            return FAILED;
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            return OK;
        } finally {
            try {
                rest.close();
            } catch (final IOException ex) {
                err.println("warning: closing the Elasticsearch client: " + ex.getMessage());
            }
        }
    }
}
