package io.portcullis.reporting.runs;

/**
 * One file a report run wrote. Immutable.
 *
 * @param name   the file name inside the run's output directory (no directory part)
 * @param size   bytes
 * @param sha256 lower-case hex SHA-256 of its bytes
 */
public record RunFile(String name, long size, String sha256) {
}
