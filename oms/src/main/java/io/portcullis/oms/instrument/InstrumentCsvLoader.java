package io.portcullis.oms.instrument;

import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.PriceConversion;
import io.portcullis.oms.domain.Prices;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Loads instruments from CSV. Start-up only; allocates freely; stateless and thread-safe.
 *
 * <p>Format: UTF-8, a header row exactly {@value #HEADER} or {@value #EXTENDED_HEADER}, then one instrument per
 * line with the header's columns. Fields may be quoted with {@code "} (a quote inside a quoted field is doubled).
 * Blank lines and lines starting with {@code #} are ignored. {@code sp500} is {@code true}/{@code false};
 * {@code tick_size} and {@code reference_price} are decimal USD with at most 4 decimals; {@code lot_size} is whole
 * shares; {@code status} is {@code ACTIVE}/{@code HALTED}. The optional columns: {@code adv} is the average daily
 * volume in whole shares (empty or absent: {@link Instrument#DEFAULT_AVERAGE_DAILY_VOLUME}); {@code trading_hours}
 * is {@code HH:MM-HH:MM} in America/New_York, open inclusive, close exclusive, {@code 24:00} allowed as a close
 * (empty or absent: the regular session 09:30-16:00). Every bad field is reported with its line and column;
 * loading goes on so one run shows all problems.
 */
public final class InstrumentCsvLoader {

    /** The required header row. */
    public static final String HEADER = "symbol,name,mic,sp500,tick_size,lot_size,reference_price,status";

    /** The header with the optional reference data of the risk checks: average daily volume and trading hours. */
    public static final String EXTENDED_HEADER = HEADER + ",adv,trading_hours";

    /** Classpath location of the bundled seed of US equities. */
    public static final String BUNDLED_RESOURCE = "/instruments/us-equities.csv";

    private static final String[] COLUMNS = EXTENDED_HEADER.split(",");

    private static final int BASE_COLUMNS = HEADER.split(",").length;

    private InstrumentCsvLoader() {
    }

    /**
     * Loads the bundled seed ({@value #BUNDLED_RESOURCE}).
     *
     * @return the result; never null
     * @throws UncheckedIOException when the resource cannot be read
     */
    public static InstrumentLoadResult loadBundled() {
        final InputStream in = InstrumentCsvLoader.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing resource " + BUNDLED_RESOURCE));
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(reader, BUNDLED_RESOURCE);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads a user's file.
     *
     * @param file the CSV file; non-null
     * @return the result; never null
     * @throws UncheckedIOException when the file cannot be read
     */
    public static InstrumentLoadResult load(final Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads CSV text.
     *
     * @param reader the text; not closed here
     * @param source name used in error messages
     * @return the result; never null
     * @throws UncheckedIOException when reading fails
     */
    public static InstrumentLoadResult load(final Reader reader, final String source) {
        final List<Instrument> instruments = new ArrayList<>();
        final List<LoadError> errors = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final BufferedReader lines = new BufferedReader(reader);
        try {
            int lineNo = 0;
            boolean headerSeen = false;
            int columns = BASE_COLUMNS;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    if (EXTENDED_HEADER.equals(line.strip())) {
                        columns = COLUMNS.length;
                    } else if (!HEADER.equals(line.strip())) {
                        errors.add(new LoadError(source, lineNo, 0, "", "header must be '" + HEADER + "' or '"
                            + EXTENDED_HEADER + "'"));
                    }
                    continue;
                }
                final Instrument instrument = parseRow(line, lineNo, source, columns, errors);
                if (instrument != null) {
                    if (seen.add(instrument.symbol())) {
                        instruments.add(instrument);
                    } else {
                        errors.add(new LoadError(source, lineNo, 1, COLUMNS[0],
                            "duplicate symbol '" + instrument.symbol() + "'"));
                    }
                }
            }
            if (!headerSeen) {
                errors.add(new LoadError(source, 1, 0, "", "empty file: header '" + HEADER + "' expected"));
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InstrumentLoadResult(instruments, errors);
    }

    private static Instrument parseRow(final String line, final int lineNo, final String source, final int columns,
                                       final List<LoadError> errors) {
        final List<String> fields = splitCsv(line);
        if (fields == null) {
            errors.add(new LoadError(source, lineNo, 0, "", "unterminated quoted field"));
            return null;
        }
        if (fields.size() != columns) {
            errors.add(new LoadError(source, lineNo, 0, "",
                "expected " + columns + " columns, found " + fields.size()));
            return null;
        }
        final int before = errors.size();
        final String symbol = fields.get(0).strip();
        if (symbol.isEmpty() || !symbol.matches("[A-Z][A-Z0-9.\\-]{0,9}")) {
            errors.add(error(source, lineNo, 0, "symbol must be 1-10 upper-case letters/digits/./-, got '"
                + symbol + "'"));
        }
        final String name = fields.get(1).strip();
        if (name.isEmpty()) {
            errors.add(error(source, lineNo, 1, "name is empty"));
        }
        final String mic = fields.get(2).strip();
        if (!mic.matches("[A-Z0-9]{4}")) {
            errors.add(error(source, lineNo, 2, "MIC must be 4 upper-case characters, got '" + mic + "'"));
        }
        final String sp500Text = fields.get(3).strip().toLowerCase(Locale.ROOT);
        if (!sp500Text.equals("true") && !sp500Text.equals("false")) {
            errors.add(error(source, lineNo, 3, "sp500 must be true or false, got '" + fields.get(3) + "'"));
        }
        final long tick = positivePrice(fields.get(4), source, lineNo, 4, errors);
        final long lot = positiveLong(fields.get(5), source, lineNo, 5, errors);
        final long reference = positivePrice(fields.get(6), source, lineNo, 6, errors);
        InstrumentStatus status = null;
        try {
            status = InstrumentStatus.valueOf(fields.get(7).strip());
        } catch (final IllegalArgumentException unknown) {
            errors.add(error(source, lineNo, 7, "status must be ACTIVE or HALTED, got '" + fields.get(7) + "'"));
        }
        if (tick > 0 && reference > 0 && reference % tick != 0) {
            errors.add(error(source, lineNo, 6, "reference_price " + fields.get(6) + " is not a multiple of tick_size "
                + fields.get(4)));
        }
        long adv = Instrument.DEFAULT_AVERAGE_DAILY_VOLUME;
        int open = Instrument.REGULAR_OPEN_MINUTE;
        int close = Instrument.REGULAR_CLOSE_MINUTE;
        if (columns > BASE_COLUMNS) {
            if (!fields.get(8).isBlank()) {
                adv = positiveLong(fields.get(8), source, lineNo, 8, errors);
            }
            final String hours = fields.get(9).strip();
            if (!hours.isEmpty()) {
                final int[] parsed = tradingHours(hours);
                if (parsed == null) {
                    errors.add(error(source, lineNo, 9, "trading_hours must be HH:MM-HH:MM with the open before the "
                        + "close, got '" + fields.get(9) + "'"));
                } else {
                    open = parsed[0];
                    close = parsed[1];
                }
            }
        }
        if (errors.size() != before) {
            return null;
        }
        return new Instrument(symbol, name, mic, sp500Text.equals("true"), tick, lot, reference, status, adv, open,
            close);
    }

    /** @return {open, close} in minutes after midnight, or null when malformed or empty */
    static int[] tradingHours(final String text) {
        if (!text.matches("\\d{2}:\\d{2}-\\d{2}:\\d{2}")) {
            return null;
        }
        final int open = minutes(text.substring(0, 5));
        final int close = minutes(text.substring(6, 11));
        return open < 0 || close < 0 || close <= open || open >= 24 * 60 ? null : new int[] {open, close};
    }

    private static int minutes(final String hhmm) {
        final int hours = Integer.parseInt(hhmm.substring(0, 2));
        final int minutes = Integer.parseInt(hhmm.substring(3, 5));
        if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) {
            return -1;
        }
        return hours * 60 + minutes;
    }

    private static long positivePrice(final String text, final String source, final int lineNo, final int col,
                                      final List<LoadError> errors) {
        final PriceConversion price = Prices.parse(text);
        if (!price.isOk()) {
            errors.add(error(source, lineNo, col, "'" + text + "' is not a USD price with at most 4 decimals ("
                + price.outcome() + ")"));
            return 0;
        }
        if (price.price() <= 0) {
            errors.add(error(source, lineNo, col, "must be positive, got '" + text + "'"));
            return 0;
        }
        return price.price();
    }

    private static long positiveLong(final String text, final String source, final int lineNo, final int col,
                                     final List<LoadError> errors) {
        try {
            final long value = Long.parseLong(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (final NumberFormatException notANumber) {
            // reported below
        }
        errors.add(error(source, lineNo, col, "must be a positive whole number, got '" + text + "'"));
        return 0;
    }

    private static LoadError error(final String source, final int lineNo, final int col, final String message) {
        return new LoadError(source, lineNo, col + 1, COLUMNS[col], message);
    }

    /** @return the fields, or null when a quoted field is not terminated */
    static List<String> splitCsv(final String line) {
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            final char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
