package io.portcullis.reporting.fixlog;

import java.util.List;

import io.portcullis.fix.dictionary.FixDictionary;

/**
 * Writes a FIX message (fields separated by {@code |}, as the audit index stores them) with the name of each tag and
 * of each value the session's dictionary names:
 * {@code 8(BeginString)=FIX.4.4|9(BodyLength)=150|35(MsgType)=D(NewOrderSingle)|54(Side)=1(BUY)|...|10(CheckSum)=087|}.
 * A tag the dictionary does not know is written as is; a piece without {@code tag=} (a {@code |} inside a data
 * field's value) stays part of the value before it. One thread; allocates.
 */
final class FixMessageFormatter {
    private final FixDictionaries dictionaries;

    /** @param dictionaries where the names come from */
    FixMessageFormatter(final FixDictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    /**
     * Decodes a message.
     *
     * @param beginString the session's BeginString(8), or null to take it from the message
     * @param message     the message, {@code |} for SOH
     * @return the message with names, {@code |} between fields and after the last one
     */
    String decode(final String beginString, final String message) {
        final String begin = beginString != null ? beginString : beginStringOf(message);
        final List<FixDictionary> dictionary = dictionaries.forBeginString(begin);
        final StringBuilder out = new StringBuilder(message.length() * 2);
        for (final String piece : message.split("\\|", -1)) {
            final int eq = piece.indexOf('=');
            final int tag = eq > 0 ? tag(piece.substring(0, eq)) : -1;
            if (tag < 0) {
                if (!piece.isEmpty()) {
                    // A '|' inside a value (data fields may hold one): undo the split.
                    if (!out.isEmpty()) {
                        out.setLength(out.length() - 1);
                    }
                    out.append('|').append(piece).append('|');
                }
                continue;
            }
            final String value = piece.substring(eq + 1);
            out.append(tag);
            final String name = dictionaries.fieldName(dictionary, tag);
            if (name != null) {
                out.append('(').append(name).append(')');
            }
            out.append('=').append(value);
            final String valueName = value.isEmpty() ? null : dictionaries.valueName(dictionary, tag, value);
            if (valueName != null) {
                out.append('(').append(valueName).append(')');
            }
            out.append('|');
        }
        return out.toString();
    }

    private static int tag(final String text) {
        if (text.isEmpty() || text.length() > 9) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }

    private static String beginStringOf(final String message) {
        if (!message.startsWith("8=")) {
            return null;
        }
        final int end = message.indexOf('|');
        return end < 0 ? message.substring(2) : message.substring(2, end);
    }
}
