package io.portcullis.reporting;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.portcullis.config.Settings;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.engine.EngineConfig;
import io.portcullis.oms.journal.DurableRun;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.reporting.audit.AuditIndexer;
import io.portcullis.reporting.audit.AuditIndexerConfiguration;
import io.portcullis.testsupport.LocalStack;

/**
 * How the report scenarios put a scripted day into the audit index the way production does: the commands through the
 * real engine into a Kafka journal topic of their own (each acknowledged durable), then the real audit indexer from
 * that topic into indices of their own prefix. Shared by the CAT, 605, blue-sheet and surveillance scenarios.
 */
public final class AuditDay {
    private AuditDay() {
    }

    /**
     * Runs the commands through an engine recovered from the topic and waits until every one is durable.
     *
     * @param config   the engine's instruments and accounts
     * @param topic    the journal topic
     * @param commands the day, in order
     * @param ringSize the runner's ring, a power of two
     */
    public static void journal(final EngineConfig config, final String topic, final List<Command> commands,
                               final int ringSize) throws InterruptedException {
        final JournalConfiguration journal = JournalConfiguration.from(Settings.of(Map.of("kafka.bootstrap",
            LocalStack.kafkaBootstrap()), Map.of(), Map.of())).withTopic(topic);
        try (KafkaJournal kafka = KafkaJournal.open(journal)) {
            journal(config, journal, kafka, commands.iterator()::next, commands.size(), ringSize);
        }
    }

    /**
     * Has an engine recovered from the journal so far apply {@code count} more commands through an open journal and
     * waits until every one is durable (at most 300 s).
     *
     * @param config   the engine's instruments and accounts
     * @param journal  the journal's settings
     * @param kafka    the open journal
     * @param next     gives the commands, in order
     * @param count    how many to apply
     * @param ringSize the runner's ring, a power of two
     */
    public static void journal(final EngineConfig config, final JournalConfiguration journal,
                               final KafkaJournal kafka, final Supplier<Command> next, final int count,
                               final int ringSize) throws InterruptedException {
        DurableRun.run(Recovery.recover(config, null, journal), kafka, next, count, ringSize,
            Duration.ofSeconds(300)).close();
    }

    /**
     * Indexes the topic into the prefix's audit indices, waits until the indexer is past every command, refreshes.
     *
     * @param commands how many records the topic holds
     */
    public static void index(final ElasticsearchClient es, final String topic, final String prefix,
                             final int commands) throws IOException {
        index(es, topic, prefix, commands, Duration.ofSeconds(120));
    }

    /**
     * Indexes the topic into the prefix's audit indices, waits at most {@code timeout} until the indexer is past
     * every record, refreshes.
     *
     * @param records how many records the topic holds
     */
    public static void index(final ElasticsearchClient es, final String topic, final String prefix,
                             final long records, final Duration timeout) throws IOException {
        final AuditIndexerConfiguration configuration = AuditIndexerConfiguration.from(Settings.of(Map.of(
            "kafka.bootstrap", LocalStack.kafkaBootstrap(), "es.url", LocalStack.elasticsearchUrl()), Map.of(),
            Map.of())).with(topic, prefix);
        try (AuditIndexer indexer = new AuditIndexer(configuration)) {
            indexer.start();
            await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .failFast("the indexer stopped", () -> indexer.failure() != null)
                .until(() -> indexer.nextOffset() == records);
        }
        es.indices().refresh(r -> r.index(prefix + "-audit"));
    }

    /** Deletes the prefix's audit indices and index templates. */
    public static void deleteIndices(final ElasticsearchClient es, final String prefix) throws IOException {
        final var indices = es.indices().get(g -> g.index(prefix + "-audit*").allowNoIndices(true)).result();
        if (!indices.isEmpty()) {
            es.indices().delete(d -> d.index(new ArrayList<>(indices.keySet())));
        }
        es.indices().deleteIndexTemplate(d -> d.name(prefix + "-audit," + prefix + "-audit-offsets"));
    }
}
