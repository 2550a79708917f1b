package io.portcullis.reporting.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The lineage of one order, found in three searches:
 * <ol>
 *   <li>(asked by session and ClOrdID) the order that ClOrdID belongs to: the {@code orderId} of the engine
 *       documents of that session whose {@code clOrdId} or {@code origClOrdId} it is;</li>
 *   <li>the order's engine documents (execution reports, cancel rejects, risk decisions and warnings with its
 *       {@code orderId}, trade prints where it is taker or maker), aggregated to every ClOrdID they carry (the
 *       chain of replaces, and the cancel and replace requests about it) and their sessions;</li>
 *   <li>those engine documents, plus the FIX messages and risk decisions of those sessions whose {@code clOrdId} or
 *       {@code origClOrdId} is one of those ClOrdIDs or whose {@code orderId} (tag 37) is the order, sorted by
 *       {@code transactTime}, then stream and position in it ({@code journalTopic}, {@code journalOffset},
 *       {@code eventIndex}: stable across searches).</li>
 * </ol>
 * An order rejected on entry has no OrderID: its lineage is the documents of its session and ClOrdID.
 *
 * <p>Thread-safe; allocates per call.
 */
final class LineageSearch {
    /** Entries returned at most (Elasticsearch's default result window). */
    static final int MAX_ENTRIES = 10_000;
    private static final int MAX_IDS = 1_000;

    private final ElasticsearchClient es;
    private final String alias;

    LineageSearch(final ElasticsearchClient es, final String alias) {
        this.es = es;
        this.alias = alias;
    }

    /** The lineage of {@code orderId}. */
    Lineage ofOrder(final String orderId) throws IOException {
        final Query engine = Queries.any(List.of(
            Queries.all(List.of(Queries.events(Queries.ORDER_EVENTS), Queries.term("orderId", orderId))),
            Queries.all(List.of(Queries.term("event", "TRADE"), Queries.any(List.of(
                Queries.term("orderId", orderId), Queries.term("contraOrderId", orderId)))))));
        final SearchResponse<ObjectNode> ids = search(s -> s.size(0).query(engine)
            .aggregations("clOrdId", a -> a.terms(t -> t.field("clOrdId").size(MAX_IDS)))
            .aggregations("origClOrdId", a -> a.terms(t -> t.field("origClOrdId").size(MAX_IDS)))
            .aggregations("sessionId", a -> a.terms(t -> t.field("sessionId").size(MAX_IDS))));
        if (ids == null || ids.hits().total() == null || ids.hits().total().value() == 0) {
            throw new NoSuchElementException("no audit document names order " + orderId);
        }
        final TreeSet<String> clOrdIds = keys(ids.aggregations().get("clOrdId"));
        clOrdIds.addAll(keys(ids.aggregations().get("origClOrdId")));
        final TreeSet<String> sessions = keys(ids.aggregations().get("sessionId"));
        final List<Query> messageMatch = new ArrayList<>();
        messageMatch.add(Queries.term("orderId", orderId));
        if (!clOrdIds.isEmpty()) {
            messageMatch.add(Queries.terms("clOrdId", clOrdIds));
            messageMatch.add(Queries.terms("origClOrdId", clOrdIds));
        }
        final List<Query> story = new ArrayList<>();
        story.add(engine);
        if (!sessions.isEmpty()) {
            story.add(Queries.all(List.of(Queries.events(List.of("FIX_MESSAGE", "RISK_DECISION")),
                Queries.terms("sessionId", sessions), Queries.any(messageMatch))));
        }
        return entries(orderId, sessions, clOrdIds, Queries.any(story));
    }

    /** The lineage of the order that had {@code clOrdId} in {@code sessionId}. */
    Lineage ofClOrdId(final String sessionId, final String clOrdId) throws IOException {
        final SearchResponse<ObjectNode> named = search(s -> s.size(0)
            .query(Queries.all(List.of(Queries.events(Queries.ORDER_EVENTS), Queries.term("sessionId", sessionId),
                Queries.clOrdId(clOrdId))))
            .aggregations("orderId", a -> a.terms(t -> t.field("orderId").size(10))));
        final TreeSet<String> orders = named == null ? new TreeSet<>() : keys(named.aggregations().get("orderId"));
        if (orders.size() > 1) {
            throw new InvalidSearch("clOrdId", "names " + orders.size() + " orders in session " + sessionId + " "
                + orders + "; ask by orderId");
        }
        if (orders.size() == 1) {
            return ofOrder(orders.first());
        }
        // Never accepted (rejected on entry) or unknown to the engine: what the session said and was answered.
        final Query story = Queries.all(List.of(Queries.term("sessionId", sessionId), Queries.clOrdId(clOrdId)));
        final Lineage lineage = entries(null, new TreeSet<>(List.of(sessionId)), new TreeSet<>(List.of(clOrdId)),
            story);
        if (lineage.entries().isEmpty()) {
            throw new NoSuchElementException("no audit document names ClOrdID " + clOrdId + " in session "
                + sessionId);
        }
        return lineage;
    }

    private Lineage entries(final String orderId, final TreeSet<String> sessions, final TreeSet<String> clOrdIds,
                            final Query story) throws IOException {
        final SearchResponse<ObjectNode> found = search(s -> s.size(MAX_ENTRIES).query(story)
            .trackTotalHits(t -> t.enabled(true))
            .sort(List.of(asc("transactTime"), asc("journalTopic"), asc("journalOffset"), asc("eventIndex"))));
        final List<ObjectNode> entries = new ArrayList<>();
        if (found != null) {
            for (final Hit<ObjectNode> hit : found.hits().hits()) {
                final ObjectNode entry = Rows.render(hit.source());
                entry.put("documentId", hit.id());
                entries.add(entry);
            }
        }
        final boolean truncated = found != null && found.hits().total() != null
            && found.hits().total().value() > entries.size();
        return new Lineage(orderId, List.copyOf(sessions), List.copyOf(clOrdIds), entries, truncated);
    }

    private static SortOptions asc(final String field) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(SortOrder.Asc)));
    }

    /** Searches the alias; null when it does not exist yet. */
    private SearchResponse<ObjectNode> search(final Function<SearchRequest.Builder, SearchRequest.Builder> request)
        throws IOException {
        try {
            return es.search(s -> request.apply(s.index(alias)), ObjectNode.class);
        } catch (final ElasticsearchException ex) {
            if (ex.status() == 404) {
                return null;
            }
            throw ex;
        }
    }

    private static TreeSet<String> keys(final Aggregate terms) {
        final TreeSet<String> out = new TreeSet<>();
        if (terms != null) {
            for (final StringTermsBucket bucket : terms.sterms().buckets().array()) {
                out.add(bucket.key().stringValue());
            }
        }
        return out;
    }
}
