package io.portcullis.oms.command;

import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;

import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Binary codec for commands, so the journal can store them and recovery can replay them.
 *
 * <p>Format version {@value #VERSION}, little-endian. Every command starts with a header:
 * {@code u16 version, u8 type, i64 sequence, i64 timestamp}, then the type's fields in record order. Strings
 * are {@code i16 byteLength} (-1 = null) followed by UTF-8 bytes; enums are their stable FIX/wire code as one
 * byte (0 = null); longs are i64. A decoder of version N reads every version up to N; new fields are only ever
 * appended with a version bump.
 *
 * <p>Versions: 1 is the original layout. 2 appends {@code str locateId} to NewOrder and ReplaceOrder (read as
 * null from version 1 bytes), adds the RiskUpdate type ({@code u16 bodyLength, body}) and the Side values 5 and 6
 * (sell short, sell short exempt). The encoder always writes the current version.
 *
 * <p>Stateless and thread-safe. {@link #encode(Command, ByteBuffer)} allocates only the UTF-8 bytes of string
 * fields; {@link #decode(ByteBuffer)} allocates the record and its strings.
 */
public final class CommandCodec {

    /** Current format version. */
    public static final int VERSION = 2;

    /** Upper bound of one encoded command in bytes (strings are at most {@link #MAX_STRING_BYTES} each). */
    public static final int MAX_ENCODED_LENGTH = 1024;

    /** Longest string field in UTF-8 bytes. */
    public static final int MAX_STRING_BYTES = 128;

    private static final byte NEW_ORDER = 1;
    private static final byte CANCEL = 2;
    private static final byte REPLACE = 3;
    private static final byte ORDER_STATUS = 4;
    private static final byte MASS_CANCEL = 5;
    private static final byte MASS_STATUS = 6;
    private static final byte HALT = 7;
    private static final byte RESUME = 8;
    private static final byte EXPIRE_DAY = 9;
    private static final byte EXPIRE_GTD = 10;
    private static final byte RISK_UPDATE = 11;

    private CommandCodec() {
    }

    /**
     * Encodes a command into a new array. Allocates.
     *
     * @param command the command; non-null
     * @return the encoded bytes
     */
    public static byte[] encode(final Command command) {
        final ByteBuffer buffer = ByteBuffer.allocate(MAX_ENCODED_LENGTH);
        final int length = encode(command, buffer);
        final byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    /**
     * Encodes a command at the buffer's position and advances it.
     *
     * @param command the command; non-null
     * @param dst     destination with at least {@link #MAX_ENCODED_LENGTH} bytes remaining
     * @return number of bytes written
     * @throws IllegalArgumentException when a string field is longer than {@link #MAX_STRING_BYTES}
     * @throws BufferOverflowException  when {@code dst} is too small
     */
    public static int encode(final Command command, final ByteBuffer dst) {
        final ByteOrder order = dst.order();
        dst.order(ByteOrder.LITTLE_ENDIAN);
        final int start = dst.position();
        dst.putShort((short) VERSION);
        dst.put(typeOf(command));
        dst.putLong(command.sequence());
        dst.putLong(command.timestamp());
        switch (command) {
            case NewOrder c -> {
                putString(dst, c.sessionId());
                putString(dst, c.clOrdId());
                putString(dst, c.account());
                putString(dst, c.symbol());
                dst.put(c.side() == null ? 0 : (byte) c.side().fixValue());
                dst.put(c.ordType() == null ? 0 : (byte) c.ordType().fixValue());
                dst.put(c.tif() == null ? 0 : (byte) c.tif().fixValue());
                dst.putLong(c.qty()).putLong(c.price()).putLong(c.stopPx()).putLong(c.minQty())
                    .putLong(c.expireTime());
                putString(dst, c.locateId());
            }
            case CancelOrder c -> {
                putString(dst, c.sessionId());
                putString(dst, c.clOrdId());
                putString(dst, c.origClOrdId());
                dst.putLong(c.orderId());
            }
            case ReplaceOrder c -> {
                putString(dst, c.sessionId());
                putString(dst, c.clOrdId());
                putString(dst, c.origClOrdId());
                dst.putLong(c.orderId());
                putString(dst, c.symbol());
                dst.put(c.side() == null ? 0 : (byte) c.side().fixValue());
                dst.putLong(c.qty()).putLong(c.price()).putLong(c.stopPx());
                putString(dst, c.locateId());
            }
            case OrderStatusRequest c -> {
                putString(dst, c.sessionId());
                putString(dst, c.requestId());
                putString(dst, c.clOrdId());
                dst.putLong(c.orderId());
            }
            case MassCancel c -> putMass(dst, c.sessionId(), c.requestId(), c.scope(), c.scopeValue());
            case MassStatus c -> putMass(dst, c.sessionId(), c.requestId(), c.scope(), c.scopeValue());
            case HaltSymbol c -> putString(dst, c.symbol());
            case ResumeSymbol c -> putString(dst, c.symbol());
            case ExpireDayOrders c -> {
                // header only
            }
            case ExpireGtdOrders c -> dst.putLong(c.asOf());
            case RiskUpdate c -> {
                final int length = c.bodyLength();
                dst.putShort((short) length);
                for (int i = 0; i < length; i++) {
                    dst.put(c.bodyByte(i));
                }
            }
        }
        dst.order(order);
        return dst.position() - start;
    }

    /**
     * Decodes one command at the buffer's position and advances past it.
     *
     * @param src source positioned at a command written by {@link #encode(Command, ByteBuffer)}
     * @return the command; never null
     * @throws IllegalArgumentException when the bytes are not a command of a known version and type
     *                                  (a corrupt journal: recovery must stop, not skip)
     */
    public static Command decode(final ByteBuffer src) {
        final ByteOrder order = src.order();
        src.order(ByteOrder.LITTLE_ENDIAN);
        try {
            final int version = src.getShort();
            if (version < 1 || version > VERSION) {
                throw new IllegalArgumentException("unsupported command format version " + version);
            }
            final byte type = src.get();
            final long seq = src.getLong();
            final long ts = src.getLong();
            return switch (type) {
                case NEW_ORDER -> new NewOrder(seq, ts, getString(src), getString(src), getString(src),
                    getString(src), Side.fromFix((char) src.get()), OrdType.fromFix((char) src.get()),
                    TimeInForce.fromFix((char) src.get()), src.getLong(), src.getLong(), src.getLong(),
                    src.getLong(), src.getLong(), version >= 2 ? getString(src) : null);
                case CANCEL -> new CancelOrder(seq, ts, getString(src), getString(src), getString(src), src.getLong());
                case REPLACE -> new ReplaceOrder(seq, ts, getString(src), getString(src), getString(src),
                    src.getLong(), getString(src), Side.fromFix((char) src.get()), src.getLong(), src.getLong(),
                    src.getLong(), version >= 2 ? getString(src) : null);
                case ORDER_STATUS -> new OrderStatusRequest(seq, ts, getString(src), getString(src), getString(src),
                    src.getLong());
                case MASS_CANCEL -> new MassCancel(seq, ts, getString(src), getString(src), getScope(src),
                    getString(src));
                case MASS_STATUS -> new MassStatus(seq, ts, getString(src), getString(src), getScope(src),
                    getString(src));
                case HALT -> new HaltSymbol(seq, ts, getString(src));
                case RESUME -> new ResumeSymbol(seq, ts, getString(src));
                case EXPIRE_DAY -> new ExpireDayOrders(seq, ts);
                case EXPIRE_GTD -> new ExpireGtdOrders(seq, ts, src.getLong());
                case RISK_UPDATE -> new RiskUpdate(seq, ts, getBody(src));
                default -> throw new IllegalArgumentException("unknown command type " + type);
            };
        } catch (final BufferUnderflowException truncated) {
            throw new IllegalArgumentException("truncated command", truncated);
        } finally {
            src.order(order);
        }
    }

    /**
     * Decodes a command from an array produced by {@link #encode(Command)}. Allocates.
     *
     * @param bytes encoded command; non-null
     * @return the command
     * @throws IllegalArgumentException on malformed input
     */
    public static Command decode(final byte[] bytes) {
        return decode(ByteBuffer.wrap(bytes));
    }

    private static byte typeOf(final Command command) {
        return switch (command) {
            case NewOrder c -> NEW_ORDER;
            case CancelOrder c -> CANCEL;
            case ReplaceOrder c -> REPLACE;
            case OrderStatusRequest c -> ORDER_STATUS;
            case MassCancel c -> MASS_CANCEL;
            case MassStatus c -> MASS_STATUS;
            case HaltSymbol c -> HALT;
            case ResumeSymbol c -> RESUME;
            case ExpireDayOrders c -> EXPIRE_DAY;
            case ExpireGtdOrders c -> EXPIRE_GTD;
            case RiskUpdate c -> RISK_UPDATE;
        };
    }

    private static void putMass(final ByteBuffer dst, final String sessionId, final String requestId,
                                final MassScope scope, final String scopeValue) {
        putString(dst, sessionId);
        putString(dst, requestId);
        dst.put(scope == null ? 0 : (byte) scope.code());
        putString(dst, scopeValue);
    }

    private static byte[] getBody(final ByteBuffer src) {
        final int length = src.getShort() & 0xFFFF;
        if (length > RiskUpdate.MAX_BODY_BYTES) {
            throw new IllegalArgumentException("bad risk update length " + length);
        }
        final byte[] body = new byte[length];
        src.get(body);
        return body;
    }

    private static MassScope getScope(final ByteBuffer src) {
        return MassScope.fromCode(src.get());
    }

    private static void putString(final ByteBuffer dst, final String value) {
        if (value == null) {
            dst.putShort((short) -1);
            return;
        }
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string field longer than " + MAX_STRING_BYTES + " bytes");
        }
        dst.putShort((short) bytes.length);
        dst.put(bytes);
    }

    private static String getString(final ByteBuffer src) {
        final int length = src.getShort();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("bad string length " + length);
        }
        final byte[] bytes = new byte[length];
        src.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
