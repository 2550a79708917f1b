package io.portcullis.reporting.reconcile;

import io.portcullis.config.EffectiveConfiguration;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.sql.DatabaseConfiguration;

/**
 * Where {@code ./portcullis reconcile} reads the three sources. The settings are those of the gateway that writes
 * them (environment variable in brackets):
 * <ul>
 *   <li>{@code kafka.bootstrap} [PORTCULLIS_KAFKA_BOOTSTRAP]: default the local stack, 127.0.0.1:19092</li>
 *   <li>{@code journal.topic} [PORTCULLIS_JOURNAL_TOPIC]: the engine journal, default {@code portcullis.journal}</li>
 *   <li>{@code es.url} [PORTCULLIS_ES_URL]: Elasticsearch, default http://127.0.0.1:19200</li>
 *   <li>{@code audit.index-prefix} [PORTCULLIS_AUDIT_INDEX_PREFIX]: the audit alias is {@code <prefix>-audit},
 *       default {@code portcullis}</li>
 *   <li>{@code db.*}: the book-of-record database, see {@link DatabaseConfiguration}</li>
 * </ul>
 *
 * @param bootstrap        Kafka bootstrap servers
 * @param journalTopic     the journal topic (partition 0 is read)
 * @param elasticsearchUrl Elasticsearch base URL
 * @param indexPrefix      the audit index prefix
 * @param database         the book-of-record database
 */
public record ReconcileConfiguration(String bootstrap, String journalTopic, String elasticsearchUrl,
                                     String indexPrefix, DatabaseConfiguration database) {

    /** Validates the index prefix (the other settings are checked where they are read). */
    public ReconcileConfiguration {
        if (indexPrefix.isEmpty() || !indexPrefix.matches("[a-z0-9][a-z0-9_.-]*") || indexPrefix.endsWith("-")) {
            throw new SettingException("audit.index-prefix", indexPrefix, "must be lower-case letters, digits, '_', "
                + "'.' or '-' and not end in '-'");
        }
    }

    /**
     * Reads the settings.
     *
     * @throws SettingException naming a bad setting
     */
    public static ReconcileConfiguration from(final Settings settings) {
        return new ReconcileConfiguration(
            settings.string("kafka.bootstrap", "127.0.0.1:" + settings.string("kafka.port", "19092")),
            settings.string("journal.topic", "portcullis.journal"),
            settings.string("es.url", "http://127.0.0.1:" + settings.string("es.port", "19200")),
            io.portcullis.reporting.audit.AuditIndexerConfiguration.from(settings).indexPrefix(),
            DatabaseConfiguration.from(settings));
    }

    /** @return the alias over every daily audit index */
    public String alias() {
        return indexPrefix + "-audit";
    }

    /** @return the effective settings, password masked */
    public EffectiveConfiguration describe() {
        return new EffectiveConfiguration("reconcile").add("kafka.bootstrap", bootstrap)
            .add("journal.topic", journalTopic).add("es.url", elasticsearchUrl)
            .add("audit.index-prefix", indexPrefix).add("db.url", database.url()).add("db.user", database.user())
            .add("db.password", database.password());
    }
}
