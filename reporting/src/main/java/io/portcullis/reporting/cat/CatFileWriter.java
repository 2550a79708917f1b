package io.portcullis.reporting.cat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * Writes CAT records as bzip2-compressed JSON Lines files, split by size, each with its metadata file.
 *
 * <p><b>Names</b> (regulatory.md §1.3): {@code <CATSubmitterID>_<CATReporterIMID>_<YYYYMMDD>_<group>_OrderEvents_<NNNNNN>.json.bz2}
 * and {@code <same base>.meta.json}, where the date is the CAT trading date of the events (not the wall-clock
 * generation date, so that a rerun gives the same names) and {@code NNNNNN} counts from the first sequence number,
 * six digits.
 *
 * <p><b>Split rule:</b> a file takes records while its uncompressed JSON Lines (record plus newline) stay within
 * {@code cat.max-file-bytes}; the record that would pass the limit starts the next file (a single record larger than
 * the limit gets a file of its own). The uncompressed size is measured because it is exact and known before writing;
 * bzip2 output is always smaller for JSON.
 *
 * <p><b>Metadata:</b> one JSON object: {@code type "META"}, {@code submitter}, {@code reporter},
 * {@code fileGenerationDate} (the trading date), {@code fileVersion} (the spec version), {@code doneForDay} (true on
 * the last file of the run), {@code files [{fileName, recordCount, compressedHash}]} (SHA-256 of the compressed
 * file, hex). Nothing in a file depends on the clock, and bzip2 is deterministic: the same records give the same
 * bytes.
 *
 * <p>Streaming: one record in memory, plus the compressor's block (900 kB). Not thread-safe.
 */
final class CatFileWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper()
        .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private final Path directory;
    private final CatConfiguration configuration;
    private final int fileDate;
    private final String group;
    private final List<CatFile> files = new ArrayList<>();
    private int nextSequence;
    private OutputStream out;
    private MessageDigest digest;
    private Path current;
    private long records;
    private long bytes;

    /**
     * @param directory     where files go (created if missing)
     * @param configuration names and limits
     * @param fileDate      the trading date, YYYYMMDD
     * @param group         the file name's group
     * @param firstSequence the first file's sequence number, 1..999,999
     */
    CatFileWriter(final Path directory, final CatConfiguration configuration, final int fileDate, final String group,
                  final int firstSequence) {
        this.directory = directory;
        this.configuration = configuration;
        this.fileDate = fileDate;
        this.group = group;
        this.nextSequence = firstSequence;
    }

    /** The data file name of a sequence number. */
    String fileName(final int sequence) {
        return String.format("%s_%s_%d_%s_OrderEvents_%06d.json.bz2", configuration.submitterId(),
            configuration.reporterImid(), fileDate, group, sequence);
    }

    /**
     * Appends one record.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    void write(final ObjectNode record) {
        append(encode(record));
    }

    /**
     * @param record a record
     * @return its JSON line without the newline, as {@link #append} takes it
     */
    byte[] encode(final ObjectNode record) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot encode a record", ex);
        }
    }

    /**
     * @param line an encoded record
     * @return true when appending it would close the open file first (it does not fit under the size limit)
     */
    boolean rollsOver(final byte[] line) {
        return out != null && records > 0 && bytes + line.length + 1 > configuration.maxFileBytes();
    }

    /**
     * Appends one encoded record, closing the open file first when the record does not fit.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    void append(final byte[] line) {
        try {
            if (rollsOver(line)) {
                closeFile(false);
            }
            if (out == null) {
                openFile();
            }
            out.write(line);
            out.write('\n');
            records++;
            bytes += line.length + 1;
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot write " + current, ex);
        }
    }

    /**
     * Closes the open file as a file that is not the day's last (the next record starts another), without starting
     * the next one.
     *
     * @return the file closed
     * @throws IllegalStateException when no file is open
     */
    CatFile closeFull() {
        if (out == null) {
            throw new IllegalStateException("no open file");
        }
        try {
            closeFile(false);
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot write " + current, ex);
        }
        return files.get(files.size() - 1);
    }

    /** @return the sequence number the next file will have */
    int nextSequence() {
        return nextSequence;
    }

    /** @return the files closed so far, in order */
    List<CatFile> files() {
        return List.copyOf(files);
    }

    /**
     * Closes the last file and marks it done for the day.
     *
     * @return every file written, in order; empty when no record was written
     */
    List<CatFile> finish() {
        try {
            if (out != null) {
                closeFile(true);
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot write " + current, ex);
        }
        return files();
    }

    private void openFile() throws IOException {
        Files.createDirectories(directory);
        current = directory.resolve(fileName(nextSequence++));
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
        out = new BZip2CompressorOutputStream(new BufferedOutputStream(new DigestOutputStream(
            Files.newOutputStream(current), digest), 1 << 16));
        records = 0;
        bytes = 0;
    }

    private void closeFile(final boolean doneForDay) throws IOException {
        out.close();
        out = null;
        final String hash = HexFormat.of().formatHex(digest.digest());
        final String name = current.getFileName().toString();
        final Path meta = directory.resolve(name.substring(0, name.length() - ".json.bz2".length()) + ".meta.json");
        final ObjectNode node = JSON.createObjectNode();
        node.put("type", "META").put("submitter", configuration.submitterId())
            .put("reporter", configuration.reporterImid()).put("fileGenerationDate", fileDate)
            .put("fileVersion", configuration.specVersion()).put("doneForDay", doneForDay);
        node.putArray("files").addObject().put("fileName", name).put("recordCount", records)
            .put("compressedHash", hash);
        Files.write(meta, (JSON.writeValueAsString(node) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        files.add(new CatFile(current, meta, records, hash, bytes));
    }

    /** Abandons an unfinished file (after a failure): closes it without metadata. */
    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (final IOException ex) {
                // Already failing; the partial file has no metadata and is rewritten by the next run.
                out = null;
            }
            out = null;
        }
    }
}
