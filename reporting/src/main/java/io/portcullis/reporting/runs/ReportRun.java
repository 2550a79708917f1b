package io.portcullis.reporting.runs;

import java.time.Instant;
import java.util.List;

/**
 * One recorded report run, as stored. Immutable.
 *
 * @param id           the run's id
 * @param jobExecution the Spring Batch job execution that made it, or null (a run of the compliance API)
 * @param type         the report
 * @param parameters   its parameters as a JSON object text
 * @param requestedBy  the OS user (command line) or the API user
 * @param startedAt    start (UTC)
 * @param finishedAt   end, or null while running (or when its process died)
 * @param status       the outcome
 * @param documents    audit documents read, or null when unknown
 * @param records      records written, or null when unknown
 * @param outputDir    the directory its files went to (absolute)
 * @param message      why it failed or had no data, or null
 * @param files        the files it wrote, by name
 */
public record ReportRun(long id, Long jobExecution, ReportType type, String parameters, String requestedBy, Instant startedAt,
                        Instant finishedAt, RunStatus status, Long documents, Long records, String outputDir,
                        String message, List<RunFile> files) {
}
