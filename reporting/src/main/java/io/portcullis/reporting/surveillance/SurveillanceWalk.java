package io.portcullis.reporting.surveillance;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the EXECUTION_REPORT and POSITION documents of a period from the audit alias in journal order
 * (journalOffset, eventIndex), page by page through a point in time with {@code search_after}: memory is one page.
 * Restartable: when a page fails, a new point in time is opened and the walk goes on strictly after the last
 * document delivered (nothing twice, nothing skipped); it gives up after {@code retries} failures in a row.
 *
 * <p>One thread; allocates per page.
 */
final class SurveillanceWalk {
    private static final Logger LOG = LoggerFactory.getLogger(SurveillanceWalk.class);
    private static final Time KEEP_ALIVE = Time.of(t -> t.time("2m"));

    private final ElasticsearchClient es;
    private final String alias;
    private final int pageSize;
    private final int retries;

    /**
     * @param es       the client
     * @param alias    the audit alias
     * @param pageSize documents per page, 1..10000
     * @param retries  failed pages in a row tolerated
     */
    SurveillanceWalk(final ElasticsearchClient es, final String alias, final int pageSize, final int retries) {
        this.es = es;
        this.alias = alias;
        this.pageSize = pageSize;
        this.retries = retries;
    }

    /**
     * Walks a period.
     *
     * @param from start, inclusive
     * @param to   end, exclusive
     * @param sink every document of the period in journal order
     * @return documents delivered; -1 when the alias does not exist
     * @throws IOException when Elasticsearch cannot be reached {@code retries + 1} times in a row
     */
    long walk(final Instant from, final Instant to, final Consumer<Doc> sink) throws IOException {
        String pit = open();
        if (pit == null) {
            return -1;
        }
        try {
            long delivered = 0;
            long lastOffset = -1;
            int lastIndex = -1;
            List<FieldValue> after = List.of();
            int failures = 0;
            while (true) {
                final SearchResponse<ObjectNode> page;
                try {
                    page = page(pit, from, to, lastOffset, lastIndex, after);
                    failures = 0;
                } catch (final IOException | ElasticsearchException ex) {
                    if (++failures > retries) {
                        throw ex instanceof IOException io ? io : new IOException(ex.getMessage(), ex);
                    }
                    LOG.warn("surveillance walk: page after offset {} failed ({}); retrying", lastOffset,
                        ex.toString());
                    pause(failures);
                    close(pit);
                    pit = open();
                    if (pit == null) {
                        throw new IOException("the alias " + alias + " disappeared during the walk", ex);
                    }
                    after = List.of();
                    continue;
                }
                if (page.pitId() != null) {
                    pit = page.pitId();
                }
                final List<Hit<ObjectNode>> hits = page.hits().hits();
                for (final Hit<ObjectNode> hit : hits) {
                    final ObjectNode source = hit.source();
                    final Doc doc = source == null ? null : Doc.of(source);
                    if (doc != null) {
                        sink.accept(doc);
                        delivered++;
                        lastOffset = doc.offset();
                        lastIndex = doc.index();
                    }
                    after = hit.sort();
                }
                if (hits.size() < pageSize) {
                    return delivered;
                }
            }
        } finally {
            close(pit);
        }
    }

    private SearchResponse<ObjectNode> page(final String pit, final Instant from, final Instant to,
                                            final long lastOffset, final int lastIndex,
                                            final List<FieldValue> after) throws IOException {
        final boolean restarted = after.isEmpty() && lastOffset >= 0;
        final Query query = Query.of(q -> q.bool(b -> {
            b.filter(f -> f.terms(t -> t.field("event").terms(v -> v.value(List.of(
                FieldValue.of("EXECUTION_REPORT"), FieldValue.of("POSITION"))))));
            b.filter(f -> f.range(r -> r.date(d -> d.field("transactTime").gte(from.toString()).lt(to.toString()))));
            if (restarted) {
                b.filter(f -> f.bool(o -> o.minimumShouldMatch("1")
                    .should(s -> s.range(r -> r.number(n -> n.field("journalOffset").gt((double) lastOffset))))
                    .should(s -> s.bool(e -> e
                        .filter(x -> x.term(t -> t.field("journalOffset").value(lastOffset)))
                        .filter(x -> x.range(r -> r.number(n -> n.field("eventIndex").gt((double) lastIndex))))))));
            }
            return b;
        }));
        return es.search(s -> {
            s.pit(p -> p.id(pit).keepAlive(KEEP_ALIVE)).query(query).size(pageSize)
                .trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.includes(List.of(Doc.FIELDS))))
                .sort(o -> o.field(f -> f.field("journalOffset").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("eventIndex").order(SortOrder.Asc)));
            if (!after.isEmpty()) {
                s.searchAfter(after);
            }
            return s;
        }, ObjectNode.class);
    }

    private String open() throws IOException {
        try {
            return es.openPointInTime(o -> o.index(alias).keepAlive(KEEP_ALIVE)).id();
        } catch (final ElasticsearchException ex) {
            if (ex.status() == 404) {
                return null;
            }
            throw ex;
        }
    }

    private void close(final String pit) {
        try {
            es.closePointInTime(c -> c.id(pit));
        } catch (final IOException | ElasticsearchException ex) {
            LOG.warn("cannot close a point in time of {} (it expires on its own): {}", alias, ex.toString());
        }
    }

    private static void pause(final int failures) throws IOException {
        try {
            Thread.sleep(Math.min(10_000L, 100L << Math.min(failures, 7)));
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
    }
}
