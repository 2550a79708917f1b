package io.portcullis.fix.conformance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tag=value text as scripts write it and as the wire carries it: {@code |} stands for SOH in scripts; a message to
 * send gets its {@code <TIME>} / {@code <TIME-n>} / {@code <TIME+n>} placeholders replaced (UTC now shifted by n
 * seconds, millisecond precision), BodyLength(9) inserted when absent and CheckSum(10) appended when absent.
 */
final class FixWire {
    static final char SOH = '\u0001';
    private static final Pattern TIME = Pattern.compile("<TIME(?:([+-])(\\d+))?>");
    private static final DateTimeFormatter UTC_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS")
        .withZone(ZoneOffset.UTC);

    /** One tag=value pair, in wire order. */
    record Field(int tag, String value) {
        @Override
        public String toString() {
            return tag + "=" + value;
        }
    }

    private FixWire() {
    }

    /** Script text ({@code |} for SOH) to wire text with the time placeholders replaced at {@code now}. */
    static String expand(final String scriptText, final Instant now) {
        final Matcher matcher = TIME.matcher(scriptText.replace('|', SOH));
        final StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            long shift = 0;
            if (matcher.group(1) != null) {
                shift = Long.parseLong(matcher.group(2)) * ("-".equals(matcher.group(1)) ? -1 : 1);
            }
            matcher.appendReplacement(out, UTC_TIMESTAMP.format(now.plusSeconds(shift)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * A FIX message ({@code 8=...}, SOH separated, trailing SOH optional) completed for the wire: 9= computed and
     * inserted after 8= when absent, 10= computed and appended when absent (a 9= or 10= given is kept as is, so a
     * script can send a wrong one on purpose).
     */
    static String complete(final String wireText) {
        String text = wireText.endsWith(String.valueOf(SOH)) ? wireText : wireText + SOH;
        final int afterBegin = text.indexOf(SOH) + 1;
        final boolean hasLength = text.startsWith("9=", afterBegin);
        final boolean hasChecksum = text.startsWith("10=") || text.contains(SOH + "10=");
        if (!hasLength) {
            final int trailerAt = hasChecksum ? text.lastIndexOf(SOH + "10=") + 1 : text.length();
            final int bodyLength = text.substring(afterBegin, trailerAt).getBytes(StandardCharsets.ISO_8859_1).length;
            text = text.substring(0, afterBegin) + "9=" + bodyLength + SOH + text.substring(afterBegin);
        }
        if (!hasChecksum) {
            text = text + "10=" + checksum(text) + SOH;
        }
        return text;
    }

    /** The three-digit CheckSum(10) of everything before the trailer. */
    static String checksum(final String upToTrailer) {
        int sum = 0;
        for (final byte b : upToTrailer.getBytes(StandardCharsets.ISO_8859_1)) {
            sum += b & 0xff;
        }
        return String.format("%03d", sum % 256);
    }

    /** The fields of a SOH-separated message, in order (a trailing SOH is optional). */
    static List<Field> fields(final String wireText) {
        final List<Field> fields = new ArrayList<>();
        for (final String pair : wireText.split(String.valueOf(SOH))) {
            if (pair.isEmpty()) {
                continue;
            }
            final int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not tag=value: '" + readable(pair) + "' in " + readable(wireText));
            }
            fields.add(new Field(Integer.parseInt(pair.substring(0, eq)), pair.substring(eq + 1)));
        }
        return fields;
    }

    /** Wire text with SOH shown as {@code |}. */
    static String readable(final String wireText) {
        return wireText.replace(SOH, '|');
    }
}
