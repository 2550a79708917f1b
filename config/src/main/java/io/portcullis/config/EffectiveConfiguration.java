package io.portcullis.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The effective configuration of a component as printed at start-up: setting names and values in the
 * order they were added, with secrets masked. Not thread-safe; build it on the start-up thread.
 */
public final class EffectiveConfiguration {
    private final String component;
    private final Map<String, String> values = new LinkedHashMap<>();

    /** @param component the component's name, printed as the heading, e.g. {@code database} */
    public EffectiveConfiguration(final String component) {
        this.component = component;
    }

    /** Adds a setting; a name containing password, secret or token has its value masked. */
    public EffectiveConfiguration add(final String name, final Object value) {
        final String lower = name.toLowerCase(Locale.ROOT);
        final boolean secret = lower.contains("password") || lower.contains("secret") || lower.contains("token");
        values.put(name, value == null ? "(unset)" : secret ? "********" : String.valueOf(value));
        return this;
    }

    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder(component).append(':');
        values.forEach((name, value) -> text.append("\n  ").append(name).append(" = ").append(value));
        return text.toString();
    }
}
