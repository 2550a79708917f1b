package io.portcullis.backoffice.batch;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.portcullis.config.Settings;
import io.portcullis.reporting.bluesheet.BlueSheetMain;
import io.portcullis.reporting.cat.CatMain;
import io.portcullis.reporting.rule605.Rule605Main;
import io.portcullis.reporting.rule606.Rule606Main;
import io.portcullis.reporting.rule606.Rule606b3Main;
import io.portcullis.reporting.runs.Prepared;
import io.portcullis.reporting.runs.ReportType;
import io.portcullis.reporting.surveillance.SurveillanceMain;

/**
 * The report jobs {@code ./portcullis report} runs, by the name the compliance officer types; each is a Spring Batch
 * job of the back-office framework ({@code report-<name>} in the job repository), built by {@link ReportJobs}.
 */
enum ReportJob {
    /** FINRA CAT order events of one CAT trading day: one checkpoint per closed file. */
    CAT("cat", ReportType.CAT, CatMain::prepare),
    /** SEC Rule 606(a)(1) quarterly report. */
    RULE_606("606", ReportType.RULE_606, Rule606Main::prepare),
    /** SEC Rule 606(b)(3) report for one customer. */
    RULE_606B3("606b3", ReportType.RULE_606B3, Rule606b3Main::prepare),
    /** SEC Rule 605 monthly summary. */
    RULE_605("605", ReportType.RULE_605, Rule605Main::prepare),
    /** Electronic blue sheet on request. */
    BLUESHEET("bluesheet", ReportType.BLUESHEET, BlueSheetMain::prepare),
    /** The day's market-abuse surveillance: alerts in MySQL, no file. */
    SURVEILLANCE("surveillance", null, SurveillanceMain::prepare);

    /** A report's command-line check. */
    @FunctionalInterface
    interface Preparer {
        Prepared prepare(List<String> args, PrintStream out, PrintStream err, Settings settings);
    }

    private final String name;
    private final ReportType type;
    private final Preparer preparer;

    ReportJob(final String name, final ReportType type, final Preparer preparer) {
        this.name = name;
        this.type = type;
        this.preparer = preparer;
    }

    /** @return the name on the command line, e.g. {@code 606b3} */
    String reportName() {
        return name;
    }

    /** @return the job's name in the job repository, e.g. {@code report-606b3} */
    String jobName() {
        return "report-" + name;
    }

    /** @return how its runs are recorded in report_run; empty for surveillance (its alerts are its record) */
    Optional<ReportType> type() {
        return Optional.ofNullable(type);
    }

    /**
     * Checks a command line without touching a service.
     *
     * @return the work, or the exit code of help or bad usage (the message printed)
     */
    Prepared prepare(final List<String> args, final PrintStream out, final PrintStream err,
                     final Settings settings) {
        return preparer.prepare(args, out, err, settings);
    }

    /**
     * @param name a report name as typed
     * @return the job, or empty
     */
    static Optional<ReportJob> byName(final String name) {
        return Arrays.stream(values()).filter(j -> j.name.equals(name)).findFirst();
    }

    /** @return every report name, comma separated */
    static String names() {
        return Arrays.stream(values()).map(ReportJob::reportName).collect(Collectors.joining(", "));
    }
}
