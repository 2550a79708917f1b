package io.portcullis.reporting.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.portcullis.config.Settings;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.event.CancelReject;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.JournalReader;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.reporting.AuditDay;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * A real engine run journaled to a Kafka topic of its own (seeded random flow), indexed by the real audit indexer
 * into indices of their own prefix, and what the journal holds, read straight from Kafka without the indexer or the
 * search: the reference the searches are checked against. One per test class.
 */
final class TradeHistory implements AutoCloseable {
    /** An execution report as the engine emitted it (money in 1e-4 USD, NONE as Long.MIN_VALUE). */
    record Er(long sequence, String execId, String orderId, String sessionId, String clOrdId, String origClOrdId,
              String account, String symbol, String side, String execType, String ordStatus, long price,
              long orderQty, long cumQty, long leavesQty, long lastPx, long lastQty, long transactTime, String text) {
    }

    /** A cancel reject. */
    record Cr(String orderId, String clOrdId, String origClOrdId, long transactTime, String text) {
    }

    /** A trade print. */
    record Trade(String tradeId, String taker, String maker, long transactTime) {
    }

    final String prefix;
    final String topic;
    final RestClient rest;
    final ElasticsearchClient es;
    final List<Er> reports = new ArrayList<>();
    final List<Cr> cancelRejects = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    private final JournalConfiguration journal;

    private TradeHistory(final Class<?> testClass, final String purpose) {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH);
        this.prefix = Isolation.indexPrefix(testClass) + purpose;
        this.topic = Isolation.topicName(testClass, "journal-" + purpose);
        this.journal = JournalConfiguration.from(Settings.of(Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap()),
            Map.of(), Map.of())).withTopic(topic);
        this.rest = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        this.es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    /** Journals {@code commands} commands of the seeded flow, indexes them all, and reads the journal back. */
    static TradeHistory of(final Class<?> testClass, final String purpose, final int commands, final long seed)
        throws Exception {
        final TradeHistory history = new TradeHistory(testClass, purpose);
        history.journal(commands, seed);
        history.index(commands);
        history.read();
        return history;
    }

    private void journal(final int commands, final long seed) throws InterruptedException {
        final RandomFlowAccess flow = new RandomFlowAccess(seed);
        try (KafkaJournal kafka = KafkaJournal.open(journal)) {
            AuditDay.journal(RandomFlowAccess.config(), journal, kafka, flow::next, commands, 4_096);
        }
    }

    private void index(final long records) throws IOException {
        AuditDay.index(es, topic, prefix, records, Duration.ofSeconds(180));
    }

    private void read() {
        final EngineListener listener = new EngineListener() {
            private long sequence;

            @Override
            public void onExecutionReport(final ExecutionReport r) {
                reports.add(new Er(sequence, Long.toString(r.execId()), id(r.orderId()), str(r.sessionId()),
                    str(r.clOrdId()), str(r.origClOrdId()), str(r.account()), str(r.symbol()),
                    r.side() == null ? null : r.side().name(),
                    r.execType().name(), r.ordStatus().name(), r.price(), r.orderQty(), r.cumQty(), r.leavesQty(),
                    r.lastPx(), r.lastQty(), r.transactTime(), str(r.text())));
            }

            @Override
            public void onCancelReject(final CancelReject r) {
                cancelRejects.add(new Cr(id(r.orderId()), str(r.clOrdId()), str(r.origClOrdId()), r.transactTime(),
                    str(r.text())));
            }

            @Override
            public void onTrade(final CharSequence symbol, final long tradeId, final long price, final long qty,
                                final Side aggressorSide, final long takerOrderId, final long makerOrderId,
                                final long transactTime) {
                trades.add(new Trade(Long.toString(tradeId), id(takerOrderId), id(makerOrderId), transactTime));
            }

            @Override
            public void onCommandStart(final long commandSequence, final long timestamp) {
                sequence = commandSequence;
            }
        };
        JournalReader.readToEnd(journal, 0, (record, offset) -> {
            listener.onCommandStart(record.sequence(), record.timestamp());
            EventDecoder.decode(record.events(), 0, record.events().length, listener);
        });
    }

    /** Fills: execution reports with execType TRADE. */
    List<Er> fills() {
        return reports.stream().filter(r -> r.execType().equals("TRADE")).toList();
    }

    /**
     * Every order in its latest state, keyed by OrderID, or by {@code clOrdId} for orders rejected on entry; in
     * journal order of entry.
     */
    Map<String, Er> latestOrders() {
        final Map<String, Er> out = new LinkedHashMap<>();
        for (final Er r : reports) {
            if (r.orderId() != null) {
                out.put(r.orderId(), r);
            } else if (r.execType().equals("REJECTED")) {
                out.put("rejected:" + r.clOrdId(), r);
            }
        }
        return out;
    }

    /** The entry report (NEW, or REJECTED without OrderID) of each order, keyed as {@link #latestOrders()}. */
    Map<String, Er> entries() {
        final Map<String, Er> out = new LinkedHashMap<>();
        for (final Er r : reports) {
            if (r.orderId() != null && r.execType().equals("NEW")) {
                out.putIfAbsent(r.orderId(), r);
            } else if (r.orderId() == null && r.execType().equals("REJECTED")) {
                out.put("rejected:" + r.clOrdId(), r);
            }
        }
        return out;
    }

    /** The search under test, over this history's alias. */
    AuditSearch search(final int keepAliveSeconds) {
        return new AuditSearch(es, new AuditSearchConfiguration(LocalStack.elasticsearchUrl(), prefix,
            keepAliveSeconds), firm -> switch (firm) {
                case "FIRMA" -> java.util.Set.of("ALICE", "BOB");
                case "FIRMB" -> java.util.Set.of("CAROL", "DAVE");
                default -> java.util.Set.of();
            });
    }

    private static String id(final long id) {
        return id == 0 ? null : Long.toString(id);
    }

    private static String str(final CharSequence text) {
        return text == null ? null : text.toString();
    }

    /** Deletes the indices and templates of this prefix. */
    @Override
    public void close() throws IOException {
        try {
            AuditDay.deleteIndices(es, prefix);
        } finally {
            rest.close();
        }
    }
}
