package io.portcullis.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of one process, looked up by name with the precedence
 * defaults (in code) &lt; settings file &lt; Java system properties &lt; environment variables.
 *
 * <p>A setting named {@code db.url} is read from the file key {@code db.url}, the system property
 * {@code portcullis.db.url} and the environment variable {@code PORTCULLIS_DB_URL}. Every typed getter
 * validates the value and throws {@link SettingException} naming the setting and the bad value, so a bad
 * configuration stops start-up with a message an operator can act on.
 *
 * <p>Immutable and thread-safe. Used at start-up only, never on the order path.
 */
public final class Settings {
    private final Map<String, String> file;
    private final Map<String, String> system;
    private final Map<String, String> environment;

    private Settings(final Map<String, String> file, final Map<String, String> system,
                     final Map<String, String> environment) {
        this.file = Map.copyOf(file);
        this.system = Map.copyOf(system);
        this.environment = Map.copyOf(environment);
    }

    /** Settings from this process's system properties and environment, with no file. */
    public static Settings fromProcess() {
        return of(Map.of(), systemProperties(), System.getenv());
    }

    /**
     * Settings from a properties file, then this process's system properties and environment.
     *
     * @param path a {@code .properties} file; it must exist
     * @throws SettingException if the file cannot be read
     */
    public static Settings fromFile(final Path path) {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (final IOException ex) {
            throw new SettingException("config", path.toString(), "cannot read the settings file: " + ex.getMessage());
        }
        final Map<String, String> file = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> file.put(name, properties.getProperty(name)));
        return of(file, systemProperties(), System.getenv());
    }

    /** Settings from explicit layers (for tests and embedding). */
    public static Settings of(final Map<String, String> file, final Map<String, String> system,
                              final Map<String, String> environment) {
        return new Settings(file, system, environment);
    }

    /** The environment variable that overrides setting {@code name}: {@code db.url} -> {@code PORTCULLIS_DB_URL}. */
    public static String environmentName(final String name) {
        return "PORTCULLIS_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value of {@code name}, or {@code defaultValue} when no layer sets it. */
    public String string(final String name, final String defaultValue) {
        final String env = environment.get(environmentName(name));
        if (env != null) {
            return env;
        }
        final String sys = system.get("portcullis." + name);
        if (sys != null) {
            return sys;
        }
        return file.getOrDefault(name, defaultValue);
    }

    /** The value of {@code name}; throws if no layer sets it and it is not blank. */
    public String required(final String name) {
        final String value = string(name, null);
        if (value == null || value.isBlank()) {
            throw new SettingException(name, value, "is required: set it in the settings file or as "
                + environmentName(name));
        }
        return value;
    }

    /** An int setting within [min, max]. */
    public int integer(final String name, final int defaultValue, final int min, final int max) {
        final String value = string(name, null);
        if (value == null) {
            return defaultValue;
        }
        final int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (final NumberFormatException ex) {
            throw new SettingException(name, value, "must be a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new SettingException(name, value, "must be from " + min + " to " + max);
        }
        return parsed;
    }

    /** A boolean setting: true/false, yes/no, y/n, 1/0 (any case). */
    public boolean bool(final String name, final boolean defaultValue) {
        final String value = string(name, null);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new SettingException(name, value, "must be true or false");
        };
    }

    /** An enum setting, matched by constant name ignoring case. */
    public <E extends Enum<E>> E choice(final String name, final Class<E> type, final E defaultValue) {
        final String value = string(name, null);
        if (value == null) {
            return defaultValue;
        }
        for (final E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        final StringBuilder allowed = new StringBuilder();
        for (final E constant : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name());
        }
        throw new SettingException(name, value, "must be one of " + allowed);
    }

    private static Map<String, String> systemProperties() {
        final Map<String, String> map = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> map.put(name, System.getProperty(name)));
        return map;
    }
}
