package io.portcullis.reporting.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * {@code ./portcullis audit verify}: re-walks the audit hash chains over Kafka, the checkpoints in MySQL and the
 * audit index, and names the first record that does not match. Exit status: 0 every record matches, 1 a mismatch
 * (printed), 2 bad usage, 3 a service could not be reached.
 */
public final class AuditMain {
    static final int OK = 0;
    static final int MISMATCH = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    private static final String USAGE_TEXT = """
        Usage: ./portcullis audit verify [--from TIME] [--to TIME] [--stream journal|audit|all] [--config FILE]

        Re-walks the hash chain of each audited stream (the engine journal and the gateway's audit topic): rebuilds
        every document of the period from its Kafka record, compares it with the audit index, and compares every
        checkpoint kept in MySQL on the way. Prints the first record that does not match.

          --from TIME     start of the period: an instant (2026-11-25T14:30:00Z) or a date (2026-11-25, from its
                          start, UTC); default the start of the chain
          --to TIME       end of the period: an instant or a date (to its end, UTC); default what is indexed so far
          --stream S      journal, audit or all (default all)
          --config FILE   settings file (default: the environment and portcullis.env)

        Exit status: 0 every record matches, 1 a mismatch was found, 2 bad usage, 3 a service could not be reached.
        """;

    private AuditMain() {
    }

    /** Entry point. */
    public static void main(final String[] args) {
        System.exit(run(args, null, System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @param settings the settings to use, or null to read them from the process (or {@code --config})
     * @return the exit status
     */
    public static int run(final String[] args, final Settings settings, final PrintStream out,
                          final PrintStream err) {
        if (args.length == 0 || "--help".equals(args[0]) || "-h".equals(args[0]) || "help".equals(args[0])) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        if (!"verify".equals(args[0])) {
            err.println("error: unknown audit command '" + args[0] + "'");
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Instant from = null;
        Instant to = null;
        String stream = "all";
        String config = null;
        try {
            for (int i = 1; i < args.length; i++) {
                final String option = args[i];
                if ("--help".equals(option) || "-h".equals(option)) {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + option + " needs a value (or is unknown)");
                }
                final String value = args[++i];
                switch (option) {
                    case "--from" -> from = time(option, value, false);
                    case "--to" -> to = time(option, value, true);
                    case "--stream" -> stream = value.toLowerCase(Locale.ROOT);
                    case "--config" -> config = value;
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (!List.of("journal", "audit", "all").contains(stream)) {
                throw new IllegalArgumentException("--stream must be journal, audit or all, was '" + stream + "'");
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("--from " + from + " is after --to " + to);
            }
        } catch (final IllegalArgumentException ex) {
            err.println("error: " + ex.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        final Settings effective;
        final AuditIndexerConfiguration base;
        try {
            effective = config != null ? Settings.fromFile(Path.of(config))
                : settings != null ? settings : Settings.fromProcess();
            base = AuditIndexerConfiguration.from(effective);
        } catch (final SettingException | IllegalArgumentException ex) {
            err.println("error: " + ex.getMessage());
            return USAGE;
        }
        final List<AuditStream> streams = new ArrayList<>();
        if (!"audit".equals(stream)) {
            streams.add(AuditStream.JOURNAL);
        }
        if (!"journal".equals(stream)) {
            streams.add(AuditStream.AUDIT_TOPIC);
        }
        try (Database database = Database.open(DatabaseConfiguration.from(effective));
             RestClient rest = RestClient.builder(HttpHost.create(base.elasticsearchUrl())).build()) {
            final ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest,
                new JacksonJsonpMapper()));
            final AuditCheckpoints checkpoints = new AuditCheckpoints(database.dsl());
            int status = OK;
            for (final AuditStream s : streams) {
                final AuditIndexerConfiguration configuration = base.forStream(s);
                out.printf("verifying %s (%s) from %s to %s%n", configuration.topic(), s == AuditStream.JOURNAL
                    ? "engine journal" : "FIX messages and admin actions", from == null ? "the start" : from,
                    to == null ? "the indexed end" : to);
                final long started = System.nanoTime();
                final AuditVerifier.Result result = new AuditVerifier(configuration, client, checkpoints)
                    .verify(from, to, (seq, end) -> err.printf("  ... chain sequence %,d of %,d%n", seq, end));
                final double seconds = (System.nanoTime() - started) / 1e9;
                if (result.ok() && result.endSeq() == result.startSeq()) {
                    out.printf("  OK: nothing indexed in this period yet (%s, index %s-audit)%n",
                        configuration.topic(), configuration.indexPrefix());
                } else if (result.ok() && result.chainOnly() == result.documentsCompared()) {
                    out.printf("  OK: chain sequences %,d..%,d: %,d documents, all written by an earlier version (an "
                            + "older document format), checked by their chain links; %,d checkpoints match (%.1f s)%n",
                        result.startSeq(), result.endSeq() - 1, result.documentsCompared(),
                        result.checkpointsCompared(), seconds);
                } else if (result.ok()) {
                    out.printf("  OK: chain sequences %,d..%,d rebuilt from %,d Kafka records; %,d documents and "
                            + "%,d checkpoints match (%.1f s)%n", result.startSeq(), result.endSeq() - 1,
                        result.recordsRead(), result.documentsCompared(), result.checkpointsCompared(), seconds);
                    if (result.chainOnly() > 0) {
                        out.printf("  of them %,d documents written by an earlier version (an older document format): "
                            + "checked by their chain links and checkpoints, not rebuilt from Kafka%n",
                            result.chainOnly());
                    }
                } else {
                    final AuditVerifier.Mismatch m = result.mismatch();
                    out.printf("  MISMATCH (%s) at document %s, chain sequence %,d, time %s:%n    %s%n", m.kind(),
                        m.documentId(), m.chainSeq(), m.transactTime(), m.detail());
                    out.printf("  %,d documents and %,d checkpoints matched before it%n",
                        result.documentsCompared(), result.checkpointsCompared());
                    status = MISMATCH;
                }
            }
            return status;
        } catch (final IOException | IllegalStateException ex) {
            err.println("error: " + ex.getMessage() + " (is the stack running? ./portcullis stack status)");
            return UNREACHABLE;
        } catch (final RuntimeException ex) {
            err.println("error: " + ex);
            return UNREACHABLE;
        }
    }

    private static Instant time(final String option, final String value, final boolean endOfDay) {
        try {
            if (value.length() == 10) {
                final LocalDate day = LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                    : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (final DateTimeParseException ex) {
            throw new IllegalArgumentException(option + " must be an instant such as 2026-11-25T14:30:00Z or a date "
                + "such as 2026-11-25, was '" + value + "'");
        }
    }
}
