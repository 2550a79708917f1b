package io.portcullis.reporting.search;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Volume and notional of executions in one search: {@code sum} of {@code lastQty} and of {@code lastNotional} per
 * group ({@code terms} on symbol or account in key order, which is exact for the keys shown; or a
 * {@code date_histogram} on {@code transactTime} by calendar hour in a time zone) and over all. Thread-safe.
 */
final class VolumeSearch {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private final ElasticsearchClient es;
    private final String alias;

    VolumeSearch(final ElasticsearchClient es, final String alias) {
        this.es = es;
        this.alias = alias;
    }

    Volumes volumes(final Query executions, final String groupBy, final ZoneId zone, final int buckets)
        throws IOException {
        final Map<String, Aggregation> sums = Map.of(
            "volume", Aggregation.of(a -> a.sum(m -> m.field("lastQty"))),
            "notional", Aggregation.of(a -> a.sum(m -> m.field("lastNotional"))));
        final Aggregation groups = "hour".equals(groupBy)
            ? Aggregation.of(a -> a.dateHistogram(h -> h.field("transactTime").calendarInterval(CalendarInterval.Hour)
                .timeZone(zone.getId()).minDocCount(1)).aggregations(sums))
            : Aggregation.of(a -> a.terms(t -> t.field(groupBy).size(buckets)
                .order(List.of(NamedValue.of("_key", SortOrder.Asc)))).aggregations(sums));
        final SearchResponse<ObjectNode> response;
        try {
            response = es.search(s -> s.index(alias).size(0).query(executions).trackTotalHits(t -> t.enabled(true))
                .aggregations("groups", groups).aggregations(sums), ObjectNode.class);
        } catch (final ElasticsearchException ex) {
            if (ex.status() == 404) {
                return new Volumes(groupBy, zone.getId(), List.of(), new Volumes.Bucket("total", 0, 0, Rows.usd(0)),
                    0);
            }
            throw ex;
        }
        final List<Volumes.Bucket> out = new ArrayList<>();
        final Aggregate grouped = response.aggregations().get("groups");
        long other = 0;
        if (grouped.isDateHistogram()) {
            final List<DateHistogramBucket> hours = grouped.dateHistogram().buckets().array();
            for (final DateHistogramBucket hour : hours) {
                if (hour.docCount() > 0) {
                    final String start = HOUR.format(Instant.ofEpochMilli(hour.key()).atZone(zone));
                    out.add(bucket(start, hour.docCount(), hour.aggregations()));
                }
            }
        } else {
            final StringTermsAggregate terms = grouped.sterms();
            for (final StringTermsBucket term : terms.buckets().array()) {
                out.add(bucket(term.key().stringValue(), term.docCount(), term.aggregations()));
            }
            other = terms.sumOtherDocCount() == null ? 0 : terms.sumOtherDocCount();
        }
        return new Volumes(groupBy, zone.getId(), out,
            bucket("total", response.hits().total().value(), response.aggregations()), other);
    }

    private static Volumes.Bucket bucket(final String key, final long executions,
                                         final Map<String, Aggregate> sums) {
        return new Volumes.Bucket(key, executions, Math.round(sums.get("volume").sum().value()),
            Rows.usd(Math.round(sums.get("notional").sum().value())));
    }
}
