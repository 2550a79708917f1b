package io.portcullis.reporting.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Orders, one row per order in its latest state, paged over a point in time.
 *
 * <p><b>How.</b> Every order has exactly one entry document: the execution report of its acceptance
 * ({@code execType} NEW), or, for an order rejected on entry (which gets no OrderID), its REJECTED report. The
 * entries are what is paged, sorted and filtered on identity ({@code account}, {@code brokerFirm}, {@code symbol},
 * {@code side}, {@code sessionId}, {@code orderId}) and entry time ({@code from}/{@code to}); for each page the
 * latest state of its orders is fetched in the same point in time with one search: execution reports of those
 * orders, collapsed on {@code orderId}, the report of the highest ({@code sequence}, {@code eventIndex}) first.
 * {@code execId}, {@code clOrdId} (any ClOrdID the order ever had) and {@code text} (in any of its reports, cancel
 * rejects or risk documents) first resolve to the orders they name (a terms aggregation), then filter the entries.
 * {@code status}, {@code minPrice}/{@code maxPrice} and {@code minQty}/{@code maxQty} apply to the latest state, so
 * they are checked after the lookup.
 *
 * <p><b>Why not {@code collapse} alone.</b> Collapsing all reports on {@code orderId} gives the latest report per
 * order, but a filter on the latest state cannot be expressed (a filter in the query removes reports before
 * collapsing: {@code status=NEW} would return every order's acknowledgement), and {@code search_after} over a
 * collapsed search may only sort on {@code orderId}, a keyword sorted as text. No painless, no ingest pipeline
 * and no transform is used (core-only Elasticsearch).
 *
 * <p><b>Limits.</b> A page scans at most {@value #MAX_SCANNED} entries: with a selective state filter a page may
 * hold fewer than {@code size} rows and still carry a cursor (follow it until it is null). {@code execId},
 * {@code clOrdId} and {@code text} may name at most {@value #MAX_RESOLVED} orders. The latest state is the latest
 * in the point in time of the first page. Rejected-on-entry orders have no {@code orderId}.
 *
 * <p>Thread-safe; allocates per call.
 */
final class OrderPages {
    /** Entries scanned per page at most. */
    static final int MAX_SCANNED = 10_000;
    /** Orders {@code execId}, {@code clOrdId} or {@code text} may resolve to. */
    static final int MAX_RESOLVED = 10_000;

    private final Pager pager;

    OrderPages(final Pager pager) {
        this.pager = pager;
    }

    /**
     * Rows of one page.
     *
     * @param rows orders in their latest state ({@link Rows#ORDER_COLUMNS})
     * @param next where the next page starts, or null at the end (the PIT is then closed)
     */
    record Result(List<ObjectNode> rows, Pager.Position next) {
    }

    /** Up to {@code size} orders from {@code at} on. */
    Result page(final AuditFilter filter, final SortSpec sort, final int size, final Pager.Position at,
              final boolean fromCaller) throws IOException {
        Pager.Position position = at;
        final Query entries = entries(filter, position.pitId(), fromCaller);
        final List<SortOptions> order = List.of(SortOptions.of(s -> s.field(f -> f.field(sort.field())
            .order(sort.descending() ? SortOrder.Desc : SortOrder.Asc))));
        final List<ObjectNode> rows = new ArrayList<>();
        int scanned = 0;
        while (true) {
            final Pager.Batch batch = pager.next(position, entries, order, size, fromCaller);
            final Map<String, ObjectNode> latest = latest(batch.pitId(), batch.hits());
            boolean consumedAll = true;
            Pager.Position last = new Pager.Position(batch.pitId(), position.after());
            for (final Hit<ObjectNode> hit : batch.hits()) {
                scanned++;
                last = new Pager.Position(batch.pitId(), hit.sort());
                final JsonNode orderId = hit.source().get("orderId");
                final ObjectNode state = orderId == null ? hit.source() : latest.get(orderId.asText());
                if (matchesState(filter, state == null ? hit.source() : state)) {
                    rows.add(Rows.order(hit.source(), state));
                    if (rows.size() == size) {
                        consumedAll = hit == batch.hits().get(batch.hits().size() - 1);
                        break;
                    }
                }
            }
            if (batch.exhausted() && consumedAll) {
                pager.close(batch.pitId());
                return new Result(rows, null);
            }
            if (rows.size() == size || scanned >= MAX_SCANNED) {
                return new Result(rows, last);
            }
            position = last;
        }
    }

    /** The entry documents the filter selects. */
    private Query entries(final AuditFilter filter, final String pitId, final boolean fromCaller)
        throws IOException {
        final List<Query> filters = new ArrayList<>(Queries.identity(filter));
        filters.add(Queries.term("event", "EXECUTION_REPORT"));
        filters.add(Queries.any(List.of(Queries.term("execType", "NEW"), Queries.all(List.of(
            Queries.term("execType", "REJECTED"), Queries.not(Queries.exists("orderId")))))));
        if (filter.from() != null || filter.to() != null) {
            filters.add(Queries.time(filter.from(), filter.to()));
        }
        final List<Query> naming = new ArrayList<>();
        String namedBy = null;
        if (filter.execId() != null) {
            naming.add(Queries.term("execId", filter.execId()));
            namedBy = "execId";
        }
        if (filter.clOrdId() != null) {
            naming.add(Queries.clOrdId(filter.clOrdId()));
            namedBy = namedBy == null ? "clOrdId" : namedBy;
        }
        if (filter.text() != null) {
            naming.add(Queries.text(filter.text()));
            namedBy = namedBy == null ? "text" : namedBy;
        }
        if (!naming.isEmpty()) {
            final List<String> orderIds = resolve(naming, filter, namedBy, pitId, fromCaller);
            final List<Query> either = new ArrayList<>();
            either.add(Queries.all(naming)); // an order rejected on entry is named by its own entry
            if (!orderIds.isEmpty()) {
                either.add(Queries.terms("orderId", orderIds));
            }
            filters.add(Queries.any(either));
        }
        return Queries.all(filters);
    }

    /** The orders some document of which matches all of {@code naming}. */
    private List<String> resolve(final List<Query> naming, final AuditFilter filter, final String namedBy,
                                 final String pitId, final boolean fromCaller) throws IOException {
        final List<Query> filters = new ArrayList<>(naming);
        filters.add(Queries.events(Queries.ORDER_EVENTS));
        filters.add(Queries.exists("orderId"));
        if (filter.sessionId() != null) {
            filters.add(Queries.term("sessionId", filter.sessionId()));
        }
        final SearchResponse<ObjectNode> response = pager.search(pitId, fromCaller, s -> s.size(0)
            .query(Queries.all(filters))
            .aggregations("orders", a -> a.terms(t -> t.field("orderId").size(MAX_RESOLVED + 1))));
        final List<StringTermsBucket> buckets = response.aggregations().get("orders").sterms().buckets().array();
        if (buckets.size() > MAX_RESOLVED) {
            throw new InvalidSearch(namedBy, "names more than " + MAX_RESOLVED + " orders; narrow the search with "
                + "other filters");
        }
        return buckets.stream().map(b -> b.key().stringValue()).toList();
    }

    /** Each order's execution report of the highest (sequence, eventIndex), by orderId. */
    private Map<String, ObjectNode> latest(final String pitId, final List<Hit<ObjectNode>> entries)
        throws IOException {
        final List<String> orderIds = new ArrayList<>();
        for (final Hit<ObjectNode> hit : entries) {
            final JsonNode orderId = hit.source().get("orderId");
            if (orderId != null) {
                orderIds.add(orderId.asText());
            }
        }
        final Map<String, ObjectNode> out = new HashMap<>();
        if (orderIds.isEmpty()) {
            return out;
        }
        final SearchResponse<ObjectNode> response = pager.search(pitId, false, s -> s.size(orderIds.size())
            .query(Queries.all(List.of(Queries.term("event", "EXECUTION_REPORT"),
                Queries.terms("orderId", orderIds))))
            .collapse(c -> c.field("orderId"))
            .sort(List.of(SortOptions.of(o -> o.field(f -> f.field("sequence").order(SortOrder.Desc))),
                SortOptions.of(o -> o.field(f -> f.field("eventIndex").order(SortOrder.Desc)))))
            .trackTotalHits(t -> t.enabled(false)));
        for (final Hit<ObjectNode> hit : response.hits().hits()) {
            out.put(hit.source().get("orderId").asText(), hit.source());
        }
        return out;
    }

    private static boolean matchesState(final AuditFilter filter, final ObjectNode state) {
        if (filter.status() != null && !filter.status().equals(state.path("ordStatus").asText(null))) {
            return false;
        }
        return within(state.get("price"), filter.minPrice(), filter.maxPrice())
            && within(state.get("orderQty"), filter.minQty(), filter.maxQty());
    }

    private static boolean within(final JsonNode value, final Long min, final Long max) {
        if (min == null && max == null) {
            return true;
        }
        if (value == null || !value.canConvertToLong()) {
            return false;
        }
        final long v = value.asLong();
        return (min == null || v >= min) && (max == null || v <= max);
    }
}
