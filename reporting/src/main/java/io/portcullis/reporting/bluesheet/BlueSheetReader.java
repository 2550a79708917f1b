package io.portcullis.reporting.bluesheet;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.reporting.audit.PointInTime;

/**
 * Reads the executions a blue sheet reports from the audit alias: the EXECUTION_REPORT documents with
 * {@code execType} TRADE of the request's period and symbol (or account), in journal order, page by page through a
 * point in time with {@code search_after}; for each page, the other side of each fill (the EXECUTION_REPORT of the
 * same trade id and the contra order id) names the contra broker. One thread; allocates per page.
 */
public final class BlueSheetReader {
    private static final Time KEEP_ALIVE = Time.of(t -> t.time("2m"));
    private static final List<String> FIELDS = List.of("transactTime", "journalOffset", "eventIndex", "symbol",
        "side", "lastQty", "lastPx", "account", "sessionId", "orderId", "contraOrderId", "tradeId",
        "command.sessionId");

    private final ElasticsearchClient es;
    private final String alias;
    private final int pageSize;
    private long documents;

    /**
     * @param es       the client
     * @param alias    the audit alias, {@code <prefix>-audit}
     * @param pageSize documents per page, 1..5000
     */
    public BlueSheetReader(final ElasticsearchClient es, final String alias, final int pageSize) {
        if (pageSize < 1 || pageSize > 5_000) {
            throw new IllegalArgumentException("pageSize " + pageSize);
        }
        this.es = es;
        this.alias = alias;
        this.pageSize = pageSize;
    }

    /**
     * The request's executions.
     *
     * @param request what was asked
     * @return the executions in journal order; empty when there are none or nothing is indexed
     * @throws IOException when Elasticsearch cannot be reached
     */
    public List<BlueSheetTrade> read(final BlueSheetRequest request) throws IOException {
        final String pit = PointInTime.open(es, alias, KEEP_ALIVE.time());
        if (pit == null) {
            return List.of();
        }
        final List<BlueSheetTrade> trades = new ArrayList<>();
        String current = pit;
        try {
            List<FieldValue> after = List.of();
            while (true) {
                final SearchResponse<ObjectNode> page = page(current, fills(request), after);
                current = page.pitId() != null ? page.pitId() : current;
                final List<Hit<ObjectNode>> hits = page.hits().hits();
                documents += hits.size();
                final List<JsonNode> docs = new ArrayList<>();
                for (final Hit<ObjectNode> hit : hits) {
                    docs.add(hit.source());
                    after = hit.sort();
                }
                final Map<String, String> contraBrokers = contraBrokers(current, docs);
                for (final JsonNode doc : docs) {
                    trades.add(trade(doc, contraBrokers));
                }
                if (hits.size() < pageSize) {
                    return trades;
                }
            }
        } finally {
            final String close = current;
            try {
                es.closePointInTime(c -> c.id(close));
            } catch (final IOException | ElasticsearchException ex) {
                // expires on its own within KEEP_ALIVE
            }
        }
    }

    /** @return the fill documents read so far */
    public long documents() {
        return documents;
    }

    private static Query fills(final BlueSheetRequest request) {
        return Query.of(q -> q.bool(b -> b
            .filter(f -> f.term(t -> t.field("event").value("EXECUTION_REPORT")))
            .filter(f -> f.term(t -> t.field("execType").value("TRADE")))
            .filter(f -> f.term(t -> t.field(request.kind() == BlueSheetRequest.Kind.SYMBOL ? "symbol" : "account")
                .value(request.value())))
            .filter(f -> f.range(r -> r.date(d -> d.field("transactTime").gte(request.start().toString())
                .lt(request.end().toString()))))));
    }

    private SearchResponse<ObjectNode> page(final String pit, final Query query, final List<FieldValue> after)
        throws IOException {
        return es.search(s -> {
            s.pit(p -> p.id(pit).keepAlive(KEEP_ALIVE)).query(query).size(pageSize)
                .trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.includes(FIELDS)))
                .sort(o -> o.field(f -> f.field("journalOffset").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("eventIndex").order(SortOrder.Asc)));
            if (!after.isEmpty()) {
                s.searchAfter(after);
            }
            return s;
        }, ObjectNode.class);
    }

    /** (tradeId, orderId) of every fill of the page's trades to the broker of its session. */
    private Map<String, String> contraBrokers(final String pit, final List<JsonNode> docs) throws IOException {
        final Set<String> tradeIds = new LinkedHashSet<>();
        for (final JsonNode doc : docs) {
            tradeIds.add(doc.path("tradeId").asText());
        }
        final Map<String, String> brokers = new HashMap<>();
        if (tradeIds.isEmpty()) {
            return brokers;
        }
        final SearchResponse<ObjectNode> sides = es.search(s -> s
            .pit(p -> p.id(pit).keepAlive(KEEP_ALIVE)).size(Math.min(10_000, tradeIds.size() * 4))
            .query(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("event").value("EXECUTION_REPORT")))
                .filter(f -> f.term(t -> t.field("execType").value("TRADE")))
                .filter(f -> f.terms(t -> t.field("tradeId").terms(v -> v.value(tradeIds.stream()
                    .map(FieldValue::of).toList()))))))
            .source(src -> src.filter(f -> f.includes(FIELDS))), ObjectNode.class);
        for (final Hit<ObjectNode> hit : sides.hits().hits()) {
            final JsonNode doc = hit.source();
            brokers.put(doc.path("tradeId").asText() + "/" + doc.path("orderId").asText(), broker(doc));
        }
        return brokers;
    }

    private static BlueSheetTrade trade(final JsonNode doc, final Map<String, String> contraBrokers) {
        final Instant at = Instant.parse(doc.path("transactTime").asText());
        final String tradeId = doc.path("tradeId").asText();
        return new BlueSheetTrade(at.getEpochSecond() * 1_000_000_000L + at.getNano(), text(doc, "symbol"),
            text(doc, "side"), doc.path("lastQty").asLong(), doc.path("lastPx").asLong(), text(doc, "account"),
            broker(doc), contraBrokers.get(tradeId + "/" + doc.path("contraOrderId").asText()), tradeId,
            text(doc, "orderId"));
    }

    /** The broker firm of a document's FIX session: the counterparty of {@code FIX.4.4:PORTCULLIS->BROKER1}. */
    static String broker(final JsonNode doc) {
        String session = text(doc, "sessionId");
        if (session == null) {
            session = text(doc.path("command"), "sessionId");
        }
        if (session == null) {
            return null;
        }
        final int arrow = session.lastIndexOf("->");
        return arrow < 0 ? session : session.substring(arrow + 2);
    }

    private static String text(final JsonNode doc, final String field) {
        final JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
