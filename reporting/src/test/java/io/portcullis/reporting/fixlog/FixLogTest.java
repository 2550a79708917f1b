package io.portcullis.reporting.fixlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.portcullis.config.Settings;
import io.portcullis.reporting.audit.AuditIndexer;
import io.portcullis.reporting.audit.AuditIndexerConfiguration;
import io.portcullis.reporting.audit.AuditStream;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./portcullis fixlog} against the real Elasticsearch: FIX_MESSAGE documents of docs/audit.md in the daily
 * index of a prefix of this class (its template put by the real audit indexer), filtered by session, MsgType,
 * ClOrdID and time, printed decoded or raw, and followed as new ones arrive.
 */
@Timeout(120)
class FixLogTest {
    private static final String BROKER1 = "FIX.4.4:PORTCULLIS->BROKER1";
    private static final String BROKER2 = "FIXT.1.1:PORTCULLIS->BROKER2";
    private static final String BROKER3 = "FIX.4.2:PORTCULLIS->BROKER3";
    private static final String PREFIX = Isolation.indexPrefix(FixLogTest.class) + "fixlog";
    private static final String AUDIT_TOPIC = Isolation.topicName(FixLogTest.class, "audit");

    private static RestClient restClient;
    private static ElasticsearchClient es;
    private static AuditIndexer indexer;
    private static long nextOffset;

    @BeforeAll
    static void indexAFewMessages() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH);
        restClient = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        es = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            LocalStack.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(AUDIT_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        // The real indexer of the audit topic puts the templates (strict mapping, alias) before it reads anything.
        indexer = new AuditIndexer(AuditIndexerConfiguration.from(Settings.of(Map.of(
                "kafka.bootstrap", LocalStack.kafkaBootstrap(), "es.url", LocalStack.elasticsearchUrl()),
            Map.of(), Map.of())).forStream(AuditStream.AUDIT_TOPIC).with(AUDIT_TOPIC, PREFIX));
        indexer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> indexer.nextOffset() == 0);

        index(BROKER1, "IN", "09:30:00", fix("FIX.4.4", "A", 1, "BROKER1", "PORTCULLIS", "98=0|108=30|"));
        index(BROKER1, "IN", "09:30:01", fix("FIX.4.4", "D", 2, "BROKER1", "PORTCULLIS",
            "11=ORD-1|1=ALICE|55=AAPL|54=1|38=100|40=2|44=187.25|59=0|60=20260105-09:30:01|"));
        index(BROKER1, "OUT", "09:30:01.500", fix("FIX.4.4", "8", 2, "PORTCULLIS", "BROKER1",
            "37=1|11=ORD-1|17=1|150=0|39=0|55=AAPL|54=1|151=100|14=0|6=0|"));
        index(BROKER2, "IN", "09:31:00", fix("FIXT.1.1", "D", 5, "BROKER2", "PORTCULLIS",
            "1128=9|11=ORD-2|1=BOB|55=MSFT|54=2|38=50|40=1|60=20260105-09:31:00|"));
        index(BROKER1, "IN", "09:32:00", fix("FIX.4.4", "F", 3, "BROKER1", "PORTCULLIS",
            "11=ORD-3|41=ORD-1|55=AAPL|54=1|38=100|60=20260105-09:32:00|"));
        index(BROKER3, "OUT", "10:00:00", fix("FIX.4.2", "0", 9, "PORTCULLIS", "BROKER3", ""));
    }

    @AfterAll
    static void deleteIndices() throws IOException {
        indexer.close();
        final var indices = es.indices().get(g -> g.index(PREFIX + "-audit*").allowNoIndices(true)).result();
        if (!indices.isEmpty()) {
            es.indices().delete(d -> d.index(new ArrayList<>(indices.keySet())));
        }
        es.indices().deleteIndexTemplate(d -> d.name(PREFIX + "-audit," + PREFIX + "-audit-offsets"));
        restClient.close();
    }

    @Test
    void everyMessageIsPrintedOldestFirstAcrossSessions() {
        final Run run = fixlog("--to", "2026-01-05");

        assertThat(run.status).isZero();
        assertThat(run.lines()).extracting(line -> line.substring(0, line.indexOf(' '))).containsExactly(
            "2026-01-05T09:30:00Z", "2026-01-05T09:30:01Z", "2026-01-05T09:30:01.500Z", "2026-01-05T09:31:00Z",
            "2026-01-05T09:32:00Z", "2026-01-05T10:00:00Z");
    }

    @Test
    void aMessageIsPrintedWithTheNamesOfItsSessionsDictionary() {
        final Run run = fixlog("--clordid", "ORD-1", "--msg-type", "D");

        assertThat(run.lines()).singleElement().satisfies(line -> {
            assertThat(line).startsWith("2026-01-05T09:30:01Z IN  " + BROKER1 + " 8(BeginString)=FIX.4.4|");
            assertThat(line).contains("|35(MsgType)=D(NewOrderSingle)|", "|11(ClOrdID)=ORD-1|", "|54(Side)=1(BUY)|",
                "|40(OrdType)=2(LIMIT)|", "|44(Price)=187.25|").endsWith("|");
        });
        assertThat(fixlog("--session", BROKER2).lines()).singleElement().asString()
            .contains("|35(MsgType)=D(NewOrderSingle)|", "|1128(ApplVerID)=9(FIX50SP2)|", "|54(Side)=2(SELL)|");
        assertThat(fixlog("--session", BROKER3).lines()).singleElement().asString()
            .contains("|35(MsgType)=0(Heartbeat)|");
    }

    @Test
    void rawPrintsTheMessageAsStored() {
        final Run run = fixlog("--raw", "--session", BROKER1, "--msg-type", "Logon");

        assertThat(run.lines()).singleElement().asString().isEqualTo("2026-01-05T09:30:00Z IN  " + BROKER1 + " "
            + fix("FIX.4.4", "A", 1, "BROKER1", "PORTCULLIS", "98=0|108=30|"));
    }

    @Test
    void sessionsFilterAndRepeat() {
        assertThat(fixlog("--session", BROKER1).lines()).hasSize(4).allSatisfy(line -> assertThat(line)
            .contains(" " + BROKER1 + " "));
        assertThat(fixlog("--session", BROKER2, "--session", BROKER3).lines()).hasSize(2);
        assertThat(fixlog("--session", "FIX.4.4:PORTCULLIS->NOBODY").lines()).isEmpty();
    }

    @Test
    void messageTypesAreGivenByValueOrByName() {
        assertThat(fixlog("--msg-type", "NewOrderSingle", "--to", "2026-01-05").lines()).hasSize(2)
            .allSatisfy(line -> assertThat(line).contains("|35(MsgType)=D(NewOrderSingle)|"));
        assertThat(fixlog("--msg-type", "8", "--to", "2026-01-05").lines()).singleElement().asString().contains("(ExecutionReport)");
        assertThat(fixlog("--msg-type", "D,OrderCancelRequest", "--to", "2026-01-05").lines()).hasSize(3);
    }

    @Test
    void aClOrdIdMatchesClOrdIdOrOrigClOrdId() {
        final Run run = fixlog("--clordid", "ORD-1");

        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(2)).contains("|35(MsgType)=F(OrderCancelRequest)|", "|41(OrigClOrdID)=ORD-1|");
    }

    @Test
    void aTimeRangeIncludesBothEnds() {
        assertThat(fixlog("--from", "2026-01-05T09:30:01Z", "--to", "2026-01-05T09:31:00Z").lines())
            .extracting(line -> line.substring(0, line.indexOf(' ')))
            .containsExactly("2026-01-05T09:30:01Z", "2026-01-05T09:30:01.500Z", "2026-01-05T09:31:00Z");
        assertThat(fixlog("--from", "2026-01-05T04:31:30-05:00", "--to", "2026-01-05").lines()).as("an offset")
            .extracting(line -> line.substring(0, line.indexOf(' ')))
            .containsExactly("2026-01-05T09:32:00Z", "2026-01-05T10:00:00Z");
        assertThat(fixlog("--from", "2026-01-05", "--to", "2026-01-05").lines()).as("a whole day").hasSize(6);
        final Run nextDay = fixlog("--from", "2026-01-04", "--to", "2026-01-04");
        assertThat(nextDay.lines()).isEmpty();
        assertThat(nextDay.err).contains("no FIX message");
    }

    @Test
    void theLimitStopsThePrintingAndSaysThatMoreMatch() {
        final Run run = fixlog("--limit", "2");

        assertThat(run.lines()).hasSize(2);
        assertThat(run.err).contains("more match");
    }

    @Test
    void followPrintsTheLastMessagesThenEachNewOneOnce() throws Exception {
        final String session = "FIX.4.4:PORTCULLIS->FOLLOW";
        index(session, "IN", "2026-01-06T09:00:00Z", fix("FIX.4.4", "A", 1, "FOLLOW", "PORTCULLIS", "98=0|108=30|"));
        index(session, "IN", "2026-01-06T09:00:01Z", fix("FIX.4.4", "D", 2, "FOLLOW", "PORTCULLIS",
            "11=F-1|55=AAPL|54=1|38=100|40=1|"));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicBoolean following = new AtomicBoolean(true);
        final CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> FixLogMain.run(
            List.of("--follow", "--session", session, "--limit", "1"), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), settings(),
            following::get));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> lines(out).size() == 1);
            assertThat(lines(out).get(0)).as("the last one before following").contains("|11(ClOrdID)=F-1|");

            index(BROKER2, "IN", "2026-01-06T09:00:02Z", fix("FIXT.1.1", "0", 6, "BROKER2", "PORTCULLIS", ""));
            index(session, "OUT", "2026-01-06T09:00:02Z", fix("FIX.4.4", "8", 2, "PORTCULLIS", "FOLLOW",
                "37=1|11=F-1|17=2|150=F|39=2|55=AAPL|54=1|151=0|14=100|6=187.25|"));

            await().atMost(Duration.ofSeconds(20)).failFast("fixlog stopped", status::isDone)
                .until(() -> lines(out).size() == 2);
            Thread.sleep(3 * FixLog.POLL_MS);
            assertThat(lines(out)).as("printed once, other sessions left out").hasSize(2);
            assertThat(lines(out).get(1)).startsWith("2026-01-06T09:00:02Z OUT " + session + " ")
                .contains("|150(ExecType)=F(TRADE)|", "|39(OrdStatus)=2(FILLED)|");
        } finally {
            following.set(false);
            System.out.println("fixlog --follow said on stderr: " + err.toString(StandardCharsets.UTF_8));
        }
        assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void followPicksUpWhatTheIndexerIndexesFromTheAuditTopic() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final AtomicBoolean following = new AtomicBoolean(true);
        final String session = "FIX.4.4:PORTCULLIS->LIVE";
        final CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> FixLogMain.run(
            List.of("--follow", "--session", session), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), settings(), following::get));
        try {
            Thread.sleep(2 * FixLog.POLL_MS);
            final String message = fix("FIX.4.4", "D", 7, "LIVE", "PORTCULLIS", "11=LIVE-1|55=SPY|54=1|38=1|40=1|")
                .replace('|', '\u0001');
            final String record = "{\"type\":\"FIX\",\"time\":" + nanos(Instant.now()) + ",\"session\":\""
                + session + "\",\"direction\":\"IN\",\"message\":\"" + message.replace("\u0001", "\\u0001") + "\"}";
            final Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
                producer.send(new ProducerRecord<>(AUDIT_TOPIC, record)).get(30, TimeUnit.SECONDS);
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> lines(out).size() == 1);
            assertThat(lines(out).get(0)).contains(" IN  " + session + " ", "|11(ClOrdID)=LIVE-1|",
                "|35(MsgType)=D(NewOrderSingle)|");
        } finally {
            following.set(false);
        }
        assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aBadOptionIsNamedAndExitsWithTwo() {
        assertThat(fixlog("--limit", "many")).satisfies(r -> {
            assertThat(r.status).isEqualTo(2);
            assertThat(r.err).contains("--limit");
        });
        assertThat(fixlog("--msg-type", "NoSuchMessage").err).contains("--msg-type", "NoSuchMessage");
        assertThat(fixlog("--from", "yesterday").err).contains("--from", "yesterday");
        assertThat(fixlog("--follow", "--to", "2026-01-05").err).contains("--to", "--follow");
        assertThat(fixlog("--session").err).contains("--session takes a value");
        assertThat(fixlog("--colour").status).isEqualTo(2);
        assertThat(fixlog("--help").out).contains("--clordid", "--follow", "Exit status");
    }

    @Test
    void anUnreachableElasticsearchSaysToStartTheStack() {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = FixLogMain.run(List.of(), new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            Settings.of(Map.of("es.url", "http://127.0.0.1:1", "audit.index-prefix", PREFIX), Map.of(), Map.of()),
            () -> false);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not answer", "./portcullis stack up");
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The outcome of one run of the command. */
    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    private static Run fixlog(final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = FixLogMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), settings(), () -> false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Settings settings() {
        return Settings.of(Map.of("es.url", LocalStack.elasticsearchUrl(), "audit.index-prefix", PREFIX), Map.of(),
            Map.of());
    }

    private static List<String> lines(final ByteArrayOutputStream out) {
        final String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /**
     * Indexes a FIX_MESSAGE document as the indexer of the audit topic writes it (docs/audit.md) into its daily index.
     * {@code time} is a time of 2026-01-05 (09:30:00) or an instant.
     */
    private static void index(final String session, final String direction, final String time, final String message)
        throws IOException {
        final long offset = nextOffset++;
        final Map<String, String> tags = tags(message);
        final Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("event", "FIX_MESSAGE");
        doc.put("transactTime", Instant.parse(time.length() < 13 ? "2026-01-05T" + time + "Z" : time).toString());
        doc.put("journalTopic", "direct." + AUDIT_TOPIC);
        doc.put("journalPartition", 0);
        doc.put("journalOffset", offset);
        doc.put("eventIndex", 0);
        doc.put("sessionId", session);
        doc.put("direction", direction);
        doc.put("msgType", tags.get("35"));
        doc.put("msgSeqNum", Long.parseLong(tags.get("34")));
        doc.put("beginString", tags.get("8"));
        doc.put("senderCompId", tags.get("49"));
        doc.put("targetCompId", tags.get("56"));
        if (tags.containsKey("11")) {
            doc.put("clOrdId", tags.get("11"));
        }
        if (tags.containsKey("41")) {
            doc.put("origClOrdId", tags.get("41"));
        }
        doc.put("message", message);
        es.index(i -> i.index(PREFIX + "-audit-" + ((String) doc.get("transactTime")).substring(0, 10).replace('-', '.'))
            .id("direct-" + offset).document(doc)
            .refresh(Refresh.True));
    }

    private static Map<String, String> tags(final String message) {
        final Map<String, String> tags = new LinkedHashMap<>();
        for (final String field : message.split("\\|")) {
            final int eq = field.indexOf('=');
            tags.putIfAbsent(field.substring(0, eq), field.substring(eq + 1));
        }
        return tags;
    }

    /** A well-formed message (BodyLength and CheckSum computed over SOH), printed with '|' for SOH. */
    private static String fix(final String begin, final String type, final int seq, final String sender,
                              final String target, final String body) {
        final String fields = body(type, seq, sender, target, body);
        final String head = "8=" + begin + "\u00019=" + fields.length() + "\u0001";
        int sum = 0;
        for (final char c : (head + fields).toCharArray()) {
            sum += c;
        }
        return (head + fields + "10=" + String.format("%03d", sum % 256) + "\u0001").replace('\u0001', '|');
    }

    private static String body(final String type, final int seq, final String sender, final String target,
                               final String body) {
        return ("35=" + type + "|34=" + seq + "|49=" + sender + "|56=" + target + "|52=20260105-09:30:00.000|" + body)
            .replace('|', '\u0001');
    }

    private static long nanos(final Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
