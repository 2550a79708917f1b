package io.portcullis.reporting.bluesheet;


import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.portcullis.config.Settings;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.engine.EngineConfig;
import io.portcullis.oms.instrument.InstrumentCsvLoader;
import io.portcullis.reporting.AuditDay;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The hand-built scenario of the blue sheet golden test, run through the real engine, a Kafka journal topic of its
 * own and the real audit indexer into indices of their own prefix. Two brokers' sessions: MAKER on BROKER1, CUST on
 * BROKER2. Thursday 2026-10-15 from 14:30:00Z (10:30:00 New York), then Friday 2026-10-16 at 14:30:00Z:
 * <pre>
 *  10-15 +0s  MAKER sell limit 300 AAPL @ 268.10          rests
 *  10-15 +1s  CUST  buy  limit 100 AAPL @ 268.10          trade 1: 100 @ 268.10 (CUST buys from MAKER)
 *  10-15 +2s  CUST  sell short limit 200 AAPL @ 268.00    rests (below MAKER's 268.10 ask, no bid)
 *  10-15 +3s  MAKER buy  limit 150 AAPL @ 268.05          trade 2: 150 @ 268.00 (MAKER buys CUST's short sale)
 *  10-15 +4s  MAKER sell limit 100 SPY  @ 668.00          rests
 *  10-15 +5s  CUST  buy  limit 100 SPY  @ 668.00          trade 3: 100 @ 668.00
 *  10-16 +0s  MAKER buy  market 50 AAPL IOC               trade 4: 50 @ 268.00 against CUST's short sale
 * </pre>
 * AAPL over both days: trades 1, 2, 4, two records each (6 records, 600 shares). CUST on 10-15: trades 1, 2, 3
 * (3 records, 350 shares).
 */
final class BlueSheetScenario implements AutoCloseable {
    static final String BROKER1 = "FIX.4.4:PORTCULLIS->BROKER1";
    static final String BROKER2 = "FIX.4.4:PORTCULLIS->BROKER2";
    private static final Instant THURSDAY = Instant.parse("2026-10-15T14:30:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-10-16T14:30:00Z");

    final String prefix;
    private final ElasticsearchClient es;
    private final RestClient rest;
    private final String topic;
    private final List<Command> commands = new ArrayList<>();

    private BlueSheetScenario(final Class<?> testClass) {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH);
        prefix = Isolation.indexPrefix(testClass) + "bluesheet";
        topic = Isolation.topicName(testClass, "journal-bluesheet");
        rest = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    static BlueSheetScenario run(final Class<?> testClass) throws Exception {
        final BlueSheetScenario scenario = new BlueSheetScenario(testClass);
        scenario.order(THURSDAY, 0, BROKER1, "M1", "MAKER", "AAPL", Side.SELL, OrdType.LIMIT, 300, 2_681_000);
        scenario.order(THURSDAY, 1, BROKER2, "C1", "CUST", "AAPL", Side.BUY, OrdType.LIMIT, 100, 2_681_000);
        scenario.order(THURSDAY, 2, BROKER2, "C2", "CUST", "AAPL", Side.SELL_SHORT, OrdType.LIMIT, 200, 2_680_000);
        scenario.order(THURSDAY, 3, BROKER1, "M2", "MAKER", "AAPL", Side.BUY, OrdType.LIMIT, 150, 2_680_500);
        scenario.order(THURSDAY, 4, BROKER1, "M3", "MAKER", "SPY", Side.SELL, OrdType.LIMIT, 100, 6_680_000);
        scenario.order(THURSDAY, 5, BROKER2, "C3", "CUST", "SPY", Side.BUY, OrdType.LIMIT, 100, 6_680_000);
        scenario.commands.add(new NewOrder(0, nanos(FRIDAY, 0), BROKER1, "M4", "MAKER", "AAPL", Side.BUY,
            OrdType.MARKET, TimeInForce.IOC, 50, Prices.NONE, Prices.NONE, 0, NewOrder.NO_EXPIRY));
        scenario.journal();
        scenario.index();
        return scenario;
    }

    Settings settings(final Map<String, String> more) {
        final Map<String, String> all = new java.util.HashMap<>(more);
        all.put("es.url", LocalStack.elasticsearchUrl());
        all.put("audit.index-prefix", prefix);
        all.put("kafka.bootstrap", LocalStack.kafkaBootstrap());
        return Settings.of(all, Map.of(), Map.of());
    }

    private void order(final Instant day, final int second, final String session, final String clOrdId,
                       final String account, final String symbol, final Side side, final OrdType type,
                       final long qty, final long price) {
        commands.add(new NewOrder(0, nanos(day, second), session, clOrdId, account, symbol, side, type,
            TimeInForce.DAY, qty, price, Prices.NONE, 0, NewOrder.NO_EXPIRY));
    }

    private static long nanos(final Instant day, final int second) {
        return (day.getEpochSecond() + second) * 1_000_000_000L;
    }

    private void journal() throws InterruptedException {
        AuditDay.journal(new EngineConfig().instruments(InstrumentCsvLoader.loadBundled().toRegistry())
            .accounts(List.of(Account.customer("MAKER", "FIRMA"), Account.customer("CUST", "FIRMB")))
            .expectedLiveOrders(1 << 10), topic, commands, 1_024);
    }

    private void index() throws IOException {
        AuditDay.index(es, topic, prefix, commands.size());
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
