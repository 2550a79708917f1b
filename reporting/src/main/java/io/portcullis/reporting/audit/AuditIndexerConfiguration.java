package io.portcullis.reporting.audit;

import io.portcullis.config.EffectiveConfiguration;
import io.portcullis.config.Settings;

/**
 * Where an audit indexer reads and writes, and how much it holds. Settings (environment variable in brackets):
 * <ul>
 *   <li>{@code kafka.bootstrap} [PORTCULLIS_KAFKA_BOOTSTRAP]: default the local stack, 127.0.0.1:19092</li>
 *   <li>{@code journal.topic}: the engine journal, default {@code portcullis.journal}</li>
 *   <li>{@code audit.topic}: the gateway's audit topic (FIX messages, admin actions), default the journal topic
 *       with {@code .journal} replaced by {@code .audit}: {@code portcullis.audit}</li>
 *   <li>{@code es.url} [PORTCULLIS_ES_URL]: Elasticsearch, default http://127.0.0.1:19200</li>
 *   <li>{@code audit.index-prefix}: names {@code <prefix>-audit} (alias), {@code <prefix>-audit-YYYY.MM.DD} (daily
 *       indices) and {@code <prefix>-audit-offsets}; lower case, default the journal topic without
 *       {@code .journal}: {@code portcullis}</li>
 *   <li>{@code audit.replicas}: replicas of each audit index, 0..5, default 0 (one node)</li>
 *   <li>{@code audit.max-poll-records}: records read per poll, 1..10,000, default 1,000</li>
 *   <li>{@code audit.bulk-documents}: documents per bulk request, 1..20,000, default 5,000</li>
 *   <li>{@code audit.retry-initial-ms} / {@code audit.retry-max-ms}: backoff while Elasticsearch fails,
 *       doubling from the first to the second, defaults 100 and 10,000</li>
 *   <li>{@code audit.checkpoint-every}: documents between hash-chain checkpoints in MySQL, 1..10,000,000, default
 *       5,000</li>
 * </ul>
 * Memory is bounded by {@code max-poll-records} records and their documents: the indexer polls again only after
 * every document of the previous poll is in Elasticsearch, and has one bulk request in flight.
 *
 * @param bootstrap        Kafka bootstrap servers
 * @param stream           which stream this indexer follows
 * @param topic            the stream's topic (one partition, partition 0)
 * @param elasticsearchUrl Elasticsearch base URL
 * @param indexPrefix      index name prefix, lower case, without a trailing '-'
 * @param replicas         number of replicas of audit indices
 * @param maxPollRecords   records per poll
 * @param bulkDocuments    documents per bulk request
 * @param retryInitialMs   first backoff, milliseconds
 * @param retryMaxMs       largest backoff, milliseconds
 * @param checkpointEvery  documents between checkpoints
 * @param otherTopic       the topic of the other stream (so that {@link #forStream} can switch)
 */
public record AuditIndexerConfiguration(String bootstrap, AuditStream stream, String topic, String elasticsearchUrl,
                                        String indexPrefix, int replicas, int maxPollRecords, int bulkDocuments,
                                        int retryInitialMs, int retryMaxMs, int checkpointEvery, String otherTopic) {

    /** Validates what the settings cannot (index names). */
    public AuditIndexerConfiguration {
        if (indexPrefix.isEmpty() || !indexPrefix.matches("[a-z0-9][a-z0-9_.-]*") || indexPrefix.endsWith("-")) {
            throw new IllegalArgumentException("setting audit.index-prefix: must be lower-case letters, digits, '_', "
                + "'.' or '-', not end in '-', was '" + indexPrefix + "'");
        }
        if (retryMaxMs < retryInitialMs) {
            throw new IllegalArgumentException("setting audit.retry-max-ms: must be at least audit.retry-initial-ms ("
                + retryInitialMs + "), was " + retryMaxMs);
        }
        if (topic.equals(otherTopic)) {
            throw new IllegalArgumentException("setting audit.topic: must differ from journal.topic, both were '"
                + topic + "'");
        }
    }

    /** Reads and validates the settings; the configuration of the journal's indexer. */
    public static AuditIndexerConfiguration from(final Settings settings) {
        final String journal = settings.string("journal.topic", "portcullis.journal");
        final String base = journal.endsWith(".journal") ? journal.substring(0, journal.length() - 8) : journal;
        return new AuditIndexerConfiguration(
            settings.string("kafka.bootstrap", "127.0.0.1:" + settings.string("kafka.port", "19092")),
            AuditStream.JOURNAL,
            journal,
            settings.string("es.url", "http://127.0.0.1:" + settings.string("es.port", "19200")),
            settings.string("audit.index-prefix", base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]",
                "-")),
            settings.integer("audit.replicas", 0, 0, 5),
            settings.integer("audit.max-poll-records", 1_000, 1, 10_000),
            settings.integer("audit.bulk-documents", 5_000, 1, 20_000),
            settings.integer("audit.retry-initial-ms", 100, 1, 60_000),
            settings.integer("audit.retry-max-ms", 10_000, 1, 600_000),
            settings.integer("audit.checkpoint-every", 5_000, 1, 10_000_000),
            settings.string("audit.topic", base + ".audit"));
    }

    /** The same settings for {@code wanted} (the journal's or the audit topic's indexer). */
    public AuditIndexerConfiguration forStream(final AuditStream wanted) {
        if (wanted == stream) {
            return this;
        }
        return new AuditIndexerConfiguration(bootstrap, wanted, otherTopic, elasticsearchUrl, indexPrefix, replicas,
            maxPollRecords, bulkDocuments, retryInitialMs, retryMaxMs, checkpointEvery, topic);
    }

    /** A copy reading another topic into indices with another prefix (tests isolate themselves this way). */
    public AuditIndexerConfiguration with(final String newTopic, final String newIndexPrefix) {
        return new AuditIndexerConfiguration(bootstrap, stream, newTopic, elasticsearchUrl, newIndexPrefix, replicas,
            maxPollRecords, bulkDocuments, retryInitialMs, retryMaxMs, checkpointEvery,
            newTopic.equals(otherTopic) ? otherTopic + ".other" : otherTopic);
    }

    /** A copy writing to another Elasticsearch. */
    public AuditIndexerConfiguration withElasticsearch(final String url) {
        return new AuditIndexerConfiguration(bootstrap, stream, topic, url, indexPrefix, replicas, maxPollRecords,
            bulkDocuments, retryInitialMs, retryMaxMs, checkpointEvery, otherTopic);
    }

    /** A copy taking a checkpoint every {@code documents} documents. */
    public AuditIndexerConfiguration withCheckpointEvery(final int documents) {
        return new AuditIndexerConfiguration(bootstrap, stream, topic, elasticsearchUrl, indexPrefix, replicas,
            maxPollRecords, bulkDocuments, retryInitialMs, retryMaxMs, documents, otherTopic);
    }

    /** For the start-up banner. */
    public EffectiveConfiguration describe() {
        return new EffectiveConfiguration("audit-indexer " + stream.name().toLowerCase(java.util.Locale.ROOT))
            .add("kafka.bootstrap", bootstrap)
            .add(stream == AuditStream.JOURNAL ? "journal.topic" : "audit.topic", topic)
            .add("es.url", elasticsearchUrl).add("audit.index-prefix", indexPrefix)
            .add("audit.replicas", replicas).add("audit.max-poll-records", maxPollRecords)
            .add("audit.bulk-documents", bulkDocuments).add("audit.retry-initial-ms", retryInitialMs)
            .add("audit.retry-max-ms", retryMaxMs).add("audit.checkpoint-every", checkpointEvery);
    }
}
