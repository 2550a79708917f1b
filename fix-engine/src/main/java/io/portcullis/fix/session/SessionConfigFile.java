package io.portcullis.fix.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import quickfix.ConfigError;
import quickfix.SessionSettings;

/**
 * Reads a QuickFIX/J {@code .cfg} session file after replacing every {@code ${NAME}} with the environment variable
 * {@code NAME}, else the system property {@code NAME}. A variable that neither defines stops start-up with a message
 * naming it, the file and the line. Comment lines ({@code #}) are left alone.
 *
 * <p>Start-up only; thread-safe (no state).
 */
public final class SessionConfigFile {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");

    private SessionConfigFile() {
    }

    /** Loads {@code path} with this process's environment and system properties. */
    public static SessionSettings load(final Path path) throws ConfigError {
        return load(path, System.getenv(), System.getProperties());
    }

    /**
     * Loads {@code path}, substituting from {@code environment} first, then {@code systemProperties}.
     *
     * @throws ConfigError if the file cannot be read, a variable is unresolved (the message names it) or QuickFIX/J
     *                     rejects the result
     */
    public static SessionSettings load(final Path path, final Map<String, String> environment,
                                       final Properties systemProperties) throws ConfigError {
        final String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (final IOException ex) {
            throw new ConfigError("cannot read FIX session file " + path + ": " + ex.getMessage());
        }
        return parse(substitute(text, path.toString(), environment, systemProperties));
    }

    /** Substitutes {@code ${NAME}} in {@code text}; {@code source} names the text in error messages. */
    static String substitute(final String text, final String source, final Map<String, String> environment,
                             final Properties systemProperties) throws ConfigError {
        final StringBuilder out = new StringBuilder(text.length());
        final String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            final String line = lines[i];
            if (i > 0) {
                out.append('\n');
            }
            if (line.stripLeading().startsWith("#")) {
                out.append(line);
                continue;
            }
            final Matcher matcher = VARIABLE.matcher(line);
            int last = 0;
            while (matcher.find()) {
                final String name = matcher.group(1);
                String value = environment.get(name);
                if (value == null) {
                    value = systemProperties.getProperty(name);
                }
                if (value == null) {
                    throw new ConfigError("FIX session file " + source + " line " + (i + 1) + ": variable ${" + name
                        + "} is not set (set the environment variable " + name + " or the system property -D"
                        + name + ")");
                }
                out.append(line, last, matcher.start()).append(value);
                last = matcher.end();
            }
            out.append(line, last, line.length());
        }
        return out.toString();
    }

    private static SessionSettings parse(final String text) throws ConfigError {
        // An empty variable source: everything was substituted above, so QuickFIX/J must not interpolate again.
        return new SessionSettings(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new Properties());
    }
}
