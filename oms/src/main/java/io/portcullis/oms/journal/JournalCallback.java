package io.portcullis.oms.journal;

/**
 * Told when a journal record is durable (acknowledged by all in-sync replicas) or lost. Called on the Kafka producer's
 * I/O thread, in append order for one journal; must be quick and must not block (hand the outcome to another queue).
 */
public interface JournalCallback {
    /**
     * @param sequence the record's command sequence
     * @param offset   the record's Kafka offset
     */
    void onDurable(long sequence, long offset);

    /**
     * The record could not be made durable; the journal is now failed and takes no more records.
     *
     * @param sequence the record's command sequence
     * @param error    why
     */
    void onFailed(long sequence, Exception error);
}
