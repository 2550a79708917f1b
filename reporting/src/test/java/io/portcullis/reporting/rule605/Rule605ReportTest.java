package io.portcullis.reporting.rule605;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.portcullis.oms.domain.Prices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 605 OES summary reports of the hand-computed {@link ExecutionQualityScenario}, checked byte for byte against
 * the expected files in {@code src/test/resources/io/portcullis/reporting/rule605/} and against the SEC's CSVW
 * metadata with {@link CsvwChecker}.
 *
 * <p>How the expected AAPL (B = 268) records follow from the scenario (SPY the same with B = 668): C1 is the only
 * covered market order (100 x mid 268 = 26,800 USD: bucket 20000; filled at the offer: at the quote, no
 * improvement; effective spread 2 x .10 / 268 = 0.000746, quoted .20 / 268, ratio 1; 15 s and 1 min later the mid is
 * still 268: realized = effective). C2 (500 x 268 = 134,000: bucket 50000) fills 100 at the offer and 400 at B+.20,
 * .10 outside it: 0.2 at the quote or better, improvement (0 - 300 x .10 - 100 x .10) / (500 x 268) = -0.000299,
 * effective (100 x .20 + 400 x .40) / 500 / 268 = 0.001343, time (100 x 6,000 ms) / 500 = 1,200 ms. A4 (mid 268.25)
 * and C6 (mid 268.10) are the 20000 ML bucket; 199999 aggregates all orders below 200,000 USD.
 */
@Timeout(300)
class Rule605ReportTest {
    private static ExecutionQualityScenario scenario;

    @BeforeAll
    static void runTheScenario() throws Exception {
        scenario = ExecutionQualityScenario.run(Rule605ReportTest.class);
    }

    @AfterAll
    static void dropTheIndices() throws IOException {
        if (scenario != null) {
            scenario.close();
        }
    }

    @Test
    void octoberReportIsTheHandComputedOne(@TempDir final Path out) throws IOException {
        final String csv = report("2026-10", out);
        assertThat(csv).isEqualTo(resource("PORTCULLIS202610.csv"));
        assertThat(checker().check(csv)).isEmpty();
    }

    @Test
    void novemberReportIsTheHandComputedOne(@TempDir final Path out) throws IOException {
        final String csv = report("2026-11", out);
        assertThat(csv).isEqualTo(resource("PORTCULLIS202611.csv"));
        assertThat(checker().check(csv)).isEmpty();
    }

    @Test
    void sameIndexGivesTheSameBytes(@TempDir final Path out) throws IOException {
        final byte[] first = report("2026-10", out).getBytes(StandardCharsets.US_ASCII);
        final byte[] second = report("2026-10", out).getBytes(StandardCharsets.US_ASCII);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aMonthWithoutOrdersWritesNothingAndExitsOne(@TempDir final Path out) {
        assertThat(Rule605Main.run(List.of("--month", "2026-12", "--out", out.toString()), quiet(), quiet(),
            scenario.settings())).isEqualTo(ReportOptions.NO_DATA);
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void badUsageExitsTwo(@TempDir final Path out) {
        assertThat(Rule605Main.run(List.of("--month", "2026-13", "--out", out.toString()), quiet(), quiet(),
            scenario.settings())).isEqualTo(ReportOptions.USAGE);
        assertThat(Rule605Main.run(List.of("--out", out.toString()), quiet(), quiet(), scenario.settings()))
            .isEqualTo(ReportOptions.USAGE);
    }

    @Test
    void pagesOfOneDocumentWalkTheSameEventsAsOnePage() throws IOException {
        final Instant from = Instant.parse("2026-10-01T00:00:00Z");
        final Instant to = Instant.parse("2026-12-01T00:00:00Z");
        final List<AuditEvent> one = new AuditWalk(scenario.es, scenario.prefix + "-audit", 1, 0).list(from, to);
        final List<AuditEvent> all = new AuditWalk(scenario.es, scenario.prefix + "-audit", 5_000, 0)
            .list(from, to);
        assertThat(one).isEqualTo(all).isNotEmpty();
    }

    @Test
    void theQuoteBeforeNovemberIsHandedOverFirst() throws IOException {
        final List<AuditEvent> events = new AuditWalk(scenario.es, scenario.prefix + "-audit", 100, 0)
            .list(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:01Z"));
        // the October blocks ended with both books emptied by the cancels of A5 and A6
        assertThat(events).extracting(e -> ((AuditEvent.TopOfBook) e).symbol()).containsExactly("AAPL", "SPY");
        assertThat(events).allMatch(e -> ((AuditEvent.TopOfBook) e).quote().equals(Quote.EMPTY));
    }

    @Test
    void priceImprovementIsMeasuredAgainstTheQuoteAtReceipt() {
        // our own book cannot improve on itself (a fill is at the quote or through it), so the improvement path is
        // checked here: a buy received at 10.00 / 10.10 filled 100 at 10.05 and 100 at 10.10
        final OesCell cell = new OesCell();
        final Quote quote = new Quote(100_000, 101_000);
        cell.order(200, new BigDecimal("2010.00"));
        cell.execution(true, 100, Prices.toBigDecimal(100_500), quote, 1_000_000);
        cell.execution(true, 100, Prices.toBigDecimal(101_000), quote, 3_000_000);
        final BigDecimal[] s = cell.statistics();
        assertThat(OesRecord.format(s[3])).isEqualTo("1");
        assertThat(OesRecord.format(s[4])).isEqualTo("0.5");
        // (100 x .05 + 100 x 0) / (200 x 10.05) = 0.002487562...
        assertThat(OesRecord.format(s[5])).isEqualTo("0.002488");
        // effective: (100 x 0 + 100 x .10) / 200 / 10.05 = 0.004975124...
        assertThat(OesRecord.format(s[6])).isEqualTo("0.004975");
        assertThat(OesRecord.format(s[11])).isEqualTo("2");
    }

    @Test
    void theSecSampleBreaksOnlyTheRequiredEmptyRatioAndTheBadFileFails() throws IOException {
        final List<String> sample = checker().check(resource("sample.csv"));
        // the SEC's own sample leaves AvgEFQPct empty where the quoted spread is 0, in a column the metadata marks
        // required: the specification's text allows empty fields, the metadata does not
        assertThat(sample).hasSize(2).allMatch(e -> e.contains("AvgEFQPct") && e.contains("null in a required"));
        final List<String> bad = checker().check(resource("ng.csv"));
        assertThat(bad).anyMatch(e -> e.startsWith("row 1, column RptDate"))
            .anyMatch(e -> e.startsWith("row 1, column Sp500"))
            .anyMatch(e -> e.startsWith("row 1, column OrderSize"))
            .anyMatch(e -> e.startsWith("row 1, column AvgOrderQty"))
            .anyMatch(e -> e.contains("duplicate primary key"))
            .anyMatch(e -> e.startsWith("row 2, column OrderType"));
    }

    private static String report(final String month, final Path out) throws IOException {
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final int code = Rule605Main.run(List.of("--month", month, "--out", out.toString()),
            new PrintStream(stdout, true, StandardCharsets.UTF_8), quiet(), scenario.settings());
        assertThat(code).isEqualTo(ReportOptions.OK);
        final Path file = Path.of(stdout.toString(StandardCharsets.UTF_8).strip());
        assertThat(file.getFileName().toString()).isEqualTo("PORTCULLIS" + month.replace("-", "") + ".csv");
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    private static CsvwChecker checker() throws IOException {
        try (InputStream in = Rule605ReportTest.class.getResourceAsStream("oes-metadata.json")) {
            return new CsvwChecker(in);
        }
    }

    private static String resource(final String name) throws IOException {
        try (InputStream in = Rule605ReportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
