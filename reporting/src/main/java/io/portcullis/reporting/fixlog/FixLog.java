package io.portcullis.reporting.fixlog;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

/**
 * Searches the FIX_MESSAGE documents of the audit alias and prints them, oldest first, sorted by
 * (transactTime, journalOffset) and paged with {@code search_after}.
 *
 * <p>Following polls every {@value #POLL_MS} ms from the latest printed TransactTime minus {@link #LOOKBACK}: a
 * message logged a moment before one already printed but made searchable after it (the gateway logs asynchronously;
 * Elasticsearch refreshes each daily index on its own) is still printed, and the ids printed in that window are
 * remembered so that nothing prints twice.
 *
 * <p>One thread; queries are built with the client's typed builders, never from text.
 */
final class FixLog {
    /** How often following asks for new messages. */
    static final long POLL_MS = 500;
    /** How far back each poll looks behind the latest message printed. */
    static final Duration LOOKBACK = Duration.ofSeconds(2);
    private static final int PAGE = 1_000;
    private static final String[] FIELDS = {"transactTime", "sessionId", "direction", "msgType", "msgSeqNum",
        "beginString", "message"};

    /** The fields read from a FIX_MESSAGE document; absent ones are null. */
    record Doc(String transactTime, String sessionId, String direction, String msgType, Long msgSeqNum,
               String beginString, String message) {
    }

    private final ElasticsearchClient client;
    private final String alias;
    private final FixLogOptions options;
    private final FixMessageFormatter formatter;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Instant> printedRecently = new LinkedHashMap<>();
    private Instant watermark;
    private Instant floor;
    private long printed;

    FixLog(final ElasticsearchClient client, final String alias, final FixLogOptions options,
           final FixDictionaries dictionaries, final PrintStream out, final PrintStream err) {
        this.client = client;
        this.alias = alias;
        this.options = options;
        this.formatter = new FixMessageFormatter(dictionaries);
        this.out = out;
        this.err = err;
    }

    /**
     * Prints the matching messages; with --follow, keeps printing new ones while {@code keepFollowing} says so.
     *
     * @return how many messages were printed
     * @throws IOException when Elasticsearch does not answer
     */
    long run(final BooleanSupplier keepFollowing) throws IOException, InterruptedException {
        if (options.follow()) {
            backlog();
            while (keepFollowing.getAsBoolean()) {
                Thread.sleep(POLL_MS);
                poll();
            }
        } else {
            first();
        }
        return printed;
    }

    /** Without --follow: the first --limit matches, and a note when more match. */
    private void first() throws IOException {
        List<FieldValue> after = null;
        while (printed < options.limit()) {
            final int size = (int) Math.min(PAGE, options.limit() - printed);
            final List<Hit<Doc>> hits = search(query(options.from()), SortOrder.Asc, size, after);
            hits.forEach(this::print);
            if (hits.size() < size) {
                break;
            }
            after = hits.get(hits.size() - 1).sort();
        }
        if (printed == options.limit() && !search(query(options.from()), SortOrder.Asc, 1, after).isEmpty()) {
            err.printf("(printed the first %,d matching messages; more match: narrow with --from/--to or raise "
                + "--limit)%n", printed);
        } else if (printed == 0) {
            err.println("(no FIX message in " + alias + " matches)");
        }
    }

    /** With --follow: the last --limit matches, oldest first. */
    private void backlog() throws IOException {
        if (options.limit() == 0) {
            // Only what is logged from now on.
            floor = Instant.now();
            return;
        }
        final int size = Math.min(options.limit(), 10_000);
        final List<Hit<Doc>> last = new ArrayList<>(search(query(options.from()), SortOrder.Desc, size, null));
        Collections.reverse(last);
        last.forEach(this::print);
        if (last.size() == size && last.get(0).source() != null && last.get(0).source().transactTime() != null) {
            // Older matches were left out on purpose: the lookback must not bring them back.
            floor = Instant.parse(last.get(0).source().transactTime());
        }
    }

    /** Prints what was indexed since the last poll (and the lookback window's stragglers). */
    private void poll() throws IOException {
        final Instant lower = latest(latest(options.from(), floor), watermark == null ? null
            : watermark.minus(LOOKBACK));
        final Query query = query(lower);
        List<FieldValue> after = null;
        while (true) {
            final List<Hit<Doc>> hits = search(query, SortOrder.Asc, PAGE, after);
            for (final Hit<Doc> hit : hits) {
                if (!printedRecently.containsKey(hit.id())) {
                    print(hit);
                }
            }
            if (hits.size() < PAGE) {
                break;
            }
            after = hits.get(hits.size() - 1).sort();
        }
        if (watermark != null) {
            final Instant forget = watermark.minus(LOOKBACK);
            printedRecently.values().removeIf(time -> time.isBefore(forget));
        }
    }

    private List<Hit<Doc>> search(final Query query, final SortOrder order, final int size,
                                  final List<FieldValue> after) throws IOException {
        final SearchResponse<Doc> response = client.search(s -> {
            s.index(alias).ignoreUnavailable(true).allowNoIndices(true).query(query).size(size)
                .source(src -> src.filter(f -> f.includes(List.of(FIELDS))))
                .sort(o -> o.field(f -> f.field("transactTime").order(order)
                    .format("strict_date_optional_time_nanos")))
                .sort(o -> o.field(f -> f.field("journalOffset").order(order)))
                .trackTotalHits(t -> t.enabled(false));
            if (after != null) {
                s.searchAfter(after);
            }
            return s;
        }, Doc.class);
        return response.hits().hits();
    }

    /** The filters of the command line, with {@code from} as the lower time bound (inclusive; null for none). */
    private Query query(final Instant from) {
        final BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.term(t -> t.field("event").value("FIX_MESSAGE")));
        if (!options.sessions().isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field("sessionId").terms(v -> v.value(values(options.sessions())))));
        }
        if (!options.msgTypes().isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field("msgType").terms(v -> v.value(values(options.msgTypes())))));
        }
        if (options.clOrdId() != null) {
            bool.filter(f -> f.bool(b -> b
                .should(s -> s.term(t -> t.field("clOrdId").value(options.clOrdId())))
                .should(s -> s.term(t -> t.field("origClOrdId").value(options.clOrdId())))
                .minimumShouldMatch("1")));
        }
        if (from != null || options.to() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("transactTime");
                if (from != null) {
                    d.gte(from.toString());
                }
                if (options.to() != null) {
                    d.lt(options.to().toString());
                }
                return d;
            })));
        }
        return bool.build()._toQuery();
    }

    private static Instant latest(final Instant a, final Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static List<FieldValue> values(final List<String> values) {
        return values.stream().map(FieldValue::of).toList();
    }

    private void print(final Hit<Doc> hit) {
        final Doc doc = hit.source();
        if (doc == null) {
            return;
        }
        final String message = doc.message() == null ? "" : options.raw() ? doc.message()
            : formatter.decode(doc.beginString(), doc.message());
        out.println(doc.transactTime() + " " + String.format("%-3s", doc.direction()) + " " + doc.sessionId() + " "
            + message);
        printed++;
        if (options.follow() && doc.transactTime() != null) {
            final Instant time = Instant.parse(doc.transactTime());
            printedRecently.put(hit.id(), time);
            if (watermark == null || time.isAfter(watermark)) {
                watermark = time;
            }
        }
    }
}
