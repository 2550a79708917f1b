package io.portcullis.reporting.rule606;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.portcullis.reporting.rule605.ExecutionQualityScenario;
import io.portcullis.reporting.rule605.ReportOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 606 reports of the hand-computed {@link ExecutionQualityScenario}, byte for byte against the expected files
 * in {@code src/test/resources/io/portcullis/reporting/rule606/}, and validated against the bundled SEC schema.
 *
 * <p>606(a)(1), each month and section (one block of 12 orders): market C1, C5 = 2/12 = 16.67 %; marketable limit
 * C2, A4, C6 = 3/12 = 25.00 %; non-marketable limit A1, A2, A3, C3, A5, A6 = 6/12 = 50.00 %; other (the stop C4)
 * 1/12 = 8.33 %; every order to the internal venue (100.00 % of each kind), no payment (0.00 USD, 0.0000 cph).
 *
 * <p>606(b)(3) for CUST, each month (two blocks): sent 2 x (100 + 500 + 100 + 100 + 100 + 100) = 2,000 shares in 12
 * orders (166.67 a order), IOC 2 x 100 (C5); executed 2 x (C1 100 + C2 500 + C5 100 + C6 100) = 1,600 in 12 fills
 * (133.33 a fill), 80.00 % of sent. Against the book before each fill: C1 and C2's first two fills buy above the
 * midpoint 268, C5 and C6 sell below 268.10 (far side); C2's last fill, 100 at B+.20 against the book B+.20 /
 * B+.30, buys below the midpoint (near side) and is its only maker fill: near 200 = 12.50 %, far 1,400 = 87.50 %,
 * provided 200, removed 1,400; C2 lived 6 s from receipt to its last fill: 6000 ms.
 */
@Timeout(300)
class Rule606ReportTest {
    private static ExecutionQualityScenario scenario;

    @BeforeAll
    static void runTheScenario() throws Exception {
        scenario = ExecutionQualityScenario.run(Rule606ReportTest.class);
    }

    @AfterAll
    static void dropTheIndices() throws IOException {
        if (scenario != null) {
            scenario.close();
        }
    }

    @Test
    void quarterlyReportIsTheHandComputedOne(@TempDir final Path out) throws Exception {
        final byte[] xml = run(Rule606Main.run(List.of("--quarter", "2026Q4", "--out", out.toString()), stdout(),
            quiet(), scenario.settings()), out, "606a1-2026Q4.xml");
        assertThat(new String(xml, StandardCharsets.UTF_8)).isEqualTo(resource("606a1-2026Q4.xml"));
        Rule606Xml.validate(xml);
    }

    @Test
    void sameIndexGivesTheSameBytes(@TempDir final Path first, @TempDir final Path second) throws Exception {
        final List<String> args = List.of("--quarter", "2026Q4", "--out");
        final byte[] one = run(Rule606Main.run(concat(args, first), stdout(), quiet(), scenario.settings()), first,
            "606a1-2026Q4.xml");
        final byte[] two = run(Rule606Main.run(concat(args, second), stdout(), quiet(), scenario.settings()),
            second, "606a1-2026Q4.xml");
        assertThat(two).isEqualTo(one);
    }

    @Test
    void customerReportIsTheHandComputedOne(@TempDir final Path out) throws Exception {
        final byte[] xml = run(Rule606b3Main.run(List.of("--account", "CUST", "--from", "2026-10-01", "--to",
            "2026-11-30", "--out", out.toString()), stdout(), quiet(), scenario.settings()), out,
            "606b3-CUST-2026-10-01-2026-11-30.xml");
        assertThat(new String(xml, StandardCharsets.UTF_8))
            .isEqualTo(resource("606b3-CUST-2026-10-01-2026-11-30.xml"));
        Rule606Xml.validate(xml);
    }

    @Test
    void aQuarterWithoutOrdersWritesNothingAndExitsOne(@TempDir final Path out) {
        assertThat(Rule606Main.run(List.of("--quarter", "2026Q1", "--out", out.toString()), quiet(), quiet(),
            scenario.settings())).isEqualTo(ReportOptions.NO_DATA);
        assertThat(Rule606b3Main.run(List.of("--account", "NOBODY", "--from", "2026-10-01", "--to", "2026-11-30",
            "--out", out.toString()), quiet(), quiet(), scenario.settings())).isEqualTo(ReportOptions.NO_DATA);
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void badUsageExitsTwo(@TempDir final Path out) {
        assertThat(Rule606Main.run(List.of("--quarter", "2026Q5", "--out", out.toString()), quiet(), quiet(),
            scenario.settings())).isEqualTo(ReportOptions.USAGE);
        assertThat(Rule606b3Main.run(List.of("--account", "CUST", "--from", "2026-01-01", "--to", "2026-12-31",
            "--out", out.toString()), quiet(), quiet(), scenario.settings())).isEqualTo(ReportOptions.USAGE);
    }

    @Test
    void theSecSamplesAreValidAndABrokenReportIsNot() throws Exception {
        Rule606Xml.validate(resource("606a1_held_order_public_report.xml").getBytes(StandardCharsets.UTF_8));
        Rule606Xml.validate(resource("606b3_not_held_customer_handling.xml").getBytes(StandardCharsets.UTF_8));
        final String broken = resource("606a1-2026Q4.xml").replaceFirst("<ndoMarketPct>16.67<",
            "<ndoMarketPct>16.7<");
        assertThatThrownBy(() -> Rule606Xml.validate(broken.getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(Rule606Xml.Invalid.class).hasMessageContaining("16.7");
    }

    private static byte[] run(final int code, final Path out, final String name) throws IOException {
        assertThat(code).isEqualTo(ReportOptions.OK);
        return Files.readAllBytes(out.resolve(name));
    }

    private static List<String> concat(final List<String> args, final Path out) {
        return java.util.stream.Stream.concat(args.stream(), java.util.stream.Stream.of(out.toString())).toList();
    }

    private static String resource(final String name) throws IOException {
        try (InputStream in = Rule606ReportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static PrintStream stdout() {
        return quiet();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
