package io.portcullis.reporting.rule605;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.instrument.InstrumentCsvLoader;
import io.portcullis.oms.instrument.InstrumentLoadResult;
import io.portcullis.reporting.audit.AuditIndexerConfiguration;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * What every regulatory report reads, from the settings: where the audit trail is ({@code es.url}, the index prefix
 * of {@link AuditIndexerConfiguration}), which symbols are S&amp;P 500 stocks ({@code gateway.instruments}, the
 * instrument CSV, default the bundled US equities; its {@code sp500} column), and the broker-dealer's name
 * ({@code report.broker-dealer}, default {@code Portcullis Securities}). Also the pieces the report commands share:
 * the Elasticsearch client, the atomic file write, the calendar (America/New_York: a report month or quarter is a
 * New York calendar period). Immutable.
 *
 * @param elasticsearchUrl Elasticsearch
 * @param alias            the audit alias, {@code <prefix>-audit}
 * @param sp500Symbols     symbols flagged sp500 in the instrument file
 * @param brokerDealer     the reporting broker-dealer's name, 1..80 characters
 */
public record ReportSettings(String elasticsearchUrl, String alias, Set<String> sp500Symbols, String brokerDealer) {
    /** The calendar of report periods. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /**
     * Reads and checks the settings.
     *
     * @param settings the settings
     * @return the configuration
     * @throws SettingException naming the setting when a value is bad
     */
    public static ReportSettings from(final Settings settings) {
        final AuditIndexerConfiguration audit = AuditIndexerConfiguration.from(settings);
        final String file = settings.string("gateway.instruments", null);
        final InstrumentLoadResult loaded = file == null || file.isBlank() ? InstrumentCsvLoader.loadBundled()
            : InstrumentCsvLoader.load(Path.of(file));
        if (!loaded.isOk()) {
            throw new SettingException("gateway.instruments", file, "the instrument file has errors: "
                + loaded.errors());
        }
        final Set<String> sp500 = new HashSet<>();
        for (final Instrument instrument : loaded.instruments()) {
            if (instrument.sp500()) {
                sp500.add(instrument.symbol());
            }
        }
        final String bd = settings.string("report.broker-dealer", "Portcullis Securities").strip();
        if (bd.isEmpty() || bd.length() > 80) {
            throw new SettingException("report.broker-dealer", bd, "must be 1 to 80 characters");
        }
        return new ReportSettings(audit.elasticsearchUrl(), audit.indexPrefix() + "-audit", Set.copyOf(sp500), bd);
    }

    /** @return true for a symbol reported as an S&amp;P 500 stock */
    public Predicate<String> sp500() {
        return sp500Symbols::contains;
    }

    /**
     * A client on {@link #elasticsearchUrl()} (3 s to connect, 60 s per answer); close the returned rest client.
     *
     * @param rest the low-level client, from {@link #rest()}
     * @return the client
     */
    public static ElasticsearchClient client(final RestClient rest) {
        final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(mapper)));
    }

    /** @return a low-level client on {@link #elasticsearchUrl()}; the caller closes it */
    public RestClient rest() {
        return RestClient.builder(HttpHost.create(elasticsearchUrl))
            .setRequestConfigCallback(c -> c.setConnectTimeout(3_000).setSocketTimeout(60_000)).build();
    }

    /**
     * Writes a file whole or not at all: a temporary file in the same directory, then an atomic rename.
     *
     * @param directory the directory (created when missing)
     * @param name      the file name
     * @param bytes     the content
     * @return the file written
     * @throws IOException when it cannot be written
     */
    public static Path writeAtomically(final Path directory, final String name, final byte[] bytes)
        throws IOException {
        Files.createDirectories(directory);
        final Path target = directory.resolve(name);
        final Path temporary = Files.createTempFile(directory, "." + name, ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }
}
