package io.portcullis.risk.check;

import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The body of a {@link RiskUpdate} command: one {@link RiskChange}, encoded at ingress (the risk desk's thread) and
 * decoded on the engine thread. Stateless and thread-safe; every method allocates (risk updates are rare).
 *
 * <p>Format version {@value #VERSION}, big-endian: {@code u8 version, u8 op}, then per op
 * <pre>
 * 1 SET_LIMIT    u8 scope, str scopeKey, str symbol, u8 limit, i64 value (scaled, see {@link #scale})
 * 2 REMOVE_LIMIT u8 scope, str scopeKey, str symbol, u8 limit
 * 3 LIST_ENTRY   u8 list, str scopeKey, str symbol, u8 present (0/1)
 * 4 ADD_LOCATE   str locateId, str account, str symbol, i64 quantity
 * 5 KILL_SWITCH  u8 killScope, str key, u8 engaged (0/1)
 * </pre>
 * Strings are {@code u8 byteLength} then UTF-8 (at most {@value #MAX_STRING_BYTES} bytes). Codes are stable and never
 * reused: scopes FIRM 1, BROKER_FIRM 2, ACCOUNT 3, SYMBOL 4; lists RESTRICTED 1, HARD_TO_BORROW 2; kill scopes FIRM 1,
 * BROKER_FIRM 2, SESSION 3, ACCOUNT 4, SYMBOL 5; limits as in {@link #limitCode}. A new op, code or field comes with a
 * version bump; a decoder refuses versions it does not know (the engine then refuses the update, so a newer desk
 * cannot silently half-apply a change).
 */
public final class RiskUpdates {

    /** Current body format version. */
    public static final int VERSION = 1;

    /** Longest string field in UTF-8 bytes. */
    public static final int MAX_STRING_BYTES = 128;

    private static final byte SET_LIMIT = 1;
    private static final byte REMOVE_LIMIT = 2;
    private static final byte LIST_ENTRY = 3;
    private static final byte ADD_LOCATE = 4;
    private static final byte KILL_SWITCH = 5;

    private RiskUpdates() {
    }

    /**
     * @param key   the limit slot; non-null
     * @param value the value in the limit's unit (USD, percent, shares, ...), valid per
     *              {@link LimitName#invalidReason}
     * @return the body
     * @throws IllegalArgumentException when the value is not valid for the limit
     */
    public static byte[] setLimit(final LimitKey key, final BigDecimal value) {
        final long scaled = scale(key.name(), value);
        final ByteBuffer out = begin(SET_LIMIT);
        putLimitKey(out, key);
        out.putLong(scaled);
        return finish(out);
    }

    /** @param key the limit slot; non-null @return the body */
    public static byte[] removeLimit(final LimitKey key) {
        final ByteBuffer out = begin(REMOVE_LIMIT);
        putLimitKey(out, key);
        return finish(out);
    }

    /**
     * @param list     the list; non-null
     * @param scopeKey {@code *} for firm-wide, else an account id; non-null
     * @param symbol   the symbol; non-null
     * @param present  true to add, false to remove
     * @return the body
     */
    public static byte[] listEntry(final ListName list, final String scopeKey, final String symbol,
                                   final boolean present) {
        final ByteBuffer out = begin(LIST_ENTRY);
        out.put((byte) (list == ListName.RESTRICTED ? 1 : 2));
        putString(out, scopeKey);
        putString(out, symbol);
        out.put((byte) (present ? 1 : 0));
        return finish(out);
    }

    /** @param locate the locate; non-null @return the body */
    public static byte[] addLocate(final Locate locate) {
        final ByteBuffer out = begin(ADD_LOCATE);
        putString(out, locate.locateId());
        putString(out, locate.account());
        putString(out, locate.symbol());
        out.putLong(locate.quantity());
        return finish(out);
    }

    /**
     * @param scope   the kill switch scope; non-null
     * @param key     {@code *} for FIRM, else the scope's key; non-null
     * @param engaged true to engage
     * @return the body
     */
    public static byte[] killSwitch(final KillScope scope, final String key, final boolean engaged) {
        final ByteBuffer out = begin(KILL_SWITCH);
        out.put((byte) switch (scope) {
            case FIRM -> 1;
            case BROKER_FIRM -> 2;
            case SESSION -> 3;
            case ACCOUNT -> 4;
            case SYMBOL -> 5;
        });
        putString(out, key);
        out.put((byte) (engaged ? 1 : 0));
        return finish(out);
    }

    /**
     * Decodes a body.
     *
     * @param body what one of the encoders above produced
     * @return the change; never null
     * @throws IllegalArgumentException when the body is malformed, of an unknown version, or names an invalid key
     */
    public static RiskChange decode(final byte[] body) {
        final ByteBuffer in = ByteBuffer.wrap(body);
        try {
            final int version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unsupported risk update version " + version);
            }
            final byte op = in.get();
            final RiskChange change = switch (op) {
                case SET_LIMIT -> new RiskChange.SetLimit(getLimitKey(in), in.getLong());
                case REMOVE_LIMIT -> new RiskChange.RemoveLimit(getLimitKey(in));
                case LIST_ENTRY -> new RiskChange.ListEntry(list(in.get()), getString(in), getString(in),
                    flag(in.get()));
                case ADD_LOCATE -> new RiskChange.AddLocate(new Locate(getString(in), getString(in), getString(in),
                    in.getLong()));
                case KILL_SWITCH -> new RiskChange.KillSwitch(killScope(in.get()), getString(in), flag(in.get()));
                default -> throw new IllegalArgumentException("unknown risk update op " + op);
            };
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " trailing bytes in risk update");
            }
            return change;
        } catch (final BufferUnderflowException truncated) {
            throw new IllegalArgumentException("truncated risk update", truncated);
        }
    }

    /**
     * Scales a limit value to the long the checks compare with: USD in 1e-4 USD (like prices), PERCENT in 1e-4
     * percent (5% = 50,000), every other unit as a whole number.
     *
     * @param name  the limit; non-null
     * @param value the value in the limit's unit; valid per {@link LimitName#invalidReason}
     * @return the scaled value
     * @throws IllegalArgumentException when the value is not valid for the limit
     */
    public static long scale(final LimitName name, final BigDecimal value) {
        final String invalid = name.invalidReason(value);
        if (invalid != null) {
            throw new IllegalArgumentException(name + " " + value + ": " + invalid);
        }
        return value.setScale(decimals(name), RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /**
     * @param name   the limit; non-null
     * @param scaled a value from {@link #scale}
     * @return the value in the limit's unit
     */
    public static BigDecimal unscale(final LimitName name, final long scaled) {
        return BigDecimal.valueOf(scaled, decimals(name));
    }

    /**
     * @param name a limit; non-null
     * @return its stable wire code, 1..16
     */
    public static int limitCode(final LimitName name) {
        return switch (name) {
            case MAX_ORDER_QTY -> 1;
            case MAX_ORDER_NOTIONAL -> 2;
            case PRICE_COLLAR_PCT -> 3;
            case PRICE_COLLAR_TICKS -> 4;
            case MARKET_ORDERS_ALLOWED -> 5;
            case GROSS_NOTIONAL -> 6;
            case NET_NOTIONAL -> 7;
            case CAPITAL_THRESHOLD -> 8;
            case MAX_LONG_POSITION -> 9;
            case MAX_SHORT_POSITION -> 10;
            case SHORT_EXEMPT_ALLOWED -> 11;
            case DUPLICATE_WINDOW_MS -> 12;
            case DUPLICATE_BLOCK -> 13;
            case MAX_ORDERS_PER_SECOND -> 14;
            case MAX_MESSAGES_PER_SECOND -> 15;
            case MAX_ADV_PCT -> 16;
        };
    }

    /**
     * @param code a value of {@link #limitCode}
     * @return the limit, or null when unknown
     */
    public static LimitName limitOf(final int code) {
        for (final LimitName name : LimitName.values()) {
            if (limitCode(name) == code) {
                return name;
            }
        }
        return null;
    }

    private static int decimals(final LimitName name) {
        return name.unit() == LimitName.Unit.USD || name.unit() == LimitName.Unit.PERCENT ? 4 : 0;
    }

    private static ByteBuffer begin(final byte op) {
        final ByteBuffer out = ByteBuffer.allocate(RiskUpdate.MAX_BODY_BYTES);
        out.put((byte) VERSION);
        out.put(op);
        return out;
    }

    private static byte[] finish(final ByteBuffer out) {
        final byte[] body = new byte[out.position()];
        out.flip();
        out.get(body);
        return body;
    }

    private static void putLimitKey(final ByteBuffer out, final LimitKey key) {
        out.put((byte) switch (key.scope()) {
            case FIRM -> 1;
            case BROKER_FIRM -> 2;
            case ACCOUNT -> 3;
            case SYMBOL -> 4;
        });
        putString(out, key.scopeKey());
        putString(out, key.symbol());
        out.put((byte) limitCode(key.name()));
    }

    private static LimitKey getLimitKey(final ByteBuffer in) {
        final int code = in.get();
        final LimitScope scope = switch (code) {
            case 1 -> LimitScope.FIRM;
            case 2 -> LimitScope.BROKER_FIRM;
            case 3 -> LimitScope.ACCOUNT;
            case 4 -> LimitScope.SYMBOL;
            default -> throw new IllegalArgumentException("unknown limit scope " + code);
        };
        final String scopeKey = getString(in);
        final String symbol = getString(in);
        final int limit = in.get();
        final LimitName name = limitOf(limit);
        if (name == null) {
            throw new IllegalArgumentException("unknown limit code " + limit);
        }
        return new LimitKey(scope, scopeKey, symbol, name);
    }

    private static ListName list(final byte code) {
        return switch (code) {
            case 1 -> ListName.RESTRICTED;
            case 2 -> ListName.HARD_TO_BORROW;
            default -> throw new IllegalArgumentException("unknown list " + code);
        };
    }

    private static KillScope killScope(final byte code) {
        return switch (code) {
            case 1 -> KillScope.FIRM;
            case 2 -> KillScope.BROKER_FIRM;
            case 3 -> KillScope.SESSION;
            case 4 -> KillScope.ACCOUNT;
            case 5 -> KillScope.SYMBOL;
            default -> throw new IllegalArgumentException("unknown kill switch scope " + code);
        };
    }

    private static boolean flag(final byte value) {
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException("flag must be 0 or 1, was " + value);
        }
        return value == 1;
    }

    private static void putString(final ByteBuffer out, final String value) {
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("risk update string longer than " + MAX_STRING_BYTES + " bytes");
        }
        out.put((byte) bytes.length);
        out.put(bytes);
    }

    private static String getString(final ByteBuffer in) {
        final int length = in.get() & 0xFF;
        if (length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("bad string length " + length);
        }
        final byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
