package io.portcullis.reporting.fixlog;

import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;

/**
 * Where {@code ./portcullis fixlog} reads (environment variable in brackets):
 * <ul>
 *   <li>{@code es.url} [PORTCULLIS_ES_URL]: Elasticsearch, default http://127.0.0.1:19200 (the local stack)</li>
 *   <li>{@code audit.index-prefix} [PORTCULLIS_AUDIT_INDEX_PREFIX]: the audit alias is {@code <prefix>-audit},
 *       default {@code portcullis}</li>
 * </ul>
 *
 * @param elasticsearchUrl Elasticsearch base URL
 * @param indexPrefix      the audit index prefix, lower case, without a trailing '-'
 */
record FixLogConfiguration(String elasticsearchUrl, String indexPrefix) {

    /** Validates the prefix. */
    FixLogConfiguration {
        if (indexPrefix.isEmpty() || !indexPrefix.matches("[a-z0-9][a-z0-9_.-]*") || indexPrefix.endsWith("-")) {
            throw new SettingException("audit.index-prefix", indexPrefix, "must be lower-case letters, digits, '_', "
                + "'.' or '-' and not end in '-'");
        }
        if (!elasticsearchUrl.startsWith("http://") && !elasticsearchUrl.startsWith("https://")) {
            throw new SettingException("es.url", elasticsearchUrl, "must be an http:// or https:// URL");
        }
    }

    /** Reads the settings; throws {@link SettingException} naming a bad one. */
    static FixLogConfiguration from(final Settings settings) {
        return new FixLogConfiguration(
            settings.string("es.url", "http://127.0.0.1:" + settings.string("es.port", "19200")),
            io.portcullis.reporting.audit.AuditIndexerConfiguration.from(settings).indexPrefix());
    }

    /** The alias over every daily audit index. */
    String alias() {
        return indexPrefix + "-audit";
    }
}
