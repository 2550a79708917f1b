package io.portcullis.reporting.search;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A validated export, ready to stream: {@link #writeTo} writes a header line and then every matching row, a page at
 * a time as Elasticsearch returns them (never the whole result in memory), flushing after each page. Single use.
 */
public interface CsvExport {
    /** A file name for Content-Disposition, e.g. {@code executions.csv}. */
    String fileName();

    /**
     * Writes the CSV (UTF-8, RFC 4180, CRLF line ends) to {@code out}; does not close it.
     *
     * @throws IOException when {@code out} or Elasticsearch fails; what was written so far is then incomplete
     */
    void writeTo(OutputStream out) throws IOException;
}
