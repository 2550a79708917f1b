package io.portcullis.backoffice.batch;

/**
 * The exit status of {@code ./portcullis batch}, for schedulers: each code says what to do next.
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><th>code</th><th>meaning</th><th>what to do</th></tr>
 *   <tr><td>0</td><td>completed</td><td>nothing</td></tr>
 *   <tr><td>1</td><td>completed with exceptions (reconcile breaks, open DAY orders, ...) in batch_exception</td>
 *       <td>work through the exceptions; the date is done and will not run again</td></tr>
 *   <tr><td>2</td><td>bad usage</td><td>fix the command line</td></tr>
 *   <tr><td>3</td><td>failed; restartable</td><td>fix the cause, then {@code batch restart}</td></tr>
 *   <tr><td>4</td><td>refused: already completed, another run in progress, a stale run to recover, nothing to
 *       restart, or not a trading day / in the future</td><td>read the message; nothing was changed</td></tr>
 *   <tr><td>5</td><td>a service (MySQL, Redis, Kafka, Elasticsearch) unreachable</td>
 *       <td>bring it back, then run again (a started run is FAILED and restartable)</td></tr>
 * </table>
 */
public enum ExitCode {
    /** The job completed with nothing to look at. */
    COMPLETED(0),
    /** The job completed and recorded exceptions (breaks) for the clerk. */
    COMPLETED_WITH_EXCEPTIONS(1),
    /** The command line was wrong. */
    USAGE(2),
    /** The job failed; a restart continues from the last committed chunk. */
    FAILED(3),
    /** The launch was refused; nothing changed. */
    REFUSED(4),
    /** A service could not be reached. */
    UNREACHABLE(5);

    private final int code;

    ExitCode(final int code) {
        this.code = code;
    }

    /** @return the process exit status */
    public int code() {
        return code;
    }
}
