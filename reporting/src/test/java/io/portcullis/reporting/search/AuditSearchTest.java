package io.portcullis.reporting.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.reporting.search.TradeHistory.Er;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The trade-history searches over the audit index of a real engine run (4,000 commands of a seeded flow, journaled
 * to Kafka and indexed by the real indexer), checked against the journal read straight from Kafka: every filter
 * returns exactly the documents it should, paging visits every row once, CSV holds every row, and sums equal sums
 * over the journal.
 */
@Timeout(600)
class AuditSearchTest {
    private static TradeHistory history;
    private static AuditSearch search;

    @BeforeAll
    static void journalAndIndex() throws Exception {
        history = TradeHistory.of(AuditSearchTest.class, "flow", 4_000, 20_260_105L);
        search = history.search(300);
    }

    @AfterAll
    static void deleteIndices() throws Exception {
        if (history != null) {
            history.close();
        }
    }

    @Test
    void pagingThroughEveryExecutionVisitsEachFillOnce() throws Exception {
        final List<ObjectNode> rows = allExecutions(97, "sort", "price", "order", "asc");

        final List<String> execIds = rows.stream().map(r -> r.get("execId").asText()).toList();
        assertThat(execIds).doesNotHaveDuplicates();
        assertThat(new HashSet<>(execIds)).isEqualTo(ids(history.fills(), f -> true));
        assertThat(history.fills()).as("fills in the flow").hasSizeGreaterThan(600);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(new java.math.BigDecimal(rows.get(i).get("lastPx").asText()))
                .isGreaterThanOrEqualTo(new java.math.BigDecimal(rows.get(i - 1).get("lastPx").asText()));
        }
    }

    @Test
    void executionFiltersSelectExactlyTheMatchingFills() throws Exception {
        final List<Er> fills = history.fills();
        final Er middle = fills.get(fills.size() / 2);
        final Instant from = nanos(fills.get(fills.size() / 4).transactTime());
        final Instant to = nanos(middle.transactTime());

        expectExecutions(f -> f.symbol().equals("AAPL") && f.side().equals("BUY"), "symbol", "AAPL", "side", "BUY");
        expectExecutions(f -> f.account().equals("ALICE") && f.lastPx() >= 1_872_000 && f.lastPx() <= 1_873_000,
            "account", "ALICE", "minPrice", "187.2", "maxPrice", "187.3000");
        expectExecutions(f -> Set.of("CAROL", "DAVE").contains(f.account()) && f.lastQty() >= 300
            && f.lastQty() <= 500, "brokerFirm", "FIRMB", "minQty", "300", "maxQty", "500");
        expectExecutions(f -> f.account().equals("ALICE"), "brokerFirm", "FIRMA", "account", "ALICE");
        expectExecutions(f -> false, "brokerFirm", "FIRMA", "account", "CAROL");
        final long fromNanos = fills.get(fills.size() / 4).transactTime();
        expectExecutions(f -> f.transactTime() >= fromNanos && f.transactTime() < middle.transactTime(),
            "from", from.toString(), "to", to.toString());
        expectExecutions(f -> f.ordStatus().equals("FILLED") && f.symbol().equals("SPY"), "status", "FILLED",
            "symbol", "SPY");
        expectExecutions(f -> f.orderId().equals(middle.orderId()), "orderId", middle.orderId());
        expectExecutions(f -> f.execId().equals(middle.execId()), "execId", middle.execId());
        expectExecutions(f -> f.clOrdId().equals(middle.clOrdId()), "clOrdId", middle.clOrdId());
    }

    @Test
    void ordersAreEveryOrderOnceInItsLatestState() throws Exception {
        final Map<String, Er> latest = history.latestOrders();
        final List<ObjectNode> rows = allOrders(250, "order", "asc");

        assertThat(latest).as("orders in the flow").hasSizeGreaterThan(2_500);
        assertThat(rows).hasSize(latest.size());
        final Set<String> seen = new HashSet<>();
        long previous = Long.MIN_VALUE;
        for (final ObjectNode row : rows) {
            final String key = row.has("orderId") ? row.get("orderId").asText()
                : "rejected:" + row.get("clOrdId").asText();
            assertThat(seen.add(key)).as("%s once", key).isTrue();
            final Er expected = latest.get(key);
            assertThat(expected).as(key).isNotNull();
            assertThat(row.get("ordStatus").asText()).as(key).isEqualTo(expected.ordStatus());
            assertThat(row.get("cumQty").asLong()).as(key).isEqualTo(expected.cumQty());
            assertThat(row.get("leavesQty").asLong()).as(key).isEqualTo(expected.leavesQty());
            assertThat(row.get("clOrdId").asText()).as(key).isEqualTo(expected.clOrdId());
            assertThat(row.get("firstClOrdId").asText()).as(key)
                .isEqualTo(history.entries().get(key).clOrdId());
            final long entered = Instant.parse(row.get("enteredAt").asText()).toEpochMilli();
            assertThat(entered).as("sorted by entry time").isGreaterThanOrEqualTo(previous);
            previous = entered;
        }
    }

    @Test
    void orderStateFiltersApplyToTheLatestState() throws Exception {
        expectOrders(o -> o.ordStatus().equals("NEW"), 40, "status", "NEW");
        expectOrders(o -> o.ordStatus().equals("FILLED") && o.symbol().equals("MSFT"), 100, "status", "FILLED",
            "symbol", "MSFT");
        expectOrders(o -> o.ordStatus().equals("CANCELED") && o.orderQty() >= 500, 100, "status", "CANCELED",
            "minQty", "500");
        expectOrders(o -> o.price() >= 6_687_300 && o.price() <= 6_690_000 && o.account().equals("BOB"), 100,
            "minPrice", "668.73", "maxPrice", "669", "account", "BOB");
        expectOrders(o -> o.ordStatus().equals("PARTIALLY_FILLED"), 1_000, "status", "PARTIALLY_FILLED");
    }

    @Test
    void aClOrdIdOfAnyReplaceFindsItsOrder() throws Exception {
        final Er replaced = history.reports.stream().filter(r -> r.execType().equals("REPLACED")).findFirst()
            .orElseThrow();

        for (final String clOrdId : List.of(replaced.clOrdId(), replaced.origClOrdId())) {
            final Page page = search.orders(params("clOrdId", clOrdId, "sessionId", replaced.sessionId()));
            assertThat(page.rows()).extracting(r -> r.get("orderId").asText()).containsExactly(replaced.orderId());
        }
        assertThat(search.orders(params("execId", replaced.execId())).rows())
            .extracting(r -> r.get("orderId").asText()).containsExactly(replaced.orderId());
    }

    @Test
    void freeTextFindsTheOrdersWhoseReportsOrRejectsSayIt() throws Exception {
        final String word = history.cancelRejects.stream().filter(c -> c.orderId() != null)
            .map(TradeHistory.Cr::text).filter(t -> t != null && !t.isBlank()).flatMap(t -> words(t).stream())
            .filter(w -> w.length() > 4)
            .findFirst().orElseThrow();
        final Set<String> expected = new TreeSet<>();
        history.cancelRejects.stream().filter(c -> c.orderId() != null && words(c.text()).contains(word))
            .forEach(c -> expected.add(c.orderId()));
        history.reports.stream().filter(r -> words(r.text()).contains(word)).forEach(r ->
            expected.add(r.orderId() == null ? "rejected:" + r.clOrdId() : r.orderId()));

        final Set<String> found = new TreeSet<>();
        for (final ObjectNode row : allOrders(500, "text", word.toUpperCase(Locale.ROOT))) {
            found.add(row.has("orderId") ? row.get("orderId").asText() : "rejected:" + row.get("clOrdId").asText());
        }
        assertThat(found).as("orders whose documents say '%s'", word).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void theExecutionsCsvHasAHeaderAndEveryFillOnce() throws Exception {
        final List<Er> expected = history.fills().stream().filter(f -> f.symbol().equals("MSFT")).toList();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        search.exportExecutions(params("symbol", "MSFT", "sort", "execId", "order", "asc")).writeTo(out);

        final String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).endsWith("\r\n");
        final List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(String.join(",", Rows.EXECUTION_COLUMNS));
        assertThat(lines).hasSize(expected.size() + 1);
        final Map<String, Er> byExecId = expected.stream().collect(Collectors.toMap(Er::execId, f -> f));
        final int execId = Rows.EXECUTION_COLUMNS.indexOf("execId");
        final int lastPx = Rows.EXECUTION_COLUMNS.indexOf("lastPx");
        final int lastQty = Rows.EXECUTION_COLUMNS.indexOf("lastQty");
        final int notional = Rows.EXECUTION_COLUMNS.indexOf("lastNotional");
        final Set<String> seen = new HashSet<>();
        for (final String line : lines.subList(1, lines.size())) {
            final String[] fields = line.split(",", -1);
            assertThat(fields).hasSize(Rows.EXECUTION_COLUMNS.size());
            final Er fill = byExecId.get(fields[execId]);
            assertThat(fill).as(line).isNotNull();
            assertThat(seen.add(fields[execId])).isTrue();
            assertThat(new java.math.BigDecimal(fields[lastPx])).isEqualByComparingTo(
                java.math.BigDecimal.valueOf(fill.lastPx(), 4));
            assertThat(Long.parseLong(fields[lastQty])).isEqualTo(fill.lastQty());
            assertThat(new java.math.BigDecimal(fields[notional])).isEqualByComparingTo(
                java.math.BigDecimal.valueOf(fill.lastPx() * fill.lastQty(), 4));
        }
    }

    @Test
    void theOrdersCsvStreamsEveryOrderAcrossExportPages() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        search.exportOrders(params("sort", "orderId")).writeTo(out);

        final List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(String.join(",", Rows.ORDER_COLUMNS));
        assertThat(lines).hasSize(history.latestOrders().size() + 1);
        assertThat(new HashSet<>(lines)).hasSize(lines.size());
    }

    @Test
    void csvFieldsAreQuotedPerRfc4180() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
        assertThat(Csv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(Csv.field(null)).isEmpty();
    }

    @Test
    void volumeAndNotionalBySymbolAndAccountEqualSumsOverTheJournal() throws Exception {
        for (final String groupBy : List.of("symbol", "account")) {
            final Volumes volumes = search.volumes(params("groupBy", groupBy));
            final Map<String, long[]> expected = new TreeMap<>();
            for (final Er fill : history.fills()) {
                final long[] sums = expected.computeIfAbsent(groupBy.equals("symbol") ? fill.symbol()
                    : fill.account(), k -> new long[3]);
                sums[0]++;
                sums[1] += fill.lastQty();
                sums[2] += fill.lastPx() * fill.lastQty();
            }
            assertThat(volumes.buckets()).extracting(Volumes.Bucket::key).containsExactlyElementsOf(expected.keySet());
            for (final Volumes.Bucket bucket : volumes.buckets()) {
                final long[] sums = expected.get(bucket.key());
                assertThat(bucket.executions()).as(bucket.key()).isEqualTo(sums[0]);
                assertThat(bucket.volume()).as(bucket.key()).isEqualTo(sums[1]);
                assertThat(bucket.notional()).as(bucket.key()).isEqualTo(Rows.usd(sums[2]));
            }
            assertThat(volumes.total().volume()).isEqualTo(history.fills().stream().mapToLong(Er::lastQty).sum());
            assertThat(volumes.otherExecutions()).isZero();
        }
        final Volumes one = search.volumes(params("groupBy", "account", "buckets", "1", "symbol", "SPY"));
        assertThat(one.buckets()).extracting(Volumes.Bucket::key).containsExactly("ALICE");
        assertThat(one.otherExecutions()).isEqualTo(history.fills().stream()
            .filter(f -> f.symbol().equals("SPY") && !f.account().equals("ALICE")).count());
    }

    @Test
    void volumeByHourCutsHoursInTheAskedTimeZone() throws Exception {
        final Volumes volumes = search.volumes(params("groupBy", "hour", "timeZone", "Asia/Kolkata"));

        final Map<String, Long> expected = new TreeMap<>();
        for (final Er fill : history.fills()) {
            expected.merge(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(nanos(fill.transactTime())
                .atZone(java.time.ZoneId.of("Asia/Kolkata")).truncatedTo(java.time.temporal.ChronoUnit.HOURS)),
                fill.lastQty(), Long::sum);
        }
        assertThat(volumes.timeZone()).isEqualTo("Asia/Kolkata");
        final Map<String, Long> found = new TreeMap<>();
        volumes.buckets().forEach(b -> found.put(b.key(), b.volume()));
        assertThat(found).isEqualTo(expected);
        assertThat(found.keySet()).allMatch(k -> k.endsWith("+05:30"));
    }

    @Test
    void everyBadParameterIsRefusedByName() {
        refused("sybmol", () -> search.executions(params("sybmol", "AAPL")));
        refused("minPrice", () -> search.executions(params("minPrice", "12.3.4")));
        refused("minPrice", () -> search.executions(params("minPrice", "-1")));
        refused("maxPrice", () -> search.orders(params("maxPrice", "1.00001")));
        refused("minQty", () -> search.executions(params("minQty", "ten")));
        refused("from", () -> search.executions(params("from", "yesterday")));
        refused("to", () -> search.executions(params("to", "2026-01-05T08:00:00")));
        refused("from", () -> search.executions(params("from", "2026-01-06T00:00:00Z", "to", "2026-01-05T00:00:00Z")));
        refused("minPrice", () -> search.orders(params("minPrice", "200", "maxPrice", "100")));
        refused("minQty", () -> search.orders(params("minQty", "500", "maxQty", "100")));
        refused("sort", () -> search.executions(params("sort", "password")));
        refused("sort", () -> search.orders(params("sort", "price")));
        refused("order", () -> search.orders(params("order", "up")));
        refused("size", () -> search.executions(params("size", "0")));
        refused("size", () -> search.executions(params("size", "1001")));
        refused("side", () -> search.executions(params("side", "buy")));
        refused("status", () -> search.orders(params("status", "DONE")));
        refused("brokerFirm", () -> search.orders(params("brokerFirm", "NOSUCHFIRM")));
        refused("cursor", () -> search.executions(params("cursor", "not-a-cursor")));
        refused("symbol", () -> search.executions(params("symbol", "")));
        refused("groupBy", () -> search.volumes(params("groupBy", "day")));
        refused("timeZone", () -> search.volumes(params("timeZone", "Mars/Olympus")));
        refused("cursor", () -> search.volumes(params("cursor", "x")));
        refused("orderId", () -> search.lineage(params()));
        refused("clOrdId", () -> search.lineage(params("sessionId", "FIX.4.4:PORTCULLIS->BROKER1")));
        refused("sessionId", () -> search.lineage(params("orderId", "1", "sessionId", "S")));
        refused("symbol", () -> search.executions(Map.of("symbol", List.of("AAPL", "MSFT"))));
    }

    @Test
    void aCursorOnlyContinuesItsOwnSearchAndNotAfterItsPointInTimeIsGone() throws Exception {
        final Page first = search.executions(params("size", "10", "symbol", "AAPL"));
        assertThat(first.next()).isNotNull();

        refused("cursor", () -> search.executions(params("size", "10", "symbol", "MSFT", "cursor", first.next())));
        refused("cursor", () -> search.orders(params("size", "10", "symbol", "AAPL", "cursor", first.next())));
        final Page second = search.executions(params("size", "20", "symbol", "AAPL", "cursor", first.next()));
        assertThat(second.rows()).hasSize(20);

        final Cursor cursor = Cursor.decode(second.next(), "executions", Cursor.fingerprint("executions",
            new SearchParameters(params("symbol", "AAPL"), AuditSearch.FILTERS).filter(f -> Set.of()),
            new SortSpec("transactTime", "transactTime", true)));
        history.es.closePointInTime(c -> c.id(cursor.pitId()));
        assertThatThrownBy(() -> search.executions(params("size", "20", "symbol", "AAPL", "cursor", second.next())))
            .isInstanceOfSatisfying(InvalidSearch.class, ex -> {
                assertThat(ex.parameter()).isEqualTo("cursor");
                assertThat(ex.reason()).contains("expired");
            });
    }

    private static void refused(final String parameter, final org.assertj.core.api.ThrowableAssert.ThrowingCallable
        call) {
        assertThatThrownBy(call).as(parameter).isInstanceOfSatisfying(InvalidSearch.class,
            ex -> assertThat(ex.parameter()).as(ex.getMessage()).isEqualTo(parameter));
    }

    private static void expectExecutions(final Predicate<Er> expected, final String... filters) throws Exception {
        final List<ObjectNode> rows = allExecutions(100, filters);
        final List<String> execIds = rows.stream().map(r -> r.get("execId").asText()).toList();
        assertThat(execIds).as(Arrays.toString(filters)).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(execIds)).as(Arrays.toString(filters))
            .isEqualTo(new TreeSet<>(ids(history.fills(), expected)));
    }

    private static void expectOrders(final Predicate<Er> expected, final int size, final String... filters)
        throws Exception {
        final Set<String> want = new TreeSet<>();
        history.latestOrders().forEach((key, er) -> {
            if (expected.test(er)) {
                want.add(key);
            }
        });
        final Set<String> found = new TreeSet<>();
        for (final ObjectNode row : allOrders(size, filters)) {
            final String key = row.has("orderId") ? row.get("orderId").asText()
                : "rejected:" + row.get("clOrdId").asText();
            assertThat(found.add(key)).as("%s once", key).isTrue();
        }
        assertThat(found).as(Arrays.toString(filters)).isEqualTo(want).isNotEmpty();
    }

    private static List<ObjectNode> allExecutions(final int size, final String... filters) throws Exception {
        final List<ObjectNode> rows = new ArrayList<>();
        String cursor = null;
        do {
            final Map<String, List<String>> p = params(filters);
            p.put("size", List.of(Integer.toString(size)));
            if (cursor != null) {
                p.put("cursor", List.of(cursor));
            }
            final Page page = search.executions(p);
            assertThat(page.rows().size()).isLessThanOrEqualTo(size);
            rows.addAll(page.rows());
            cursor = page.next();
        } while (cursor != null);
        return rows;
    }

    private static List<ObjectNode> allOrders(final int size, final String... filters) throws Exception {
        final List<ObjectNode> rows = new ArrayList<>();
        String cursor = null;
        do {
            final Map<String, List<String>> p = params(filters);
            p.put("size", List.of(Integer.toString(size)));
            if (cursor != null) {
                p.put("cursor", List.of(cursor));
            }
            final Page page = search.orders(p);
            assertThat(page.rows().size()).isLessThanOrEqualTo(size);
            rows.addAll(page.rows());
            cursor = page.next();
        } while (cursor != null);
        return rows;
    }

    static Map<String, List<String>> params(final String... nameValue) {
        final Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            out.put(nameValue[i], List.of(nameValue[i + 1]));
        }
        return out;
    }

    private static Set<String> ids(final List<Er> fills, final Predicate<Er> filter) {
        return fills.stream().filter(filter).map(Er::execId).collect(Collectors.toSet());
    }

    static Instant nanos(final long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
            Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private static Set<String> words(final String text) {
        return text == null ? Set.of()
            : new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")));
    }
}
