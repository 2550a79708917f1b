package io.portcullis.bench.cat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.config.Settings;
import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.AccountType;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.engine.EngineConfig;
import io.portcullis.oms.instrument.InstrumentRegistry;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.oms.runner.CommandCallback;
import io.portcullis.oms.runner.EngineRunner;
import io.portcullis.reporting.audit.AuditIndexer;
import io.portcullis.reporting.audit.AuditIndexerConfiguration;
import io.portcullis.reporting.cat.CatAccount;
import io.portcullis.reporting.cat.CatAccounts;
import io.portcullis.reporting.cat.CatBuilder;
import io.portcullis.reporting.cat.CatConfiguration;
import io.portcullis.reporting.reconcile.TradingDay;
import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * Building a day's CAT files from the audit index, timed. A real engine journals {@code --commands} orders and
 * cancels (seeded, two customer accounts crossing in eight symbols, all on 2026-10-15 from 14:00 UTC, one every
 * 20 microseconds) to a fresh Kafka topic; the real {@link AuditIndexer} indexes them into a fresh alias (every
 * document kind: execution reports, trades, positions, tops of book, risk decisions); then the {@link CatBuilder}
 * builds the CAT order event files of that day from the index into a temporary directory, timed from start to the
 * last file written. The figure is audit documents read per second and CAT records written per second.
 *
 * <p>Usage: {@code CatBench [--commands N] [--out DIR]}; prints a table and writes it to {@code DIR/results.md}.
 * The default 320,000 commands give about a million audit documents (3.15 per command).
 */
public final class CatBench {
    private static final String[] SYMBOLS = {"AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "JPM"};
    private static final long[] PRICES = {2_684_700, 4_784_300, 1_812_600, 2_293_900, 2_851_100, 6_092_800,
        4_301_200, 3_027_600};
    private static final Instant START = Instant.parse("2026-10-15T14:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 10, 15);

    private CatBench() {
    }

    /**
     * Entry point.
     *
     * @param args {@code [--commands N] [--out DIR]}
     * @throws Exception when the stack fails
     */
    public static void main(final String[] args) throws Exception {
        int commands = 320_000;
        Path out = Path.of("benchmarks/target/bench-cat");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--commands" -> commands = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                    + " (usage: CatBench [--commands N] [--out DIR])");
            }
        }
        final String run = "bench-cat-" + Long.toString(System.nanoTime(), 36);
        final Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put(Settings.environmentName("audit.index-prefix"), run);
        final Settings settings = Settings.of(Map.of(), Map.of(), environment);
        final JournalConfiguration journal = JournalConfiguration.from(settings).withTopic(run + ".journal");
        System.out.printf("journaling %,d commands to %s ...%n", commands, journal.topic());
        journal(journal, commands);

        final AuditIndexerConfiguration indexing = AuditIndexerConfiguration.from(settings)
            .with(journal.topic(), run);
        System.out.println("indexing with the Portcullis audit indexer ...");
        final long indexStarted = System.nanoTime();
        final long documents;
        try (AuditIndexer indexer = new AuditIndexer(indexing)) {
            indexer.start();
            while (indexer.nextOffset() < commands) {
                if (indexer.failure() != null) {
                    throw new IllegalStateException("the indexer stopped", indexer.failure());
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
            documents = indexer.createdDocuments();
        }
        final double indexSeconds = (System.nanoTime() - indexStarted) / 1e9;
        final String alias = run + "-audit";
        final Path files = Files.createTempDirectory("bench-cat");
        try (RestClient rest = RestClient.builder(HttpHost.create(indexing.elasticsearchUrl()))
            .setRequestConfigCallback(c -> c.setConnectTimeout(3_000).setSocketTimeout(120_000)).build()) {
            rest.performRequest(new Request("POST", "/" + alias + "/_refresh"));
            final ElasticsearchClient es = new ElasticsearchClient(new RestClientTransport(rest,
                new JacksonJsonpMapper(new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false))));
            final CatConfiguration cat = CatConfiguration.from(settings);
            final CatAccounts accounts = CatAccounts.of(List.of(
                new CatAccount("ACC-A", "FIRM", AccountType.CUSTOMER, "FDACCA", null),
                new CatAccount("ACC-B", "FIRM", AccountType.CUSTOMER, "FDACCB", null)));
            System.out.println("building the day's CAT files ...");
            final long started = System.nanoTime();
            final CatBuilder.Result result = new CatBuilder(es, cat, accounts).build(new TradingDay(DAY), files);
            final double seconds = (System.nanoTime() - started) / 1e9;
            long bytes = 0;
            try (Stream<Path> list = Files.list(files)) {
                for (final Path file : list.toList()) {
                    bytes += Files.size(file);
                }
            }
            final String table = String.format(Locale.ROOT, """
                | Step | Documents | Records | Seconds | Documents/s | Records/s |
                |---|---:|---:|---:|---:|---:|
                | audit indexer (journal -> index) | %,d | | %.1f | %,.0f | |
                | CAT build (index -> %d data files, %,d bytes with metadata) | %,d | %,d | %.1f | %,.0f | %,.0f |

                commands %,d; clean %s; records by type %s
                """, documents, indexSeconds, documents / indexSeconds, result.files().size(), bytes,
                result.documents(), result.records(), seconds, result.documents() / seconds,
                result.records() / seconds, commands, result.clean(), result.byType());
            System.out.println(table);
            Files.createDirectories(out);
            Files.writeString(out.resolve("results.md"), table);
            cleanUp(rest, alias, files);
        }
    }

    private static void cleanUp(final RestClient rest, final String alias, final Path files) throws IOException {
        final Request indices = new Request("GET", "/_cat/indices/" + alias + "-*");
        indices.addParameter("h", "index");
        for (final String index : EntityUtils.toString(rest.performRequest(indices).getEntity()).split("\\s+")) {
            if (!index.isBlank()) {
                rest.performRequest(new Request("DELETE", "/" + index));
            }
        }
        rest.performRequest(new Request("DELETE", "/_index_template/" + alias + "," + alias + "-offsets"));
        try (Stream<Path> walk = Files.walk(files)) {
            for (final Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void journal(final JournalConfiguration configuration, final int commands) throws Exception {
        try (KafkaJournal kafka = KafkaJournal.open(configuration)) {
            final EngineRunner runner = new EngineRunner(Recovery.recover(config(), null, configuration), kafka,
                null, 1 << 16, 0);
            final CountDownLatch durable = new CountDownLatch(commands);
            final CommandCallback callback = new CommandCallback() {
                @Override
                public void onDurable(final long sequence, final long offset, final byte[] record) {
                    durable.countDown();
                }

                @Override
                public void onLost(final long sequence, final String reason) {
                    throw new IllegalStateException("lost command " + sequence + ": " + reason);
                }
            };
            final SplittableRandom random = new SplittableRandom(11);
            final List<String> live = new ArrayList<>();
            for (int i = 1; i <= commands; i++) {
                final Command command = command(random, i, live);
                while (!runner.submit(command, callback)) {
                    Thread.onSpinWait();
                }
            }
            if (!durable.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the journal did not become durable");
            }
            runner.close();
        }
    }

    /** Seven in ten a limit order near the symbol's price (crossing about half the time), else a cancel. */
    private static Command command(final SplittableRandom random, final int i, final List<String> live) {
        final long time = (START.getEpochSecond() * 1_000_000_000L) + 20_000L * i;
        if (!live.isEmpty() && random.nextInt(10) < 3) {
            return new CancelOrder(0, time, "BENCH", "X" + i, live.remove(random.nextInt(live.size())), 0);
        }
        final int s = random.nextInt(SYMBOLS.length);
        final String id = "O" + i;
        live.add(id);
        if (live.size() > 5_000) {
            live.remove(0);
        }
        return new NewOrder(0, time, "BENCH", id, i % 2 == 0 ? "ACC-A" : "ACC-B", SYMBOLS[s],
            random.nextBoolean() ? Side.BUY : Side.SELL, OrdType.LIMIT, TimeInForce.DAY,
            100L * (1 + random.nextInt(5)), PRICES[s] + 100L * (random.nextInt(21) - 10), Prices.NONE, 0,
            NewOrder.NO_EXPIRY);
    }

    private static EngineConfig config() {
        final List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < SYMBOLS.length; i++) {
            instruments.add(new Instrument(SYMBOLS[i], SYMBOLS[i], "XNAS", true, 100, 1, PRICES[i],
                InstrumentStatus.ACTIVE));
        }
        return new EngineConfig().instruments(InstrumentRegistry.of(instruments))
            .accounts(List.of(Account.customer("ACC-A", "FIRM"), Account.customer("ACC-B", "FIRM")))
            .expectedLiveOrders(1 << 18);
    }
}
