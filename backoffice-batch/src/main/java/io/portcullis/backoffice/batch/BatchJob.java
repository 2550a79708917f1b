package io.portcullis.backoffice.batch;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The jobs {@code ./portcullis batch} runs, by the name the clerk types. */
public enum BatchJob {
    /** Snapshot positions and P&amp;L at the close, carry GTC orders forward. */
    TRADE_DATE_CLOSE("trade-date-close"),
    /** Read the day's executions in chunks into the settlement calculations. */
    SETTLEMENT("settlement"),
    /** Compare the day's executions in the journal, MySQL and Elasticsearch; breaks go to batch_exception. */
    RECONCILE("reconcile");

    private final String jobName;

    BatchJob(final String jobName) {
        this.jobName = jobName;
    }

    /** @return the name on the command line and in the job repository (BATCH_JOB_INSTANCE.JOB_NAME) */
    public String jobName() {
        return jobName;
    }

    /**
     * @param name a name as typed, e.g. {@code trade-date-close}
     * @return the job, or empty when no job has that name
     */
    public static Optional<BatchJob> byName(final String name) {
        return Arrays.stream(values()).filter(j -> j.jobName.equals(name)).findFirst();
    }

    /** @return every job name, comma separated, for messages */
    public static String names() {
        return Arrays.stream(values()).map(BatchJob::jobName).collect(Collectors.joining(", "));
    }
}
