package io.portcullis.oms.instrument;

/**
 * One problem in an instrument file. Immutable.
 *
 * @param source     file name or resource the row came from
 * @param line       1-based line number
 * @param column     1-based column number, or 0 when the problem concerns the whole line
 * @param columnName header name of the column, or empty
 * @param message    what is wrong, naming the bad value
 */
public record LoadError(String source, int line, int column, String columnName, String message) {

    @Override
    public String toString() {
        return source + ':' + line + (column > 0 ? ":" + column + " (" + columnName + ")" : "") + ": " + message;
    }
}
