package io.portcullis.reporting.rule605;


import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.portcullis.config.Settings;
import io.portcullis.oms.command.CancelOrder;
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
 * The hand-computed scenario of the Rule 605 and 606 golden tests, run through the real engine, a Kafka journal
 * topic of its own and the real audit indexer into indices of their own prefix.
 *
 * <p>One block per (month, symbol), at base price B (AAPL, an S&amp;P 500 stock: B = 268.00; SPY, not in the
 * S&amp;P 500: B = 668.00), seconds after the block's start s:
 * <pre>
 *  s+0  A1 MAKER sell limit 200 @ B+.10    NMLO (empty book)
 *  s+1  A2 MAKER buy  limit 200 @ B-.10    NMLO                      book B-.10 / B+.10
 *  s+2  A3 MAKER sell limit 300 @ B+.20    NMLO
 *  s+3  C1 CUST  buy  market 100 DAY        M    fills 100 @ B+.10
 *  s+4  C2 CUST  buy  limit 500 @ B+.20    ML   fills 100 @ B+.10, 300 @ B+.20, rests 100 @ B+.20
 *  s+5  C3 CUST  sell limit 100 @ B+.30    NMLO                      book B+.20 / B+.30
 *  s+6  C4 CUST  buy  stop 100 stop B+1.00 OTHER
 *  s+10 A4 MAKER sell limit 100 @ B+.15    ML   fills 100 @ B+.20 against C2 (C2 done, 6 s after receipt)
 *  s+11 C5 CUST  sell market 100 IOC        M    fills 100 @ B-.10 (excluded from 605: IOC)
 *  s+12 C6 CUST  sell limit 100 @ B-.10    ML   fills 100 @ B-.10    book - / B+.30
 *  s+13 cancel C3; s+13.5 cancel C4                                  book empty
 *  s+14 A5 MAKER buy  limit 100 @ B-.05    NMLO
 *  s+15 A6 MAKER sell limit 100 @ B+.05    NMLO                      book B-.05 / B+.05 (mid B) for the
 *                                                                    realized spreads 15 s and 1 min on
 *  s+90 cancel A5, A6
 * </pre>
 * Blocks: AAPL at 2026-10-15T15:00:00Z, SPY two minutes later; the same in November from 2026-11-16T16:00:00Z.
 * 12 orders per block, 48 in all.
 */
public final class ExecutionQualityScenario implements AutoCloseable {
    /** The session every order arrives on. */
    public static final String SESSION = "FIX.4.4:PORTCULLIS->BROKER1";
    /** Block starts. */
    public static final Instant OCTOBER = Instant.parse("2026-10-15T15:00:00Z");
    /** Block starts. */
    public static final Instant NOVEMBER = Instant.parse("2026-11-16T16:00:00Z");

    /** The index prefix the documents went to. */
    public final String prefix;
    /** A client of the local Elasticsearch. */
    public final ElasticsearchClient es;
    private final RestClient rest;
    private final String topic;
    private final List<Command> commands = new ArrayList<>();

    private ExecutionQualityScenario(final Class<?> testClass) {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH);
        prefix = Isolation.indexPrefix(testClass) + "quality";
        topic = Isolation.topicName(testClass, "journal-quality");
        rest = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    /**
     * Runs the scenario and indexes it.
     *
     * @param testClass names the topic and index prefix
     * @return the scenario
     * @throws Exception when the stack fails
     */
    public static ExecutionQualityScenario run(final Class<?> testClass) throws Exception {
        final ExecutionQualityScenario scenario = new ExecutionQualityScenario(testClass);
        for (final Instant month : List.of(OCTOBER, NOVEMBER)) {
            scenario.block(month, "AAPL", 2_680_000L);
            scenario.block(month.plusSeconds(120), "SPY", 6_680_000L);
        }
        scenario.journal();
        scenario.index();
        return scenario;
    }

    /** The settings a report command needs to read this scenario's indices. */
    public Settings settings() {
        return Settings.of(Map.of("es.url", LocalStack.elasticsearchUrl(), "audit.index-prefix", prefix,
            "kafka.bootstrap", LocalStack.kafkaBootstrap()), Map.of(), Map.of());
    }

    private void block(final Instant start, final String symbol, final long b) {
        final String p = symbol + start.getEpochSecond() % 100_000 + "-";
        order(start, 0, p + "A1", "MAKER", symbol, Side.SELL, OrdType.LIMIT, TimeInForce.DAY, 200, b + 1_000);
        order(start, 1_000, p + "A2", "MAKER", symbol, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 200, b - 1_000);
        order(start, 2_000, p + "A3", "MAKER", symbol, Side.SELL, OrdType.LIMIT, TimeInForce.DAY, 300, b + 2_000);
        order(start, 3_000, p + "C1", "CUST", symbol, Side.BUY, OrdType.MARKET, TimeInForce.DAY, 100, Prices.NONE);
        order(start, 4_000, p + "C2", "CUST", symbol, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 500, b + 2_000);
        order(start, 5_000, p + "C3", "CUST", symbol, Side.SELL, OrdType.LIMIT, TimeInForce.DAY, 100, b + 3_000);
        commands.add(new NewOrder(0, nanos(start, 6_000), SESSION, p + "C4", "CUST", symbol, Side.BUY,
            OrdType.STOP, TimeInForce.DAY, 100, Prices.NONE, b + 10_000, 0, NewOrder.NO_EXPIRY));
        order(start, 10_000, p + "A4", "MAKER", symbol, Side.SELL, OrdType.LIMIT, TimeInForce.DAY, 100, b + 1_500);
        order(start, 11_000, p + "C5", "CUST", symbol, Side.SELL, OrdType.MARKET, TimeInForce.IOC, 100,
            Prices.NONE);
        order(start, 12_000, p + "C6", "CUST", symbol, Side.SELL, OrdType.LIMIT, TimeInForce.DAY, 100, b - 1_000);
        commands.add(new CancelOrder(0, nanos(start, 13_000), SESSION, p + "X3", p + "C3", 0));
        commands.add(new CancelOrder(0, nanos(start, 13_500), SESSION, p + "X4", p + "C4", 0));
        order(start, 14_000, p + "A5", "MAKER", symbol, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 100, b - 500);
        order(start, 15_000, p + "A6", "MAKER", symbol, Side.SELL, OrdType.LIMIT, TimeInForce.DAY, 100, b + 500);
        commands.add(new CancelOrder(0, nanos(start, 90_000), SESSION, p + "X5", p + "A5", 0));
        commands.add(new CancelOrder(0, nanos(start, 90_500), SESSION, p + "X6", p + "A6", 0));
    }

    private void order(final Instant start, final long millis, final String clOrdId, final String account,
                       final String symbol, final Side side, final OrdType type, final TimeInForce tif,
                       final long qty, final long price) {
        commands.add(new NewOrder(0, nanos(start, millis), SESSION, clOrdId, account, symbol, side, type, tif, qty,
            price, Prices.NONE, 0, NewOrder.NO_EXPIRY));
    }

    private static long nanos(final Instant start, final long millis) {
        final Instant at = start.plusMillis(millis);
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    private static EngineConfig config() {
        return new EngineConfig().instruments(InstrumentCsvLoader.loadBundled().toRegistry())
            .accounts(List.of(Account.customer("MAKER", "FIRMA"), Account.customer("CUST", "FIRMB")))
            .expectedLiveOrders(1 << 10);
    }

    private void journal() throws InterruptedException {
        AuditDay.journal(config(), topic, commands, 1_024);
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
