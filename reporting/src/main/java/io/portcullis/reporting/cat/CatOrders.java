package io.portcullis.reporting.cat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The entry terms of orders, by OrderID: what later events of an order (replace, cancel, trade) need but their own
 * documents do not carry: the orderKeyDate (the time of the order's first event, its NEW execution report), its
 * account, its side, and the MinQty and ExpireTime of the NewOrderSingle. Orders entered during the walk are
 * remembered as their NEW report passes; others (GTC orders of earlier days, or every order after a restart) are
 * looked up in the audit alias. A bounded LRU cache keeps memory independent of the day's size.
 *
 * <p>Not thread-safe: one per walk.
 */
final class CatOrders {
    /**
     * An order's entry terms.
     *
     * @param orderId    the engine's OrderID
     * @param keyTime    epoch nanos of its NEW execution report
     * @param account    its account
     * @param side       its side (our enum name)
     * @param minQty     MinQty in shares, 0 when none
     * @param expireTime ExpireTime in epoch nanos, 0 when none
     */
    record Terms(String orderId, long keyTime, String account, String side, long minQty, long expireTime) {
    }

    private final ElasticsearchClient es;
    private final String alias;
    private final Map<String, Terms> cache;

    /**
     * @param es       the client; null when every order is remembered during the walk (tests of the mapping)
     * @param alias    the audit alias
     * @param capacity orders kept in memory
     */
    CatOrders(final ElasticsearchClient es, final String alias, final int capacity) {
        this.es = es;
        this.alias = alias;
        this.cache = new LinkedHashMap<>(1_024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, Terms> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers the order a NEW execution report document enters; returns its terms. */
    Terms remember(final JsonNode newReport) {
        final JsonNode command = newReport.path("command");
        final Terms terms = new Terms(newReport.path("orderId").asText(),
            CatCodes.nanos(newReport.path("transactTime").asText()), text(newReport, "account"),
            text(newReport, "side"), command.path("minQty").asLong(0),
            command.hasNonNull("expireTime") ? CatCodes.nanos(command.path("expireTime").asText()) : 0);
        cache.put(terms.orderId(), terms);
        return terms;
    }

    /**
     * The terms of an order.
     *
     * @return them, or null when the order has no NEW execution report in the alias
     * @throws CatUnavailableException when Elasticsearch cannot be asked
     */
    Terms find(final String orderId) {
        final Terms known = cache.get(orderId);
        if (known != null || es == null) {
            return known;
        }
        try {
            final List<Hit<ObjectNode>> hits = es.search(s -> s.index(alias).size(1)
                .query(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field("event").value("EXECUTION_REPORT")))
                    .filter(f -> f.term(t -> t.field("orderId").value(orderId)))
                    .filter(f -> f.term(t -> t.field("execType").value("NEW")))))
                .sort(o -> o.field(f -> f.field("journalOffset").order(SortOrder.Asc))), ObjectNode.class)
                .hits().hits();
            return hits.isEmpty() ? null : remember(hits.get(0).source());
        } catch (final IOException ex) {
            throw new CatUnavailableException("Elasticsearch does not answer (" + ex.getMessage() + ")", ex);
        } catch (final ElasticsearchException ex) {
            throw new CatUnavailableException("Elasticsearch refused the search of order " + orderId + " in "
                + alias + ": " + ex.getMessage(), ex);
        }
    }

    private static String text(final JsonNode node, final String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
