package io.portcullis.reporting.audit;

import static io.portcullis.sql.schema.Tables.AUDIT_CHECKPOINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The hash chain over a real engine journal indexed into the real Elasticsearch with checkpoints in the real MySQL:
 * a clean chain verifies, and a randomly edited or deleted document is named by {@code audit verify}, 100 times out
 * of 100, whether or not the tamperer also recomputed its hash; a forged checkpoint is named too.
 */
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainTest {
    private static final int COMMANDS = 1_000;
    private static RestClient restClient;
    private static ElasticsearchClient es;
    private static TestDatabase testDatabase;
    private static Database database;
    private static AuditJournal journal;
    private static AuditIndexerConfiguration configuration;
    private static Settings settings;
    private static AuditIndexer indexer;

    @BeforeAll
    static void indexAJournal() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH, LocalStack.Service.MYSQL);
        restClient = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        es = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
        testDatabase = TestDatabase.create(AuditChainTest.class);
        final String prefix = Isolation.indexPrefix(AuditChainTest.class) + "chain";
        final String topic = Isolation.topicName(AuditChainTest.class, "journal");
        settings = Settings.of(Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap(), "es.url",
            LocalStack.elasticsearchUrl(), "db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(),
            "db.password", testDatabase.password(), "journal.topic", topic, "audit.topic",
            Isolation.topicName(AuditChainTest.class, "audit"), "audit.index-prefix", prefix,
            "audit.checkpoint-every", "400", "audit.max-poll-records", "50"), Map.of(), Map.of());
        database = Database.open(DatabaseConfiguration.from(settings));
        database.migrate();
        journal = new AuditJournal(topic, 42);
        journal.journal(COMMANDS);
        configuration = AuditIndexerConfiguration.from(settings);
        indexer = new AuditIndexer(configuration, new AuditCheckpoints(database.dsl()));
        indexer.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
            .failFast("the indexer stopped", () -> indexer.failure() != null)
            .until(() -> indexer.nextOffset() == COMMANDS);
        indexer.close();
        es.indices().refresh(r -> r.index(configuration.indexPrefix() + "-audit"));
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
    @Order(1)
    void theUntouchedChainVerifiesWithItsCheckpoints() throws IOException {
        final AuditVerifier.Result result = verifier().verify(null, null, (s, e) -> { });
        assertThat(result.mismatch()).isNull();
        assertThat(result.recordsRead()).isEqualTo(COMMANDS);
        assertThat(result.documentsCompared()).isEqualTo(result.endSeq()).isEqualTo(indexer.createdDocuments());
        final int stored = database.dsl().fetchCount(AUDIT_CHECKPOINT);
        assertThat(stored).as("checkpoints stored").isGreaterThan(1);
        assertThat(result.checkpointsCompared()).isEqualTo(stored);
        System.out.printf("clean chain: %,d documents, %,d checkpoints%n", result.documentsCompared(), stored);
    }

    @Test
    @Order(2)
    void everyRandomEditOrDeletionIsNamed() throws IOException {
        final long documents = indexer.createdDocuments();
        final Random random = new Random(20261125L);
        int found = 0;
        final Map<String, Integer> kinds = new LinkedHashMap<>();
        for (int round = 0; round < 100; round++) {
            final long seq = (long) (random.nextDouble() * documents);
            final Hit<Map<String, Object>> original = document(seq);
            final Map<String, Object> source = original.source();
            final int action = random.nextInt(4);
            final String what;
            if (action == 0) {
                es.delete(d -> d.index(original.index()).id(original.id()).refresh(Refresh.True));
                what = "deleted";
            } else {
                final Map<String, Object> tampered = new LinkedHashMap<>(source);
                final String field = editableField(tampered, random);
                tampered.put(field, edited(tampered.get(field)));
                if (action == 3) {
                    // A careful tamperer recomputes the edited document's own hash.
                    tampered.put(HashChain.HASH, new HashChain("x", 0, HashChain.GENESIS)
                        .hash((String) source.get(HashChain.PREV), tampered));
                }
                es.index(i -> i.index(original.index()).id(original.id()).document(tampered)
                    .refresh(Refresh.True));
                what = (action == 3 ? "edited and re-hashed " : "edited ") + field;
            }
            final AuditVerifier.Result result = verifier().verify(null, null, (s, e) -> { });
            if (result.mismatch() != null && result.mismatch().documentId().equals(original.id())) {
                found++;
                kinds.merge(result.mismatch().kind().name(), 1, Integer::sum);
            } else {
                System.out.printf("round %d: %s %s (seq %d) -> %s%n", round, what, original.id(), seq,
                    result.mismatch());
            }
            es.index(i -> i.index(original.index()).id(original.id()).document(source).refresh(Refresh.True));
        }
        System.out.printf("tamper test: found %d of 100 (%s)%n", found, kinds);
        assertThat(found).isEqualTo(100);
        assertThat(verifier().verify(null, null, (s, e) -> { }).mismatch()).as("restored").isNull();
    }

    @Test
    @Order(3)
    void aForgedCheckpointIsNamed() throws IOException {
        final var checkpoint = database.dsl().selectFrom(AUDIT_CHECKPOINT).orderBy(AUDIT_CHECKPOINT.CHAIN_SEQ)
            .limit(1).fetchOne();
        assertThat(checkpoint).isNotNull();
        final String real = checkpoint.getChainHash();
        database.dsl().update(AUDIT_CHECKPOINT).set(AUDIT_CHECKPOINT.CHAIN_HASH, "f".repeat(64))
            .where(AUDIT_CHECKPOINT.STREAM.eq(checkpoint.getStream()))
            .and(AUDIT_CHECKPOINT.CHAIN_SEQ.eq(checkpoint.getChainSeq())).execute();
        try {
            final AuditVerifier.Result result = verifier().verify(null, null, (s, e) -> { });
            assertThat(result.mismatch()).isNotNull();
            assertThat(result.mismatch().kind()).isEqualTo(AuditVerifier.MismatchKind.CHECKPOINT);
            assertThat(result.mismatch().chainSeq()).isEqualTo(checkpoint.getChainSeq());
        } finally {
            database.dsl().update(AUDIT_CHECKPOINT).set(AUDIT_CHECKPOINT.CHAIN_HASH, real)
                .where(AUDIT_CHECKPOINT.STREAM.eq(checkpoint.getStream()))
                .and(AUDIT_CHECKPOINT.CHAIN_SEQ.eq(checkpoint.getChainSeq())).execute();
        }
    }

    @Test
    @Order(4)
    void theCommandVerifiesAPeriodFromTheCheckpointBeforeIt() throws IOException {
        final Hit<Map<String, Object>> middle = document(indexer.createdDocuments() / 2);
        final Instant from = Instant.parse((String) middle.source().get("transactTime"));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int status = AuditMain.run(new String[] {"verify", "--stream", "journal", "--from", from.toString()},
            settings, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        final String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertThat(status).isZero();
        assertThat(printed).contains("OK: chain sequences");
        assertThat(printed).doesNotContain("chain sequences 0..");

        es.delete(d -> d.index(middle.index()).id(middle.id()).refresh(Refresh.True));
        try {
            final ByteArrayOutputStream broken = new ByteArrayOutputStream();
            assertThat(AuditMain.run(new String[] {"verify", "--stream", "journal"}, settings,
                new PrintStream(broken, true, StandardCharsets.UTF_8), System.err)).isEqualTo(AuditMain.MISMATCH);
            assertThat(broken.toString(StandardCharsets.UTF_8)).contains("MISSING", middle.id());
        } finally {
            es.index(i -> i.index(middle.index()).id(middle.id()).document(middle.source()).refresh(Refresh.True));
        }
        assertThat(AuditMain.run(new String[] {"verify", "--from", "2026-13-01"}, settings, System.out,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(AuditMain.USAGE);
    }

    private static AuditVerifier verifier() {
        return new AuditVerifier(configuration, es, new AuditCheckpoints(database.dsl()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Hit<Map<String, Object>> document(final long seq) throws IOException {
        final var response = es.search(s -> s.index(configuration.indexPrefix() + "-audit")
            .query(q -> q.term(t -> t.field(HashChain.SEQ).value(seq))), Map.class);
        assertThat(response.hits().hits()).as("document at chain sequence " + seq).hasSize(1);
        return (Hit<Map<String, Object>>) (Hit) response.hits().hits().getFirst();
    }

    /** A random field that is not the chain's bookkeeping (editing those is covered by re-hashing). */
    private static String editableField(final Map<String, Object> doc, final Random random) {
        final List<String> fields = new ArrayList<>(doc.keySet());
        fields.removeAll(List.of(HashChain.STREAM, HashChain.SEQ, HashChain.PREV, HashChain.HASH));
        return fields.get(random.nextInt(fields.size()));
    }

    @SuppressWarnings("unchecked")
    private static Object edited(final Object value) {
        if (value instanceof Number n) {
            return n.longValue() + 1;
        }
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof Map<?, ?> m) {
            final Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
            final String key = copy.keySet().iterator().next();
            copy.put(key, key.equals("timestamp") ? "2000-01-01T00:00:00Z" : edited(copy.get(key)));
            return copy;
        }
        final String text = String.valueOf(value);
        if (text.matches("\\d{4}-\\d\\d-\\d\\dT.*Z")) {
            return Instant.parse(text).plusNanos(1).toString();
        }
        return text + "X";
    }
}
