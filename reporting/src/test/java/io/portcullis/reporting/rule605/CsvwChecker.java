package io.portcullis.reporting.rule605;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a CSV file against CSV on the Web (CSVW) table metadata, for the subset of CSVW the SEC's
 * {@code oes-metadata.json} uses:
 * <ul>
 *   <li>{@code dialect}: {@code header}/{@code headerRowCount} (one header row), {@code delimiter};</li>
 *   <li>columns in order: the header cell must be the column's {@code name} (the OES specification's Exhibit A
 *       headers are the names; the metadata's {@code titles} are human descriptions no SEC sample uses);</li>
 *   <li>{@code null} (default {@code [""]}): a cell with one of these values is null; {@code required}: a null
 *       cell is an error;</li>
 *   <li>{@code datatype.base} {@code token}, {@code string}, {@code int}, {@code float} (XML Schema lexical forms;
 *       a token has no leading, trailing or repeated spaces), {@code format} (the SEC writes regular expressions,
 *       also for numeric columns; applied to the whole cell), {@code minimum}, {@code maximum},
 *       {@code exclusiveMinimum}, {@code exclusiveMaximum};</li>
 *   <li>{@code primaryKey}: unique per row; every row has as many cells as there are columns.</li>
 * </ul>
 * Quoted fields are not supported (the OES files have none): a quote character is an error.
 */
final class CsvwChecker {
    private record Column(String name, boolean required, Set<String> nulls, String base, Pattern format,
                          BigDecimal min, BigDecimal max, BigDecimal exclusiveMin, BigDecimal exclusiveMax) {
    }

    private static final Pattern INT = Pattern.compile("[+-]?\\d+");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?INF|NaN");

    private final List<Column> columns = new ArrayList<>();
    private final List<Integer> primaryKey = new ArrayList<>();
    private final String delimiter;

    /**
     * @param metadata the CSVW metadata (a {@code tables} array of one table)
     * @throws IOException when it cannot be read
     */
    CsvwChecker(final InputStream metadata) throws IOException {
        final JsonNode root = new ObjectMapper().readTree(metadata);
        final JsonNode dialect = root.path("dialect");
        delimiter = dialect.path("delimiter").asText(",");
        if (!dialect.path("header").asBoolean(true) || dialect.path("headerRowCount").asInt(1) != 1) {
            throw new IllegalArgumentException("only one header row is supported");
        }
        final JsonNode schema = root.path("tables").get(0).path("tableSchema");
        for (final JsonNode c : schema.path("columns")) {
            final Set<String> nulls = new HashSet<>();
            if (c.has("null")) {
                c.get("null").forEach(n -> nulls.add(n.asText()));
            } else {
                nulls.add("");
            }
            final JsonNode type = c.path("datatype");
            columns.add(new Column(c.path("name").asText(), c.path("required").asBoolean(false), nulls,
                type.path("base").asText("string"),
                type.has("format") ? Pattern.compile(type.get("format").asText()) : null,
                decimal(type, "minimum"), decimal(type, "maximum"), decimal(type, "exclusiveMinimum"),
                decimal(type, "exclusiveMaximum")));
        }
        for (final JsonNode key : schema.path("primaryKey")) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(key.asText())) {
                    primaryKey.add(i);
                }
            }
        }
    }

    /**
     * Checks a file.
     *
     * @param csv the file's text (CRLF or LF line ends)
     * @return one message per violation ("row 3, column AvgEFQPct: ..."), empty when valid
     */
    List<String> check(final String csv) {
        final List<String> errors = new ArrayList<>();
        final String[] lines = csv.split("\r?\n", -1);
        final int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        if (count == 0) {
            errors.add("no header row");
            return errors;
        }
        final String[] header = lines[0].split(Pattern.quote(delimiter), -1);
        if (header.length != columns.size()) {
            errors.add("header: " + header.length + " cells, the metadata has " + columns.size() + " columns");
        }
        for (int i = 0; i < Math.min(header.length, columns.size()); i++) {
            if (!header[i].equals(columns.get(i).name())) {
                errors.add("header cell " + (i + 1) + ": '" + header[i] + "', expected '" + columns.get(i).name()
                    + "'");
            }
        }
        final Set<List<String>> keys = new HashSet<>();
        for (int r = 1; r < count; r++) {
            final String[] cells = lines[r].split(Pattern.quote(delimiter), -1);
            if (cells.length != columns.size()) {
                errors.add("row " + r + ": " + cells.length + " cells, expected " + columns.size());
                continue;
            }
            for (int i = 0; i < cells.length; i++) {
                final String problem = cell(columns.get(i), cells[i]);
                if (problem != null) {
                    errors.add("row " + r + ", column " + columns.get(i).name() + ": '" + cells[i] + "' " + problem);
                }
            }
            final List<String> key = new ArrayList<>();
            primaryKey.forEach(i -> key.add(cells[i]));
            if (!primaryKey.isEmpty() && !keys.add(key)) {
                errors.add("row " + r + ": duplicate primary key " + key);
            }
        }
        return errors;
    }

    private static String cell(final Column column, final String value) {
        if (value.indexOf('"') >= 0) {
            return "has a quote character (not supported)";
        }
        if (column.nulls().contains(value)) {
            return column.required() ? "is null in a required column" : null;
        }
        switch (column.base()) {
            case "token" -> {
                if (!value.equals(value.strip()) || value.contains("  ") || value.matches(".*[\t\r\n].*")) {
                    return "is not a token";
                }
            }
            case "int", "integer" -> {
                if (!INT.matcher(value).matches()) {
                    return "is not an integer";
                }
            }
            case "float", "double", "decimal" -> {
                if (!FLOAT.matcher(value).matches()) {
                    return "is not a " + column.base();
                }
            }
            default -> {
            }
        }
        if (column.format() != null && !column.format().matcher(value).matches()) {
            return "does not match the format " + column.format().pattern();
        }
        if ((column.base().equals("int") || column.base().equals("float")) && !value.contains("INF")
            && !value.equals("NaN")) {
            final BigDecimal number = new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
            if (column.min() != null && number.compareTo(column.min()) < 0) {
                return "is below the minimum " + column.min();
            }
            if (column.max() != null && number.compareTo(column.max()) > 0) {
                return "is above the maximum " + column.max();
            }
            if (column.exclusiveMin() != null && number.compareTo(column.exclusiveMin()) <= 0) {
                return "is not above " + column.exclusiveMin();
            }
            if (column.exclusiveMax() != null && number.compareTo(column.exclusiveMax()) >= 0) {
                return "is not below " + column.exclusiveMax();
            }
        }
        return null;
    }

    private static BigDecimal decimal(final JsonNode type, final String field) {
        return type.has(field) ? new BigDecimal(type.get(field).asText()) : null;
    }
}
