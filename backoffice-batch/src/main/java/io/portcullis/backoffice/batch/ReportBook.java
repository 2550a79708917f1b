package io.portcullis.backoffice.batch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.reporting.rule605.ReportOptions;
import io.portcullis.reporting.runs.ReportRun;
import io.portcullis.reporting.runs.ReportRuns;
import io.portcullis.reporting.runs.ReportType;
import io.portcullis.reporting.runs.RunFile;
import io.portcullis.reporting.runs.RunStatus;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;

/**
 * {@code ./portcullis report runs [--type T] [--status S] [--limit N]} and {@code ./portcullis report show ID}: the
 * recorded report runs from {@code report_run}, newest first, and one run with the path, size and SHA-256 of each of
 * its files (what the compliance API's list and download give, for the command line). Reads MySQL only.
 */
final class ReportBook {
    private ReportBook() {
    }

    /**
     * @param command  {@code runs} or {@code show}
     * @param args     its options
     * @param settings the settings when there is no {@code --config}; null for this process's environment
     * @return the exit status: 0 shown, 1 no such run, 2 bad usage, 3 MySQL unreachable
     */
    static int run(final String command, final List<String> args, final PrintStream out, final PrintStream err,
                   final Settings settings) {
        final ReportOptions options;
        final DatabaseConfiguration database;
        ReportType type = null;
        RunStatus status = null;
        int limit = 50;
        long id = -1;
        try {
            options = ReportOptions.parse(command.equals("runs") ? args : args.subList(Math.min(1, args.size()),
                args.size()), command.equals("runs") ? List.of("--type", "--status", "--limit", "--config")
                : List.of("--config"));
            if (options.help()) {
                out.println(ReportMain.USAGE);
                return ReportOptions.OK;
            }
            if (command.equals("show")) {
                if (args.isEmpty() || args.get(0).startsWith("-")) {
                    throw new ReportOptions.BadUsage("show needs a run id: ./portcullis report show ID");
                }
                try {
                    id = Long.parseLong(args.get(0));
                } catch (final NumberFormatException ex) {
                    throw new ReportOptions.BadUsage("show: '" + args.get(0) + "' is not a run id (an integer)");
                }
            } else {
                type = optional(options, "--type").map(ReportType::parse).orElse(null);
                status = optional(options, "--status").map(ReportBook::status).orElse(null);
                limit = optional(options, "--limit").map(ReportBook::limit).orElse(50);
            }
            database = DatabaseConfiguration.from(options.settings(settings));
        } catch (final ReportOptions.BadUsage | SettingException | IllegalArgumentException ex) {
            err.println("error: " + ex.getMessage() + " (see ./portcullis report --help)");
            return ReportOptions.USAGE;
        }
        final Database opened;
        try {
            opened = Database.open(database);
        } catch (final RuntimeException ex) {
            err.println("error: MySQL at " + database.url() + ": " + ex.getMessage());
            return ReportOptions.UNREACHABLE;
        }
        try (Database db = opened) {
            final ReportRuns runs = new ReportRuns(db.dsl(), InstantSource.system());
            if (command.equals("show")) {
                final Optional<ReportRun> run = runs.find(id);
                if (run.isEmpty()) {
                    err.println("no report run " + id + " (./portcullis report runs lists them)");
                    return ReportOptions.NO_DATA;
                }
                show(run.get(), out);
                return ReportOptions.OK;
            }
            out.printf("%7s %-9s %-9s %-9s %-20s %-20s %-12s %10s %s%n", "RUN", "TYPE", "EXECUTION", "STATUS",
                "STARTED (UTC)", "FINISHED (UTC)", "BY", "RECORDS", "PARAMETERS");
            for (final ReportRun run : runs.list(type, status, limit)) {
                out.printf("%7d %-9s %-9s %-9s %-20s %-20s %-12s %10s %s%n", run.id(), run.type().code(),
                    run.jobExecution() == null ? "-" : run.jobExecution(), run.status(), time(run.startedAt()),
                    run.finishedAt() == null ? "-" : time(run.finishedAt()), run.requestedBy(),
                    run.records() == null ? "-" : String.format("%,d", run.records()), run.parameters());
            }
            return ReportOptions.OK;
        } catch (final org.jooq.exception.DataAccessException ex) {
            err.println("error: MySQL at " + database.url() + ": " + ex.getMessage());
            return ReportOptions.UNREACHABLE;
        }
    }

    private static void show(final ReportRun run, final PrintStream out) {
        out.printf("report run %d: %s %s, %s%n", run.id(), run.type().code(), run.parameters(), run.status());
        out.printf("  job execution %s, requested by %s, started %s, finished %s%n",
            run.jobExecution() == null ? "-" : run.jobExecution(), run.requestedBy(), time(run.startedAt()),
            run.finishedAt() == null ? "-" : time(run.finishedAt()));
        out.printf("  documents read %s, records written %s%n", run.documents() == null ? "-" : run.documents(),
            run.records() == null ? "-" : run.records());
        if (run.message() != null) {
            out.println("  message: " + run.message());
        }
        for (final RunFile file : run.files()) {
            out.printf("  %s  %,d bytes  sha256 %s%n", Path.of(run.outputDir()).resolve(file.name()), file.size(),
                file.sha256());
        }
    }

    private static Optional<String> optional(final ReportOptions options, final String name) {
        try {
            return Optional.of(options.required(name));
        } catch (final ReportOptions.BadUsage ex) {
            return Optional.empty();
        }
    }

    private static RunStatus status(final String text) {
        try {
            return RunStatus.valueOf(text);
        } catch (final IllegalArgumentException ex) {
            throw new ReportOptions.BadUsage("--status must be one of RUNNING, SUCCEEDED, NO_DATA, FAILED, was '"
                + text + "'");
        }
    }

    private static int limit(final String text) {
        try {
            final int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= 1_000) {
                return limit;
            }
        } catch (final NumberFormatException ex) {
            // fall through to the message
        }
        throw new ReportOptions.BadUsage("--limit must be 1 to 1000, was '" + text + "'");
    }

    private static String time(final java.time.Instant instant) {
        return instant.toString().substring(0, 19).replace('T', ' ');
    }
}
