package io.portcullis.oms.runner;

/**
 * The outcome of one submitted command, released only once its journal record is durable. Called on the journal's
 * I/O thread, in command order; must not block (hand the outcome to the session's outbound queue).
 */
public interface CommandCallback {
    /**
     * The command and its events are durable; now its ExecutionReports may leave.
     *
     * @param sequence the command's journal sequence
     * @param offset   the journal record's offset
     * @param record   the journal record ({@code JournalRecord.decode}, then {@code EventDecoder} for the events)
     */
    void onDurable(long sequence, long offset, byte[] record);

    /**
     * The command's outcome is lost: the journal failed before the record was durable, or the runner stopped first.
     * The engine has stopped; nothing about this command may be reported as done.
     *
     * @param sequence the command's sequence, or 0 if it never got one
     * @param reason   why
     */
    void onLost(long sequence, String reason);
}
