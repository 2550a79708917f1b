package io.portcullis.reporting.surveillance;


import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
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
 * Two trading days run through the real engine, a Kafka journal topic of their own and the real audit indexer into
 * indices of their own prefix.
 *
 * <p>{@link #SEEDED} (Tuesday 2026-09-15, New York = UTC-4) holds one case of each pattern:
 * <pre>
 *  AAPL (B = 268.00) layering, from 14:00:00Z
 *    +0     MAKER sell 100 @ B (rests)
 *    +1..12 SPOOF sell 2,000 @ B+.50, B+.51, ... (12 large orders on the ask)
 *    +13    SPOOF buy 100 @ B: fills against MAKER
 *    +14..  SPOOF cancels the 12 large sells, half a second apart (all within 7 s of the fill)
 *  MSFT (B = 478.00) wash trades, W1 and W2 share the beneficial owner OWNER-W
 *    15:00:00Z W1 sell 300 @ B, 15:00:01Z W2 buy 300 @ B: trade
 *    15:00:02Z W2 sell 200 @ B+.01, 15:00:03Z W1 buy 200 @ B+.01: trade
 *  NVDA (B = 180.00) marking the close
 *    14:30:00Z MAKER sell 500 @ B, MC buy 500 @ B: MC long 500, last price B
 *    19:52Z    MAKER sells 100 @ B+.20, B+.40, B+.60 (rest)
 *    19:55Z, 19:56Z, 19:57Z MC buys 100 @ B+.20, B+.40, B+.60: the last price rises .60 (33 bps) before 16:00 NY
 * </pre>
 * {@link #CLEAN} (2026-09-16) is a demo day: MAKER sells 100 SPY @ 668.00 every 20 minutes from 13:51Z to 19:51Z
 * and CUST1 or CUST2 (unrelated) buy it at once, at the same steady price, into the closing minutes.
 */
final class SurveillanceScenario implements AutoCloseable {
    /** The session every order arrives on. */
    static final String SESSION = "FIX.4.4:PORTCULLIS->BROKER1";
    /** The day with the seeded patterns. */
    static final LocalDate SEEDED = LocalDate.of(2026, 9, 15);
    /** The clean day. */
    static final LocalDate CLEAN = LocalDate.of(2026, 9, 16);
    /** Every account of the scenario, with its firm. */
    static final Map<String, String> ACCOUNTS = Map.of("MAKER", "FIRMA", "SPOOF", "FIRMB", "W1", "FIRMB", "W2",
        "FIRMA", "MC", "FIRMB", "CUST1", "FIRMA", "CUST2", "FIRMB");

    /** The index prefix the documents went to. */
    final String prefix;
    /** A client of the local Elasticsearch. */
    final ElasticsearchClient es;
    private final RestClient rest;
    private final String topic;
    private final List<Command> commands = new ArrayList<>();
    private int sequence;

    private SurveillanceScenario(final Class<?> testClass) {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH);
        prefix = Isolation.indexPrefix(testClass) + "surveillance";
        topic = Isolation.topicName(testClass, "journal-surveillance");
        rest = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    /**
     * Runs both days and indexes them.
     *
     * @param testClass names the topic and index prefix
     * @return the scenario
     * @throws Exception when the stack fails
     */
    static SurveillanceScenario run(final Class<?> testClass) throws Exception {
        final SurveillanceScenario scenario = new SurveillanceScenario(testClass);
        scenario.layering(Instant.parse("2026-09-15T14:00:00Z"), "AAPL", 2_680_000L);
        scenario.markingTheCloseSetUp(Instant.parse("2026-09-15T14:30:00Z"), "NVDA", 1_800_000L);
        scenario.wash(Instant.parse("2026-09-15T15:00:00Z"), "MSFT", 4_780_000L);
        scenario.markingTheClose(Instant.parse("2026-09-15T19:52:00Z"), "NVDA", 1_800_000L);
        scenario.cleanDay(Instant.parse("2026-09-16T13:51:00Z"), "SPY", 6_680_000L);
        scenario.journal();
        scenario.index();
        return scenario;
    }

    private void layering(final Instant start, final String symbol, final long b) {
        order(start, 0, "MAKER", symbol, Side.SELL, 100, b);
        final List<String> large = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            large.add(order(start, i * 1_000L, "SPOOF", symbol, Side.SELL, 2_000, b + 5_000 + i * 100L));
        }
        order(start, 13_000, "SPOOF", symbol, Side.BUY, 100, b);
        for (int i = 0; i < large.size(); i++) {
            cancel(start, 14_000 + i * 500L, large.get(i));
        }
    }

    private void wash(final Instant start, final String symbol, final long b) {
        order(start, 0, "W1", symbol, Side.SELL, 300, b);
        order(start, 1_000, "W2", symbol, Side.BUY, 300, b);
        order(start, 2_000, "W2", symbol, Side.SELL, 200, b + 100);
        order(start, 3_000, "W1", symbol, Side.BUY, 200, b + 100);
    }

    private void markingTheCloseSetUp(final Instant start, final String symbol, final long b) {
        order(start, 0, "MAKER", symbol, Side.SELL, 500, b);
        order(start, 1_000, "MC", symbol, Side.BUY, 500, b);
    }

    private void markingTheClose(final Instant start, final String symbol, final long b) {
        order(start, 0, "MAKER", symbol, Side.SELL, 100, b + 2_000);
        order(start, 1_000, "MAKER", symbol, Side.SELL, 100, b + 4_000);
        order(start, 2_000, "MAKER", symbol, Side.SELL, 100, b + 6_000);
        order(start, 180_000, "MC", symbol, Side.BUY, 100, b + 2_000);
        order(start, 240_000, "MC", symbol, Side.BUY, 100, b + 4_000);
        order(start, 300_000, "MC", symbol, Side.BUY, 100, b + 6_000);
    }

    private void cleanDay(final Instant start, final String symbol, final long b) {
        for (int i = 0; i < 19; i++) {
            final long at = i * 20 * 60_000L;
            order(start, at, "MAKER", symbol, Side.SELL, 100, b);
            order(start, at + 1_000, i % 2 == 0 ? "CUST1" : "CUST2", symbol, Side.BUY, 100, b);
        }
    }

    /** @return the ClOrdID */
    private String order(final Instant start, final long millis, final String account, final String symbol,
                         final Side side, final long qty, final long price) {
        final String clOrdId = "S" + ++sequence;
        commands.add(new NewOrder(0, nanos(start, millis), SESSION, clOrdId, account, symbol, side, OrdType.LIMIT,
            TimeInForce.DAY, qty, price, Prices.NONE, 0, NewOrder.NO_EXPIRY));
        return clOrdId;
    }

    private void cancel(final Instant start, final long millis, final String origClOrdId) {
        commands.add(new CancelOrder(0, nanos(start, millis), SESSION, "X" + ++sequence, origClOrdId, 0));
    }

    private static long nanos(final Instant start, final long millis) {
        final Instant at = start.plusMillis(millis);
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    private static EngineConfig config() {
        final List<Account> accounts = new ArrayList<>();
        ACCOUNTS.forEach((account, firm) -> accounts.add(Account.customer(account, firm)));
        return new EngineConfig().instruments(InstrumentCsvLoader.loadBundled().toRegistry()).accounts(accounts)
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
