package io.portcullis.oms.runner;

/**
 * Sees every journal record once it is durable, in journal order, whoever submitted the command: the outbound path
 * of the FIX gateway (ExecutionReports go to the session each report names, including resting orders filled by
 * another session's order) and live market data.
 *
 * <p>Called on the journal's I/O thread; must not block: decode and hand off to another thread's queue.
 */
@FunctionalInterface
public interface DurableRecordListener {
    /** No-op listener. */
    DurableRecordListener NONE = (sequence, offset, record) -> { };

    /**
     * @param sequence the command's journal sequence
     * @param offset   the record's journal offset
     * @param record   the journal record bytes ({@code JournalRecord.decode})
     */
    void onDurable(long sequence, long offset, byte[] record);
}
