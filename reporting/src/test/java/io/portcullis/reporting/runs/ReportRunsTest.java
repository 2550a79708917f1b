package io.portcullis.reporting.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report runs in MySQL: a run around a report command records its parameters, who asked, its outcome, counts and
 * the SHA-256 of each file it wrote (and only of those).
 */
@Timeout(120)
class ReportRunsTest {
    private static TestDatabase testDatabase;
    private static Database database;
    private static ReportRuns runs;
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void migrate() {
        testDatabase = TestDatabase.create(ReportRunsTest.class);
        database = Database.open(new DatabaseConfiguration(testDatabase.jdbcUrl(), testDatabase.user(),
            testDatabase.password(), 2, DatabaseConfiguration.Dialect.MARIADB));
        database.migrate();
        runs = new ReportRuns(database.dsl(), InstantSource.fixed(Instant.parse("2026-10-15T20:00:00Z")));
    }

    @AfterAll
    static void drop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void aSuccessfulRunRecordsItsParametersCountsAndNewFiles(@TempDir final Path out) throws IOException {
        Files.writeString(out.resolve("older.txt"), "written before the run");
        final RecordedRun.Outcome outcome = RecordedRun.run(runs, ReportType.BLUESHEET, List.of("--symbol", "AAPL",
            "--from", "2026-10-15", "--to", "2026-10-16", "--out", out.toString()), "alice", err, null, args -> {
                write(out.resolve("bluesheet.txt"), "abc");
                RecordedRun.counted(6, 8);
                return 0;
            });

        final ReportRun run = runs.find(outcome.runId()).orElseThrow(() -> new AssertionError(errors));
        assertThat(run.type()).isEqualTo(ReportType.BLUESHEET);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.requestedBy()).isEqualTo("alice");
        assertThat(run.parameters()).isEqualTo("{\"symbol\":\"AAPL\",\"from\":\"2026-10-15\",\"to\":\"2026-10-16\"}");
        assertThat(run.documents()).isEqualTo(6);
        assertThat(run.records()).isEqualTo(8);
        assertThat(run.outputDir()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(run.startedAt()).isEqualTo(Instant.parse("2026-10-15T20:00:00Z"));
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.files()).containsExactly(new RunFile("bluesheet.txt", 3,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    @Test
    void aRunWithoutDataIsRecordedAsNoData(@TempDir final Path out) {
        final RecordedRun.Outcome outcome = RecordedRun.run(runs, ReportType.RULE_605, List.of("--month", "2026-10",
            "--out", out.toString()), "bob", err, () -> "no covered order", args -> 1);

        final ReportRun run = runs.find(outcome.runId()).orElseThrow(() -> new AssertionError(errors));
        assertThat(run.status()).isEqualTo(RunStatus.NO_DATA);
        assertThat(run.message()).isEqualTo("no covered order");
        assertThat(run.files()).isEmpty();
        assertThat(runs.list(ReportType.RULE_605, RunStatus.NO_DATA, 10)).extracting(ReportRun::id)
            .contains(outcome.runId());
        assertThat(runs.list(ReportType.CAT, null, 10)).extracting(ReportRun::id).doesNotContain(outcome.runId());
    }

    @Test
    void helpIsNotRecorded() {
        assertThat(RecordedRun.run(runs, ReportType.CAT, List.of("--help"), "carol", err, null, args -> 0).runId())
            .isEqualTo(-1);
    }

    private static void write(final Path file, final String text) {
        try {
            Files.writeString(file, text);
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
