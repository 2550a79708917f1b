package io.portcullis.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.portcullis.config.Settings;
import io.portcullis.reporting.AuditDay;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How fast a journal already in Kafka becomes audit documents, with the default settings: prints documents per second.
 * {@code -Daudit.rate.commands=N} sets the flow's length (default 5,000 commands, about 2.5 audited events each;
 * 80,000 gives about 200,000 documents).
 */
@Timeout(1_800)
class AuditIndexingRateTest {
    @Test
    void indexesAJournalAndReportsTheRate() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH);
        final int commands = Integer.getInteger("audit.rate.commands", 5_000);
        final String prefix = Isolation.indexPrefix(AuditIndexingRateTest.class) + "rate";
        try (AuditJournal journal = new AuditJournal(Isolation.topicName(AuditIndexingRateTest.class, "journal"), 7);
             RestClient restClient = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build()) {
            journal.journal(commands);
            final long expected = journal.auditedEvents().values().stream().mapToLong(Long::longValue).sum();
            final ElasticsearchClient es = new ElasticsearchClient(
                new RestClientTransport(restClient, new JacksonJsonpMapper()));
            try (AuditIndexer indexer = new AuditIndexer(AuditIndexerConfiguration.from(Settings.of(Map.of(
                "kafka.bootstrap", LocalStack.kafkaBootstrap(), "es.url", LocalStack.elasticsearchUrl()), Map.of(),
                Map.of())).with(journal.topic(), prefix))) {
                final long start = System.nanoTime();
                indexer.start();
                await().atMost(Duration.ofMinutes(25)).pollInterval(Duration.ofMillis(20))
                    .failFast("the indexer stopped", () -> indexer.failure() != null)
                    .until(() -> indexer.nextOffset() == commands);
                final double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("audit indexing: %d journal records, %d documents in %.1f s: %.0f documents/s%n",
                    commands, indexer.createdDocuments(), seconds, indexer.createdDocuments() / seconds);
                es.indices().refresh(r -> r.index(indexer.alias()));
                assertThat(es.count(c -> c.index(indexer.alias())).count()).isEqualTo(expected);
                assertThat(indexer.createdDocuments()).isEqualTo(expected);
            } finally {
                AuditDay.deleteIndices(es, prefix);
            }
        }
    }
}
