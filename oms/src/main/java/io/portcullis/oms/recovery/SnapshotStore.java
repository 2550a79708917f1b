package io.portcullis.oms.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Engine snapshots as files in one folder: {@code snapshot-<sequence>-<offset>.bin}, each written to a temporary file,
 * forced to disk and renamed into place, so a crash never leaves a half-written snapshot under a valid name. A header
 * with a CRC-32C guards the content; a damaged file is skipped in favour of the previous one. The newest
 * {@value #KEEP} snapshots are kept.
 *
 * <p>File layout (little-endian): {@code i32 magic 'PCS1', i64 sequence, i64 nextJournalOffset, i32 length,
 * i32 crc32c, bytes}. Not thread-safe; one writer.
 */
public final class SnapshotStore {
    /** How many snapshots are kept. */
    public static final int KEEP = 3;

    private static final int MAGIC = 0x31534350;
    private static final int HEADER = 4 + 8 + 8 + 4 + 4;
    private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})-(\\d{20})\\.bin");

    private final Path directory;

    /** @param directory the folder (created if missing) */
    public SnapshotStore(final Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot create the snapshot folder " + directory, ex);
        }
    }

    /**
     * A snapshot read back.
     *
     * @param sequence   the last command sequence the state includes
     * @param nextOffset the journal offset of the first record after that command
     * @param state      the engine state bytes
     */
    public record Snapshot(long sequence, long nextOffset, byte[] state) {
    }

    /**
     * Writes a snapshot durably, then deletes all but the newest {@value #KEEP}.
     *
     * @param sequence   the last command sequence the state includes
     * @param nextOffset the journal offset after that command's record
     * @param state      the engine's state bytes
     * @return the file written
     */
    public Path write(final long sequence, final long nextOffset, final byte[] state) {
        final Path target = directory.resolve(String.format("snapshot-%020d-%020d.bin", sequence, nextOffset));
        final Path temporary = directory.resolve(target.getFileName() + ".tmp");
        final CRC32C crc = new CRC32C();
        crc.update(state);
        final ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN)
            .putInt(MAGIC).putLong(sequence).putLong(nextOffset).putInt(state.length).putInt((int) crc.getValue());
        header.flip();
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            while (header.hasRemaining()) {
                channel.write(header);
            }
            final ByteBuffer body = ByteBuffer.wrap(state);
            while (body.hasRemaining()) {
                channel.write(body);
            }
            channel.force(true);
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot write snapshot " + temporary, ex);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (final IOException ignored) {
                // Some file systems cannot sync a directory; the rename is still atomic.
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot move snapshot into place: " + target, ex);
        }
        prune();
        return target;
    }

    /** The newest snapshot whose header and checksum are intact, if any. */
    public Optional<Snapshot> latest() {
        for (final Path file : files()) {
            final Optional<Snapshot> snapshot = read(file);
            if (snapshot.isPresent()) {
                return snapshot;
            }
        }
        return Optional.empty();
    }

    /** Snapshot files, newest first. */
    List<Path> files() {
        try (Stream<Path> list = Files.list(directory)) {
            final List<Path> files = new ArrayList<>(list.filter(p -> NAME.matcher(p.getFileName().toString())
                .matches()).toList());
            files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
            return files;
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot list snapshots in " + directory, ex);
        }
    }

    private static Optional<Snapshot> read(final Path file) {
        try {
            final byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < HEADER) {
                return Optional.empty();
            }
            final ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            final Matcher name = NAME.matcher(file.getFileName().toString());
            if (in.getInt() != MAGIC || !name.matches()) {
                return Optional.empty();
            }
            final long sequence = in.getLong();
            final long nextOffset = in.getLong();
            final int length = in.getInt();
            final int expectedCrc = in.getInt();
            if (length != bytes.length - HEADER) {
                return Optional.empty();
            }
            final CRC32C crc = new CRC32C();
            crc.update(bytes, HEADER, length);
            if ((int) crc.getValue() != expectedCrc) {
                return Optional.empty();
            }
            final byte[] state = new byte[length];
            System.arraycopy(bytes, HEADER, state, 0, length);
            return Optional.of(new Snapshot(sequence, nextOffset, state));
        } catch (final IOException ex) {
            return Optional.empty();
        }
    }

    private void prune() {
        final List<Path> files = files();
        for (int i = KEEP; i < files.size(); i++) {
            try {
                Files.deleteIfExists(files.get(i));
            } catch (final IOException ex) {
                throw new UncheckedIOException("cannot delete old snapshot " + files.get(i), ex);
            }
        }
    }
}
