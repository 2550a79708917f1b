package io.portcullis.reporting.rule605;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.reporting.audit.JournalOrderWalk;

/**
 * Streams the EXECUTION_REPORT and TOP_OF_BOOK documents of a period from the audit alias {@code <prefix>-audit} in
 * journal order (journalOffset, eventIndex), page by page through a point in time with {@code search_after}: memory
 * is one page, whatever the period's size. Before the period it hands over, per symbol, the last TOP_OF_BOOK before
 * the period's start (a composite aggregation, one page of symbols at a time), so that the first orders of the
 * period meet the quote they really met.
 *
 * <p>Restartable ({@link JournalOrderWalk}): when a page fails the walk opens a new point in time and goes on strictly
 * after the last document it delivered; nothing is delivered twice or skipped. It gives up after {@code retries}
 * consecutive failures.
 *
 * <p>One thread; allocates per page.
 */
public final class AuditWalk {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Time KEEP_ALIVE = JournalOrderWalk.KEEP_ALIVE;
    private static final List<String> EVENTS = List.of("EXECUTION_REPORT", "TOP_OF_BOOK");

    private final ElasticsearchClient es;
    private final JournalOrderWalk walk;

    /**
     * @param es       the client
     * @param alias    the audit alias, {@code <prefix>-audit}
     * @param pageSize documents per page, 1..10000
     * @param retries  consecutive failed pages tolerated before giving up, at least 0
     */
    public AuditWalk(final ElasticsearchClient es, final String alias, final int pageSize, final int retries) {
        this.es = es;
        this.walk = new JournalOrderWalk(es, alias, pageSize, retries, "audit walk");
    }

    /**
     * Walks a period.
     *
     * @param from  start, inclusive ({@code transactTime})
     * @param to    end, exclusive
     * @param sink  given first the last quote of each symbol before {@code from} (by symbol), then every document of
     *              the period in journal order
     * @return how many documents of the period were delivered; -1 when the alias does not exist (nothing indexed)
     * @throws IOException when Elasticsearch cannot be reached {@code retries + 1} times in a row
     */
    public long walk(final Instant from, final Instant to, final Consumer<AuditEvent> sink) throws IOException {
        return walk.walk(from, to, EVENTS, List.of(AuditEvent.FIELDS), pit -> lastQuotesBefore(pit, from, sink),
            doc -> {
                final AuditEvent event = AuditEvent.of(doc);
                if (event == null) {
                    return false;
                }
                sink.accept(event);
                return true;
            });
    }

    /** Per symbol (one composite page of symbols at a time), the last TOP_OF_BOOK before {@code from}. */
    private String lastQuotesBefore(final String pitId, final Instant from, final Consumer<AuditEvent> sink)
        throws IOException {
        String pit = pitId;
        Map<String, FieldValue> afterKey = null;
        while (true) {
            final Map<String, FieldValue> key = afterKey;
            final String current = pit;
            final SearchResponse<ObjectNode> response = es.search(s -> s
                .pit(p -> p.id(current).keepAlive(KEEP_ALIVE)).size(0)
                .query(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field("event").value("TOP_OF_BOOK")))
                    .filter(f -> f.range(r -> r.date(d -> d.field("transactTime").lt(from.toString()))))))
                .aggregations("symbols", a -> a
                    .composite(c -> {
                        c.size(500).sources(List.of(Map.of("symbol",
                            CompositeAggregationSource.of(cs -> cs.terms(t -> t.field("symbol"))))));
                        if (key != null) {
                            c.after(key);
                        }
                        return c;
                    })
                    .aggregations("last", l -> l.topHits(h -> h.size(1)
                        .source(src -> src.filter(f -> f.includes(List.of(AuditEvent.FIELDS))))
                        .sort(o -> o.field(f -> f.field("journalOffset").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("eventIndex").order(SortOrder.Desc)))))), ObjectNode.class);
            if (response.pitId() != null) {
                pit = response.pitId();
            }
            final CompositeAggregate symbols = response.aggregations().get("symbols").composite();
            final List<CompositeBucket> buckets = symbols.buckets().array();
            for (final CompositeBucket bucket : buckets) {
                for (final Hit<JsonData> hit : bucket.aggregations().get("last").topHits().hits().hits()) {
                    final JsonNode doc = JSON.readTree(hit.source().toJson().toString());
                    final AuditEvent event = AuditEvent.of(doc);
                    if (event != null) {
                        sink.accept(event);
                    }
                }
            }
            if (buckets.isEmpty() || symbols.afterKey() == null || symbols.afterKey().isEmpty()) {
                return pit;
            }
            afterKey = new HashMap<>(symbols.afterKey());
        }
    }

    /**
     * The documents of a period as a list: for tests and small periods only (the reports stream).
     *
     * @param from start, inclusive
     * @param to   end, exclusive
     * @return the events, quotes before the period first
     * @throws IOException when Elasticsearch cannot be reached
     */
    List<AuditEvent> list(final Instant from, final Instant to) throws IOException {
        final List<AuditEvent> out = new ArrayList<>();
        walk(from, to, out::add);
        return out;
    }
}
