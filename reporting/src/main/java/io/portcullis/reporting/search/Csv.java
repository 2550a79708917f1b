package io.portcullis.reporting.search;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 lines: fields separated by commas, CRLF at the end of every line, a field quoted (its quotes doubled)
 * when it holds a comma, a quote, CR or LF. Values are written as they are in the audit trail (no spreadsheet
 * formula escaping: the export is evidence, not a spreadsheet). Stateless.
 */
final class Csv {
    private Csv() {
    }

    /** Writes one line. */
    static void line(final Writer out, final List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** One field, quoted when it must be. */
    static String field(final String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }
}
