package io.portcullis.reporting.runs;

/** Where a report run stands ({@code report_run.status}). */
public enum RunStatus {
    /** Started, not finished (or its process died). */
    RUNNING,
    /** Files written (exit 0). */
    SUCCEEDED,
    /** No data for the period, or the report failed its validation; nothing reportable written (exit 1). */
    NO_DATA,
    /** Bad parameters, a service unreachable, or an error (exit 2, 3 or an exception). */
    FAILED;

    /**
     * The status of a report command's exit code.
     *
     * @param exitCode 0 written, 1 no data, 2 bad usage, 3 unreachable
     * @return the status
     */
    public static RunStatus ofExitCode(final int exitCode) {
        return switch (exitCode) {
            case 0 -> SUCCEEDED;
            case 1 -> NO_DATA;
            default -> FAILED;
        };
    }
}
