package io.portcullis.oms.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link WireBuffer} wrote. Not thread-safe. Strings are decoded into new {@code String}s (allocates):
 * readers are the projectors and recovery, not the order path.
 */
public final class WireReader {
    private final ByteBuffer in;

    /** Reads {@code length} bytes of {@code bytes} from {@code offset}. */
    public WireReader(final byte[] bytes, final int offset, final int length) {
        in = ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** True while unread bytes remain. */
    public boolean hasRemaining() {
        return in.hasRemaining();
    }

    /** Current read position, from the start of the slice. */
    public int position() {
        return in.position();
    }

    /** Reads one byte. */
    public byte getByte() {
        return in.get();
    }

    /** Reads an ASCII character written by {@link WireBuffer#putChar}. */
    public char getChar() {
        return (char) (in.get() & 0xFF);
    }

    /** Reads an i32. */
    public int getInt() {
        return in.getInt();
    }

    /** Reads an i64. */
    public long getLong() {
        return in.getLong();
    }

    /** Reads a string or null. */
    public String getString() {
        final short length = in.getShort();
        if (length < 0) {
            return null;
        }
        final String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    /** Reads {@code length} raw bytes into a new array. */
    public byte[] getBytes(final int length) {
        final byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
