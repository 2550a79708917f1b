package io.portcullis.reporting.cat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.portcullis.reporting.reconcile.TradingDay;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CAT files of the golden scenario ({@link CatScenario}), built from the real engine's journal through the real
 * audit indexer: the records field by field, their schemas, the files, metadata, splitting, reruns, feedback and the
 * command's exit codes.
 */
@Timeout(300)
class CatFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TradingDay DAY = new TradingDay(LocalDate.parse(CatScenario.DAY));
    private static CatScenario scenario;

    @TempDir
    Path out;

    @BeforeAll
    static void runTheDay() throws Exception {
        scenario = CatScenario.create(CatFilesTest.class);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (scenario != null) {
            scenario.close();
        }
    }

    @Test
    void shouldEmitExactlyTheExpectedRecordsFieldByField() throws IOException {
        final CatBuilder.Result result = build(scenario.configuration(), out);
        final List<String> actual = records(result.files());
        final List<String> expected = expected();
        Files.write(Path.of("target", "cat-golden-actual.jsonl"), actual, StandardCharsets.UTF_8);
        assertThat(result.problems()).isEmpty();
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            assertThat(JSON.readTree(actual.get(i))).as("record %d (actual lines in target/cat-golden-actual.jsonl)",
                i + 1).isEqualTo(JSON.readTree(expected.get(i)));
        }
        assertThat(actual).hasSameSizeAs(expected);
    }

    @Test
    void shouldMatchItsEventTypesJsonSchemaForEveryRecord() throws IOException {
        final Map<String, Schema> schemas = new HashMap<>();
        final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        final List<String> lines = new ArrayList<>(records(build(scenario.configuration(), out).files()));
        lines.addAll(records(rebuild(feedback("""
            {"records": [{"firmROEID": "%s", "errorROEID": 7012345678, "errorCodes": [2095]}]}""",
            firstRoeId(lines)), out.resolve("rpr")).files()));
        for (final String line : lines) {
            final String type = JSON.readTree(line).path("type").asText();
            final Schema schema = schemas.computeIfAbsent(type, t -> {
                try (InputStream in = CatFilesTest.class.getResourceAsStream(t + ".json")) {
                    assertThat(in).as("schema of %s", t).isNotNull();
                    return registry.getSchema(in);
                } catch (final IOException ex) {
                    throw new AssertionError(ex);
                }
            });
            final List<Error> errors = schema.validate(line, InputFormat.JSON);
            assertThat(errors).as("%s", line).isEmpty();
        }
        assertThat(schemas.keySet()).containsExactlyInAnyOrder("MENO", "MEOA", "MEOM", "MEOC", "MEOT");
    }

    @Test
    void shouldWriteAMetadataFileWithTheCountAndTheHashOfEachDataFile() throws Exception {
        final List<CatFile> files = build(scenario.configuration(), out).files();
        assertThat(files).hasSize(1);
        final CatFile file = files.get(0);
        assertThat(file.data().getFileName().toString()).isEqualTo("99999_PCLS_20260105_EQ_OrderEvents_000001.json.bz2");
        assertThat(file.meta().getFileName().toString()).isEqualTo("99999_PCLS_20260105_EQ_OrderEvents_000001.meta.json");
        final JsonNode meta = JSON.readTree(file.meta().toFile());
        assertThat(meta.path("type").asText()).isEqualTo("META");
        assertThat(meta.path("submitter").asText()).isEqualTo("99999");
        assertThat(meta.path("reporter").asText()).isEqualTo("PCLS");
        assertThat(meta.path("fileGenerationDate").asInt()).isEqualTo(20260105);
        assertThat(meta.path("fileVersion").asText()).isEqualTo(CatConfiguration.DEFAULT_SPEC_VERSION);
        assertThat(meta.path("doneForDay").asBoolean()).isTrue();
        final JsonNode entry = meta.path("files").get(0);
        assertThat(entry.path("fileName").asText()).isEqualTo(file.data().getFileName().toString());
        assertThat(entry.path("recordCount").asLong()).isEqualTo(records(files).size()).isEqualTo(expected().size());
        assertThat(entry.path("compressedHash").asText()).isEqualTo(HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file.data()))));
    }

    @Test
    void shouldSplitBySizeWithoutLosingOrReorderingARecord() throws IOException {
        final List<String> whole = records(build(scenario.configuration(), out.resolve("whole")).files());
        final long limit = 2_000;
        final List<CatFile> parts = build(scenario.configuration().withMaxFileBytes(limit), out.resolve("split"))
            .files();
        assertThat(parts.size()).isGreaterThan(3);
        assertThat(records(parts)).isEqualTo(whole);
        for (int i = 0; i < parts.size(); i++) {
            final CatFile part = parts.get(i);
            assertThat(part.jsonBytes()).isLessThanOrEqualTo(limit);
            assertThat(part.data().getFileName().toString()).endsWith(String.format("_OrderEvents_%06d.json.bz2", i + 1));
            final JsonNode meta = JSON.readTree(part.meta().toFile());
            assertThat(meta.path("files").get(0).path("recordCount").asLong()).isEqualTo(part.records())
                .isEqualTo(records(List.of(part)).size());
            assertThat(meta.path("doneForDay").asBoolean()).isEqualTo(i == parts.size() - 1);
        }
    }

    @Test
    void shouldSayHowFarALongBuildGotWithoutChangingIt() throws IOException {
        final List<long[]> reports = new ArrayList<>();
        final CatBuilder builder = new CatBuilder(scenario.es, scenario.configuration(), scenario.accounts());
        CatBuilder.Checkpoint checkpoint = CatBuilder.Checkpoint.start();
        while (!checkpoint.done()) {
            checkpoint = builder.segment(DAY, out.resolve("progress"), checkpoint,
                (documents, records) -> reports.add(new long[] {documents, records}), 10);
        }
        assertThat(reports).extracting(r -> r[0]).containsExactly(10L, 20L, 30L, 40L, 50L);
        assertThat(reports).extracting(r -> r[1]).isSorted().allSatisfy(r -> assertThat(r).isPositive());
        assertThat(records(checkpoint.files())).isEqualTo(records(build(scenario.configuration(), out).files()));
    }

    @Test
    void shouldWriteByteIdenticalFilesOnARerun() throws IOException {
        final List<CatFile> first = build(scenario.configuration().withMaxFileBytes(3_000), out.resolve("a")).files();
        final List<CatFile> second = build(scenario.configuration().withMaxFileBytes(3_000), out.resolve("b"))
            .files();
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(second.get(i).data())).isEqualTo(Files.readAllBytes(first.get(i).data()));
            assertThat(Files.readAllBytes(second.get(i).meta())).isEqualTo(Files.readAllBytes(first.get(i).meta()));
        }
    }

    @Test
    void shouldReemitFeedbackRecordsAsRepairsAndCorrectionsWithTheirFirmRoeIds() throws IOException {
        final List<String> day = records(build(scenario.configuration(), out).files());
        final JsonNode repaired = JSON.readTree(day.get(3));
        final JsonNode corrected = JSON.readTree(day.get(7));
        final CatBuilder.Result result = rebuild(feedback("""
            {"records": [
              {"firmROEID": "%s", "errorROEID": 7012345678, "errorCodes": [2095]},
              {"firmROEID": "%s", "reason": "restated"},
              {"firmROEID": "20260105_0-99999-0", "errorROEID": 1}
            ]}""", repaired.path("firmROEID").asText(), corrected.path("firmROEID").asText()), out.resolve("rpr"));
        assertThat(result.missing()).containsExactly("20260105_0-99999-0");
        assertThat(result.files().get(0).data().getFileName().toString())
            .isEqualTo("99999_PCLS_20260105_EQRPR_OrderEvents_000001.json.bz2");
        final List<String> lines = records(result.files());
        assertThat(lines).hasSize(2);
        final JsonNode repair = JSON.readTree(lines.get(0));
        assertThat(repair.path("actionType").asText()).isEqualTo("RPR");
        assertThat(repair.path("errorROEID").asLong()).isEqualTo(7_012_345_678L);
        assertThat(withoutMarkers(repair)).isEqualTo(withoutMarkers(repaired));
        final JsonNode correction = JSON.readTree(lines.get(1));
        assertThat(correction.path("actionType").asText()).isEqualTo("COR");
        assertThat(correction.has("errorROEID")).isFalse();
        assertThat(withoutMarkers(correction)).isEqualTo(withoutMarkers(corrected));
    }

    @Test
    void shouldResumeAWalkFromASavedPositionInANewPointInTime() {
        final List<String> all = new ArrayList<>();
        try (CatReader reader = reader(CatReader.Position.START, 7)) {
            for (CatReader.Document d = reader.next(); d != null; d = reader.next()) {
                all.add(d.id());
            }
        }
        final List<String> resumed = new ArrayList<>();
        final CatReader.Position saved;
        try (CatReader reader = reader(CatReader.Position.START, 7)) {
            for (int i = 0; i < 10; i++) {
                resumed.add(reader.next().id());
            }
            saved = reader.position();
        }
        try (CatReader reader = reader(saved, 7)) {
            for (CatReader.Document d = reader.next(); d != null; d = reader.next()) {
                resumed.add(d.id());
            }
        }
        assertThat(all).hasSizeGreaterThan(20);
        assertThat(resumed).isEqualTo(all);
    }

    @Test
    void shouldExitOneWhenTheDayHasNoDataAndTwoOnBadUsage() {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        final PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(CatMain.run(List.of("--date", "2020-01-06", "--out", out.toString()), sink, errors,
            scenario.settings())).isEqualTo(CatMain.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no data");
        assertThat(CatMain.run(List.of("--date", "2026-13-01", "--out", out.toString()), sink, errors,
            scenario.settings())).isEqualTo(CatMain.USAGE_ERROR);
        assertThat(CatMain.run(List.of("--out", out.toString()), sink, errors, scenario.settings()))
            .isEqualTo(CatMain.USAGE_ERROR);
        assertThat(CatMain.run(List.of("--date", CatScenario.DAY, "--out", out.resolve("main").toString()), sink,
            errors, scenario.settings())).isEqualTo(CatMain.OK);
        assertThat(out.resolve("main").resolve("99999_PCLS_20260105_EQ_OrderEvents_000001.json.bz2")).exists();
    }

    private static CatReader reader(final CatReader.Position from, final int pageSize) {
        return new CatReader(scenario.es, scenario.configuration().alias(), DAY, pageSize, from);
    }

    private static CatBuilder.Result build(final CatConfiguration configuration, final Path directory) {
        return new CatBuilder(scenario.es, configuration, scenario.accounts()).build(DAY, directory);
    }

    private CatBuilder.Result rebuild(final CatFeedback feedback, final Path directory) {
        return new CatBuilder(scenario.es, scenario.configuration(), scenario.accounts()).rebuild(DAY, directory,
            feedback);
    }

    private CatFeedback feedback(final String template, final Object... args) throws IOException {
        final Path file = out.resolve("feedback-" + System.nanoTime() + ".json");
        Files.writeString(file, template.formatted(args));
        return CatFeedback.read(file);
    }

    private static String firstRoeId(final List<String> lines) throws IOException {
        return JSON.readTree(lines.get(0)).path("firmROEID").asText();
    }

    private static JsonNode withoutMarkers(final JsonNode record) {
        final var copy = record.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("actionType", "errorROEID"));
        return copy;
    }

    private static List<String> records(final List<CatFile> files) throws IOException {
        final List<String> lines = new ArrayList<>();
        for (final CatFile file : files) {
            try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(file.data()))) {
                final String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text).endsWith("\n");
                lines.addAll(text.lines().toList());
            }
        }
        return lines;
    }

    private static List<String> expected() throws IOException {
        try (InputStream in = CatFilesTest.class.getResourceAsStream("golden-2026-01-05.jsonl")) {
            assertThat(in).as("expected records").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
