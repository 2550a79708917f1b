package io.portcullis.reporting.search;

import io.portcullis.config.EffectiveConfiguration;
import io.portcullis.config.Settings;

/**
 * Where the audit search reads. Settings (environment variable in brackets):
 * <ul>
 *   <li>{@code es.url} [PORTCULLIS_ES_URL]: Elasticsearch, default http://127.0.0.1:19200 (as the indexer's)</li>
 *   <li>{@code audit.index-prefix}: searches the alias {@code <prefix>-audit}; default as the indexer's (the
 *       journal topic without {@code .journal}: {@code portcullis})</li>
 *   <li>{@code audit.search.keep-alive-seconds}: how long a cursor (a point in time) stays valid after the page
 *       that returned it, 1..3,600, default 300</li>
 * </ul>
 *
 * @param elasticsearchUrl Elasticsearch base URL
 * @param indexPrefix      index name prefix, lower case, without a trailing '-'
 * @param keepAliveSeconds point-in-time keep-alive of a paged search, seconds
 */
public record AuditSearchConfiguration(String elasticsearchUrl, String indexPrefix, int keepAliveSeconds) {

    /** Validates what the settings cannot (the index prefix, as the indexer does). */
    public AuditSearchConfiguration {
        if (indexPrefix.isEmpty() || !indexPrefix.matches("[a-z0-9][a-z0-9_.-]*") || indexPrefix.endsWith("-")) {
            throw new IllegalArgumentException("setting audit.index-prefix: must be lower-case letters, digits, '_', "
                + "'.' or '-', not end in '-', was '" + indexPrefix + "'");
        }
        if (keepAliveSeconds < 1 || keepAliveSeconds > 3_600) {
            throw new IllegalArgumentException("setting audit.search.keep-alive-seconds: must be 1..3600, was "
                + keepAliveSeconds);
        }
    }

    /** Reads and validates the settings. */
    public static AuditSearchConfiguration from(final Settings settings) {
        return new AuditSearchConfiguration(
            settings.string("es.url", "http://127.0.0.1:" + settings.string("es.port", "19200")),
            io.portcullis.reporting.audit.AuditIndexerConfiguration.from(settings).indexPrefix(),
            settings.integer("audit.search.keep-alive-seconds", 300, 1, 3_600));
    }

    /** The alias searched: {@code <prefix>-audit}. */
    public String alias() {
        return indexPrefix + "-audit";
    }

    /** For the start-up banner. */
    public EffectiveConfiguration describe() {
        return new EffectiveConfiguration("audit search").add("es.url", elasticsearchUrl)
            .add("audit.index-prefix", indexPrefix).add("audit.search.keep-alive-seconds", keepAliveSeconds);
    }
}
