package io.portcullis.reporting.rule605;

import java.io.Serial;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.portcullis.config.Settings;

/**
 * The command line of a report command: {@code --name value} options from an allowed list, and {@code --help}.
 * Immutable once parsed. Also the exit codes every report command shares.
 */
public final class ReportOptions {
    /** Exit code: the report was written. */
    public static final int OK = 0;
    /** Exit code: no data, or the report failed its validation; nothing was written. */
    public static final int NO_DATA = 1;
    /** Exit code: bad usage or settings. */
    public static final int USAGE = 2;
    /** Exit code: a service could not be reached. */
    public static final int UNREACHABLE = 3;

    /** A command line that cannot be run; the message says why. */
    public static final class BadUsage extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        /** @param message what is wrong */
        public BadUsage(final String message) {
            super(message);
        }
    }

    private final Map<String, String> values;
    private final boolean help;

    private ReportOptions(final Map<String, String> values, final boolean help) {
        this.values = Map.copyOf(values);
        this.help = help;
    }

    /**
     * Parses a command line.
     *
     * @param args    the arguments
     * @param allowed the options taking a value
     * @return the options
     * @throws BadUsage on an unknown option, a missing value or a repeated option
     */
    public static ReportOptions parse(final List<String> args, final List<String> allowed) {
        final Map<String, String> values = new HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            final String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (allowed.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new BadUsage(arg + " needs a value");
                }
                if (values.put(arg, args.get(++i)) != null) {
                    throw new BadUsage(arg + " given twice");
                }
            } else {
                throw new BadUsage("unknown option '" + arg + "'");
            }
        }
        return new ReportOptions(values, help);
    }

    /** @return true when help was asked for */
    public boolean help() {
        return help;
    }

    /**
     * @param name the option
     * @return its value
     * @throws BadUsage when it is missing
     */
    public String required(final String name) {
        final String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new BadUsage(name + " is required");
        }
        return value;
    }

    /**
     * The settings: {@code --config FILE} when given, else {@code fallback}, else this process's environment.
     *
     * @param fallback settings to use without {@code --config}, or null
     * @return the settings
     */
    public Settings settings(final Settings fallback) {
        final String file = values.get("--config");
        return file != null ? Settings.fromFile(Path.of(file)) : fallback != null ? fallback : Settings.fromProcess();
    }
}
