package io.portcullis.system.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real Elasticsearch through elasticsearch-java: an index with an explicit mapping, writes with op_type=create
 * keyed by record id (a replayed write is refused, not duplicated), then a search.
 */
@Timeout(120)
class ElasticsearchClientTest {
    private static final String INDEX = Isolation.indexPrefix(ElasticsearchClientTest.class) + "audit";
    private static RestClient restClient;
    private static ElasticsearchClient client;

    /** An audit record as the indexer will write it. */
    record AuditDoc(String recordId, String type, String symbol, String text, long priceScaled) {
    }

    @BeforeAll
    static void createIndex() throws IOException {
        LocalStack.require(LocalStack.Service.ELASTICSEARCH);
        restClient = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        client = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
        client.indices().create(c -> c.index(INDEX)
            .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
            .mappings(TypeMapping.of(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                .properties(Map.of(
                    "recordId", Property.of(p -> p.keyword(k -> k)),
                    "type", Property.of(p -> p.keyword(k -> k)),
                    "symbol", Property.of(p -> p.keyword(k -> k)),
                    "text", Property.of(p -> p.text(t -> t)),
                    "priceScaled", Property.of(p -> p.long_(l -> l)))))));
    }

    @AfterAll
    static void deleteIndex() throws IOException {
        client.indices().delete(d -> d.index(INDEX));
        restClient.close();
    }

    @Test
    void documentsWrittenWithCreateAreFoundBySearch() throws IOException {
        for (int i = 0; i < 10; i++) {
            final AuditDoc doc = new AuditDoc("rec-" + i, i % 2 == 0 ? "NEW_ORDER" : "FILL", i < 5 ? "AAPL" : "MSFT",
                "order " + i + " for the demo broker", 1_872_500L + i);
            client.create(c -> c.index(INDEX).id(doc.recordId()).document(doc));
        }
        client.indices().refresh(r -> r.index(INDEX));

        final SearchResponse<AuditDoc> fills = client.search(s -> s.index(INDEX)
            .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("symbol").value("AAPL")))
                .filter(f -> f.term(t -> t.field("type").value("FILL"))))), AuditDoc.class);

        assertThat(fills.hits().total().value()).isEqualTo(2);
        assertThat(fills.hits().hits()).extracting(h -> h.source().recordId()).containsExactlyInAnyOrder("rec-1", "rec-3");
    }

    @Test
    void aReplayedCreateWithTheSameIdIsRefusedAndWritesNothingTwice() throws IOException {
        final AuditDoc doc = new AuditDoc("replayed-1", "NEW_ORDER", "TSLA", "first write", 2_500_000L);
        client.create(c -> c.index(INDEX).id(doc.recordId()).document(doc));

        // A 409 surfaces as the low-level client's ResponseException (an IOException), not a typed error.
        assertThatThrownBy(() -> client.create(c -> c.index(INDEX).id(doc.recordId()).document(doc)))
            .hasMessageContaining("409 Conflict").hasMessageContaining("version_conflict_engine_exception");
        client.indices().refresh(r -> r.index(INDEX));
        assertThat(client.count(c -> c.index(INDEX).query(q -> q.term(t -> t.field("symbol").value("TSLA")))).count())
            .isEqualTo(1);
    }

    @Test
    void theExplicitMappingRejectsFieldsItDoesNotName() {
        assertThatThrownBy(() -> client.index(i -> i.index(INDEX).id("bad").document(Map.of("unknownField", "x"))))
            .isInstanceOf(ElasticsearchException.class).hasMessageContaining("strict_dynamic_mapping_exception");
    }
}
