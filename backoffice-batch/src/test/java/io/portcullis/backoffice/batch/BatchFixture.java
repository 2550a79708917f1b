package io.portcullis.backoffice.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.portcullis.config.Settings;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The back office on the real services for one test class: a migrated database of its own with 57 positions (19
 * symbols x 3 accounts), executions on {@link #TRADED} for 12 of the symbols and on the Friday before for 4 more
 * (3 never traded), 23 working GTC orders and some finished ones; Redis locks under a prefix of the class's own.
 */
final class BatchFixture implements AutoCloseable {
    /** The day the seeded executions trade. */
    static final LocalDate TRADED = LocalDate.of(2026, 1, 5);
    static final int CHUNK = 10;
    static final int POSITIONS = 57;
    static final int GTC_OPEN = 23;
    private final Path outputDir;

    private final TestDatabase testDatabase;
    private final Database database;
    private final Map<String, String> settings;
    /** Closing price per symbol for dates after TRADED (their last trade), null when never traded. */
    private final Map<String, BigDecimal> lastPrice = new HashMap<>();
    private final List<Object[]> positions = new ArrayList<>();

    private BatchFixture(final Class<?> testClass) {
        LocalStack.require(LocalStack.Service.MYSQL, LocalStack.Service.REDIS);
        testDatabase = TestDatabase.create(testClass);
        settings = new HashMap<>(Map.of("db.url", testDatabase.jdbcUrl(), "db.user", testDatabase.user(),
            "db.password", testDatabase.password(), "redis.url", LocalStack.redisUrl(),
            "batch.lock-prefix", "test:" + testDatabase.name(), "batch.lock-lease-ms", "2000",
            "batch.chunk-size", Integer.toString(CHUNK), "kafka.bootstrap", LocalStack.kafkaBootstrap(),
            "es.url", LocalStack.elasticsearchUrl()));
        settings.put("audit.index-prefix", Isolation.indexPrefix(testClass) + "batch");
        settings.put("journal.topic", Isolation.topicName(testClass, "journal"));
        try {
            outputDir = java.nio.file.Files.createTempDirectory("batch-output");
        } catch (final java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        settings.put("batch.output-dir", outputDir.toString());
        database = Database.open(DatabaseConfiguration.from(settings()));
        database.migrate();
        seed();
    }

    /** Where the jobs of this fixture write their files. */
    Path outputDir() {
        return outputDir;
    }

    static BatchFixture create(final Class<?> testClass) {
        return new BatchFixture(testClass);
    }

    Settings settings() {
        return Settings.of(settings, Map.of(), Map.of());
    }

    Map<String, String> settingsMap() {
        return Map.copyOf(settings);
    }

    Settings settingsWith(final String name, final String value) {
        final Map<String, String> copy = new HashMap<>(settings);
        copy.put(name, value);
        return Settings.of(copy, Map.of(), Map.of());
    }

    /** The settings as a properties file, for a child JVM. */
    Path settingsFile(final Path directory) {
        final Properties properties = new Properties();
        properties.putAll(settings);
        final Path file = directory.resolve("batch.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "batch test settings");
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(database.dataSource());
    }

    /** The outcome of one command. */
    record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    Run batch(final StepHooks hooks, final SettlementWriter settlement, final String... args) {
        return batch(settings(), hooks, settlement, args);
    }

    Run batch(final String... args) {
        return batch(StepHooks.NONE, SettlementWriter.NONE, args);
    }

    static Run batch(final Settings settings, final StepHooks hooks, final SettlementWriter settlement,
                     final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = BatchMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), settings, hooks, settlement, TradingDays.weekdays());
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The snapshot of a date as text rows (date and execution id left out), ordered by account and symbol. */
    List<String> snapshot(final LocalDate date) {
        return jdbc().query("SELECT account_id, symbol, quantity, avg_cost, realized_pnl, close_px, close_px_source, "
                + "unrealized_pnl FROM position_snapshot WHERE business_date = ? ORDER BY account_id, symbol",
            (rs, n) -> String.join(",", rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3)),
                plain(rs.getBigDecimal(4)), plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6)), rs.getString(7),
                plain(rs.getBigDecimal(8))), Date.valueOf(date));
    }

    /**
     * The snapshot a date after {@link #TRADED} must have, computed naively from the seed: each position valued at
     * its symbol's last trade.
     */
    List<String> expectedSnapshotAfterTraded() {
        final Map<String, String> rows = new TreeMap<>();
        for (final Object[] p : positions) {
            final String symbol = (String) p[1];
            final BigDecimal px = lastPrice.get(symbol);
            final long qty = (Long) p[2];
            final BigDecimal avg = (BigDecimal) p[3];
            rows.put(p[0] + "|" + symbol, String.join(",", (String) p[0], symbol, Long.toString(qty), plain(avg),
                plain((BigDecimal) p[4]), plain(px), px == null ? "NONE" : "PRIOR_TRADE",
                px == null ? "null" : plain(px.subtract(avg).multiply(BigDecimal.valueOf(qty)))));
        }
        return List.copyOf(rows.values());
    }

    /** The fixture's database. */
    Database database() {
        return database;
    }

    long count(final String sql, final Object... args) {
        final Long count = jdbc().queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    private static String plain(final BigDecimal value) {
        return value == null ? "null" : value.setScale(8, RoundingMode.UNNECESSARY).stripTrailingZeros()
            .toPlainString();
    }

    private void seed() {
        final JdbcTemplate jdbc = jdbc();
        final Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 1, 5, 21, 0));
        final List<String> symbols = new ArrayList<>();
        for (int s = 0; s < 19; s++) {
            symbols.add(String.format("SYM%02d", s));
            jdbc.update("INSERT INTO instrument (symbol, name, listing_exchange, sp500, tick_size, lot_size, "
                + "reference_price, updated_at) VALUES (?, ?, 'XNAS', FALSE, 0.01, 1, 100, ?)", symbols.get(s),
                "Test Security " + s, now);
        }
        final List<String> accounts = List.of("ACC-A", "ACC-B", "ACC-C");
        jdbc.update("INSERT INTO broker_firm (firm_id, name, created_at) VALUES ('FIRMA', 'Firm A', ?)", now);
        jdbc.update("INSERT INTO commission_schedule (account_id, effective_from, per_share, bps, minimum, note) "
            + "VALUES ('*', '2024-01-01', 0.005, 0, 1.00, 'test default: half a cent a share, at least 1 USD')");
        for (final String account : accounts) {
            jdbc.update("INSERT INTO account (account_id, firm_id, name, account_type, fdid, created_at) VALUES "
                + "(?, 'FIRMA', ?, 'CUSTOMER', ?, ?)", account, "Customer " + account, "FDID-" + account, now);
        }
        int i = 0;
        for (final String account : accounts) {
            for (final String symbol : symbols) {
                i++;
                final long qty = (i % 5 == 0) ? 0 : (i % 2 == 0 ? 100L * i : -50L * i);
                final BigDecimal avg = new BigDecimal("100.25").add(BigDecimal.valueOf(i, 2));
                final BigDecimal realized = BigDecimal.valueOf(i * 37L - 500, 2);
                positions.add(new Object[] {account, symbol, qty, avg, realized});
                jdbc.update("INSERT INTO positions (account_id, symbol, quantity, avg_cost, realized_pnl, bought_qty, "
                    + "sold_qty, updated_at, journal_seq) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?)", account, symbol, qty,
                    avg, realized, now, i);
            }
        }
        long exec = 1000;
        for (int s = 0; s < 16; s++) {
            final String symbol = symbols.get(s);
            final LocalDate date = s < 12 ? TRADED : TRADED.minusDays(3);
            for (int t = 0; t < 3; t++) {
                exec++;
                final BigDecimal px = new BigDecimal("101.00").add(BigDecimal.valueOf(s * 10L + t, 2));
                jdbc.update("INSERT INTO executions (exec_id, order_id, trade_id, account_id, firm_id, symbol, side, "
                    + "last_qty, last_px, liquidity, exec_time, trade_date, journal_seq) VALUES (?, ?, ?, ?, 'FIRMA', "
                    + "?, '1', 100, ?, 'AGGRESSOR', ?, ?, ?)", Long.toString(exec), exec, exec,
                    accounts.get(t % 3), symbol, px, Timestamp.valueOf(date.atTime(15, 0).plusMinutes(t)),
                    Date.valueOf(date), exec);
                lastPrice.put(symbol, px);
            }
        }
        for (int o = 1; o <= 30; o++) {
            final boolean gtcOpen = o <= GTC_OPEN;
            jdbc.update("INSERT INTO orders (order_id, cl_ord_id, session_id, account_id, firm_id, symbol, side, "
                + "ord_type, time_in_force, price, order_qty, cum_qty, leaves_qty, avg_px, ord_status, received_at, "
                + "updated_at, journal_seq) VALUES (?, ?, 'S', ?, 'FIRMA', ?, '1', '2', '1', 99.5, 500, ?, ?, 0, ?, "
                + "?, ?, ?)", o, "C" + o, accounts.get(o % 3), symbols.get(o % 19), gtcOpen ? 100 : 500,
                gtcOpen ? 400 : 0, gtcOpen ? (o % 2 == 0 ? "1" : "0") : "2", now, now, o);
        }
    }

    @Override
    public void close() {
        database.close();
        testDatabase.close();
    }
}
