package io.portcullis.reporting.cat;

import java.nio.file.Path;

/**
 * One data file written, with its metadata file. Immutable.
 *
 * @param data         the {@code .json.bz2} file
 * @param meta         its {@code .meta.json} file
 * @param records      records in it
 * @param sha256       SHA-256 of the compressed file, lower-case hex
 * @param jsonBytes    uncompressed JSON Lines bytes
 */
public record CatFile(Path data, Path meta, long records, String sha256, long jsonBytes) {
}
