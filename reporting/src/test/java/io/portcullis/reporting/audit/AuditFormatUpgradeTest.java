package io.portcullis.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.portcullis.config.Settings;
import io.portcullis.reporting.AuditDay;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An upgrade in the middle of a chain: the first part of a stream indexed by an earlier version (documents of format
 * 1: no {@code format} field, and no TOP_OF_BOOK documents, which that version did not build), the rest by this
 * version, continuing the same chain. {@code audit verify} accepts the earlier documents by their chain links and
 * checkpoints, rebuilds the rest from Kafka, and still names an edit of an earlier document.
 */
@Timeout(600)
class AuditFormatUpgradeTest {
    private static final int COMMANDS = 300;
    private static RestClient restClient;
    private static ElasticsearchClient es;
    private static TestDatabase testDatabase;
    private static Database database;
    private static AuditJournal journal;
    private static AuditIndexerConfiguration configuration;
    private static long legacyDocuments;
    private static long allDocuments;

    @BeforeAll
    static void indexHalfByAnEarlierVersionAndHalfByThisOne() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH, LocalStack.Service.MYSQL);
        restClient = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        es = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
        testDatabase = TestDatabase.create(AuditFormatUpgradeTest.class);
        final String prefix = Isolation.indexPrefix(AuditFormatUpgradeTest.class) + "upgrade";
        final String topic = Isolation.topicName(AuditFormatUpgradeTest.class, "journal");
        final Settings settings = Settings.of(Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap(), "es.url",
            LocalStack.elasticsearchUrl(), "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(),
            "db.password", testDatabase.password(), "journal.topic", topic, "audit.topic",
            Isolation.topicName(AuditFormatUpgradeTest.class, "audit"), "audit.index-prefix", prefix,
            "audit.checkpoint-every", "100"), Map.of(), Map.of());
        database = Database.open(DatabaseConfiguration.from(settings));
        database.migrate();
        configuration = AuditIndexerConfiguration.from(settings);
        journal = new AuditJournal(topic, 7);
        journal.journal(COMMANDS);
        index(COMMANDS);
        legacyDocuments = rewriteAsAnEarlierVersion();
        journal.journal(COMMANDS);
        index(2 * COMMANDS);
        allDocuments = chain().size();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (es != null) {
            AuditDay.deleteIndices(es, configuration.indexPrefix());
            restClient.close();
        }
        if (journal != null) {
            journal.close();
        }
        if (database != null) {
            database.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @Test
    void theEarlierDocumentsAreCheckedByTheirChainAndTheRestRebuiltFromKafka() throws IOException {
        final AuditVerifier.Result result = verifier().verify(null, null, (s, e) -> { });
        assertThat(result.mismatch()).as("%s", result).isNull();
        assertThat(result.chainOnly()).isEqualTo(legacyDocuments).isPositive();
        assertThat(result.documentsCompared()).isEqualTo(allDocuments).isGreaterThan(legacyDocuments);
        assertThat(result.recordsRead()).as("Kafka read from the first document of the current format")
            .isLessThan(2L * COMMANDS);
        assertThat(result.checkpointsCompared()).isGreaterThan(2);
    }

    @Test
    void anEditedEarlierDocumentIsNamedWithOrWithoutItsHashRecomputed() throws IOException {
        final List<Hit<Map<String, Object>>> chain = chain();
        final Hit<Map<String, Object>> victim = chain.get((int) (legacyDocuments / 2));
        final Map<String, Object> original = new HashMap<>(victim.source());
        final Map<String, Object> edited = new HashMap<>(original);
        edited.put("sequence", ((Number) original.get("sequence")).longValue() + 1);
        try {
            put(victim, edited);
            AuditVerifier.Mismatch mismatch = verifier().verify(null, null, (s, e) -> { }).mismatch();
            assertThat(mismatch).isNotNull();
            assertThat(mismatch.kind()).isEqualTo(AuditVerifier.MismatchKind.ALTERED);
            assertThat(mismatch.documentId()).isEqualTo(victim.id());

            edited.put(HashChain.HASH, new HashChain("x", 0, HashChain.GENESIS)
                .hash((String) original.get(HashChain.PREV), edited));
            put(victim, edited);
            mismatch = verifier().verify(null, null, (s, e) -> { }).mismatch();
            assertThat(mismatch).as("re-hashed: the next link or a checkpoint breaks").isNotNull();
            assertThat(mismatch.kind()).isIn(AuditVerifier.MismatchKind.CHAIN, AuditVerifier.MismatchKind.CHECKPOINT);
        } finally {
            put(victim, original);
        }
        assertThat(verifier().verify(null, null, (s, e) -> { }).mismatch()).isNull();
    }

    private static AuditVerifier verifier() {
        return new AuditVerifier(configuration, es, new AuditCheckpoints(database.dsl()));
    }

    private static void index(final long offset) throws IOException {
        try (AuditIndexer indexer = new AuditIndexer(configuration, new AuditCheckpoints(database.dsl()))) {
            indexer.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .failFast("the indexer stopped", () -> indexer.failure() != null)
                .until(() -> indexer.nextOffset() == offset);
        }
        es.indices().refresh(r -> r.index(configuration.indexPrefix() + "-audit"));
    }

    /**
     * Rewrites the indexed chain as an earlier version would have written it: without TOP_OF_BOOK documents and
     * without the format field, chained and checkpointed anew, with the indexer's stored chain state to match.
     *
     * @return the documents of the rewritten chain
     */
    private static long rewriteAsAnEarlierVersion() throws IOException {
        String prev = HashChain.GENESIS;
        long seq = 0;
        final HashChain hasher = new HashChain(configuration.topic(), 0, HashChain.GENESIS);
        database.dsl().execute("DELETE FROM audit_checkpoint WHERE stream = ?", configuration.topic());
        for (final Hit<Map<String, Object>> hit : chain()) {
            final Map<String, Object> doc = new HashMap<>(hit.source());
            if ("TOP_OF_BOOK".equals(doc.get("event"))) {
                es.delete(d -> d.index(hit.index()).id(hit.id()));
                continue;
            }
            doc.remove(AuditDocument.FORMAT_FIELD);
            doc.put(HashChain.SEQ, seq);
            doc.put(HashChain.PREV, prev);
            final String hash = hasher.hash(prev, doc);
            doc.put(HashChain.HASH, hash);
            put(hit, doc);
            if (seq % 100 == 99) {
                database.dsl().execute("INSERT INTO audit_checkpoint (stream, chain_seq, chain_hash, next_offset, "
                        + "transact_time, created_at) VALUES (?, ?, ?, ?, ?, ?)", configuration.topic(), seq, hash,
                    ((Number) doc.get("journalOffset")).longValue() + 1,
                    Timestamp.from(Instant.parse((String) doc.get("transactTime"))), Timestamp.from(Instant.now()));
            }
            prev = hash;
            seq++;
        }
        final long documents = seq;
        final String last = prev;
        es.update(u -> u.index(configuration.indexPrefix() + "-audit-offsets").id(configuration.topic() + "-0")
            .doc(Map.of("chainSeq", documents, "chainHash", last)).refresh(Refresh.True), Object.class);
        es.indices().refresh(r -> r.index(configuration.indexPrefix() + "-audit"));
        return documents;
    }

    private static void put(final Hit<Map<String, Object>> hit, final Map<String, Object> source) throws IOException {
        es.index(i -> i.index(hit.index()).id(hit.id()).document(source).refresh(Refresh.True));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Hit<Map<String, Object>>> chain() throws IOException {
        final var response = es.search(s -> s.index(configuration.indexPrefix() + "-audit").size(10_000)
            .query(q -> q.term(t -> t.field(HashChain.STREAM).value(configuration.topic())))
            .sort(o -> o.field(f -> f.field(HashChain.SEQ).order(SortOrder.Asc))), Map.class);
        final List<Hit<Map<String, Object>>> hits = new ArrayList<>();
        for (final Hit<Map> hit : response.hits().hits()) {
            hits.add((Hit<Map<String, Object>>) (Hit) hit);
        }
        return hits;
    }
}
