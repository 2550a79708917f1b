package io.portcullis.backoffice.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A print stream that passes everything on and remembers the last non-empty line written: how a report job puts the
 * report's own error message ("error: Elasticsearch at ...: ...") into its failure and its report_run row. Thread-safe
 * as a {@link PrintStream} is.
 */
final class LastLine extends PrintStream {
    private final Tracker tracker;

    private LastLine(final Tracker tracker) {
        super(tracker, true, StandardCharsets.UTF_8);
        this.tracker = tracker;
    }

    /**
     * @param delegate where everything goes
     * @return a stream that also remembers the last line
     */
    static LastLine of(final PrintStream delegate) {
        return new LastLine(new Tracker(delegate));
    }

    /** @return the last non-empty line written so far, or an empty string */
    String last() {
        synchronized (tracker) {
            return tracker.last;
        }
    }

    private static final class Tracker extends OutputStream {
        private final PrintStream delegate;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private String last = "";

        Tracker(final PrintStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized void write(final int b) {
            delegate.write(b);
            if (b == '\n') {
                final String text = line.toString(StandardCharsets.UTF_8).strip();
                if (!text.isEmpty()) {
                    last = text;
                }
                line.reset();
            } else if (line.size() < 4_096) {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(final byte[] bytes, final int offset, final int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }
    }
}
