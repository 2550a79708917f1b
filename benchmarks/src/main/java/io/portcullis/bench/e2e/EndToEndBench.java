package io.portcullis.bench.e2e;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.BROKER_FIRM;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
import io.portcullis.projection.live.LiveKeys;
import io.portcullis.projection.live.LiveStateProjector;
import io.portcullis.projection.mysql.MysqlProjector;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import org.HdrHistogram.Histogram;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The end-to-end order path on the real local stack: command submitted to the engine runner -> applied -> journaled
 * to Kafka (idempotent, acks=all) and durable -> projected into MySQL by the projector (batched transaction with its
 * offset) and into Redis by the console's live-state projector (one script per poll with its offset), side by side. Open loop: commands are submitted at a fixed offered rate and every latency is measured from the command's
 * intended send time, so a stall delays every command behind it (no coordinated omission).
 *
 * <p>For each offered rate it reports command-to-durable, command-to-MySQL-row and command-to-live-state latency
 * percentiles and whether the rate was sustained (every command durable and projected within the run plus a short
 * drain). Each rate runs on a
 * fresh journal topic and database. Usage: {@code EndToEndBench [--rates 1000,5000,...] [--seconds S] [--out DIR]}.
 */
public final class EndToEndBench {
    private static final String[] SYMBOLS = {"AAPL", "MSFT", "NVDA", "AMZN"};
    private static final long[] PRICES = {2_684_700, 4_784_300, 1_806_400, 2_206_900};

    private EndToEndBench() {
    }

    public static void main(final String[] args) throws Exception {
        int[] rates = {1_000, 5_000, 10_000, 20_000, 40_000};
        int seconds = 10;
        Path out = Path.of("benchmarks/target/bench-e2e");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rates" -> rates = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt)
                    .toArray();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                    + "; usage: EndToEndBench [--rates R1,R2] [--seconds S] [--out DIR]");
            }
        }
        Files.createDirectories(out);
        final Settings settings = Settings.fromProcess();
        final List<String> rows = new ArrayList<>();
        rows.add("| offered/s | achieved/s | sustained | durable p50 | p99 | p99.9 | max | MySQL row p50 | p99 | p99.9 "
            + "| max | live state p50 | p99 | max |");
        rows.add("|---:|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (final int rate : rates) {
            final String row = runRate(settings, rate, seconds);
            rows.add(row);
            System.out.println(row);
        }
        final String table = String.join("\n", rows);
        Files.writeString(out.resolve("e2e.md"), table + "\n");
        System.out.println();
        System.out.println(table);
    }

    private static String runRate(final Settings settings, final int rate, final int seconds) throws Exception {
        final String runId = "bench-e2e-" + Long.toString(System.nanoTime(), 36);
        final DatabaseConfiguration base = DatabaseConfiguration.from(settings);
        try (Database admin = Database.open(base)) {
            admin.dsl().execute("CREATE DATABASE `" + runId.replace('-', '_') + "`");
        }
        final DatabaseConfiguration dbConfig = base.withDatabase(runId.replace('-', '_'));
        final JournalConfiguration journalConfig = JournalConfiguration.from(settings).withTopic(runId);
        final int total = rate * seconds;
        final long[] intended = new long[total + 1];
        final long[] durableAt = new long[total + 1];
        final long[] offsetOf = new long[total + 1];
        final List<long[]> applied = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<long[]> liveApplied = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong durableCount = new AtomicLong();
        try (Database database = Database.open(dbConfig); KafkaJournal journal = KafkaJournal.open(journalConfig)) {
            database.migrate();
            seed(database);
            final MysqlProjector projector = new MysqlProjector(journalConfig, database);
            projector.onApplied(next -> applied.add(new long[] {next, System.nanoTime()}));
            projector.start();
            final Config redisConfig = new Config();
            redisConfig.setCodec(StringCodec.INSTANCE);
            redisConfig.useSingleServer().setAddress(settings.string("redis.url", "redis://127.0.0.1:16379"));
            final RedissonClient redis = Redisson.create(redisConfig);
            final LiveStateProjector liveProjector = new LiveStateProjector(journalConfig, redis,
                new LiveKeys(runId + ":live:"));
            liveProjector.onApplied(next -> liveApplied.add(new long[] {next, System.nanoTime()}));
            liveProjector.start();
            final EngineRunner runner = new EngineRunner(Recovery.recover(config(), null, journalConfig), journal,
                null, 1 << 20, 0);
            final SplittableRandom random = new SplittableRandom(rate);
            final List<String> live = new ArrayList<>();
            final long start = System.nanoTime() + 50_000_000L;
            final long interval = 1_000_000_000L / rate;
            for (int i = 1; i <= total; i++) {
                final long due = start + (i - 1) * interval;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(Math.min(50_000, due - System.nanoTime()));
                }
                intended[i] = due;
                final int index = i;
                final Command command = next(random, i, live);
                final CommandCallback callback = new CommandCallback() {
                    @Override
                    public void onDurable(final long sequence, final long offset, final byte[] record) {
                        durableAt[index] = System.nanoTime();
                        offsetOf[index] = offset;
                        durableCount.incrementAndGet();
                    }

                    @Override
                    public void onLost(final long sequence, final String reason) {
                        throw new IllegalStateException("lost command " + sequence + ": " + reason);
                    }
                };
                while (!runner.submit(command, callback)) {
                    Thread.onSpinWait();
                }
            }
            final long sendEnd = System.nanoTime();
            final long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(10, seconds));
            while ((durableCount.get() < total || projector.nextOffset() < total || liveProjector.nextOffset() < total)
                && System.nanoTime() < drainDeadline) {
                Thread.sleep(5);
            }
            final boolean complete = durableCount.get() == total && projector.nextOffset() >= total
                && liveProjector.nextOffset() >= total;
            runner.close();
            projector.close();
            liveProjector.close();
            redis.getKeys().deleteByPattern(runId + ":live:*");
            redis.shutdown();
            final Histogram durable = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            final Histogram mysql = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            final Histogram liveState = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            final long[][] appliedArray = applied.toArray(new long[0][]);
            final long[][] liveArray = liveApplied.toArray(new long[0][]);
            int a = 0;
            int l = 0;
            long lastDurable = 0;
            for (int i = 1; i <= total; i++) {
                if (durableAt[i] == 0) {
                    continue;
                }
                durable.recordValue(Math.min(durable.getHighestTrackableValue(), durableAt[i] - intended[i]));
                lastDurable = Math.max(lastDurable, durableAt[i]);
                while (a < appliedArray.length && appliedArray[a][0] <= offsetOf[i]) {
                    a++;
                }
                if (a < appliedArray.length) {
                    mysql.recordValue(Math.min(mysql.getHighestTrackableValue(), appliedArray[a][1] - intended[i]));
                }
                while (l < liveArray.length && liveArray[l][0] <= offsetOf[i]) {
                    l++;
                }
                if (l < liveArray.length) {
                    liveState.recordValue(Math.min(liveState.getHighestTrackableValue(),
                        liveArray[l][1] - intended[i]));
                }
            }
            final double achieved = total / ((Math.max(lastDurable, sendEnd) - start) / 1e9);
            final boolean sustained = complete && durable.getValueAtPercentile(99.0) < 100_000_000L
                && mysql.getValueAtPercentile(99.0) < 1_000_000_000L
                && liveState.getValueAtPercentile(99.0) < 1_000_000_000L;
            try (Database admin = Database.open(base)) {
                admin.dsl().execute("DROP DATABASE `" + runId.replace('-', '_') + "`");
            }
            return String.format(Locale.ROOT, "| %,d | %,.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
                rate, achieved, sustained ? "yes" : "no", ms(durable, 50), ms(durable, 99), ms(durable, 99.9),
                ms(durable, 100), ms(mysql, 50), ms(mysql, 99), ms(mysql, 99.9), ms(mysql, 100), ms(liveState, 50),
                ms(liveState, 99), ms(liveState, 100));
        }
    }

    private static String ms(final Histogram histogram, final double percentile) {
        return String.format(Locale.ROOT, "%.2f ms", histogram.getValueAtPercentile(percentile) / 1e6);
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

    private static void seed(final Database database) {
        final LocalDateTime now = LocalDateTime.of(2026, 1, 1, 0, 0);
        database.dsl().insertInto(BROKER_FIRM).set(BROKER_FIRM.FIRM_ID, "FIRM").set(BROKER_FIRM.NAME, "Bench firm")
            .set(BROKER_FIRM.CREATED_AT, now).execute();
        for (final String account : new String[] {"ACC-A", "ACC-B"}) {
            database.dsl().insertInto(ACCOUNT).set(ACCOUNT.ACCOUNT_ID, account).set(ACCOUNT.FIRM_ID, "FIRM")
                .set(ACCOUNT.NAME, account).set(ACCOUNT.ACCOUNT_TYPE, "CUSTOMER").set(ACCOUNT.FDID, "F-" + account)
                .set(ACCOUNT.CREATED_AT, now).execute();
        }
    }
}
