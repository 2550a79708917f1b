package io.portcullis.risk.desk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.risk.model.Locate;
import io.portcullis.risk.model.RiskCommandSink;

/**
 * One item of desk state as the authority holds it after the change numbered {@link #seq()}: a limit value, a list
 * entry (present or removed), a locate, or a kill switch (engaged or released). This is what travels through Redis
 * and what a node applies to its engine.
 *
 * <p>Text form (the value in the Redis map and the message on the topic): fields separated by {@code |}, starting
 * with the sequence, e.g. {@code 42|L|ACCOUNT|B1-CUST-001|*|MAX_ORDER_QTY|5000}. {@link #id()} is the same without
 * the sequence and the value (the Redis map key). Keys and symbols never contain {@code |} or white space (the desk
 * refuses them), so the form needs no escaping. {@link #decode} validates everything again: text from Redis is
 * untrusted, and nothing malformed may reach the engine.
 *
 * <p>Immutable; any thread.
 */
public sealed interface DeskEntry {
    /** Characters allowed in keys, symbols and locate ids. */
    Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:>*/@+-]{1,128}");

    /** The desk sequence number of the change that produced this state (1, 2, ...). */
    long seq();

    /** Identity of the item, independent of its value: the Redis map key. */
    String id();

    /** The text form, starting with {@link #seq()}. */
    String encode();

    /**
     * Sends this state to an engine. Idempotent: applying the same entry twice leaves the engine as applying it once.
     *
     * @throws IllegalStateException from the sink when the engine does not take commands
     */
    void applyTo(RiskCommandSink sink);

    /** A limit value in force. */
    record LimitEntry(long seq, LimitKey key, BigDecimal value) implements DeskEntry {
        /** Validates the value against the limit's rules. */
        public LimitEntry {
            Objects.requireNonNull(key, "key");
            token(key.scopeKey(), "scopeKey");
            token(key.symbol(), "symbol");
            final String invalid = key.name().invalidReason(value);
            if (invalid != null) {
                throw new IllegalArgumentException(key.name() + " value " + value + ": " + invalid);
            }
            value = value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }

        @Override
        public String id() {
            return "L|" + key.scope() + "|" + key.scopeKey() + "|" + key.symbol() + "|" + key.name();
        }

        @Override
        public String encode() {
            return seq + "|" + id() + "|" + value.toPlainString();
        }

        @Override
        public void applyTo(final RiskCommandSink sink) {
            sink.setLimit(key, value);
        }
    }

    /** A symbol on a list (or removed from it), firm-wide ({@code *}) or for one account. */
    record ListEntry(long seq, ListName list, String scopeKey, String symbol, boolean present) implements DeskEntry {
        /** Checks the fields. */
        public ListEntry {
            Objects.requireNonNull(list, "list");
            token(scopeKey, "scopeKey");
            token(symbol, "symbol");
        }

        @Override
        public String id() {
            return "S|" + list + "|" + scopeKey + "|" + symbol;
        }

        @Override
        public String encode() {
            return seq + "|" + id() + "|" + (present ? "1" : "0");
        }

        @Override
        public void applyTo(final RiskCommandSink sink) {
            sink.setListEntry(list, scopeKey, symbol, present);
        }
    }

    /** A locate, usable through {@code expiresOn} (a US trading date, inclusive). */
    record LocateEntry(long seq, Locate locate, LocalDate expiresOn) implements DeskEntry {
        /** Checks the fields. */
        public LocateEntry {
            Objects.requireNonNull(locate, "locate");
            Objects.requireNonNull(expiresOn, "expiresOn");
            token(locate.locateId(), "locateId");
            token(locate.account(), "account");
            token(locate.symbol(), "symbol");
        }

        @Override
        public String id() {
            return "C|" + locate.locateId();
        }

        @Override
        public String encode() {
            return seq + "|" + id() + "|" + locate.account() + "|" + locate.symbol() + "|" + locate.quantity() + "|"
                + expiresOn;
        }

        @Override
        public void applyTo(final RiskCommandSink sink) {
            sink.addLocate(locate);
        }
    }

    /** A kill switch, engaged or released. */
    record KillEntry(long seq, KillScope scope, String key, boolean engaged) implements DeskEntry {
        /** Checks the fields. */
        public KillEntry {
            Objects.requireNonNull(scope, "scope");
            token(key, "key");
            if ((scope == KillScope.FIRM) != LimitKey.ANY.equals(key)) {
                throw new IllegalArgumentException("the FIRM kill switch, and only it, has key '*'");
            }
        }

        @Override
        public String id() {
            return "K|" + scope + "|" + key;
        }

        @Override
        public String encode() {
            return seq + "|" + id() + "|" + (engaged ? "1" : "0");
        }

        @Override
        public void applyTo(final RiskCommandSink sink) {
            sink.setKillSwitch(scope, key, engaged);
        }
    }

    /**
     * Parses the text form (public because interface methods are; the desk's own use).
     *
     * @throws IllegalArgumentException naming what is wrong when {@code text} is not a valid entry
     */
    static DeskEntry decode(final String text) {
        if (text == null) {
            throw new IllegalArgumentException("no entry");
        }
        final String[] f = text.split("\\|", -1);
        try {
            final long seq = Long.parseLong(f[0]);
            if (seq <= 0 || f.length < 2) {
                throw new IllegalArgumentException("bad sequence");
            }
            return switch (f[1]) {
                case "L" -> {
                    fields(f, 7);
                    yield new LimitEntry(seq, new LimitKey(LimitScope.valueOf(f[2]), f[3], f[4],
                        LimitName.valueOf(f[5])), new BigDecimal(f[6]));
                }
                case "S" -> {
                    fields(f, 6);
                    yield new ListEntry(seq, ListName.valueOf(f[2]), f[3], f[4], flag(f[5]));
                }
                case "C" -> {
                    fields(f, 7);
                    yield new LocateEntry(seq, new Locate(f[2], f[3], f[4], Long.parseLong(f[5])),
                        LocalDate.parse(f[6]));
                }
                case "K" -> {
                    fields(f, 5);
                    yield new KillEntry(seq, KillScope.valueOf(f[2]), f[3], flag(f[4]));
                }
                default -> throw new IllegalArgumentException("unknown kind '" + f[1] + "'");
            };
        } catch (final NumberFormatException | DateTimeParseException | NullPointerException ex) {
            throw new IllegalArgumentException("malformed desk entry '" + text + "': " + ex.getMessage(), ex);
        } catch (final IllegalArgumentException ex) {
            throw new IllegalArgumentException("malformed desk entry '" + text + "': " + ex.getMessage(), ex);
        }
    }

    private static void fields(final String[] f, final int count) {
        if (f.length != count) {
            throw new IllegalArgumentException(count + " fields expected, found " + f.length);
        }
    }

    private static boolean flag(final String text) {
        return switch (text) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalArgumentException("flag must be 0 or 1");
        };
    }

    private static void token(final String value, final String name) {
        if (value == null || !TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 1 to 128 of " + TOKEN.pattern() + ", was '" + value
                + "'");
        }
    }
}
