package io.portcullis.bench.fix;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.BROKER_FIRM;
import static io.portcullis.sql.schema.Tables.FIX_CREDENTIAL;
import static io.portcullis.sql.schema.Tables.FIX_SESSION;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import io.portcullis.bench.fix.LoadGenerator.StepResult;
import io.portcullis.config.Settings;
import io.portcullis.fix.messages.fix44.NewOrderSingle;
import io.portcullis.fix.session.PasswordHasher;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import org.HdrHistogram.Histogram;
import org.jooq.DSLContext;

/**
 * {@code ./portcullis bench fix}: the FIX gateway side by side with a bare QuickFIX/J acceptor ({@link BareAcceptor}),
 * each in its own JVM on this machine, driven by the same open-loop {@link LoadGenerator} over loopback with 1, 10
 * and 100 FIX 4.4 sessions at a ladder of fixed offered rates. For each target and session count it finds the highest
 * offered rate that was sustained (every order acknowledged and filled, sender on schedule) with order-to-ack and
 * order-to-fill p99 within 1 ms and within 10 ms. A step that misses 10 ms is repeated once (the better run counts);
 * a ladder stops after two rates in a row miss it.
 *
 * <p>The gateway runs as in production ({@code GatewayMain}: journal in Kafka, book of record and FIX store in MySQL,
 * projector, FIX message log to a file) on a fresh database and journal topic per run, with its resting liquidity
 * placed by one extra session before measuring. Ends with
 * {@code gateway vs bare QuickFIX/J sustainable-rate ratio: R}, R being the geometric mean over the session counts of
 * gateway rate / bare rate at p99 within 10 ms.
 *
 * <p>Usage: {@code FixBench --app-classpath CP --bench-classpath CP [--sessions 1,10,100] [--rates R1,R2,...]
 * [--seconds S] [--warmup S] [--targets bare,gateway] [--out DIR] [--target-jvm-options 'OPTS']}
 */
public final class FixBench {
    private static final String PASSWORD = "bench-session-password";
    private static final long ONE_MS = 1_000_000L;
    private static final long TEN_MS = 10_000_000L;

    private FixBench() {
    }

    private record Options(String appClasspath, String benchClasspath, int[] sessions, int[] rates, int seconds,
                           int warmup, List<String> targets, Path out, List<String> targetJvmOptions) {
    }

    /** Best sustained rates of one target at one session count. */
    private record Best(int within1ms, int within10ms) {
    }

    public static void main(final String[] args) throws Exception {
        final Options options = parse(args);
        Files.createDirectories(options.out());
        final List<String> rows = new ArrayList<>();
        rows.add("| target | sessions | offered/s | achieved/s | sustained | ack p50 | ack p99 | ack p99.9 | ack max "
            + "| fill p50 | fill p99 | fill p99.9 | fill max |");
        rows.add("|---|---:|---:|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        final Map<String, Map<Integer, Best>> best = new LinkedHashMap<>();
        for (final String target : options.targets()) {
            best.put(target, measure(target, options, rows));
        }
        final StringBuilder summary = new StringBuilder();
        summary.append("| sessions |");
        options.targets().forEach(t -> summary.append(' ').append(t).append(" p99<=1ms |").append(' ').append(t)
            .append(" p99<=10ms |"));
        summary.append("\n|---:|").append("---:|".repeat(options.targets().size() * 2)).append('\n');
        for (final int sessions : options.sessions()) {
            summary.append("| ").append(sessions).append(" |");
            for (final String target : options.targets()) {
                final Best b = best.get(target).get(sessions);
                summary.append(' ').append(rate(b.within1ms())).append(" |").append(' ')
                    .append(rate(b.within10ms())).append(" |");
            }
            summary.append('\n');
        }
        final String table = String.join("\n", rows) + "\n\nHighest sustained offered rate (orders/s):\n\n" + summary;
        Files.writeString(options.out().resolve("fix.md"), table, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(table);
        if (best.containsKey("gateway") && best.containsKey("bare")) {
            double logSum = 0;
            int counted = 0;
            for (final int sessions : options.sessions()) {
                final int gateway = best.get("gateway").get(sessions).within10ms();
                final int bare = best.get("bare").get(sessions).within10ms();
                if (bare > 0) {
                    logSum += Math.log(Math.max(gateway, 1) / (double) bare);
                    counted++;
                }
            }
            final double ratio = counted == 0 ? 0 : Math.exp(logSum / counted);
            System.out.printf(Locale.ROOT, "gateway vs bare QuickFIX/J sustainable-rate ratio: %.2f%n", ratio);
        }
    }

    private static Map<Integer, Best> measure(final String target, final Options options, final List<String> rows)
        throws Exception {
        final int maxSessions = Arrays.stream(options.sessions()).max().orElseThrow();
        final List<String> compIds = IntStream.rangeClosed(1, maxSessions)
            .mapToObj(i -> String.format(Locale.ROOT, "LOAD%03d", i)).toList();
        final int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        final Path dir = options.out().resolve(target);
        Files.createDirectories(dir);
        final Map<Integer, Best> best = new LinkedHashMap<>();
        final String runId = "bench_fix_" + Long.toString(System.currentTimeMillis(), 36);
        final Settings settings = Settings.fromProcess();
        final DatabaseConfiguration base = DatabaseConfiguration.from(settings);
        final boolean gateway = "gateway".equals(target);
        if (gateway) {
            System.out.println("==> preparing a fresh database " + runId + " with " + maxSessions + " sessions");
            try (Database admin = Database.open(base)) {
                admin.dsl().execute("CREATE DATABASE `" + runId + "`");
            }
            try (Database database = Database.open(base.withDatabase(runId))) {
                database.migrate();
                seed(database.dsl(), compIds);
            }
        }
        System.out.println("==> starting " + target + " (log in " + dir.resolve(target + ".log") + ")");
        try (TargetProcess process = gateway ? startGateway(options, dir, port, runId, base, settings)
                 : TargetProcess.start("bare", options.benchClasspath(), jvm(options,
                     "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), BareAcceptor.class.getName(),
                     List.of(Integer.toString(port), dir.toString()), Map.of(), dir.resolve(target + ".log"),
                     "READY", 60)) {
            if (gateway) {
                placeLiquidity(port);
            }
            System.out.println("==> logging on " + maxSessions + " sessions");
            try (LoadGenerator load = new LoadGenerator("127.0.0.1", port, compIds, PASSWORD)) {
                load.logOn(Duration.ofSeconds(300));
                System.out.println("==> warming up for " + options.warmup() + " s");
                load.runStep(-1, maxSessions, options.rates()[0], options.warmup(), Duration.ofSeconds(30));
                int step = 0;
                for (final int sessions : options.sessions()) {
                    int within1 = 0;
                    int within10 = 0;
                    int failures = 0;
                    for (final int rate : options.rates()) {
                        // A step that misses 10 ms is run once more before it counts: on a small shared machine
                        // one scheduling hiccup can spoil a 5-second step at any rate (both runs are reported).
                        long p99 = Long.MAX_VALUE;
                        boolean sustained = false;
                        for (int attempt = 0; attempt < 2 && !(sustained && p99 <= TEN_MS); attempt++) {
                            final StepResult result = load.runStep(step++, sessions, rate, options.seconds(),
                                Duration.ofSeconds(15));
                            final String row = row(target, result);
                            rows.add(row);
                            System.out.println(row);
                            if (result.firstReject() != null && result.rejects() > 0) {
                                System.out.println("    rejected: " + result.firstReject());
                            }
                            final long stepP99 = Math.max(result.ack().getValueAtPercentile(99),
                                result.fill().getValueAtPercentile(99));
                            if (result.sustained() && (!sustained || stepP99 < p99)) {
                                p99 = stepP99;
                                sustained = true;
                            }
                            Thread.sleep(1_000);
                        }
                        if (sustained && p99 <= ONE_MS) {
                            within1 = rate;
                        }
                        if (sustained && p99 <= TEN_MS) {
                            within10 = rate;
                            failures = 0;
                        } else if (++failures == 2) {
                            break;
                        }
                    }
                    best.put(sessions, new Best(within1, within10));
                    process.requireAlive();
                }
            }
        } finally {
            if (gateway) {
                try (Database admin = Database.open(base)) {
                    admin.dsl().execute("DROP DATABASE IF EXISTS `" + runId + "`");
                }
            }
        }
        return best;
    }

    private static TargetProcess startGateway(final Options options, final Path dir, final int port,
                                              final String runId, final DatabaseConfiguration base,
                                              final Settings settings) throws IOException, InterruptedException {
        final Path cfg = dir.resolve("gateway.cfg");
        Files.writeString(cfg, String.join("\n",
            "[DEFAULT]", "ConnectionType=acceptor", "SenderCompID=" + LoadGenerator.TARGET_COMP_ID,
            "SocketAcceptAddress=127.0.0.1", "SocketReuseAddress=Y", "NonStopSession=Y", "HeartBtInt=30",
            "UseDataDictionary=Y", "PortcullisLogonTimeoutSeconds=300", "PortcullisMaxPreLogonBytes=65536",
            "PortcullisLockoutFailures=5", "PortcullisLockoutMinutes=15", "PortcullisSessionRefreshSeconds=30", "",
            "[SESSION]", "BeginString=FIX.4.4", "TargetCompID=*", "AcceptorTemplate=Y", "SocketAcceptPort=" + port,
            ""), StandardCharsets.US_ASCII);
        final DatabaseConfiguration database = base.withDatabase(runId);
        final JournalConfiguration journal = JournalConfiguration.from(settings).withTopic(runId);
        final Path properties = dir.resolve("gateway.properties");
        Files.writeString(properties, String.join("\n", "gateway.fix-config=" + cfg, "gateway.http-port=-1",
            "gateway.data-dir=" + dir.resolve("data"), "journal.topic=" + runId, "risk.enforce-trading-hours=false", ""), StandardCharsets.UTF_8);
        final Map<String, String> env = new LinkedHashMap<>();
        env.put("PORTCULLIS_DB_URL", database.url());
        env.put("PORTCULLIS_DB_USER", database.user());
        env.put("PORTCULLIS_DB_PASSWORD", database.password());
        env.put("PORTCULLIS_KAFKA_BOOTSTRAP", journal.bootstrap());
        env.put("PORTCULLIS_JOURNAL_TOPIC", runId);
        env.put("PORTCULLIS_VAR", dir.toString());
        final Path logback = Path.of(System.getProperty("portcullis.home", ".")).resolve("etc/logback.xml");
        return TargetProcess.start("gateway", options.appClasspath(), jvm(options,
                "-Dlogback.configurationFile=" + logback.toAbsolutePath()), "io.portcullis.app.GatewayMain",
            List.of("--config", properties.toString()), env, dir.resolve("gateway.log"), "gateway running", 180);
    }

    /** The same JVM options for both targets (as the launcher runs the gateway), then the user's. */
    private static List<String> jvm(final Options options, final String extra) {
        final List<String> jvm = new ArrayList<>(List.of("-Xms256m", "-Xmx1g", "-XX:+UseZGC", extra));
        jvm.addAll(options.targetJvmOptions());
        return jvm;
    }

    /** The gateway's resting sell, large enough for every order of the run, from an account of its own. */
    private static void placeLiquidity(final int port) throws Exception {
        System.out.println("==> placing the resting liquidity");
        try (LoadGenerator liquidity = new LoadGenerator("127.0.0.1", port, List.of("LOADLIQ"), PASSWORD)) {
            liquidity.logOn(Duration.ofSeconds(120));
            final NewOrderSingle sell = LoadGenerator.order("liquidity");
            sell.setChar(54, '2');
            sell.setDecimal(38, new BigDecimal(100_000_000));
            liquidity.sendAndAwaitAck(sell, Duration.ofSeconds(30));
        }
    }

    private static void seed(final DSLContext dsl, final List<String> compIds) {
        final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        dsl.insertInto(BROKER_FIRM).set(BROKER_FIRM.FIRM_ID, "LOAD").set(BROKER_FIRM.NAME, "Load generator")
            .set(BROKER_FIRM.CREATED_AT, now).execute();
        for (final String account : List.of("LOAD-A", "LOAD-LIQ")) {
            dsl.insertInto(ACCOUNT).set(ACCOUNT.ACCOUNT_ID, account).set(ACCOUNT.FIRM_ID, "LOAD")
                .set(ACCOUNT.NAME, account).set(ACCOUNT.ACCOUNT_TYPE, "PROPRIETARY").set(ACCOUNT.FDID, "FDID-" + account)
                .set(ACCOUNT.IS_DEFAULT, "LOAD-A".equals(account)).set(ACCOUNT.CREATED_AT, now).execute();
        }
        // One hash for all: the stored PHC string carries its own salt, and hashing 600,000 PBKDF2 rounds per
        // session would only slow the set-up.
        final String hash = PasswordHasher.hash(PASSWORD.toCharArray());
        final List<String> all = new ArrayList<>(compIds);
        all.add("LOADLIQ");
        for (final String compId : all) {
            dsl.insertInto(FIX_SESSION)
                .set(FIX_SESSION.SESSION_ID, "FIX.4.4:" + LoadGenerator.TARGET_COMP_ID + "->" + compId)
                .set(FIX_SESSION.BEGIN_STRING, "FIX.4.4").set(FIX_SESSION.SENDER_COMP_ID, LoadGenerator.TARGET_COMP_ID)
                .set(FIX_SESSION.TARGET_COMP_ID, compId).set(FIX_SESSION.FIRM_ID, "LOAD")
                .set(FIX_SESSION.SESSION_ROLE, "ORDER_ENTRY")
                .set(FIX_SESSION.DEFAULT_ACCOUNT_ID, "LOADLIQ".equals(compId) ? "LOAD-LIQ" : "LOAD-A")
                .set(FIX_SESSION.MAX_MSGS_PER_SECOND, 1_000_000).set(FIX_SESSION.CANCEL_ON_DISCONNECT, false)
                .set(FIX_SESSION.ENABLED, true).set(FIX_SESSION.CREATED_AT, now).set(FIX_SESSION.UPDATED_AT, now)
                .execute();
            dsl.insertInto(FIX_CREDENTIAL).set(FIX_CREDENTIAL.USERNAME, compId).set(FIX_CREDENTIAL.COMP_ID, compId)
                .set(FIX_CREDENTIAL.PASSWORD_HASH, hash).set(FIX_CREDENTIAL.FAILED_ATTEMPTS, 0)
                .set(FIX_CREDENTIAL.CREATED_AT, now).set(FIX_CREDENTIAL.UPDATED_AT, now).execute();
        }
    }

    private static String row(final String target, final StepResult r) {
        return String.format(Locale.ROOT, "| %s | %d | %,d | %,.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
            target, r.sessions(), r.offeredRate(), r.achievedRate(),
            r.sustained() ? "yes" : "no (" + r.acks() + "/" + r.sent() + " acks, " + r.fills() + " fills)",
            ms(r.ack(), 50), ms(r.ack(), 99), ms(r.ack(), 99.9), ms(r.ack(), 100), ms(r.fill(), 50), ms(r.fill(), 99),
            ms(r.fill(), 99.9), ms(r.fill(), 100));
    }

    private static String ms(final Histogram histogram, final double percentile) {
        if (histogram.getTotalCount() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f ms", histogram.getValueAtPercentile(percentile) / 1e6);
    }

    private static String rate(final int rate) {
        return rate == 0 ? "none" : String.format(Locale.ROOT, "%,d", rate);
    }

    private static Options parse(final String[] args) {
        String appClasspath = null;
        String benchClasspath = System.getProperty("java.class.path");
        int[] sessions = {1, 10, 100};
        int[] rates = {500, 1_000, 2_000, 3_000, 5_000, 7_500, 10_000, 15_000, 20_000, 30_000, 40_000};
        int seconds = 5;
        int warmup = 10;
        List<String> targets = List.of("bare", "gateway");
        List<String> targetJvmOptions = List.of();
        Path out = Path.of("benchmarks/target/bench-fix");
        for (int i = 0; i < args.length; i++) {
            final String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--app-classpath" -> appClasspath = value;
                case "--bench-classpath" -> benchClasspath = value;
                case "--sessions" -> sessions = numbers(value);
                case "--rates" -> rates = numbers(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--targets" -> targets = List.of(value.split(","));
                case "--out" -> out = Path.of(value);
                case "--target-jvm-options" -> targetJvmOptions = List.of(value.trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: FixBench "
                    + "--app-classpath CP [--sessions 1,10,100] [--rates R1,R2] [--seconds S] [--warmup S] "
                    + "[--targets bare,gateway] [--out DIR] [--target-jvm-options 'OPTS']");
            }
            i++;
        }
        if (targets.contains("gateway") && appClasspath == null) {
            throw new IllegalArgumentException("--app-classpath is required to run the gateway");
        }
        return new Options(appClasspath, benchClasspath, sessions, rates, seconds, warmup, targets, out,
            targetJvmOptions);
    }

    private static int[] numbers(final String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
