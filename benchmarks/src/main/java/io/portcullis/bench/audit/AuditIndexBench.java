package io.portcullis.bench.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.config.Settings;
import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.domain.Account;
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
import org.apache.http.HttpHost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/**
 * The audit indexer side by side with a bare bulk client, on the same machine, the same Elasticsearch and the same
 * documents. A real engine journals {@code --commands} orders and cancels to a fresh Kafka topic; then
 * <ol>
 *   <li>the Portcullis {@link AuditIndexer} (default settings: 1,000 records a poll, bulks of 5,000, one in flight,
 *       hash chain, offsets stored after each poll) indexes the journal into a fresh alias, timed from start to the
 *       last offset stored;</li>
 *   <li>the bare client: those very documents, read back and held in memory as ready NDJSON, are bulk-created into a
 *       fresh index with the same mapping and settings by the low-level REST client, bulks of 5,000, one in flight:
 *       no Kafka, no decoding, no chain, no offsets. It is the floor the indexer is measured against.</li>
 * </ol>
 * Usage: {@code AuditIndexBench [--commands N] [--out DIR]}; prints a table and writes it to {@code DIR/results.md}.
 */
public final class AuditIndexBench {
    private static final String[] SYMBOLS = {"AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "JPM"};
    private static final long[] PRICES = {2_684_700, 4_784_300, 1_812_600, 2_293_900, 2_851_100, 6_092_800,
        4_301_200, 3_027_600};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BULK = 5_000;

    private AuditIndexBench() {
    }

    /** Entry point. */
    public static void main(final String[] args) throws Exception {
        int commands = 100_000;
        Path out = Path.of("benchmarks/target/bench-audit");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--commands" -> commands = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                    + " (usage: AuditIndexBench [--commands N] [--out DIR])");
            }
        }
        final Settings settings = Settings.fromProcess();
        final String run = "bench-audit-" + Long.toString(System.nanoTime(), 36);
        final JournalConfiguration journal = JournalConfiguration.from(settings).withTopic(run + ".journal");
        System.out.printf("journaling %,d commands to %s ...%n", commands, journal.topic());
        journal(journal, commands);

        final AuditIndexerConfiguration configuration = AuditIndexerConfiguration.from(settings)
            .with(journal.topic(), run);
        try (RestClient rest = RestClient.builder(HttpHost.create(configuration.elasticsearchUrl())).build()) {
            System.out.println("indexing with the Portcullis audit indexer ...");
            final long started = System.nanoTime();
            final long documents;
            try (AuditIndexer indexer = new AuditIndexer(configuration)) {
                indexer.start();
                while (indexer.nextOffset() < commands) {
                    if (indexer.failure() != null) {
                        throw new IllegalStateException("the indexer stopped", indexer.failure());
                    }
                    TimeUnit.MILLISECONDS.sleep(5);
                }
                documents = indexer.createdDocuments();
            }
            final double indexerSeconds = (System.nanoTime() - started) / 1e9;
            System.out.println("reading the documents back for the bare client ...");
            final String alias = configuration.indexPrefix() + "-audit";
            rest.performRequest(new Request("POST", "/" + alias + "/_refresh"));
            final List<byte[]> bulks = bulkBodies(rest, alias);
            final String bare = run + "-bare";
            copyIndex(rest, alias, bare);
            System.out.println("indexing the same documents with a bare bulk client ...");
            final long bareStarted = System.nanoTime();
            long bareDocuments = 0;
            for (final byte[] body : bulks) {
                final Request request = new Request("POST", "/" + bare + "/_bulk");
                request.setEntity(new ByteArrayEntity(body, ContentType.create("application/x-ndjson")));
                final JsonNode answer = JSON.readTree(rest.performRequest(request).getEntity().getContent());
                if (answer.path("errors").asBoolean()) {
                    throw new IllegalStateException("the bare bulk had errors: " + answer.toString().substring(0,
                        Math.min(500, answer.toString().length())));
                }
                bareDocuments += answer.path("items").size();
            }
            final double bareSeconds = (System.nanoTime() - bareStarted) / 1e9;
            final String table = String.format(Locale.ROOT, """
                | Client | Documents | Seconds | Documents/s |
                |---|---:|---:|---:|
                | Portcullis audit indexer (Kafka -> decode -> hash chain -> bulk -> offsets) | %,d | %.1f | %,.0f |
                | bare bulk client (NDJSON ready in memory -> bulk) | %,d | %.1f | %,.0f |

                audit indexer vs bare bulk client: %.2f
                """, documents, indexerSeconds, documents / indexerSeconds, bareDocuments, bareSeconds,
                bareDocuments / bareSeconds, (documents / indexerSeconds) / (bareDocuments / bareSeconds));
            System.out.println(table);
            Files.createDirectories(out);
            Files.writeString(out.resolve("results.md"), table);
            final List<String> created = new ArrayList<>();
            read(rest.performRequest(new Request("GET", "/" + alias + "-*/_settings"))).fieldNames()
                .forEachRemaining(created::add);
            created.add(bare);
            for (final String index : created) {
                deleteQuietly(rest, index);
            }
            rest.performRequest(new Request("DELETE", "/_index_template/" + alias + "," + alias + "-offsets"));
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
            final SplittableRandom random = new SplittableRandom(7);
            final List<String> live = new ArrayList<>();
            for (int i = 1; i <= commands; i++) {
                final Command command = next(random, i, live);
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

    /** Every document of {@code alias}, as NDJSON bulk bodies of {@value #BULK} creates with the same ids. */
    private static List<byte[]> bulkBodies(final RestClient rest, final String alias) throws IOException {
        final List<byte[]> bodies = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int inBody = 0;
        JsonNode after = null;
        while (true) {
            final ObjectNode query = JSON.createObjectNode();
            query.put("size", 10_000);
            query.putArray("sort").addObject().put("chainSeq", "asc");
            if (after != null) {
                query.set("search_after", after);
            }
            final Request request = new Request("POST", "/" + alias + "/_search");
            request.setJsonEntity(query.toString());
            final JsonNode hits = read(rest.performRequest(request)).path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            for (final JsonNode hit : hits) {
                body.write(("{\"create\":{\"_id\":" + hit.path("_id").toString() + "}}\n")
                    .getBytes(StandardCharsets.UTF_8));
                body.write(JSON.writeValueAsBytes(hit.path("_source")));
                body.write('\n');
                if (++inBody == BULK) {
                    bodies.add(body.toByteArray());
                    body.reset();
                    inBody = 0;
                }
                after = hit.path("sort");
            }
        }
        if (inBody > 0) {
            bodies.add(body.toByteArray());
        }
        return bodies;
    }

    /** A fresh index with the mapping and the index settings of the audit indices. */
    private static void copyIndex(final RestClient rest, final String alias, final String target)
        throws IOException {
        final JsonNode mappings = read(rest.performRequest(new Request("GET", "/" + alias + "/_mapping")));
        final JsonNode mapping = mappings.elements().next().path("mappings");
        final JsonNode settings = read(rest.performRequest(new Request("GET", "/" + alias + "/_settings")))
            .elements().next().path("settings").path("index");
        final ObjectNode create = JSON.createObjectNode();
        final ObjectNode index = create.putObject("settings").putObject("index");
        for (final String key : List.of("number_of_shards", "number_of_replicas", "refresh_interval", "codec")) {
            if (settings.has(key)) {
                index.set(key, settings.get(key));
            }
        }
        create.set("mappings", mapping);
        final Request request = new Request("PUT", "/" + target);
        request.setJsonEntity(create.toString());
        rest.performRequest(request);
    }

    private static JsonNode read(final Response response) throws IOException {
        try (InputStream in = response.getEntity().getContent()) {
            return JSON.readTree(in);
        }
    }

    private static void deleteQuietly(final RestClient rest, final String index) {
        try {
            rest.performRequest(new Request("DELETE", "/" + index));
        } catch (final IOException ex) {
            System.err.println("could not delete " + index + ": " + ex.getMessage());
        }
    }

    private static Command next(final SplittableRandom random, final int i, final List<String> live) {
        if (!live.isEmpty() && random.nextInt(10) < 3) {
            final String orig = live.remove(random.nextInt(live.size()));
            return new CancelOrder(0, System.currentTimeMillis() * 1_000_000L, "BENCH", "X" + i, orig, 0);
        }
        final int s = random.nextInt(SYMBOLS.length);
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final long price = PRICES[s] + 100L * (random.nextInt(21) - 10);
        final String id = "O" + i;
        live.add(id);
        if (live.size() > 5_000) {
            live.remove(0);
        }
        return new NewOrder(0, System.currentTimeMillis() * 1_000_000L, "BENCH", id, i % 2 == 0 ? "ACC-A" : "ACC-B",
            SYMBOLS[s], side, OrdType.LIMIT, TimeInForce.DAY, 100L * (1 + random.nextInt(5)), price, Prices.NONE, 0,
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
