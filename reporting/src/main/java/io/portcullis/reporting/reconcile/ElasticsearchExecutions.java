package io.portcullis.reporting.reconcile;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.portcullis.reporting.audit.PointInTime;
import io.portcullis.oms.domain.Prices;

/**
 * Reads the executions of a trading day from the audit trail: the EXECUTION_REPORT documents with execType TRADE
 * whose transactTime falls in the day, under the alias {@code <prefix>-audit}. Pages through a point in time with
 * {@code search_after}, so a document indexed meanwhile neither shifts nor repeats a page. Prices are the documents'
 * longs in 1e-4 USD.
 */
public final class ElasticsearchExecutions {
    private static final int PAGE = 5_000;
    private static final String[] FIELDS = {"execId", "orderId", "symbol", "side", "lastQty", "lastPx", "account",
        "transactTime"};

    /** The fields read from a document; absent ones are null. */
    record Doc(String execId, String orderId, String symbol, String side, Long lastQty, Long lastPx, String account,
               String transactTime) {
    }

    private ElasticsearchExecutions() {
    }

    /**
     * Reads the day's documents.
     *
     * @param client        the Elasticsearch client (its mapper must ignore unknown properties)
     * @param alias         the audit alias, {@code <prefix>-audit}
     * @param day           the trading day
     * @param sink          given each execution
     * @param elasticsearch the address, for messages
     * @return how many documents were read (0 when the alias does not exist yet)
     * @throws SourceUnavailableException when Elasticsearch does not answer or refuses the search
     */
    public static long read(final ElasticsearchClient client, final String alias, final TradingDay day,
                            final Consumer<Execution> sink, final String elasticsearch) {
        final Query query = Query.of(q -> q.bool(b -> b
            .filter(f -> f.term(t -> t.field("event").value("EXECUTION_REPORT")))
            .filter(f -> f.term(t -> t.field("execType").value("TRADE")))
            .filter(f -> f.range(r -> r.date(d -> d.field("transactTime")
                .gte(day.start().toString()).lt(day.end().toString()))))));
        String pit = null;
        long read = 0;
        try {
            pit = PointInTime.open(client, alias, "2m");
            if (pit == null) {
                return 0;
            }
            List<FieldValue> after = null;
            while (true) {
                final String pitId = pit;
                final List<FieldValue> searchAfter = after;
                final SearchResponse<Doc> page = client.search(s -> {
                    s.pit(p -> p.id(pitId).keepAlive(k -> k.time("2m"))).query(query).size(PAGE)
                        .source(src -> src.filter(f -> f.includes(List.of(FIELDS))))
                        .sort(o -> o.field(f -> f.field("transactTime").order(SortOrder.Asc)
                            .format("strict_date_optional_time_nanos")))
                        .sort(o -> o.field(f -> f.field("journalOffset").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("eventIndex").order(SortOrder.Asc)))
                        .trackTotalHits(t -> t.enabled(false));
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, Doc.class);
                if (page.pitId() != null) {
                    pit = page.pitId();
                }
                final List<Hit<Doc>> hits = page.hits().hits();
                for (final Hit<Doc> hit : hits) {
                    read++;
                    sink.accept(execution(hit));
                }
                if (hits.size() < PAGE) {
                    return read;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (final IOException ex) {
            throw new SourceUnavailableException("Elasticsearch does not answer at " + elasticsearch + " ("
                + ex.getMessage() + "). Is the stack running? ./portcullis stack up", ex);
        } catch (final ElasticsearchException ex) {
            throw new SourceUnavailableException("Elasticsearch at " + elasticsearch + " refused the search of "
                + alias + ": " + ex.getMessage(), ex);
        } finally {
            closeQuietly(client, pit);
        }
    }

    private static Execution execution(final Hit<Doc> hit) {
        final Doc doc = hit.source();
        final String origin = "document " + hit.index() + "/" + hit.id();
        if (doc == null || doc.execId() == null) {
            return new Execution("(none in " + hit.id() + ")", 0, null, null, 0, null, null, 0, origin);
        }
        return new Execution(doc.execId(), parseLong(doc.orderId()), doc.symbol(), doc.side(),
            doc.lastQty() == null ? 0 : doc.lastQty(),
            doc.lastPx() == null ? null : BigDecimal.valueOf(doc.lastPx(), Prices.DECIMALS), doc.account(),
            doc.transactTime() == null ? 0 : TradingDay.nanos(Instant.parse(doc.transactTime())), origin);
    }

    private static long parseLong(final String id) {
        if (id == null) {
            return 0;
        }
        try {
            return Long.parseLong(id);
        } catch (final NumberFormatException ex) {
            return -1;
        }
    }

    private static void closeQuietly(final ElasticsearchClient client, final String pit) {
        if (pit == null) {
            return;
        }
        try {
            client.closePointInTime(c -> c.id(pit));
        } catch (final IOException | ElasticsearchException ex) {
            // the point in time expires on its own after its keep-alive
        }
    }
}
