package io.portcullis.reporting.search;

import static io.portcullis.reporting.search.AuditSearchTest.nanos;
import static io.portcullis.reporting.search.AuditSearchTest.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.reporting.search.TradeHistory.Er;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lineage of an order that was replaced and traded: its engine documents from a real engine run indexed by the
 * real indexer, and FIX messages indexed here as the audit-topic indexer writes them (docs/audit.md), some of them
 * about other orders or other sessions, which must stay out.
 */
@Timeout(300)
class OrderLineageTest {
    private static final String OTHER_SESSION = "FIX.4.4:PORTCULLIS->BROKER2";
    private static TradeHistory history;
    private static AuditSearch search;
    private static Er replaced;
    private static String order;
    private static String session;
    private static final List<String> EXPECTED_MESSAGES = new ArrayList<>();
    private static long fixOffset;

    @BeforeAll
    static void journalIndexAndLogFixMessages() throws Exception {
        history = TradeHistory.of(OrderLineageTest.class, "lineage", 1_500, 7L);
        search = history.search(60);
        final Set<String> traded = history.fills().stream().map(Er::orderId).collect(Collectors.toSet());
        replaced = history.reports.stream().filter(r -> r.execType().equals("REPLACED") && traded.contains(r.orderId()))
            .findFirst().orElseThrow();
        order = replaced.orderId();
        session = RandomFlowAccess.session();
        final Er entry = history.entries().get(order);
        final Er other = history.entries().values().stream().filter(e -> !order.equals(e.orderId())).findFirst()
            .orElseThrow();

        expected(fix(session, "IN", "D", entry.transactTime() - 1_000, entry.clOrdId(), null, null));
        expected(fix(session, "OUT", "8", entry.transactTime() + 1_000, entry.clOrdId(), null, order));
        expected(fix(session, "IN", "G", replaced.transactTime() - 1_000, replaced.clOrdId(),
            replaced.origClOrdId(), null));
        expected(fix(session, "OUT", "8", replaced.transactTime() + 1_000, replaced.clOrdId(),
            replaced.origClOrdId(), order));
        expected(fix(session, "IN", "H", replaced.transactTime() + 2_000, null, null, order));
        fix(session, "IN", "D", other.transactTime() - 1_000, other.clOrdId(), null, null);
        fix(OTHER_SESSION, "IN", "D", entry.transactTime() - 500, entry.clOrdId(), null, null);
        fix(session, "IN", "0", entry.transactTime() - 700, null, null, null);
        history.es.indices().refresh(r -> r.index(history.prefix + "-audit"));
    }

    @AfterAll
    static void deleteIndices() throws Exception {
        if (history != null) {
            history.close();
        }
    }

    @Test
    void theLineageHoldsEveryEngineDocumentOfTheOrderAndItsFixMessagesAndNothingElse() throws Exception {
        final Lineage lineage = search.lineage(params("orderId", order));

        assertThat(lineage.orderId()).isEqualTo(order);
        assertThat(lineage.sessionIds()).containsExactly(session);
        assertThat(lineage.clOrdIds()).contains(history.entries().get(order).clOrdId(), replaced.clOrdId());
        assertThat(lineage.truncated()).isFalse();
        assertThat(ofEvent(lineage, "EXECUTION_REPORT", "execId")).isEqualTo(history.reports.stream()
            .filter(r -> order.equals(r.orderId())).map(Er::execId).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(ofEvent(lineage, "TRADE", "tradeId")).isEqualTo(history.trades.stream()
            .filter(t -> order.equals(t.taker()) || order.equals(t.maker())).map(TradeHistory.Trade::tradeId)
            .collect(Collectors.toCollection(TreeSet::new))).isNotEmpty();
        assertThat(lineage.entries().stream().filter(e -> e.get("event").asText().equals("CANCEL_REJECT")).count())
            .isEqualTo(history.cancelRejects.stream().filter(c -> order.equals(c.orderId())).count());
        assertThat(lineage.entries().stream().filter(e -> e.get("event").asText().equals("FIX_MESSAGE"))
            .map(e -> e.get("documentId").asText()).toList()).containsExactlyElementsOf(EXPECTED_MESSAGES);
        assertThat(lineage.entries()).filteredOn(e -> e.get("event").asText().equals("RISK_DECISION"))
            .allSatisfy(e -> assertThat(order.equals(e.path("orderId").asText())
                || lineage.clOrdIds().contains(e.path("clOrdId").asText())).isTrue());
    }

    @Test
    void theLineageIsInTimeOrderWithTheFixMessagesAroundTheEngineDocuments() throws Exception {
        final List<ObjectNode> entries = search.lineage(params("orderId", order)).entries();

        for (int i = 1; i < entries.size(); i++) {
            final Instant before = Instant.parse(entries.get(i - 1).get("transactTime").asText());
            final Instant after = Instant.parse(entries.get(i).get("transactTime").asText());
            assertThat(after).as("entry %d", i).isAfterOrEqualTo(before);
            if (after.equals(before) && entries.get(i).get("journalTopic").equals(entries.get(i - 1)
                .get("journalTopic"))) {
                assertThat(entries.get(i).get("journalOffset").asLong() * 1_000 + entries.get(i).get("eventIndex")
                    .asLong()).isGreaterThan(entries.get(i - 1).get("journalOffset").asLong() * 1_000
                    + entries.get(i - 1).get("eventIndex").asLong());
            }
        }
        final List<String> kinds = entries.stream().map(e -> e.get("event").asText() + " " + e.path("msgType")
            .asText("") + e.path("execType").asText("")).toList();
        assertThat(kinds.get(0)).isEqualTo("FIX_MESSAGE D");
        assertThat(kinds.indexOf("FIX_MESSAGE G")).isLessThan(kinds.indexOf("EXECUTION_REPORT REPLACED"));
        final List<String> execIds = entries.stream().filter(e -> e.has("execId") && e.get("event").asText()
            .equals("EXECUTION_REPORT")).map(e -> e.get("execId").asText()).toList();
        assertThat(execIds).isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        assertThat(entries.get(1).get("price").asText()).as("prices as decimal USD").matches("[0-9]+\\.[0-9]{2,4}");
    }

    @Test
    void anyClOrdIdOfTheChainInItsSessionGivesTheSameLineage() throws Exception {
        final List<String> byOrder = documentIds(search.lineage(params("orderId", order)));

        assertThat(documentIds(search.lineage(params("sessionId", session, "clOrdId", replaced.clOrdId()))))
            .isEqualTo(byOrder);
        assertThat(documentIds(search.lineage(params("sessionId", session, "clOrdId", replaced.origClOrdId()))))
            .isEqualTo(byOrder);
        assertThatThrownBy(() -> search.lineage(params("sessionId", OTHER_SESSION + "X", "clOrdId",
            replaced.clOrdId()))).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> search.lineage(params("orderId", "999999999")))
            .isInstanceOf(NoSuchElementException.class);
    }

    private static List<String> documentIds(final Lineage lineage) {
        return lineage.entries().stream().map(e -> e.get("documentId").asText()).toList();
    }

    private static Set<String> ofEvent(final Lineage lineage, final String event, final String field) {
        return lineage.entries().stream().filter(e -> e.get("event").asText().equals(event))
            .map(e -> e.get(field).asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void expected(final String documentId) {
        EXPECTED_MESSAGES.add(documentId);
    }

    /** Indexes one FIX_MESSAGE document as the audit-topic indexer would; returns its id. */
    private static String fix(final String sessionId, final String direction, final String msgType, final long time,
                              final String clOrdId, final String origClOrdId, final String orderId) throws Exception {
        final String topic = history.topic + "-audit";
        final long offset = fixOffset++;
        final String[] comps = sessionId.substring(sessionId.indexOf(':') + 1).split("->");
        final Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("event", "FIX_MESSAGE");
        doc.put("transactTime", nanos(time).toString());
        doc.put("journalTopic", topic);
        doc.put("journalPartition", 0);
        doc.put("journalOffset", offset);
        doc.put("eventIndex", 0);
        doc.put("sessionId", sessionId);
        doc.put("direction", direction);
        doc.put("msgType", msgType);
        doc.put("msgSeqNum", offset + 2);
        doc.put("beginString", "FIX.4.4");
        doc.put("senderCompId", "IN".equals(direction) ? comps[1] : comps[0]);
        doc.put("targetCompId", "IN".equals(direction) ? comps[0] : comps[1]);
        doc.put("possDup", false);
        final StringBuilder message = new StringBuilder("8=FIX.4.4|35=").append(msgType).append('|');
        if (clOrdId != null) {
            doc.put("clOrdId", clOrdId);
            message.append("11=").append(clOrdId).append('|');
        }
        if (origClOrdId != null) {
            doc.put("origClOrdId", origClOrdId);
            message.append("41=").append(origClOrdId).append('|');
        }
        if (orderId != null) {
            doc.put("orderId", orderId);
            message.append("37=").append(orderId).append('|');
        }
        doc.put("message", message.append("10=000|").toString());
        final String id = topic + "-0-" + offset + "-0";
        final String index = history.prefix + "-audit-" + DateTimeFormatter.ofPattern("yyyy.MM.dd")
            .withZone(ZoneOffset.UTC).format(nanos(time));
        history.es.index(i -> i.index(index).id(id).document(doc).refresh(Refresh.False));
        return id;
    }
}
