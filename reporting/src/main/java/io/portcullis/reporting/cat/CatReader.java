package io.portcullis.reporting.cat;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.reporting.audit.PointInTime;
import io.portcullis.reporting.reconcile.TradingDay;

/**
 * Streams the audit documents a CAT trading day's order events are built from, in journal order, restartably.
 *
 * <p><b>What is read:</b> {@code EXECUTION_REPORT} and {@code TRADE} documents of the alias {@code <prefix>-audit}
 * whose {@code transactTime} falls in the CAT trading day {@code T}: from 00:00:00 America/New_York on T (inclusive)
 * to 00:00:00 on T+1 (exclusive), daylight saving time applied ({@link TradingDay}). regulatory.md §1.8 selects
 * events by their Eastern Time event date, and §1.4 requires the date part of every firmROEID to equal the ET date
 * of its eventTimestamp; both hold only with calendar-day boundaries. The 16:15 ET cut-off of §1.2 is a submission
 * deadline rule (data received after it is due T+2), not a selection boundary.
 *
 * <p><b>Order and restart:</b> sorted by {@code journalOffset}, then {@code eventIndex}: unique per document of the
 * journal stream and fixed forever, so a walk is total and repeatable. Pages come from a point in time (PIT) with
 * {@code search_after}; {@link #position()} is the key of the last document returned and {@link #CatReader
 * resuming} at it (in a new process, with a new PIT) continues with the next document, which is what a Spring Batch
 * step saves in its execution context. Memory: one page.
 *
 * <p>Not thread-safe: one reader per walk.
 */
public final class CatReader implements AutoCloseable {
    private static final String KEEP_ALIVE = "5m";
    private static final List<String> EVENTS = List.of("EXECUTION_REPORT", "TRADE");

    /**
     * Where a walk stands: the sort key of the last document consumed.
     *
     * @param journalOffset its journal offset, -1 before the first
     * @param eventIndex    its event index, -1 before the first
     */
    public record Position(long journalOffset, int eventIndex) {
        /** Before the first document. */
        public static final Position START = new Position(-1, -1);
    }

    /**
     * One audit document.
     *
     * @param id     its document id, {@code <topic>-<partition>-<offset>-<eventIndex>}
     * @param source its fields
     */
    public record Document(String id, ObjectNode source) {
    }

    private final ElasticsearchClient es;
    private final String alias;
    private final Query query;
    private final int pageSize;
    private String pitId;
    private boolean opened;
    private boolean exhausted;
    private Position position;
    private Iterator<Hit<ObjectNode>> page = List.<Hit<ObjectNode>>of().iterator();

    /**
     * A walk over a day, from a position (nothing is read until {@link #next()}).
     *
     * @param es       the client (its mapper must ignore unknown properties)
     * @param alias    the audit alias
     * @param day      the CAT trading day
     * @param pageSize documents per search, 1..10,000
     * @param from     where to continue: {@link Position#START}, or a {@link #position()} saved earlier
     */
    public CatReader(final ElasticsearchClient es, final String alias, final TradingDay day, final int pageSize,
                     final Position from) {
        this.es = es;
        this.alias = alias;
        this.pageSize = pageSize;
        this.position = from;
        this.query = Query.of(q -> q.bool(b -> b
            .filter(f -> f.terms(t -> t.field("event").terms(v -> v.value(EVENTS.stream().map(FieldValue::of)
                .toList()))))
            .filter(f -> f.range(r -> r.date(d -> d.field("transactTime").gte(day.start().toString())
                .lt(day.end().toString()))))));
    }

    /**
     * The next document in journal order.
     *
     * @return the document, or null at the end of the day (also when the alias does not exist: nothing indexed)
     * @throws CatUnavailableException when Elasticsearch does not answer or refuses the search
     */
    public Document next() {
        while (!page.hasNext()) {
            if (exhausted || !fetch()) {
                return null;
            }
        }
        final Hit<ObjectNode> hit = page.next();
        final ObjectNode source = hit.source();
        position = new Position(source.path("journalOffset").asLong(), source.path("eventIndex").asInt());
        return new Document(hit.id(), source);
    }

    /** @return the key of the last document returned by {@link #next()}, or the starting position */
    public Position position() {
        return position;
    }

    private boolean fetch() {
        try {
            if (!opened) {
                opened = true;
                pitId = PointInTime.open(es, alias, KEEP_ALIVE);
                if (pitId == null) {
                    exhausted = true;
                    return false;
                }
            }
            final String pit = pitId;
            final Position after = position;
            final SearchResponse<ObjectNode> response = es.search(s -> {
                s.pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE))).query(query).size(pageSize)
                    .sort(o -> o.field(f -> f.field("journalOffset").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("eventIndex").order(SortOrder.Asc)))
                    .trackTotalHits(t -> t.enabled(false));
                if (after.journalOffset() >= 0) {
                    // The key is unique, so "after it, whatever the PIT's implicit _shard_doc tie-breaker" is
                    // exactly the next document; this is what lets a saved position resume in a new PIT.
                    s.searchAfter(List.of(FieldValue.of(after.journalOffset()), FieldValue.of(after.eventIndex()),
                        FieldValue.of(Long.MAX_VALUE)));
                }
                return s;
            }, ObjectNode.class);
            if (response.pitId() != null) {
                pitId = response.pitId();
            }
            final List<Hit<ObjectNode>> hits = response.hits().hits();
            exhausted = hits.size() < pageSize;
            page = hits.iterator();
            return !hits.isEmpty();
        } catch (final IOException ex) {
            throw new CatUnavailableException("Elasticsearch does not answer (" + ex.getMessage()
                + "). Is the stack running? ./portcullis stack up", ex);
        } catch (final ElasticsearchException ex) {
            throw new CatUnavailableException("Elasticsearch refused the search of " + alias + ": "
                + ex.getMessage(), ex);
        }
    }

    /** Closes the PIT; a failure only costs its remaining keep-alive. */
    @Override
    public void close() {
        if (pitId != null) {
            try {
                es.closePointInTime(c -> c.id(pitId));
            } catch (final IOException | ElasticsearchException ex) {
                // The PIT expires on its own after the keep-alive.
                pitId = null;
            }
        }
    }
}
