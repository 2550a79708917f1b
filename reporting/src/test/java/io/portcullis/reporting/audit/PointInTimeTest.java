package io.portcullis.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonData;
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
 * Opening a point in time on the real Elasticsearch over an index whose shard has not started: the state a daily
 * audit index is in for a moment after the indexer creates it, reproduced by keeping its shard unassigned (allocation
 * switched off for the index) and then switching it on. Elasticsearch answers 503 meanwhile.
 */
@Timeout(60)
class PointInTimeTest {
    private static RestClient rest;
    private static ElasticsearchClient es;
    private static String prefix;

    @BeforeAll
    static void connect() {
        LocalStack.require(LocalStack.Service.ELASTICSEARCH);
        rest = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        prefix = Isolation.indexPrefix(PointInTimeTest.class);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (es != null) {
            es.indices().delete(d -> d.index(prefix + "-pit-late", prefix + "-pit-never").ignoreUnavailable(true));
            rest.close();
        }
    }

    @Test
    void aShardThatStartsAMomentLaterIsWaitedFor() throws Exception {
        final String index = unstarted("late");
        final CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
            try {
                es.indices().putSettings(p -> p.index(index).settings(s -> s.otherSettings(
                    "index.routing.allocation.enable", JsonData.of("all"))));
            } catch (final IOException ex) {
                throw new IllegalStateException(ex);
            }
        }, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
        final long start = System.nanoTime();
        final String pit = PointInTime.open(es, index, "1m");
        release.join();
        assertThat(pit).isNotBlank();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("it waited for the shard")
            .isGreaterThanOrEqualTo(600);
        es.closePointInTime(c -> c.id(pit));
    }

    @Test
    void aShardThatNeverStartsIsReportedAfterTheRetries() throws Exception {
        final String index = unstarted("never");
        assertThatThrownBy(() -> PointInTime.open(es, index, "1m")).satisfiesAnyOf(
            ex -> assertThat(ex).isInstanceOfSatisfying(ElasticsearchException.class,
                e -> assertThat(e.status()).isEqualTo(503)),
            ex -> assertThat(ex).isInstanceOf(IOException.class).hasMessageContaining("503"));
    }

    @Test
    void aMissingAliasIsNothingIndexedYet() throws IOException {
        assertThat(PointInTime.open(es, prefix + "-pit-nothing-audit", "1m")).isNull();
    }

    private static String unstarted(final String name) throws IOException {
        final String index = prefix + "-pit-" + name;
        es.indices().create(c -> c.index(index).waitForActiveShards(w -> w.count(0)).settings(s -> s
            .numberOfReplicas("0").otherSettings("index.routing.allocation.enable", JsonData.of("none"))));
        return index;
    }
}
