package io.portcullis.oms.journal;

/**
 * One journal record: a command and every event the engine produced for it. Layout (little-endian):
 * {@code i32 magic 'PCJ1', i64 sequence, i64 timestamp, i32 commandLength, command bytes (CommandCodec),
 * i32 eventCount, i32 eventsLength, event bytes (EventFormat)}.
 *
 * <p>Recovery replays the commands; projectors and the FIX gateway read the events. Keeping both lets recovery check
 * that a replay produced exactly the journaled events (determinism), and lets consumers use the events without
 * running an engine.
 *
 * @param sequence      the command's journal sequence
 * @param timestamp     the command's ingress time, epoch nanos UTC
 * @param command       the encoded command
 * @param eventCount    number of events
 * @param events        the encoded events
 */
public record JournalRecord(long sequence, long timestamp, byte[] command, int eventCount, byte[] events) {
    /** 'P' 'C' 'J' '1' read as a little-endian int. */
    static final int MAGIC = 0x314A4350;

    /** Writes a record into {@code out} (cleared first). Engine thread; allocation-free after warm-up. */
    public static void encode(final long sequence, final long timestamp, final byte[] command, final int commandLength,
                              final EventEncoder events, final WireBuffer out) {
        out.clear();
        out.putInt(MAGIC);
        out.putLong(sequence);
        out.putLong(timestamp);
        out.putInt(commandLength);
        out.putBytes(command, 0, commandLength);
        out.putInt(events.eventCount());
        out.putInt(events.buffer().length());
        out.putBytes(events.buffer().array(), 0, events.buffer().length());
    }

    /**
     * Reads a record.
     *
     * @throws IllegalStateException if the bytes are not a journal record
     */
    public static JournalRecord decode(final byte[] bytes) {
        final WireReader in = new WireReader(bytes, 0, bytes.length);
        final int magic = in.getInt();
        if (magic != MAGIC) {
            throw new IllegalStateException("not a journal record: magic " + Integer.toHexString(magic));
        }
        final long sequence = in.getLong();
        final long timestamp = in.getLong();
        final byte[] command = in.getBytes(in.getInt());
        final int eventCount = in.getInt();
        final byte[] events = in.getBytes(in.getInt());
        return new JournalRecord(sequence, timestamp, command, eventCount, events);
    }
}
