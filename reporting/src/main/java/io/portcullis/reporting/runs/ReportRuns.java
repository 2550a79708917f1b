package io.portcullis.reporting.runs;

import static io.portcullis.sql.schema.Tables.REPORT_RUN;
import static io.portcullis.sql.schema.Tables.REPORT_RUN_FILE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.portcullis.sql.schema.tables.records.ReportRunRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The book of report runs in MySQL ({@code report_run}, {@code report_run_file}, Flyway V16): {@link #start} a run,
 * add the {@link #file files} it wrote, {@link #finish} it; read runs back for the compliance desk. Thread-safe
 * (each call is one statement or one transaction on the pool); blocks on MySQL.
 */
public final class ReportRuns {
    private static final int MAX_MESSAGE = 2_000;

    private final DSLContext dsl;
    private final InstantSource clock;

    /**
     * @param dsl   the book-of-record database
     * @param clock wall clock for started and finished times
     */
    public ReportRuns(final DSLContext dsl, final InstantSource clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Records the start of a run (status RUNNING).
     *
     * @param type        the report
     * @param parameters  its parameters, a JSON object text
     * @param requestedBy who asked (1..64 characters; longer is cut)
     * @param outputDir   where its files go
     * @return the run's id
     */
    public long start(final ReportType type, final String parameters, final String requestedBy,
                      final Path outputDir) {
        return start(type, parameters, requestedBy, outputDir, null);
    }

    /**
     * Records the start of an execution of a report job (status RUNNING).
     *
     * @param type           the report
     * @param parameters     its parameters, a JSON object text
     * @param requestedBy    who asked (1..64 characters; longer is cut)
     * @param outputDir      where its files go
     * @param jobExecutionId the Spring Batch execution, or null
     * @return the run's id
     */
    public long start(final ReportType type, final String parameters, final String requestedBy,
                      final Path outputDir, final Long jobExecutionId) {
        final String who = requestedBy == null || requestedBy.isBlank() ? "unknown" : requestedBy;
        // LAST_INSERT_ID() of the transaction's connection: MySQL 8 has no INSERT ... RETURNING
        return dsl.transactionResult(tx -> {
            tx.dsl().insertInto(REPORT_RUN)
                .set(REPORT_RUN.JOB_EXECUTION_ID, jobExecutionId)
                .set(REPORT_RUN.REPORT_TYPE, type.code())
                .set(REPORT_RUN.PARAMETERS, parameters)
                .set(REPORT_RUN.REQUESTED_BY, who.length() > 64 ? who.substring(0, 64) : who)
                .set(REPORT_RUN.STARTED_AT, utc(clock.instant()))
                .set(REPORT_RUN.STATUS, RunStatus.RUNNING.name())
                .set(REPORT_RUN.OUTPUT_DIR, outputDir.toAbsolutePath().normalize().toString())
                .execute();
            return tx.dsl().lastID().longValue();
        });
    }

    /**
     * Records a file of a run: its name, size and SHA-256 (read from disk now). A file recorded twice keeps the
     * newer figures.
     *
     * @param id   the run
     * @param file the file (its name is what is recorded)
     * @return what was recorded
     * @throws IOException when the file cannot be read
     */
    public RunFile file(final long id, final Path file) throws IOException {
        final RunFile recorded = new RunFile(file.getFileName().toString(), Files.size(file), sha256(file));
        dsl.insertInto(REPORT_RUN_FILE)
            .set(REPORT_RUN_FILE.RUN_ID, id)
            .set(REPORT_RUN_FILE.FILE_NAME, recorded.name())
            .set(REPORT_RUN_FILE.SIZE_BYTES, recorded.size())
            .set(REPORT_RUN_FILE.SHA256, recorded.sha256())
            .onDuplicateKeyUpdate()
            .set(REPORT_RUN_FILE.SIZE_BYTES, recorded.size())
            .set(REPORT_RUN_FILE.SHA256, recorded.sha256())
            .execute();
        return recorded;
    }

    /**
     * Records the end of a run.
     *
     * @param id        the run
     * @param status    its outcome (not RUNNING)
     * @param documents audit documents read, or null when unknown
     * @param records   records written, or null when unknown
     * @param message   why it failed or had no data, or null (cut to 2,000 characters)
     */
    public void finish(final long id, final RunStatus status, final Long documents, final Long records,
                       final String message) {
        dsl.update(REPORT_RUN)
            .set(REPORT_RUN.FINISHED_AT, utc(clock.instant()))
            .set(REPORT_RUN.STATUS, status.name())
            .set(REPORT_RUN.DOCUMENTS_READ, documents)
            .set(REPORT_RUN.RECORDS_WRITTEN, records)
            .set(REPORT_RUN.MESSAGE, message == null || message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE))
            .where(REPORT_RUN.ID.eq(id)).execute();
    }

    /**
     * Marks the runs of earlier executions of a report job that are still RUNNING (their process was killed) FAILED,
     * naming the execution that continues them.
     *
     * @param executions the earlier job executions
     * @param continuedBy the execution that continues them
     * @return runs marked
     */
    public int abandon(final Collection<Long> executions, final long continuedBy) {
        if (executions.isEmpty()) {
            return 0;
        }
        return dsl.update(REPORT_RUN)
            .set(REPORT_RUN.FINISHED_AT, utc(clock.instant()))
            .set(REPORT_RUN.STATUS, RunStatus.FAILED.name())
            .set(REPORT_RUN.MESSAGE, "its process died (killed); job execution " + continuedBy + " continued it")
            .where(REPORT_RUN.STATUS.eq(RunStatus.RUNNING.name()))
            .and(REPORT_RUN.JOB_EXECUTION_ID.in(executions)).execute();
    }

    /**
     * One run with its files.
     *
     * @param id the run
     * @return the run, or empty when there is none of that id
     */
    public Optional<ReportRun> find(final long id) {
        final ReportRunRecord row = dsl.selectFrom(REPORT_RUN).where(REPORT_RUN.ID.eq(id)).fetchOne();
        return row == null ? Optional.empty() : Optional.of(run(row));
    }

    /**
     * The newest runs first, optionally of one type and status.
     *
     * @param type   only this report, or null for all
     * @param status only this status, or null for all
     * @param limit  at most this many, 1..1000
     * @return the runs with their files
     */
    public List<ReportRun> list(final ReportType type, final RunStatus status, final int limit) {
        Condition where = DSL.noCondition();
        if (type != null) {
            where = where.and(REPORT_RUN.REPORT_TYPE.eq(type.code()));
        }
        if (status != null) {
            where = where.and(REPORT_RUN.STATUS.eq(status.name()));
        }
        final List<ReportRun> runs = new ArrayList<>();
        for (final ReportRunRecord row : dsl.selectFrom(REPORT_RUN).where(where).orderBy(REPORT_RUN.ID.desc())
            .limit(limit).fetch()) {
            runs.add(run(row));
        }
        return runs;
    }

    private ReportRun run(final ReportRunRecord row) {
        final List<RunFile> files = dsl.selectFrom(REPORT_RUN_FILE).where(REPORT_RUN_FILE.RUN_ID.eq(row.getId()))
            .orderBy(REPORT_RUN_FILE.FILE_NAME).fetch(f -> new RunFile(f.getFileName(), f.getSizeBytes(),
                f.getSha256()));
        return new ReportRun(row.getId(), row.getJobExecutionId(), ReportType.parse(row.getReportType()), row.getParameters(),
            row.getRequestedBy(), instant(row.getStartedAt()), instant(row.getFinishedAt()),
            RunStatus.valueOf(row.getStatus()), row.getDocumentsRead(), row.getRecordsWritten(), row.getOutputDir(),
            row.getMessage(), files);
    }

    /**
     * The SHA-256 of a file, streamed.
     *
     * @param file the file
     * @return lower-case hex
     * @throws IOException when it cannot be read
     */
    public static String sha256(final Path file) throws IOException {
        final MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
        final byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static LocalDateTime utc(final Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(final LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
