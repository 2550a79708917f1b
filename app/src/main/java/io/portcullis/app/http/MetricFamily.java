package io.portcullis.app.http;

/**
 * A metric family with labels or buckets that writes its own lines in the Prometheus text format (HELP, TYPE and
 * samples). Called on an HTTP thread at each scrape; must be thread-safe and quick.
 */
@FunctionalInterface
public interface MetricFamily {
    /** Appends this family's lines, each ending in a newline. */
    void writeTo(StringBuilder out);
}
