package io.portcullis.reporting.search;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.reporting.audit.PointInTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deep paging over the audit alias: a point in time (PIT) per search, {@code search_after} the sort values of the
 * last row, the PIT's implicit {@code _shard_doc} tie-breaker making every sort total, so that a walk visits every
 * matching document exactly once whatever is indexed meanwhile. Each search extends the PIT by the keep-alive; the
 * PIT is closed when a walk reaches its end, and otherwise expires on its own.
 *
 * <p>Thread-safe (the client is); allocates per call.
 */
final class Pager {
    private static final Logger LOG = LoggerFactory.getLogger(Pager.class);

    private final ElasticsearchClient es;
    private final String alias;
    private final Time keepAlive;
    private final int keepAliveSeconds;

    Pager(final ElasticsearchClient es, final String alias, final int keepAliveSeconds) {
        this.es = es;
        this.alias = alias;
        this.keepAliveSeconds = keepAliveSeconds;
        this.keepAlive = Time.of(t -> t.time(keepAliveSeconds + "s"));
    }

    /**
     * Where a walk stands.
     *
     * @param pitId the point in time
     * @param after sort values of the last row consumed; empty at the start
     */
    record Position(String pitId, List<FieldValue> after) {
    }

    /**
     * One batch of hits.
     *
     * @param hits      in sort order, each with its sort values
     * @param pitId     the PIT id to use next (Elasticsearch may hand out a new one)
     * @param exhausted true when no hit follows the last one
     */
    record Batch(List<Hit<ObjectNode>> hits, String pitId, boolean exhausted) {
    }

    /** A new walk: a PIT on the alias, or null when the alias does not exist yet (nothing indexed). */
    Position start() throws IOException {
        final String pit = PointInTime.open(es, alias, keepAlive.time());
        return pit == null ? null : new Position(pit, List.of());
    }

    /** The walk a caller's cursor continues. */
    Position resume(final Cursor cursor) {
        return new Position(cursor.pitId(), cursor.after());
    }

    /**
     * The next {@code size} hits after {@code at}.
     *
     * @param fromCaller true when {@code at} came from a caller's cursor: Elasticsearch refusing it is then the
     *                   cursor's fault (expired or forged), reported as {@link InvalidSearch}
     */
    Batch next(final Position at, final Query query, final List<SortOptions> sort, final int size,
               final boolean fromCaller) throws IOException {
        final SearchResponse<ObjectNode> response = search(at.pitId(), fromCaller, s -> {
            s.query(query).sort(sort).size(size).trackTotalHits(t -> t.enabled(false));
            if (!at.after().isEmpty()) {
                s.searchAfter(at.after());
            }
            return s;
        });
        final List<Hit<ObjectNode>> hits = response.hits().hits();
        return new Batch(hits, response.pitId() == null ? at.pitId() : response.pitId(), hits.size() < size);
    }

    /** Any search in the PIT {@code pitId} (the PIT is extended by the keep-alive). */
    SearchResponse<ObjectNode> search(final String pitId, final boolean fromCaller,
                                      final Function<SearchRequest.Builder, SearchRequest.Builder> request)
        throws IOException {
        try {
            return es.search(SearchRequest.of(s -> request.apply(s.pit(p -> p.id(pitId).keepAlive(keepAlive)))),
                ObjectNode.class);
        } catch (final ElasticsearchException ex) {
            if (fromCaller && ex.status() == 404) {
                throw new InvalidSearch("cursor", "its point in time has expired or was closed (a cursor stays valid "
                    + keepAliveSeconds + " s after the page that returned it); start the search again without a "
                    + "cursor");
            }
            if (fromCaller && ex.status() == 400) {
                throw new InvalidSearch("cursor", "is not a cursor returned by this API (give back 'next' unchanged)");
            }
            throw ex;
        }
    }

    /** Closes a PIT at the end of a walk; a failure only costs the PIT's remaining keep-alive. */
    void close(final String pitId) {
        try {
            es.closePointInTime(c -> c.id(pitId));
        } catch (final IOException | ElasticsearchException ex) {
            LOG.warn("cannot close a point in time of {} (it expires on its own): {}", alias, ex.toString());
        }
    }
}
