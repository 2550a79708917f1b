package io.portcullis.reporting.bluesheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.portcullis.reporting.rule605.ReportOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blue sheets of the hand-built {@link BlueSheetScenario}, byte for byte against the expected files in
 * {@code src/test/resources/io/portcullis/reporting/bluesheet/}; and the command's exit codes.
 */
@Timeout(300)
class BlueSheetReportTest {
    private static BlueSheetScenario scenario;

    @BeforeAll
    static void runTheScenario() throws Exception {
        scenario = BlueSheetScenario.run(BlueSheetReportTest.class);
    }

    @AfterAll
    static void dropTheIndices() throws IOException {
        if (scenario != null) {
            scenario.close();
        }
    }

    @Test
    void symbolBlueSheetIsTheExpectedFile(@TempDir final Path out) throws IOException {
        assertThat(run(out, "--symbol", "AAPL", "--from", "2026-10-15", "--to", "2026-10-16"))
            .isEqualTo(ReportOptions.OK);
        assertThat(written(out, "bluesheet-S-AAPL-2026-10-15-2026-10-16.txt"))
            .isEqualTo(expected("bluesheet-S-AAPL-2026-10-15-2026-10-16.txt"));
    }

    @Test
    void accountBlueSheetIsTheExpectedFile(@TempDir final Path out) throws IOException {
        assertThat(run(out, "--account", "CUST", "--from", "2026-10-15", "--to", "2026-10-15"))
            .isEqualTo(ReportOptions.OK);
        assertThat(written(out, "bluesheet-A-CUST-2026-10-15-2026-10-15.txt"))
            .isEqualTo(expected("bluesheet-A-CUST-2026-10-15-2026-10-15.txt"));
    }

    @Test
    void everyRecordIsOfTheLayoutsLength(@TempDir final Path out) throws IOException {
        run(out, "--symbol", "AAPL", "--from", "2026-10-15", "--to", "2026-10-16");
        assertThat(written(out, "bluesheet-S-AAPL-2026-10-15-2026-10-16.txt").split("\n"))
            .hasSize(8).allSatisfy(line -> assertThat(line).hasSize(BlueSheetLayout.LENGTH));
    }

    @Test
    void aPeriodWithoutExecutionsWritesNothing(@TempDir final Path out) {
        assertThat(run(out, "--symbol", "AAPL", "--from", "2026-10-19", "--to", "2026-10-20"))
            .isEqualTo(ReportOptions.NO_DATA);
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void bothSymbolAndAccountIsBadUsage(@TempDir final Path out) {
        assertThat(run(out, "--symbol", "AAPL", "--account", "CUST", "--from", "2026-10-15", "--to", "2026-10-15"))
            .isEqualTo(ReportOptions.USAGE);
        assertThat(run(out, "--symbol", "AAPL", "--from", "2026-10-15", "--to", "2026-10-14"))
            .isEqualTo(ReportOptions.USAGE);
        assertThat(run(out, "--symbol", "AAPL", "--from", "15/10/2026", "--to", "2026-10-14"))
            .isEqualTo(ReportOptions.USAGE);
    }

    private static int run(final Path out, final String... args) {
        final List<String> line = new java.util.ArrayList<>(List.of(args));
        line.addAll(List.of("--out", out.toString()));
        final ByteArrayOutputStream sink = new ByteArrayOutputStream();
        final PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
        final int exit = BlueSheetMain.run(line, print, print, scenario.settings(Map.of(
            "bluesheet.executing-broker", "PCUL", "bluesheet.venue-code", "PCUL",
            "bluesheet.large-traders", "CUST=12345678-0001")));
        System.out.print(sink.toString(StandardCharsets.UTF_8));
        return exit;
    }

    private static String written(final Path out, final String name) throws IOException {
        return Files.readString(out.resolve(name), StandardCharsets.US_ASCII);
    }

    private static String expected(final String name) throws IOException {
        try (InputStream in = BlueSheetReportTest.class.getResourceAsStream(name)) {
            assertThat(in).as("expected file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
