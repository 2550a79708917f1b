package io.portcullis.backoffice.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.portcullis.config.Settings;
import io.portcullis.reporting.cat.CatMain;
import io.portcullis.reporting.cat.CatScenario;
import io.portcullis.reporting.runs.ReportRuns;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports as jobs of the back-office framework, on reporting's golden CAT day built on the real services
 * (Kafka journal, audit indexer, Elasticsearch, MySQL; Redis for the locks): the CAT job gives the report builder's
 * bytes, commits a checkpoint per file and, killed with SIGKILL between files, continues after its last closed file
 * to the same bytes; every run is in the job repository and in report_run with its files' SHA-256; bad usage is
 * refused before anything is recorded; a report being built refuses a second run of the same parameters.
 */
@Timeout(600)
class ReportJobsTest {
    /** Small files: the golden day's 45 records make about eight files, so a run has checkpoints to continue from. */
    private static final String MAX_FILE_BYTES = "4000";
    private static CatScenario scenario;
    private static Map<String, String> settings;
    private static Database database;

    @TempDir
    Path out;

    @BeforeAll
    static void buildTheDay() throws Exception {
        LocalStack.require(LocalStack.Service.REDIS);
        scenario = CatScenario.create(ReportJobsTest.class);
        final Properties base = new Properties();
        base.putAll(Map.of("redis.url", LocalStack.redisUrl(), "batch.lock-lease-ms", "2000",
            "cat.max-file-bytes", MAX_FILE_BYTES, "kafka.bootstrap", LocalStack.kafkaBootstrap()));
        settings = new HashMap<>();
        for (final String name : List.of("es.url", "audit.index-prefix", "db.url", "db.user", "db.password")) {
            settings.put(name, scenario.settings().string(name, null));
        }
        base.forEach((k, v) -> settings.put((String) k, (String) v));
        settings.put("batch.lock-prefix", "test:" + settings.get("audit.index-prefix"));
        database = Database.open(DatabaseConfiguration.from(settings()));
        database.migrate();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (database != null) {
            database.close();
        }
        if (scenario != null) {
            scenario.close();
        }
    }

    private static Settings settings() {
        return Settings.of(settings, Map.of(), Map.of());
    }

    @Test
    void shouldBuildTheCatFilesAsAJobWithTheBuildersBytesAndRecordTheRun() throws IOException {
        final Path job = out.resolve("job");
        final Run run = report(ReportJobs.Hooks.NONE, "cat", "--date", CatScenario.DAY, "--out", job.toString());
        assertThat(run.status()).as(run.toString()).isZero();
        final Map<String, byte[]> built = files(job);
        final Path direct = out.resolve("direct");
        assertThat(CatMain.run(List.of("--date", CatScenario.DAY, "--out", direct.toString()), sink(), sink(),
            settings())).isZero();
        assertSameFiles(built, files(direct));
        assertThat(built.keySet().stream().filter(n -> n.endsWith(".json.bz2")).count())
            .as("a 4,000-byte limit splits the day into several files").isGreaterThan(3);

        final JdbcTemplate jdbc = jdbc();
        final Map<String, Object> execution = jdbc.queryForMap("SELECT e.JOB_EXECUTION_ID, e.STATUS FROM "
            + "BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
            + "WHERE i.JOB_NAME = 'report-cat' ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1");
        assertThat(execution.get("STATUS")).isEqualTo("COMPLETED");
        final long executionId = ((Number) execution.get("JOB_EXECUTION_ID")).longValue();
        final long commits = jdbc.queryForObject("SELECT COMMIT_COUNT FROM BATCH_STEP_EXECUTION WHERE "
            + "JOB_EXECUTION_ID = ?", Long.class, executionId);
        assertThat(commits).as("one checkpoint committed per closed file")
            .isEqualTo(built.keySet().stream().filter(n -> n.endsWith(".json.bz2")).count());
        final Map<String, Object> recorded = jdbc.queryForMap("SELECT id, status, records_written FROM report_run "
            + "WHERE job_execution_id = ?", executionId);
        assertThat(recorded.get("status")).isEqualTo("SUCCEEDED");
        assertThat(((Number) recorded.get("records_written")).longValue()).isEqualTo(45);
        final Map<String, String> hashes = new TreeMap<>();
        jdbc.query("SELECT file_name, sha256 FROM report_run_file WHERE run_id = ?",
            rs -> {
                hashes.put(rs.getString(1), rs.getString(2));
            }, recorded.get("id"));
        assertThat(hashes.keySet()).isEqualTo(built.keySet());
        for (final Map.Entry<String, String> hash : hashes.entrySet()) {
            assertThat(hash.getValue()).isEqualTo(ReportRuns.sha256(job.resolve(hash.getKey())));
        }

        final Run again = report(ReportJobs.Hooks.NONE, "cat", "--date", CatScenario.DAY, "--out", job.toString());
        assertThat(again.status()).as(again.toString()).isZero();
        assertThat(again.out()).as("a completed report builds again as the next run").contains("run 2");
        assertSameFiles(files(job), built);

        final long id = ((Number) recorded.get("id")).longValue();
        final Run listed = report(ReportJobs.Hooks.NONE, "runs", "--type", "CAT", "--status", "SUCCEEDED");
        assertThat(listed.status()).as(listed.toString()).isZero();
        assertThat(listed.out()).containsPattern("(?m)^\\s+" + id + " CAT\\s+" + executionId + "\\s+SUCCEEDED");
        final Run shown = report(ReportJobs.Hooks.NONE, "show", Long.toString(id));
        assertThat(shown.status()).as(shown.toString()).isZero();
        for (final Map.Entry<String, String> hash : hashes.entrySet()) {
            assertThat(shown.out()).contains(job.resolve(hash.getKey()) + "  ", "sha256 " + hash.getValue());
        }
        assertThat(report(ReportJobs.Hooks.NONE, "show", "999999999").status()).isEqualTo(1);
        final Run badStatus = report(ReportJobs.Hooks.NONE, "runs", "--status", "DONE");
        assertThat(badStatus.status()).isEqualTo(2);
        assertThat(badStatus.err()).contains("--status");
    }

    @Test
    void shouldContinueAKilledCatRunAfterItsLastClosedFileToTheSameBytes() throws Exception {
        final Path job = out.resolve("killed");
        final Path config = out.resolve("report.properties");
        final Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "report job test settings");
        }
        final int killAfter = 2 + new java.util.Random().nextInt(3);
        final Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), ReportKillMain.class.getName(), "cat", "--date",
            CatScenario.DAY, "--out", job.toString(), "--config", config.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final Map<String, String> firstFiles = new TreeMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.equals("committed file " + killAfter));
            assertThat(line).as("the child committed %d files", killAfter).isNotNull();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        final JdbcTemplate jdbc = jdbc();
        final long killed = jdbc.queryForObject("SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN "
            + "BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'report-cat' AND "
            + "e.STATUS = 'STARTED'", Long.class);
        final long recordsBefore = jdbc.queryForObject("SELECT WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE "
            + "JOB_EXECUTION_ID = ?", Long.class, killed);
        assertThat(recordsBefore).as("the killed run committed whole files").isPositive().isLessThan(45);
        for (int n = 1; n <= killAfter; n++) {
            final Path file = dataFile(job, n);
            firstFiles.put(file.getFileName().toString(), identity(file));
        }
        Thread.sleep(2_500); // the killed run's lock lapses (lease 2 s)

        final Run resumed = report(ReportJobs.Hooks.NONE, "cat", "--date", CatScenario.DAY, "--out",
            job.toString());
        System.out.println("killed after file " + killAfter + "; the rerun:\n" + resumed);
        assertThat(resumed.status()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("was killed: recovered", "continuing run 1");
        final long next = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION",
            Long.class);
        assertThat(jdbc.queryForObject("SELECT WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?",
            Long.class, next)).as("the continued run wrote only the records after the last closed file")
            .isEqualTo(45 - recordsBefore);
        for (final Map.Entry<String, String> file : firstFiles.entrySet()) {
            assertThat(identity(job.resolve(file.getKey()))).as("%s was kept, not rewritten", file.getKey())
                .isEqualTo(file.getValue());
        }
        final Path direct = out.resolve("clean");
        assertThat(CatMain.run(List.of("--date", CatScenario.DAY, "--out", direct.toString()), sink(), sink(),
            settings())).isZero();
        assertSameFiles(files(job), files(direct));
        assertThat(jdbc.queryForObject("SELECT status FROM report_run WHERE job_execution_id = ?", String.class,
            killed)).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT message FROM report_run WHERE job_execution_id = ?", String.class,
            killed)).contains("killed", Long.toString(next));
        assertThat(jdbc.queryForObject("SELECT status FROM report_run WHERE job_execution_id = ?", String.class,
            next)).isEqualTo("SUCCEEDED");
    }

    @Test
    void shouldRunAFeedbackFileAsARepairRunOfTheJob() throws IOException {
        final Path feedback = out.resolve("feedback.json");
        Files.writeString(feedback, """
            {"records": [
              {"firmROEID": "20260105_0-3-2", "errorROEID": 7012345678, "errorCodes": [2095]},
              {"firmROEID": "20260105_0-5-1", "reason": "restated"}
            ]}""");
        final Path dir = out.resolve("repairs");
        final Run run = report(ReportJobs.Hooks.NONE, "cat", "--date", CatScenario.DAY, "--out", dir.toString(),
            "--feedback", feedback.toString());
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(files(dir).keySet()).containsExactly("99999_PCLS_20260105_EQRPR_OrderEvents_000001.json.bz2",
            "99999_PCLS_20260105_EQRPR_OrderEvents_000001.meta.json");
        final Map<String, Object> recorded = jdbc().queryForMap("SELECT r.status, r.records_written, r.parameters "
            + "FROM report_run r JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = r.job_execution_id "
            + "ORDER BY r.id DESC LIMIT 1");
        assertThat(recorded.get("status")).isEqualTo("SUCCEEDED");
        assertThat(((Number) recorded.get("records_written")).longValue()).isEqualTo(2);
        assertThat((String) recorded.get("parameters")).contains("feedback");
    }

    @Test
    void shouldRunEveryOtherReportAsAJobAndRefuseBadUsageBeforeRecordingAnything() throws IOException {
        final JdbcTemplate jdbc = jdbc();
        final long instances = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Long.class);
        final Run bad = report(ReportJobs.Hooks.NONE, "606", "--quarter", "2026Q5", "--out", out.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--quarter");
        assertThat(report(ReportJobs.Hooks.NONE, "nonsense").status()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Long.class))
            .as("nothing recorded for a bad command line").isEqualTo(instances);

        final Path dir = out.resolve("reports");
        final Map<String, List<String>> commands = Map.of(
            "report-606", List.of("606", "--quarter", "2026Q1", "--out", dir.toString()),
            "report-606b3", List.of("606b3", "--account", "CUST1", "--from", "2026-01-01", "--to", "2026-01-31",
                "--out", dir.toString()),
            "report-605", List.of("605", "--month", "2026-01", "--out", dir.toString()),
            "report-bluesheet", List.of("bluesheet", "--symbol", "AAPL", "--from", CatScenario.DAY, "--to",
                CatScenario.DAY, "--out", dir.toString()),
            "report-surveillance", List.of("surveillance", "--date", CatScenario.DAY));
        for (final Map.Entry<String, List<String>> command : commands.entrySet()) {
            final Run run = report(ReportJobs.Hooks.NONE, command.getValue().toArray(String[]::new));
            assertThat(run.status()).as(command.getKey() + ": " + run).isIn(0, 1);
            assertThat(jdbc.queryForObject("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON "
                + "i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC "
                + "LIMIT 1", String.class, command.getKey())).as(command.getKey()).isEqualTo("COMPLETED");
        }
        final Map<String, byte[]> files = files(dir);
        assertThat(files.keySet()).contains("606a1-2026Q1.xml", "606b3-CUST1-2026-01-01-2026-01-31.xml",
            "bluesheet-S-AAPL-2026-01-05-2026-01-05.txt");
        for (final String type : List.of("606", "606B3", "BLUESHEET")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report_run r JOIN report_run_file f ON f.run_id = "
                + "r.id WHERE r.report_type = ? AND r.status = 'SUCCEEDED' AND r.job_execution_id IS NOT NULL",
                Long.class, type)).as(type + " recorded with its file").isEqualTo(1);
        }
        final Run again = report(ReportJobs.Hooks.NONE, "606", "--quarter", "2026Q1", "--out", dir.toString());
        assertThat(again.status()).isZero();
        assertThat(files(dir).get("606a1-2026Q1.xml")).isEqualTo(files.get("606a1-2026Q1.xml"));
    }

    @Test
    void shouldRefuseASecondRunOfTheSameReportWhileOneHoldsItsLock() throws IOException {
        final List<String> args = List.of("--quarter", "2026Q1", "--out", out.toString());
        final String lock = ReportJobs.lockName(ReportJob.RULE_606, ReportJobs.identity(args));
        try (JobLock locks = JobLock.connect(BatchConfiguration.from(settings()));
             JobLock.Held held = locks.tryAcquire(lock).orElseThrow()) {
            final List<String> command = new ArrayList<>(List.of("606"));
            command.addAll(args);
            final Run refused = report(ReportJobs.Hooks.NONE, command.toArray(String[]::new));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(4);
            assertThat(refused.err()).contains("being built by another run", held.key());
            final Run other = report(ReportJobs.Hooks.NONE, "606", "--quarter", "2026Q1", "--out",
                out.resolve("elsewhere").toString());
            assertThat(other.status()).as("other parameters are another report: " + other).isZero();
        }
        assertThat(Optional.ofNullable(out.resolve("606a1-2026Q1.xml")).filter(Files::exists)).isEmpty();
    }

    private record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private static Run report(final ReportJobs.Hooks hooks, final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = ReportMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), settings(), hooks);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream sink() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static JdbcTemplate jdbc() {
        return new JdbcTemplate(database.dataSource());
    }

    private static Map<String, byte[]> files(final Path directory) throws IOException {
        final Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (final Path file : list.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertSameFiles(final Map<String, byte[]> actual, final Map<String, byte[]> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (final Map.Entry<String, byte[]> file : expected.entrySet()) {
            assertThat(actual.get(file.getKey())).as(file.getKey()).isEqualTo(file.getValue());
        }
    }

    private static Path dataFile(final Path directory, final int sequence) {
        return directory.resolve(String.format("99999_PCLS_20260105_EQ_OrderEvents_%06d.json.bz2", sequence));
    }

    private static String identity(final Path file) throws IOException {
        final BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.fileKey() + "/" + attributes.size() + "/" + attributes.lastModifiedTime().toInstant();
    }
}
