package io.portcullis.reporting.search;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * Trade-history search over the audit alias {@code <prefix>-audit}. Every method takes the caller's query
 * parameters as the HTTP layer parsed them, refuses any it does not know, and validates every value before it asks
 * Elasticsearch anything ({@link InvalidSearch} names the parameter).
 *
 * <p><b>Filters</b> (all optional, combined with AND): {@code account}; {@code brokerFirm} (the accounts of that
 * firm, from the book of record: the documents do not carry the firm); {@code symbol}; {@code side} (BUY, SELL,
 * SELL_SHORT, SELL_SHORT_EXEMPT); {@code status} (ordStatus: NEW, PARTIALLY_FILLED, FILLED, CANCELED, ...);
 * {@code orderId}; {@code execId}; {@code clOrdId}; {@code sessionId}; {@code from} (inclusive) and {@code to}
 * (exclusive), ISO-8601 with an offset; {@code minPrice}/{@code maxPrice}, decimal USD such as {@code 123.45},
 * inclusive; {@code minQty}/{@code maxQty}, shares, inclusive; {@code text}: every word in an engine text or reject
 * reason (an analysed {@code match}, not a query string).
 *
 * <p><b>Executions</b> are execution reports with execType TRADE; each filter applies to the report itself (price
 * to {@code lastPx}, quantity to {@code lastQty}, time to {@code transactTime}, status to the ordStatus after the
 * fill). <b>Orders</b> are one row per order in its latest state; see {@link OrderPages} for what each filter
 * applies to and the limits.
 *
 * <p><b>Paging</b>: {@code size} 1..1,000 (default 100); {@code sort} (whitelisted per search), {@code order}
 * ({@code asc}|{@code desc}, default desc); {@code cursor}: the {@code next} of the previous page, with the same
 * other parameters. A cursor holds a point in time that lives {@code audit.search.keep-alive-seconds} after the
 * page that returned it; a page sees the index as it was at the first page.
 *
 * <p>Thread-safe; Jetty threads call it concurrently. Blocks on Elasticsearch.
 */
public final class AuditSearch implements AutoCloseable {
    /** Filter parameters every search but the lineage accepts. */
    public static final Set<String> FILTERS = Set.of("account", "brokerFirm", "symbol", "side", "status", "orderId",
        "execId", "clOrdId", "sessionId", "from", "to", "minPrice", "maxPrice", "minQty", "maxQty", "text");
    /** Sort names of {@link #orders}: by entry time, identity, or OrderID (as text). */
    public static final Map<String, String> ORDER_SORTS = sorts("transactTime", "transactTime", "symbol", "symbol",
        "account", "account", "side", "side", "orderId", "orderId");
    /** Sort names of {@link #executions}, and the fields they sort on. */
    public static final Map<String, String> EXECUTION_SORTS = sorts("transactTime", "transactTime", "symbol",
        "symbol", "account", "account", "side", "side", "orderId", "orderId", "execId", "execId", "price", "lastPx",
        "quantity", "lastQty", "notional", "lastNotional");
    /** Groupings of {@link #volumes}. */
    public static final List<String> GROUPS = List.of("symbol", "account", "hour");
    private static final int EXPORT_PAGE = 1_000;

    private final RestClient owned;
    private final AuditSearchConfiguration configuration;
    private final Function<String, Set<String>> firmAccounts;
    private final Pager pager;
    private final OrderPages orders;
    private final LineageSearch lineage;
    private final VolumeSearch volumes;

    /**
     * A search over a client the caller owns (and closes).
     *
     * @param es            the Elasticsearch client
     * @param configuration alias and keep-alive
     * @param firmAccounts  the accounts of a broker firm (empty when there is no such firm); called per search
     */
    public AuditSearch(final ElasticsearchClient es, final AuditSearchConfiguration configuration,
                       final Function<String, Set<String>> firmAccounts) {
        this(es, null, configuration, firmAccounts);
    }

    private AuditSearch(final ElasticsearchClient es, final RestClient owned,
                        final AuditSearchConfiguration configuration,
                        final Function<String, Set<String>> firmAccounts) {
        this.owned = owned;
        this.configuration = configuration;
        this.firmAccounts = firmAccounts;
        this.pager = new Pager(es, configuration.alias(), configuration.keepAliveSeconds());
        this.orders = new OrderPages(pager);
        this.lineage = new LineageSearch(es, configuration.alias());
        this.volumes = new VolumeSearch(es, configuration.alias());
    }

    /** A search with its own client to {@code es.url}; {@link #close()} closes it. */
    public static AuditSearch connect(final AuditSearchConfiguration configuration,
                                      final Function<String, Set<String>> firmAccounts) {
        final RestClient rest = RestClient.builder(HttpHost.create(configuration.elasticsearchUrl())).build();
        return new AuditSearch(new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper())), rest,
            configuration, firmAccounts);
    }

    /** Where it searches. */
    public AuditSearchConfiguration configuration() {
        return configuration;
    }

    /**
     * One page of orders in their latest state ({@code orderId}, {@code sessionId}, {@code firstClOrdId},
     * {@code clOrdId}, {@code account}, {@code symbol}, {@code side}, {@code ordType}, {@code tif},
     * {@code ordStatus}, {@code execType}, {@code price}, {@code stopPx}, {@code orderQty}, {@code cumQty},
     * {@code leavesQty}, {@code avgPx}, {@code cumNotional}, {@code rejectCode}, {@code text}, {@code enteredAt},
     * {@code updatedAt}; absent fields left out). Parameters: {@link #FILTERS}, {@code sort} of
     * {@link #ORDER_SORTS} (default transactTime: entry time), {@code order}, {@code size}, {@code cursor}.
     */
    public Page orders(final Map<String, List<String>> parameters) throws IOException {
        final SearchParameters p = new SearchParameters(parameters, paged());
        final AuditFilter filter = p.filter(firmAccounts);
        final SortSpec sort = p.sort(ORDER_SORTS, "transactTime");
        final int size = p.size();
        final String fingerprint = Cursor.fingerprint("orders", filter, sort);
        final Pager.Position at = position(p.raw("cursor"), "orders", fingerprint);
        if (at == null) {
            return new Page(List.of(), null);
        }
        final OrderPages.Result result = orders.page(filter, sort, size, at, p.raw("cursor") != null);
        return new Page(result.rows(), token("orders", fingerprint, result.next()));
    }

    /**
     * One page of executions (execution reports with execType TRADE: {@code transactTime}, {@code execId},
     * {@code orderId}, {@code clOrdId}, {@code origClOrdId}, {@code sessionId}, {@code account}, {@code symbol},
     * {@code side}, {@code ordType}, {@code lastQty}, {@code lastPx}, {@code lastNotional}, {@code ordStatus},
     * {@code cumQty}, {@code leavesQty}, {@code avgPx}, {@code tradeId}, {@code contraOrderId}, {@code aggressor},
     * {@code text}). Parameters: {@link #FILTERS}, {@code sort} of {@link #EXECUTION_SORTS} (default transactTime),
     * {@code order}, {@code size}, {@code cursor}.
     */
    public Page executions(final Map<String, List<String>> parameters) throws IOException {
        final SearchParameters p = new SearchParameters(parameters, paged());
        final AuditFilter filter = p.filter(firmAccounts);
        final SortSpec sort = p.sort(EXECUTION_SORTS, "transactTime");
        final int size = p.size();
        final String fingerprint = Cursor.fingerprint("executions", filter, sort);
        final Pager.Position at = position(p.raw("cursor"), "executions", fingerprint);
        if (at == null) {
            return new Page(List.of(), null);
        }
        final Pager.Batch batch = pager.next(at, executionQuery(filter), sortOptions(sort), size,
            p.raw("cursor") != null);
        final List<ObjectNode> rows = new ArrayList<>();
        for (final Hit<ObjectNode> hit : batch.hits()) {
            rows.add(Rows.pick(hit.source(), Rows.EXECUTION_COLUMNS));
        }
        if (batch.exhausted()) {
            pager.close(batch.pitId());
            return new Page(rows, null);
        }
        final Pager.Position next = new Pager.Position(batch.pitId(), batch.hits().getLast().sort());
        return new Page(rows, token("executions", fingerprint, next));
    }

    /**
     * Volume (shares) and notional (USD) of the executions the filters select, by {@code groupBy} ({@code symbol},
     * {@code account} or {@code hour}, default symbol). Parameters: {@link #FILTERS}, {@code groupBy},
     * {@code timeZone} (hours are cut in it; default UTC), {@code buckets} (groups shown, 1..10,000, default 1,000).
     * Sums are exact up to 2^53 (Elasticsearch sums in doubles): 900 billion USD of notional.
     */
    public Volumes volumes(final Map<String, List<String>> parameters) throws IOException {
        final Set<String> accepted = new TreeSet<>(FILTERS);
        accepted.addAll(List.of("groupBy", "timeZone", "buckets"));
        final SearchParameters p = new SearchParameters(parameters, accepted);
        final AuditFilter filter = p.filter(firmAccounts);
        final String groupBy = p.choice("groupBy", GROUPS, "symbol");
        final ZoneId zone = p.zone("timeZone");
        final int buckets = p.integer("buckets", 1_000, 1, 10_000);
        return volumes.volumes(executionQuery(filter), groupBy, zone, buckets);
    }

    /**
     * The lineage of one order: {@code orderId}, or {@code sessionId} and {@code clOrdId} (any ClOrdID it had).
     *
     * @throws java.util.NoSuchElementException when no audit document names the order
     */
    public Lineage lineage(final Map<String, List<String>> parameters) throws IOException {
        final SearchParameters p = new SearchParameters(parameters, Set.of("orderId", "sessionId", "clOrdId"));
        final String orderId = p.identifier("orderId");
        final String sessionId = p.identifier("sessionId");
        final String clOrdId = p.identifier("clOrdId");
        if (orderId != null) {
            if (sessionId != null || clOrdId != null) {
                throw new InvalidSearch(sessionId != null ? "sessionId" : "clOrdId", "give either orderId, or "
                    + "sessionId and clOrdId");
            }
            return lineage.ofOrder(orderId);
        }
        if (sessionId == null) {
            throw new InvalidSearch(clOrdId == null ? "orderId" : "sessionId", clOrdId == null
                ? "is required (or sessionId and clOrdId)" : "is required with clOrdId (a ClOrdID is unique within "
                + "its session)");
        }
        if (clOrdId == null) {
            throw new InvalidSearch("clOrdId", "is required with sessionId");
        }
        return lineage.ofClOrdId(sessionId, clOrdId);
    }

    /** The orders of {@link #orders} as CSV: parameters {@link #FILTERS}, {@code sort}, {@code order}. */
    public CsvExport exportOrders(final Map<String, List<String>> parameters) {
        final SearchParameters p = new SearchParameters(parameters, exported());
        final AuditFilter filter = p.filter(firmAccounts);
        final SortSpec sort = p.sort(ORDER_SORTS, "transactTime");
        return export("orders.csv", Rows.ORDER_COLUMNS, (at, out) -> {
            final OrderPages.Result result = orders.page(filter, sort, EXPORT_PAGE, at, false);
            out.addAll(result.rows());
            return result.next();
        });
    }

    /** The executions of {@link #executions} as CSV: parameters {@link #FILTERS}, {@code sort}, {@code order}. */
    public CsvExport exportExecutions(final Map<String, List<String>> parameters) {
        final SearchParameters p = new SearchParameters(parameters, exported());
        final AuditFilter filter = p.filter(firmAccounts);
        final Query query = executionQuery(filter);
        final List<SortOptions> sort = sortOptions(p.sort(EXECUTION_SORTS, "transactTime"));
        return export("executions.csv", Rows.EXECUTION_COLUMNS, (at, out) -> {
            final Pager.Batch batch = pager.next(at, query, sort, EXPORT_PAGE, false);
            for (final Hit<ObjectNode> hit : batch.hits()) {
                out.add(Rows.pick(hit.source(), Rows.EXECUTION_COLUMNS));
            }
            if (batch.exhausted()) {
                pager.close(batch.pitId());
                return null;
            }
            return new Pager.Position(batch.pitId(), batch.hits().getLast().sort());
        });
    }

    /** Closes the client if this search opened it ({@link #connect}). */
    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }

    /** One step of an export: adds a page's rows to {@code out}, returns where the next starts or null. */
    @FunctionalInterface
    private interface Step {
        Pager.Position next(Pager.Position at, List<ObjectNode> out) throws IOException;
    }

    private CsvExport export(final String fileName, final List<String> columns, final Step step) {
        return new CsvExport() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public void writeTo(final OutputStream out) throws IOException {
                final Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                Csv.line(writer, columns);
                Pager.Position at = pager.start();
                final List<ObjectNode> rows = new ArrayList<>(EXPORT_PAGE);
                while (at != null) {
                    at = step.next(at, rows);
                    for (final ObjectNode row : rows) {
                        final List<String> fields = new ArrayList<>(columns.size());
                        for (final String column : columns) {
                            fields.add(Rows.text(row, column));
                        }
                        Csv.line(writer, fields);
                    }
                    rows.clear();
                    writer.flush();
                }
                writer.flush();
            }
        };
    }

    /** Execution reports of fills matching every filter on the report itself. */
    private static Query executionQuery(final AuditFilter filter) {
        final List<Query> filters = Queries.document(filter, "lastPx", "lastQty");
        filters.add(Queries.term("event", "EXECUTION_REPORT"));
        filters.add(Queries.term("execType", "TRADE"));
        return Queries.all(filters);
    }

    private static List<SortOptions> sortOptions(final SortSpec sort) {
        return List.of(SortOptions.of(s -> s.field(f -> f.field(sort.field())
            .order(sort.descending() ? SortOrder.Desc : SortOrder.Asc))));
    }

    /** The start of a walk: the caller's cursor, or a new point in time; null when nothing is indexed yet. */
    private Pager.Position position(final String cursor, final String kind, final String fingerprint)
        throws IOException {
        return cursor == null ? pager.start() : pager.resume(Cursor.decode(cursor, kind, fingerprint));
    }

    private static String token(final String kind, final String fingerprint, final Pager.Position next) {
        return next == null ? null : new Cursor(kind, fingerprint, next.pitId(), next.after()).encode();
    }

    private static Set<String> paged() {
        final Set<String> accepted = new TreeSet<>(FILTERS);
        accepted.addAll(List.of("sort", "order", "size", "cursor"));
        return accepted;
    }

    private static Set<String> exported() {
        final Set<String> accepted = new TreeSet<>(FILTERS);
        accepted.addAll(List.of("sort", "order"));
        return accepted;
    }

    private static Map<String, String> sorts(final String... nameThenField) {
        final Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenField.length; i += 2) {
            out.put(nameThenField[i], nameThenField[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }
}
