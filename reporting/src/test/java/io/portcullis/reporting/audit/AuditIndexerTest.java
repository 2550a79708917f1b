package io.portcullis.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.portcullis.config.Settings;
import io.portcullis.reporting.AuditDay;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The journal of a real engine run, indexed into the real Elasticsearch as the audit trail: one document per audited
 * event, none twice after a restart or a replay from the start, none lost while Elasticsearch is away, and a mapping
 * that refuses what it does not name. Every test has its own journal topic and index prefix.
 */
@Timeout(300)
class AuditIndexerTest {
    private static final List<String> PREFIXES = new ArrayList<>();
    private static RestClient restClient;
    private static ElasticsearchClient es;

    @BeforeAll
    static void connect() {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH);
        restClient = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        es = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    @AfterAll
    static void deleteIndicesAndTemplates() throws IOException {
        for (final String prefix : PREFIXES) {
            AuditDay.deleteIndices(es, prefix);
        }
        restClient.close();
    }

    @Test
    void everyAuditedEventInTheJournalIsExactlyOneDocument() throws Exception {
        try (AuditJournal journal = journal("exact")) {
            journal.journal(3_000);
            try (AuditIndexer indexer = indexer(journal, "exact")) {
                indexer.start();
                awaitIndexed(indexer, 3_000);

                final Map<String, Long> expected = journal.auditedEvents();
                System.out.printf("3,000 journal records, audited events by type: %s%n", expected);
                assertThat(expected.get("TRADE")).as("trades in the flow").isGreaterThan(300);
                assertThat(documentsByEvent(indexer)).isEqualTo(expected);
                assertThat(indexer.createdDocuments()).isEqualTo(total(expected));
                assertThat(indexer.alreadyIndexedDocuments()).isZero();
            }
        }
    }

    @Test
    void theFirstOrderAckCarriesTheOrderAndTheCommandThatCausedIt() throws Exception {
        try (AuditJournal journal = journal("shape")) {
            journal.journal(10);
            try (AuditIndexer indexer = indexer(journal, "shape")) {
                indexer.start();
                awaitIndexed(indexer, 10);

                final var hit = es.get(g -> g.index(indexer.alias() + "-2026.01.05").id(journal.topic() + "-0-0-0"),
                    JsonData.class);
                final Map<?, ?> doc = hit.source().to(Map.class);
                assertThat(doc.get("event")).isEqualTo("EXECUTION_REPORT");
                assertThat(doc.get("execType")).isEqualTo("NEW");
                assertThat(doc.get("journalOffset")).isEqualTo(0);
                final Map<?, ?> command = (Map<?, ?>) doc.get("command");
                assertThat(command.get("type")).isEqualTo("NEW_ORDER");
                assertThat(command.get("clOrdId")).isEqualTo(doc.get("clOrdId"));
                assertThat(command.get("account")).isEqualTo(doc.get("account"));
                assertThat(doc.get("transactTime")).asString().startsWith("2026-01-05T08:00:00.");
                assertThat(((Number) doc.get("price")).longValue()).as("price in 1e-4 USD")
                    .isBetween(1_000_000L, 7_000_000L);
                assertThat(es.indices().getAlias(a -> a.name(indexer.alias())).result()).containsOnlyKeys(
                    indexer.alias() + "-2026.01.05");
            }
        }
    }

    @Test
    void aRestartResumesAndAReplayFromOffsetZeroWritesNothingTwice() throws Exception {
        try (AuditJournal journal = journal("restart")) {
            journal.journal(1_500);
            final long firstRun;
            try (AuditIndexer first = indexer(journal, "restart")) {
                first.start();
                awaitIndexed(first, 1_500);
                firstRun = first.createdDocuments();
            }
            journal.journal(1_500);
            final Map<String, Long> expected = journal.auditedEvents();
            try (AuditIndexer resumed = indexer(journal, "restart")) {
                resumed.start();
                awaitIndexed(resumed, 3_000);
                assertThat(resumed.createdDocuments()).isEqualTo(total(expected) - firstRun);
                assertThat(resumed.alreadyIndexedDocuments()).as("resumed exactly at the stored offset").isZero();
                assertThat(documentsByEvent(resumed)).isEqualTo(expected);
            }

            // The stored position is lost: the next indexer replays the whole journal into the same indices.
            es.delete(d -> d.index(journalOffsetsIndex("restart")).id(journal.topic() + "-0").refresh(
                co.elastic.clients.elasticsearch._types.Refresh.True));
            try (AuditIndexer replay = indexer(journal, "restart")) {
                replay.start();
                awaitIndexed(replay, 3_000);
                assertThat(replay.createdDocuments()).isZero();
                assertThat(replay.alreadyIndexedDocuments()).isEqualTo(total(expected));
                assertThat(documentsByEvent(replay)).isEqualTo(expected);
            }
        }
    }

    @Test
    void nothingIsLostWhileElasticsearchIsUnreachable() throws Exception {
        final URI real = URI.create(LocalStack.elasticsearchUrl());
        try (AuditJournal journal = journal("outage");
             SwitchableProxy proxy = new SwitchableProxy(new InetSocketAddress(real.getHost(), real.getPort()))) {
            journal.journal(1_000);
            final AuditIndexerConfiguration config = configuration(journal, "outage").withElasticsearch(proxy.url());
            try (AuditIndexer indexer = new AuditIndexer(new AuditIndexerConfiguration(config.bootstrap(),
                config.stream(), config.topic(), config.elasticsearchUrl(), config.indexPrefix(), 0, 200, 500, 20, 200,
                config.checkpointEvery(), config.otherTopic()))) {
                // Closed port from the start: nothing can be read or written, and nothing is skipped.
                indexer.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> indexer.retries() >= 3);
                assertThat(indexer.failure()).isNull();
                assertThat(indexer.nextOffset()).isEqualTo(-1);

                proxy.on();
                awaitIndexed(indexer, 1_000);

                // Gone again in the middle of a flow.
                proxy.off();
                final long retriesBefore = indexer.retries();
                journal.journal(1_000);
                await().atMost(Duration.ofSeconds(30)).until(() -> indexer.retries() >= retriesBefore + 3);
                assertThat(indexer.failure()).isNull();
                assertThat(indexer.nextOffset()).as("no position stored past what is indexed").isEqualTo(1_000);

                proxy.on();
                awaitIndexed(indexer, 2_000);
                final Map<String, Long> expected = journal.auditedEvents();
                assertThat(documentsByEvent(indexer)).isEqualTo(expected);
                assertThat(indexer.createdDocuments() + indexer.alreadyIndexedDocuments())
                    .as("documents written or found, a retried bulk may have landed before its answer was cut")
                    .isGreaterThanOrEqualTo(total(expected));
            }
        }
    }

    @Test
    void aDailyIndexMadeByAnEarlierVersionGetsTheNewFieldsAtStartUp() throws Exception {
        try (AuditJournal journal = journal("upgrade")) {
            journal.journal(300);
            final String index = prefix("upgrade") + "-audit-2026.01.05";
            // The day's index as an earlier version left it: strict, without the fields added since (quotes, risk).
            configuration(journal, "upgrade");
            es.indices().create(c -> c.index(index).aliases(prefix("upgrade") + "-audit", a -> a)
                .mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                .properties("event", p -> p.keyword(k -> k))
                .properties("journalOffset", p -> p.long_(l -> l))));
            try (AuditIndexer indexer = indexer(journal, "upgrade")) {
                indexer.start();
                awaitIndexed(indexer, 300);
                assertThat(documentsByEvent(indexer)).isEqualTo(journal.auditedEvents());
            }
            final var mapping = es.indices().getMapping(m -> m.index(index)).result().get(index).mappings();
            assertThat(mapping.properties()).containsKeys("quoteAskPx", "transactTime", "command");
            assertThat(mapping.properties().get("transactTime").isDateNanos()).isTrue();
        }
    }

    @Test
    void theMappingIsStrict() throws Exception {
        try (AuditJournal journal = journal("strict")) {
            journal.journal(10);
            try (AuditIndexer indexer = indexer(journal, "strict")) {
                indexer.start();
                awaitIndexed(indexer, 10);
                final String index = indexer.alias() + "-2026.01.05";

                assertThatThrownBy(() -> es.index(i -> i.index(index).id("unknown-top")
                    .document(Map.of("event", "EXECUTION_REPORT", "unknownField", "x"))))
                    .isInstanceOf(ElasticsearchException.class).hasMessageContaining("strict_dynamic_mapping_exception");
                assertThatThrownBy(() -> es.index(i -> i.index(index).id("unknown-nested")
                    .document(Map.of("command", Map.of("type", "NEW_ORDER", "password", "x")))))
                    .isInstanceOf(ElasticsearchException.class).hasMessageContaining("strict_dynamic_mapping_exception");
                assertThatThrownBy(() -> es.index(i -> i.index(index).id("bad-time")
                    .document(Map.of("transactTime", "yesterday"))))
                    .isInstanceOf(ElasticsearchException.class).hasMessageContaining("document_parsing_exception");
                final var mapping = es.indices().getMapping(m -> m.index(index)).result().get(index).mappings();
                assertThat(mapping.properties().get("price").isLong()).isTrue();
                assertThat(mapping.properties().get("transactTime").isDateNanos()).isTrue();
                assertThat(mapping.properties().get("clOrdId").isKeyword()).isTrue();
                assertThat(mapping.properties().get("text").isText()).isTrue();
            }
        }
    }

    private static AuditJournal journal(final String purpose) {
        return new AuditJournal(Isolation.topicName(AuditIndexerTest.class, "journal-" + purpose), purpose.hashCode());
    }

    private static String prefix(final String purpose) {
        return Isolation.indexPrefix(AuditIndexerTest.class) + purpose;
    }

    private static String journalOffsetsIndex(final String purpose) {
        return prefix(purpose) + "-audit-offsets";
    }

    private static AuditIndexerConfiguration configuration(final AuditJournal journal, final String purpose) {
        final String prefix = prefix(purpose);
        synchronized (PREFIXES) {
            if (!PREFIXES.contains(prefix)) {
                PREFIXES.add(prefix);
            }
        }
        return AuditIndexerConfiguration.from(Settings.of(Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap(),
            "es.url", LocalStack.elasticsearchUrl()), Map.of(), Map.of())).with(journal.topic(), prefix);
    }

    private static AuditIndexer indexer(final AuditJournal journal, final String purpose) {
        return new AuditIndexer(configuration(journal, purpose));
    }

    private static void awaitIndexed(final AuditIndexer indexer, final long offset) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
            .failFast("the indexer stopped", () -> indexer.failure() != null).untilAsserted(() -> {
            assertThat(indexer.failure()).isNull();
            assertThat(indexer.nextOffset()).isEqualTo(offset);
        });
    }

    private static Map<String, Long> documentsByEvent(final AuditIndexer indexer) throws IOException {
        es.indices().refresh(r -> r.index(indexer.alias()));
        final SearchResponse<Void> response = es.search(s -> s.index(indexer.alias()).size(0).trackTotalHits(t -> t
                .enabled(true)).aggregations("events", a -> a.terms(t -> t.field("event").size(50))),
            Void.class);
        final Map<String, Long> counts = new TreeMap<>();
        for (final StringTermsBucket bucket : response.aggregations().get("events").sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        assertThat(response.hits().total().value()).isEqualTo(total(counts));
        return counts;
    }

    private static long total(final Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
