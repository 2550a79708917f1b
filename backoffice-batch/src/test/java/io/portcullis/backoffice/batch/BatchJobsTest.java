package io.portcullis.backoffice.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job framework against the real MySQL and Redis of the local stack: one run per job and date, restart from the
 * failed chunk with the same final output, a second launch refused while one runs, a killed run recovered and
 * restarted, a fenced-off run rolled back, and the exit codes. Each test uses its own business date.
 */
@Timeout(180)
class BatchJobsTest {
    private static BatchFixture fixture;

    @BeforeAll
    static void openTheBooks() {
        fixture = BatchFixture.create(BatchJobsTest.class);
    }

    @AfterAll
    static void closeTheBooks() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aCompletedDateRunsOnceAndARerunIsRefused() {
        final BatchFixture.Run first = fixture.batch("run", "trade-date-close", "--date", "2026-01-06");
        System.out.println(first);

        assertThat(first.status()).as(first.toString()).isZero();
        assertThat(fixture.snapshot(LocalDate.of(2026, 1, 6))).containsExactlyElementsOf(
            fixture.expectedSnapshotAfterTraded());
        assertThat(fixture.count("SELECT COUNT(*) FROM gtc_carry_forward WHERE business_date = '2026-01-06' "
            + "AND next_business_date = '2026-01-07'")).isEqualTo(BatchFixture.GTC_OPEN);
        assertThat(fixture.count("SELECT COUNT(*) FROM account_pnl_snapshot WHERE business_date = '2026-01-06'"))
            .isEqualTo(3);
        assertThat(first.err()).contains("step snapshot-positions: COMPLETED, read 57, written 57");

        final BatchFixture.Run again = fixture.batch("run", "trade-date-close", "--date", "2026-01-06");

        assertThat(again.status()).as(again.toString()).isEqualTo(4);
        assertThat(again.err()).contains("already completed for 2026-01-06", "does not run again");
        assertThat(fixture.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON "
            + "e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = "
            + "e.JOB_EXECUTION_ID WHERE i.JOB_NAME = 'trade-date-close' AND p.PARAMETER_VALUE = '2026-01-06'"))
            .as("executions of the date").isEqualTo(1);
        assertThat(fixture.batch("restart", "trade-date-close", "--date", "2026-01-06").status()).isEqualTo(4);
    }

    @Test
    void aRunThatFailsAtAChunkRestartsAfterItsLastCommitWithTheSameOutput() {
        final AtomicInteger writes = new AtomicInteger();
        final StepHooks failAtThirdChunk = step -> step.equals("snapshot-positions")
            ? List.of(new ItemWriteListener<Object>() {
                @Override
                public void beforeWrite(final Chunk<?> chunk) {
                    if (writes.incrementAndGet() == 3) {
                        throw new IllegalStateException("injected failure at chunk 3");
                    }
                }
            }) : List.of();

        final BatchFixture.Run failed = fixture.batch(failAtThirdChunk, SettlementWriter.NONE,
            "run", "trade-date-close", "--date", "2026-01-07");
        System.out.println(failed);

        assertThat(failed.status()).as(failed.toString()).isEqualTo(3);
        assertThat(failed.out()).contains("FAILED", "injected failure at chunk 3",
            "./portcullis batch restart trade-date-close --date 2026-01-07");
        assertThat(fixture.snapshot(LocalDate.of(2026, 1, 7))).as("two chunks committed")
            .hasSize(2 * BatchFixture.CHUNK);

        final BatchFixture.Run restarted = fixture.batch(failAtThirdChunk, SettlementWriter.NONE,
            "restart", "trade-date-close", "--date", "2026-01-07");
        System.out.println(restarted);

        assertThat(restarted.status()).as(restarted.toString()).isZero();
        assertThat(restarted.out()).contains("step snapshot-positions", "read " + (BatchFixture.POSITIONS
            - 2 * BatchFixture.CHUNK) + ",");
        assertThat(fixture.snapshot(LocalDate.of(2026, 1, 7))).containsExactlyElementsOf(
            fixture.expectedSnapshotAfterTraded());
        assertThat(fixture.count("SELECT COUNT(*) FROM gtc_carry_forward WHERE business_date = '2026-01-07'"))
            .isEqualTo(BatchFixture.GTC_OPEN);
        assertThat(fixture.batch("status", "trade-date-close", "--date", "2026-01-07").out())
            .containsPattern("trade-date-close +2026-01-07 +\\d+ +COMPLETED")
            .containsPattern("trade-date-close +2026-01-07 +\\d+ +FAILED");
    }

    @Test
    void aSecondLaunchWhileTheFirstRunsIsRefused() throws Exception {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final StepHooks holdAtFirstChunk = step -> step.equals("snapshot-positions")
            ? List.of(new ItemWriteListener<Object>() {
                @Override
                public void afterWrite(final Chunk<?> chunk) {
                    inside.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (final InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
            }) : List.of();
        final CompletableFuture<BatchFixture.Run> first = CompletableFuture.supplyAsync(() -> fixture.batch(
            holdAtFirstChunk, SettlementWriter.NONE, "run", "trade-date-close", "--date", "2026-01-08"));
        assertThat(inside.await(60, TimeUnit.SECONDS)).as("the first run reached its first chunk").isTrue();

        final BatchFixture.Run second = fixture.batch("run", "trade-date-close", "--date", "2026-01-08");
        final BatchFixture.Run otherDate = fixture.batch("run", "trade-date-close", "--date", "2026-01-09");
        final BatchFixture.Run status = fixture.batch("status", "trade-date-close");
        release.countDown();

        assertThat(second.status()).as(second.toString()).isEqualTo(4);
        assertThat(second.err()).contains("another run of trade-date-close is in progress");
        assertThat(otherDate.status()).as("one run of a job at a time, whatever the date").isEqualTo(4);
        assertThat(status.out()).containsPattern("2026-01-08 +\\d+ +STARTED .*running \\(lock held\\)");
        assertThat(first.get(60, TimeUnit.SECONDS).status()).isZero();
        assertThat(fixture.snapshot(LocalDate.of(2026, 1, 8))).containsExactlyElementsOf(
            fixture.expectedSnapshotAfterTraded());
    }

    @Test
    void aRunWhoseFencingTokenWasTakenOverRollsBackItsChunk() {
        final AtomicInteger writes = new AtomicInteger();
        final StepHooks takeOverBeforeThirdChunk = step -> step.equals("snapshot-positions")
            ? List.of(new ItemWriteListener<Object>() {
                @Override
                public void beforeWrite(final Chunk<?> chunk) {
                    if (writes.incrementAndGet() == 3) {
                        bumpFence("trade-date-close");
                    }
                }
            }) : List.of();

        final BatchFixture.Run fenced = fixture.batch(takeOverBeforeThirdChunk, SettlementWriter.NONE,
            "run", "trade-date-close", "--date", "2026-01-12");

        assertThat(fenced.status()).as(fenced.toString()).isEqualTo(3);
        assertThat(fenced.out()).contains("took the job over");
        assertThat(fixture.snapshot(LocalDate.of(2026, 1, 12))).hasSize(2 * BatchFixture.CHUNK);
        assertThat(fixture.batch("restart", "trade-date-close", "--date", "2026-01-12").status()).isZero();
        assertThat(fixture.snapshot(LocalDate.of(2026, 1, 12))).containsExactlyElementsOf(
            fixture.expectedSnapshotAfterTraded());
    }

    @Test
    void aKilledRunIsRecoveredByRestartAndFinishesWithTheSameOutput(@TempDir final Path directory)
        throws Exception {
        // A random chunk of the six the step writes (57 positions, chunks of 10), so that runs cover them all.
        final int killAt = 1 + new java.util.Random().nextInt(5);
        System.out.println("killing the run after chunk " + killAt);
        final Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), SlowRunMain.class.getName(), "run", "trade-date-close",
            "--date", "2026-01-13", "--config", fixture.settingsFile(directory).toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.equals("wrote chunk " + killAt));
            assertThat(line).as("the child wrote " + killAt + " chunks").isNotNull();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(fixture.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'"))
            .as("a kill leaves the execution STARTED").isEqualTo(1);
        final long committed = fixture.snapshot(LocalDate.of(2026, 1, 13)).size();
        assertThat(committed).as("whole chunks committed (killed after chunk %d); the one in flight rolled back",
            killAt).isBetween((killAt - 1L) * BatchFixture.CHUNK, (long) killAt * BatchFixture.CHUNK)
            .matches(n -> n % BatchFixture.CHUNK == 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.batch("status", "trade-date-close", "--date",
            "2026-01-13").out().contains("no live owner"));
        final BatchFixture.Run run = fixture.batch("run", "trade-date-close", "--date", "2026-01-13");
        assertThat(run.status()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).contains("was killed", "./portcullis batch restart trade-date-close --date 2026-01-13");

        final BatchFixture.Run restart = fixture.batch("restart", "trade-date-close", "--date", "2026-01-13");
        System.out.println(restart);

        assertThat(restart.status()).as(restart.toString()).isZero();
        assertThat(restart.err()).contains("recovered execution", "marked FAILED");
        assertThat(restart.out()).contains("read " + (BatchFixture.POSITIONS - committed) + ",");
        assertThat(fixture.snapshot(LocalDate.of(2026, 1, 13))).containsExactlyElementsOf(
            fixture.expectedSnapshotAfterTraded());
        assertThat(fixture.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'")).isZero();
    }

    @Test
    void aSettlementKilledMidChunkAndRestartedWritesTheSameFilesAndRowsAsACleanComputation(
        @TempDir final Path directory) throws Exception {
        final Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), SlowRunMain.class.getName(), "run", "settlement",
            "--date", "2026-01-02", "--config", fixture.settingsFile(directory).toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.equals("wrote chunk 1"));
            assertThat(line).as("the child wrote a chunk").isNotNull();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.batch("status", "settlement", "--date",
            "2026-01-02").out().contains("no live owner"));
        final BatchFixture.Run restart = fixture.batch("restart", "settlement", "--date", "2026-01-02");
        assertThat(restart.status()).as(restart.toString()).isZero();
        assertThat(restart.err()).contains("recovered execution", "step settle: 12 executions settling on 2026-01-05");
        final Path day = fixture.outputDir().resolve("2026-01-02");
        final byte[] confirmations = java.nio.file.Files.readAllBytes(day.resolve("confirmations-2026-01-02.csv"));
        final byte[] instructions = java.nio.file.Files.readAllBytes(
            day.resolve("settlement-instructions-2026-01-05.csv"));
        final long obligations = fixture.count("SELECT COUNT(*) FROM settlement_obligation WHERE settlement_date = "
            + "'2026-01-05'");
        final long confirmed = fixture.count("SELECT COUNT(*) FROM trade_confirmation WHERE trade_date = '2026-01-02'");
        assertThat(confirmed).as("one confirmation per order of the day").isEqualTo(12);
        assertThat(obligations).isPositive();

        // A clean computation of the same day into another folder: same bytes, and no row added or doubled.
        final Path clean = directory.resolve("clean");
        SettleStep.settle(fixture.database().dsl(), LocalDate.of(2026, 1, 2), clean);
        assertThat(clean.resolve("2026-01-02/confirmations-2026-01-02.csv")).hasBinaryContent(confirmations);
        assertThat(clean.resolve("2026-01-02/settlement-instructions-2026-01-05.csv")).hasBinaryContent(instructions);
        assertThat(fixture.count("SELECT COUNT(*) FROM settlement_obligation WHERE settlement_date = '2026-01-05'"))
            .isEqualTo(obligations);
        assertThat(fixture.count("SELECT COUNT(*) FROM trade_confirmation WHERE trade_date = '2026-01-02'"))
            .isEqualTo(confirmed);
        assertThat(new String(instructions, StandardCharsets.UTF_8)).startsWith("settlement_date,account_id,symbol");
    }

    @Test
    void theSettlementJobRefusesADayWithoutAFeeRateAndWritesNothing() {
        // A symbol no position holds, so the other jobs' closing prices stay as they were.
        fixture.jdbc().update("INSERT INTO instrument (symbol, name, listing_exchange, sp500, tick_size, lot_size, "
            + "reference_price, updated_at) VALUES ('FEES', 'Fee test', 'XNAS', FALSE, 0.01, 1, 100, NOW())");
        fixture.jdbc().update("INSERT INTO executions (exec_id, order_id, trade_id, account_id, firm_id, symbol, side, "
            + "last_qty, last_px, liquidity, exec_time, trade_date, journal_seq) VALUES ('9001', 9001, 9001, 'ACC-A', "
            + "'FIRMA', 'FEES', '1', 100, 101.5, 'AGGRESSOR', '2026-01-07 15:00:00', '2026-01-07', 9001)");
        fixture.jdbc().update("DELETE FROM commission_schedule");
        try {
            final BatchFixture.Run run = fixture.batch("run", "settlement", "--date", "2026-01-07");
            assertThat(run.status()).as(run.toString()).isNotZero();
            assertThat(run.err() + run.out()).contains("no COMMISSION rate in force on trade date");
            assertThat(fixture.count("SELECT COUNT(*) FROM trade_confirmation WHERE trade_date = '2026-01-07'"))
                .isZero();
        } finally {
            fixture.jdbc().update("INSERT INTO commission_schedule (account_id, effective_from, per_share, bps, "
                + "minimum, note) VALUES ('*', '2024-01-01', 0.005, 0, 1.00, 'test default')");
            fixture.jdbc().update("DELETE FROM executions WHERE exec_id = '9001'");
        }
    }

    @Test
    void aBlockIsSplitAtItsAveragePriceAndAnUnknownSubAccountStopsTheJobWithNothingWritten() {
        final JdbcTemplate jdbc = fixture.jdbc();
        jdbc.update("INSERT INTO instrument (symbol, name, listing_exchange, sp500, tick_size, lot_size, "
            + "reference_price, updated_at) VALUES ('BLOCK', 'Block test', 'XNAS', FALSE, 0.01, 1, 50, NOW())");
        jdbc.update("INSERT INTO executions (exec_id, order_id, trade_id, account_id, firm_id, symbol, side, last_qty, "
            + "last_px, liquidity, exec_time, trade_date, journal_seq) VALUES ('9101', 9100, 9101, 'ACC-A', 'FIRMA', "
            + "'BLOCK', '1', 300, 50.00, 'AGGRESSOR', '2026-01-08 15:00:00', '2026-01-08', 9101), ('9102', 9100, "
            + "9102, 'ACC-A', 'FIRMA', 'BLOCK', '1', 200, 50.10, 'AGGRESSOR', '2026-01-08 15:01:00', '2026-01-08', "
            + "9102)");
        jdbc.update("INSERT INTO block_allocation (block_id, order_id, trade_date, created_by, created_at) VALUES "
            + "('BLK1', 9100, '2026-01-08', 'clerk', NOW())");
        jdbc.update("INSERT INTO block_allocation_instruction (block_id, account_id, shares) VALUES ('BLK1', 'ACC-B',"
            + " 250), ('BLK1', 'ACC-ZZZ', 250)");
        try {
            final BatchFixture.Run refused = fixture.batch("run", "settlement", "--date", "2026-01-08");
            assertThat(refused.status()).as(refused.toString()).isNotZero();
            assertThat(refused.err() + refused.out()).contains("ACC-ZZZ");
            assertThat(fixture.count("SELECT COUNT(*) FROM trade_confirmation WHERE trade_date = '2026-01-08'"))
                .as("nothing written").isZero();
            assertThat(fixture.outputDir().resolve("2026-01-08")).doesNotExist();

            jdbc.update("UPDATE block_allocation_instruction SET account_id = 'ACC-C' WHERE account_id = 'ACC-ZZZ'");
            final BatchFixture.Run settled = fixture.batch("run", "settlement", "--date", "2026-01-08");
            assertThat(settled.status()).as(settled.toString()).isZero();
            final List<Map<String, Object>> confirmations = jdbc.queryForList("SELECT account_id, quantity, price, "
                + "average_price FROM trade_confirmation WHERE trade_date = '2026-01-08' ORDER BY account_id");
            assertThat(confirmations).hasSize(2);
            for (final Map<String, Object> c : confirmations) {
                assertThat(((Number) c.get("quantity")).longValue()).isEqualTo(250);
                // (300 x 50.00 + 200 x 50.10) / 500 = 50.04
                assertThat(new java.math.BigDecimal(c.get("price").toString()))
                    .isEqualByComparingTo(new java.math.BigDecimal("50.04"));
            }
            assertThat(confirmations).extracting(c -> c.get("account_id")).containsExactly("ACC-B", "ACC-C");
        } finally {
            jdbc.update("DELETE FROM executions WHERE exec_id IN ('9101', '9102')");
        }
    }

    @Test
    void theSettlementJobHandsEachExecutionOnceInExecIdOrderAcrossARestart() {
        final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger chunks = new AtomicInteger();
        final SettlementWriter failsOnceAtSecondChunk = (date, executions, jobExecutionId) -> {
            assertThat(date).isEqualTo(BatchFixture.TRADED);
            if (chunks.incrementAndGet() == 2) {
                throw new IllegalStateException("settlement calculation failed");
            }
            executions.forEach(e -> delivered.add(e.execId()));
        };

        final BatchFixture.Run failed = fixture.batch(StepHooks.NONE, failsOnceAtSecondChunk,
            "run", "settlement", "--date", "2026-01-05");
        assertThat(failed.status()).as(failed.toString()).isEqualTo(3);
        final BatchFixture.Run restarted = fixture.batch(StepHooks.NONE, failsOnceAtSecondChunk,
            "run", "settlement", "--date", "2026-01-05");

        assertThat(restarted.status()).as(restarted.toString()).isZero();
        final List<String> expected = fixture.jdbc().queryForList("SELECT exec_id FROM executions WHERE trade_date"
            + " = '2026-01-05' ORDER BY exec_id", String.class);
        assertThat(expected).hasSize(36);
        assertThat(delivered).containsExactlyElementsOf(expected);
    }

    @Test
    void theExitCodesTellASchedulerWhatToDo() {
        assertThat(fixture.batch().status()).isEqualTo(2);
        assertThat(fixture.batch("run", "month-end", "--date", "2026-01-05").err()).contains("unknown job 'month-end'");
        assertThat(fixture.batch("run", "settlement").status()).isEqualTo(2);
        assertThat(fixture.batch("run", "settlement", "--date", "2026-13-01").status()).isEqualTo(2);
        final BatchFixture.Run weekend = fixture.batch("run", "settlement", "--date", "2026-01-10");
        assertThat(weekend.status()).isEqualTo(4);
        assertThat(weekend.err()).contains("2026-01-10 is a saturday, not a trading day");
        final String future = LocalDate.now().plusDays(7).toString();
        assertThat(fixture.batch("run", "settlement", "--date", future).err()).contains("is in the future");
        assertThat(fixture.batch("restart", "settlement", "--date", "2026-01-14").status()).isEqualTo(4);
        final BatchFixture.Run noDatabase = BatchFixture.batch(fixture.settingsWith("db.url",
                "jdbc:mysql://127.0.0.1:1/none"), StepHooks.NONE, SettlementWriter.NONE,
            "run", "settlement", "--date", "2026-01-15");
        assertThat(noDatabase.status()).as(noDatabase.toString()).isEqualTo(5);
        final BatchFixture.Run noRedis = BatchFixture.batch(fixture.settingsWith("redis.url", "redis://127.0.0.1:1"),
            StepHooks.NONE, SettlementWriter.NONE, "run", "settlement", "--date", "2026-01-15");
        assertThat(noRedis.status()).as(noRedis.toString()).isEqualTo(5);
        assertThat(noRedis.err()).contains("Redis does not answer");
        assertThat(fixture.batch("--help").out()).contains("Exit status", "4 refused");
    }

    @Test
    void aDayWithOpenDayOrdersCompletesWithExceptions() {
        fixture.jdbc().update("INSERT INTO orders (order_id, cl_ord_id, session_id, account_id, firm_id, symbol, "
            + "side, ord_type, time_in_force, price, order_qty, cum_qty, leaves_qty, avg_px, ord_status, received_at, "
            + "updated_at, journal_seq) VALUES (9001, 'D1', 'S', 'ACC-A', 'FIRMA', 'SYM01', '1', '2', '0', 99, 100, "
            + "0, 100, 0, '0', '2026-01-16 15:00:00', '2026-01-16 15:00:00', 9001)");

        final BatchFixture.Run run = fixture.batch("run", "trade-date-close", "--date", "2026-01-16");

        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("COMPLETED_WITH_EXCEPTIONS");
        assertThat(fixture.jdbc().queryForList("SELECT category FROM batch_exception WHERE job_name = "
            + "'trade-date-close' AND business_date = ?", String.class, Date.valueOf("2026-01-16")))
            .containsExactly("DAY_ORDER_OPEN");
    }

    private static void bumpFence(final String job) {
        final Map<String, String> settings = fixture.settingsMap();
        try (Connection connection = DriverManager.getConnection(settings.get("db.url"), settings.get("db.user"),
            settings.get("db.password")); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE batch_job_fence SET token = token + 1 WHERE job_name = '" + job + "'");
        } catch (final java.sql.SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
