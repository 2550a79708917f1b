package io.portcullis.oms.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable little-endian byte buffer for journal records. Strings are written as {@code i16 length} (-1 for null)
 * and UTF-8 bytes, the same layout as {@code CommandCodec}. Characters are single ASCII bytes (FIX enum values).
 *
 * <p>Not thread-safe. Grows by doubling and is then reused: after warm-up, writes allocate nothing.
 */
public final class WireBuffer {
    private byte[] bytes;
    private ByteBuffer view;

    /** @param initialCapacity bytes to reserve up front */
    public WireBuffer(final int initialCapacity) {
        bytes = new byte[initialCapacity];
        view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Forgets the content; keeps the capacity. */
    public void clear() {
        view.clear();
    }

    /** Bytes written since the last clear. */
    public int length() {
        return view.position();
    }

    /** The backing array; valid from 0 to {@link #length()} until the next write. */
    public byte[] array() {
        return bytes;
    }

    /** A copy of the content. Allocates. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, view.position());
    }

    /** Appends {@code length} bytes of {@code source} from {@code offset}. */
    public void putBytes(final byte[] source, final int offset, final int length) {
        ensure(length);
        view.put(source, offset, length);
    }

    /** Appends one byte. */
    public void putByte(final int value) {
        ensure(1);
        view.put((byte) value);
    }

    /** Appends one ASCII character as a byte; 0 stands for "absent". */
    public void putChar(final char value) {
        putByte(value);
    }

    /** Appends an i32. */
    public void putInt(final int value) {
        ensure(4);
        view.putInt(value);
    }

    /** Appends an i64. */
    public void putLong(final long value) {
        ensure(8);
        view.putLong(value);
    }

    /** Appends a string as i16 UTF-8 length (-1 for null) and its bytes; at most 32,767 bytes. */
    public void putString(final CharSequence value) {
        if (value == null) {
            ensure(2);
            view.putShort((short) -1);
            return;
        }
        final int length = utf8Length(value);
        if (length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("string of " + length + " bytes is too long for a journal record");
        }
        ensure(2 + length);
        view.putShort((short) length);
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c < 0x80) {
                view.put((byte) c);
            } else {
                putNonAscii(value, i);
                return;
            }
        }
    }

    private void putNonAscii(final CharSequence value, final int from) {
        final byte[] rest = value.subSequence(from, value.length()).toString()
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        view.put(rest);
    }

    private static int utf8Length(final CharSequence value) {
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c < 0x80) {
                length++;
            } else {
                return length + value.subSequence(i, value.length()).toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
        }
        return length;
    }

    private void ensure(final int extra) {
        if (view.remaining() >= extra) {
            return;
        }
        final int position = view.position();
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + extra));
        view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        view.position(position);
    }
}
