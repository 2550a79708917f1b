package io.portcullis.reporting.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

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
 * Streams the documents of some event types and a period from the audit alias in journal order (journalOffset,
 * eventIndex), page by page through a point in time with {@code search_after}: memory is one page, whatever the
 * period's size. The readers of the reports and of surveillance share it.
 *
 * <p>Restartable: (journalOffset, eventIndex) identifies a document, so when a page fails (Elasticsearch restarting,
 * the point in time expired) the walk opens a new point in time and goes on strictly after the last document it
 * handed over; nothing is handed over twice or skipped. It gives up after {@code retries} consecutive failures.
 *
 * <p>One thread; allocates per page.
 */
public final class JournalOrderWalk {
    private static final Logger LOG = LoggerFactory.getLogger(JournalOrderWalk.class);
    /** How long each point in time stays open between pages. */
    public static final Time KEEP_ALIVE = Time.of(t -> t.time("2m"));

    /** Takes each document of the walk. */
    @FunctionalInterface
    public interface Sink {
        /** @return whether the document counts as delivered (false for one the reader ignores) */
        boolean accept(ObjectNode source);
    }

    /** Runs on the walk's first point in time before the period is paged (and may replace it). */
    @FunctionalInterface
    public interface Prelude {
        /** @return the point in time to go on with */
        String run(String pit) throws IOException;
    }

    private final ElasticsearchClient es;
    private final String alias;
    private final int pageSize;
    private final int retries;
    private final String name;

    /**
     * @param es       the client
     * @param alias    the audit alias, {@code <prefix>-audit}
     * @param pageSize documents per page, 1..10000
     * @param retries  consecutive failed pages tolerated before giving up, at least 0
     * @param name     what the walk is for, in log lines
     */
    public JournalOrderWalk(final ElasticsearchClient es, final String alias, final int pageSize, final int retries,
                            final String name) {
        if (pageSize < 1 || pageSize > 10_000 || retries < 0) {
            throw new IllegalArgumentException("pageSize " + pageSize + " retries " + retries);
        }
        this.es = es;
        this.alias = alias;
        this.pageSize = pageSize;
        this.retries = retries;
        this.name = name;
    }

    /**
     * Walks a period.
     *
     * @param from    start, inclusive ({@code transactTime})
     * @param to      end, exclusive
     * @param events  the {@code event} values to read
     * @param fields  the source fields to fetch (journalOffset and eventIndex among them)
     * @param prelude run first, on the walk's point in time
     * @param sink    every document of the period in journal order
     * @return documents delivered; -1 when the alias does not exist (nothing indexed)
     * @throws IOException when Elasticsearch cannot be reached {@code retries + 1} times in a row
     */
    public long walk(final Instant from, final Instant to, final List<String> events, final List<String> fields,
                     final Prelude prelude, final Sink sink) throws IOException {
        String pit = open();
        if (pit == null) {
            return -1;
        }
        try {
            pit = prelude.run(pit);
            long delivered = 0;
            long lastOffset = -1;
            int lastIndex = -1;
            List<FieldValue> after = List.of();
            int failures = 0;
            while (true) {
                final SearchResponse<ObjectNode> page;
                try {
                    page = page(pit, from, to, events, fields, lastOffset, lastIndex, after);
                    failures = 0;
                } catch (final IOException | ElasticsearchException ex) {
                    if (++failures > retries) {
                        throw ex instanceof IOException io ? io : new IOException(ex.getMessage(), ex);
                    }
                    LOG.warn("{}: page after offset {} failed ({}); retrying with a new point in time", name,
                        lastOffset, ex.toString());
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
                    final ObjectNode doc = hit.source();
                    if (doc != null) {
                        if (sink.accept(doc)) {
                            delivered++;
                        }
                        lastOffset = doc.path("journalOffset").asLong();
                        lastIndex = doc.path("eventIndex").asInt();
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
                                            final List<String> events, final List<String> fields,
                                            final long lastOffset, final int lastIndex,
                                            final List<FieldValue> after) throws IOException {
        final boolean restarted = after.isEmpty() && lastOffset >= 0;
        final Query query = Query.of(q -> q.bool(b -> {
            b.filter(f -> f.terms(t -> t.field("event").terms(v -> v.value(events.stream().map(FieldValue::of)
                .toList()))));
            b.filter(f -> f.range(r -> r.date(d -> d.field("transactTime").gte(from.toString()).lt(to.toString()))));
            if (restarted) {
                // strictly after the last document handed over: (offset, index) > (lastOffset, lastIndex)
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
                .source(src -> src.filter(f -> f.includes(fields)))
                .sort(o -> o.field(f -> f.field("journalOffset").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("eventIndex").order(SortOrder.Asc)));
            if (!after.isEmpty()) {
                s.searchAfter(after);
            }
            return s;
        }, ObjectNode.class);
    }

    private String open() throws IOException {
        return PointInTime.open(es, alias, KEEP_ALIVE.time());
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
