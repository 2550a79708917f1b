package io.portcullis.bench.settlement;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.portcullis.backoffice.batch.BatchMain;
import io.portcullis.config.Settings;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;

/**
 * One trading day of N executions (default 1,000,000: 250,000 orders of 4 fills, 2,000 customer accounts, 200
 * symbols, half of the orders sales) settled by the real {@code settlement} job ({@code ./portcullis batch run
 * settlement}) on a fresh database of the local stack: chunked read of the executions, then fees, confirmations,
 * obligations, ledger, stored, and the two files. Prints the time and the rate; writes a table to
 * {@code DIR/results.md}. Usage: {@code SettlementBench [--executions N] [--out DIR]}.
 */
public final class SettlementBench {
    private static final LocalDate TRADE_DATE = LocalDate.of(2025, 11, 25);
    private static final int FILLS_PER_ORDER = 4;
    private static final int ACCOUNTS = 2_000;
    private static final int SYMBOLS = 200;

    private SettlementBench() {
    }

    /** Entry point. */
    public static void main(final String[] args) throws Exception {
        int executions = 1_000_000;
        Path out = Path.of("benchmarks/target/bench-settlement");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--executions" -> executions = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                    + " (usage: SettlementBench [--executions N] [--out DIR])");
            }
        }
        final Settings base = Settings.fromProcess();
        final String name = "bench_settle_" + Long.toString(System.nanoTime(), 36);
        final DatabaseConfiguration admin = DatabaseConfiguration.from(base);
        try (Database server = Database.open(admin)) {
            server.dsl().execute("CREATE DATABASE `" + name + "`");
        }
        final Map<String, String> values = new HashMap<>();
        values.put("db.name", name);
        values.put("batch.output-dir", out.resolve("files").toString());
        values.put("batch.chunk-size", "5000");
        final Settings settings = Settings.of(values, Map.of(), System.getenv());
        final DatabaseConfiguration configuration = DatabaseConfiguration.from(settings);
        try (Database database = Database.open(configuration)) {
            database.migrate();
            System.out.printf("seeding %,d executions for %s into %s ...%n", executions, TRADE_DATE, name);
            final long seeded = System.nanoTime();
            seed(database, executions);
            System.out.printf("seeded in %.1f s%n", (System.nanoTime() - seeded) / 1e9);
        }
        System.out.println("running ./portcullis batch run settlement --date " + TRADE_DATE + " ...");
        final ByteArrayOutputStream report = new ByteArrayOutputStream();
        final long started = System.nanoTime();
        final int status = BatchMain.execute(List.of("run", "settlement", "--date", TRADE_DATE.toString()),
            new PrintStream(report, true, StandardCharsets.UTF_8), System.err, settings);
        final double seconds = (System.nanoTime() - started) / 1e9;
        System.out.print(report.toString(StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("the settlement job ended with exit status " + status);
        }
        final String table = String.format(Locale.ROOT, """
            | Executions | Orders | Accounts | Symbols | Job seconds | Executions/s |
            |---:|---:|---:|---:|---:|---:|
            | %,d | %,d | %,d | %,d | %.1f | %,.0f |
            """, executions, executions / FILLS_PER_ORDER, ACCOUNTS, SYMBOLS, seconds, executions / seconds);
        System.out.println(table);
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), table);
        try (Database server = Database.open(admin)) {
            server.dsl().execute("DROP DATABASE `" + name + "`");
        }
    }

    private static void seed(final Database database, final int executions) throws SQLException {
        final Timestamp now = Timestamp.valueOf(LocalDateTime.of(2025, 11, 25, 22, 0));
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement firm = c.prepareStatement("INSERT INTO broker_firm (firm_id, name, created_at) "
                + "VALUES ('BENCH', 'Bench firm', ?)")) {
                firm.setTimestamp(1, now);
                firm.executeUpdate();
            }
            try (PreparedStatement account = c.prepareStatement("INSERT INTO account (account_id, firm_id, name, "
                + "account_type, fdid, created_at) VALUES (?, 'BENCH', ?, 'CUSTOMER', ?, ?)")) {
                for (int a = 0; a < ACCOUNTS; a++) {
                    account.setString(1, "ACC" + a);
                    account.setString(2, "Customer " + a);
                    account.setString(3, "FDID" + a);
                    account.setTimestamp(4, now);
                    account.addBatch();
                }
                account.executeBatch();
            }
            try (PreparedStatement instrument = c.prepareStatement("INSERT INTO instrument (symbol, name, "
                + "listing_exchange, sp500, tick_size, lot_size, reference_price, updated_at) VALUES (?, ?, 'XNAS', "
                + "FALSE, 0.01, 1, 100, ?)")) {
                for (int s = 0; s < SYMBOLS; s++) {
                    instrument.setString(1, "S" + s);
                    instrument.setString(2, "Bench security " + s);
                    instrument.setTimestamp(3, now);
                    instrument.addBatch();
                }
                instrument.executeBatch();
            }
            try (PreparedStatement commission = c.prepareStatement("INSERT INTO commission_schedule (account_id, "
                + "effective_from, per_share, bps, minimum, note) VALUES ('*', '2024-01-01', 0.005, 0, 1.00, "
                + "'bench default')")) {
                commission.executeUpdate();
            }
            c.commit();
            final SplittableRandom random = new SplittableRandom(11);
            try (PreparedStatement fill = c.prepareStatement("INSERT INTO executions (exec_id, order_id, trade_id, "
                + "account_id, firm_id, symbol, side, last_qty, last_px, liquidity, exec_time, trade_date, "
                + "journal_seq) VALUES (?, ?, ?, ?, 'BENCH', ?, ?, ?, ?, 'AGGRESSOR', ?, ?, ?)")) {
                final Date date = Date.valueOf(TRADE_DATE);
                for (int e = 0; e < executions; e++) {
                    final int order = e / FILLS_PER_ORDER;
                    final SplittableRandom orderRandom = new SplittableRandom(order);
                    fill.setString(1, Integer.toString(e + 1));
                    fill.setLong(2, order + 1);
                    fill.setLong(3, e + 1);
                    fill.setString(4, "ACC" + orderRandom.nextInt(ACCOUNTS));
                    fill.setString(5, "S" + orderRandom.nextInt(SYMBOLS));
                    fill.setString(6, orderRandom.nextBoolean() ? "1" : "2");
                    fill.setLong(7, 100L * (1 + random.nextInt(5)));
                    fill.setBigDecimal(8, BigDecimal.valueOf(10_000 + random.nextInt(1_000), 2));
                    fill.setTimestamp(9, Timestamp.valueOf(TRADE_DATE.atTime(14, 30).plusNanos(e * 20_000L)));
                    fill.setDate(10, date);
                    fill.setLong(11, e + 1);
                    fill.addBatch();
                    if ((e + 1) % 10_000 == 0) {
                        fill.executeBatch();
                        c.commit();
                    }
                }
                fill.executeBatch();
                c.commit();
            }
        }
    }
}
