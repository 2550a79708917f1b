package io.portcullis.fix.dictionary;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.FixVersions;
import quickfix.Session;

/**
 * One of Portcullis' FIX dictionaries: where it lives on the class path, and how to load it.
 *
 * <p>A FIX 4.2 or FIX 4.4 session uses one dictionary for everything ({@code DataDictionary=}).
 * A FIXT 1.1 session uses {@link #FIXT11} for the session layer ({@code TransportDataDictionary=})
 * and {@link #FIX50SP2} for application messages ({@code AppDataDictionary=}).
 * {@link #sessionSettings(String)} returns exactly those settings for a begin string, and
 * {@link #resourceName()} the value to write after the {@code =} in a {@code .cfg} file: QuickFIX/J
 * resolves it on the class path when this module's jar is on it.
 *
 * <p>All methods are thread-safe. {@link #load()} parses the XML on its first call for a constant
 * (tens of milliseconds) and copies the parsed dictionary on every call: call it at start-up, not
 * per message.
 */
public enum FixDictionary {

    /** FIX 4.2: session and application messages; no mass cancel or mass status messages. */
    FIX42(FixVersions.BEGINSTRING_FIX42, "FIX42.xml"),

    /** FIX 4.4: session and application messages. */
    FIX44(FixVersions.BEGINSTRING_FIX44, "FIX44.xml"),

    /** FIXT 1.1: the session layer (header, trailer, admin messages) under FIX 5.0SP2. */
    FIXT11(FixVersions.BEGINSTRING_FIXT11, "FIXT11.xml"),

    /** FIX 5.0SP2: application messages only, carried by a FIXT 1.1 session. */
    FIX50SP2(FixVersions.FIX50SP2, "FIX50SP2.xml");

    /** The class path folder holding every dictionary, without leading or trailing slash. */
    public static final String RESOURCE_DIRECTORY = "io/portcullis/fix/dictionary";

    private final String version;
    private final String resourceName;
    private DataDictionary parsed;

    FixDictionary(final String version, final String fileName) {
        this.version = version;
        this.resourceName = RESOURCE_DIRECTORY + "/" + fileName;
    }

    /**
     * The FIX version this dictionary describes, spelled as QuickFIX/J's {@link FixVersions}
     * does: a begin string ({@code "FIX.4.4"}, {@code "FIXT.1.1"}) or, for {@link #FIX50SP2},
     * the application version name {@code "FIX.5.0SP2"} (ApplVerID 9).
     *
     * @return never null
     */
    public String version() {
        return version;
    }

    /**
     * The class path resource name of the XML, e.g. {@code io/portcullis/fix/dictionary/FIX44.xml}:
     * the value for {@code DataDictionary=}, {@code TransportDataDictionary=} or
     * {@code AppDataDictionary=} in a QuickFIX/J session file.
     *
     * @return never null; no leading slash
     */
    public String resourceName() {
        return resourceName;
    }

    /**
     * Loads this dictionary from the class path.
     *
     * <p>Returns a new copy on every call, so the caller may change its settings (QuickFIX/J's
     * {@code DataDictionary} is mutable) without affecting other callers.
     *
     * @return a new dictionary, never null
     * @throws IllegalStateException if the resource is missing or does not parse: a packaging
     *         defect of this module, not a condition a caller can handle
     */
    public synchronized DataDictionary load() {
        if (parsed == null) {
            parsed = parse();
        }
        return new DataDictionary(parsed);
    }

    private DataDictionary parse() {
        try (InputStream xml = FixDictionary.class.getClassLoader().getResourceAsStream(resourceName)) {
            if (xml == null) {
                throw new IllegalStateException("FIX dictionary " + resourceName + " is not on the class path");
            }
            return new DataDictionary(xml);
        } catch (final ConfigError | IOException e) {
            throw new IllegalStateException("FIX dictionary " + resourceName + " does not load: " + e.getMessage(), e);
        }
    }

    /**
     * The dictionary for a FIX version.
     *
     * @param version a begin string ({@code "FIX.4.2"}, {@code "FIX.4.4"}, {@code "FIXT.1.1"}) or
     *        {@code "FIX.5.0SP2"}; not null
     * @return the dictionary, or empty if Portcullis has none for that version
     */
    public static Optional<FixDictionary> forVersion(final String version) {
        return Arrays.stream(values()).filter(d -> d.version.equals(version)).findFirst();
    }

    /**
     * The QuickFIX/J session settings that make a session with this begin string validate
     * against our dictionaries, in the order to write them in a {@code .cfg} file.
     *
     * <ul>
     *   <li>{@code FIX.4.2}, {@code FIX.4.4}: {@code UseDataDictionary=Y} and
     *       {@code DataDictionary=<resource>};</li>
     *   <li>{@code FIXT.1.1}: {@code UseDataDictionary=Y}, {@code TransportDataDictionary=} the
     *       FIXT 1.1 resource, {@code AppDataDictionary=} the FIX 5.0SP2 resource and
     *       {@code DefaultApplVerID=FIX.5.0SP2}.</li>
     * </ul>
     *
     * @param beginString the session's BeginString(8); not null
     * @return an unmodifiable, ordered map of setting name to value
     * @throws IllegalArgumentException if Portcullis has no dictionary for that begin string
     */
    public static Map<String, String> sessionSettings(final String beginString) {
        final Map<String, String> settings = new LinkedHashMap<>();
        settings.put(Session.SETTING_USE_DATA_DICTIONARY, "Y");
        switch (beginString) {
            case FixVersions.BEGINSTRING_FIX42 -> settings.put(Session.SETTING_DATA_DICTIONARY, FIX42.resourceName);
            case FixVersions.BEGINSTRING_FIX44 -> settings.put(Session.SETTING_DATA_DICTIONARY, FIX44.resourceName);
            case FixVersions.BEGINSTRING_FIXT11 -> {
                settings.put(Session.SETTING_TRANSPORT_DATA_DICTIONARY, FIXT11.resourceName);
                settings.put(Session.SETTING_APP_DATA_DICTIONARY, FIX50SP2.resourceName);
                settings.put(Session.SETTING_DEFAULT_APPL_VER_ID, FixVersions.FIX50SP2);
            }
            default -> throw new IllegalArgumentException(
                    "No Portcullis FIX dictionary for BeginString '" + beginString
                            + "'; supported: FIX.4.2, FIX.4.4, FIXT.1.1");
        }
        return Collections.unmodifiableMap(settings);
    }
}
