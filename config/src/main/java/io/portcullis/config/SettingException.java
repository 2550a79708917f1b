package io.portcullis.config;

import java.io.Serial;

/**
 * A setting with a missing or bad value. The message names the setting, the value and what is allowed,
 * e.g. {@code setting db.pool-size: must be from 1 to 200, was '0'}.
 */
public final class SettingException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * @param setting the setting's name, e.g. {@code db.url}
     * @param value   the bad value, or null when it is missing
     * @param problem what is wrong, phrased to follow the setting's name
     */
    public SettingException(final String setting, final String value, final String problem) {
        super("setting " + setting + ": " + problem + (value == null ? "" : ", was '" + value + "'"));
        this.setting = setting;
    }

    /** The name of the setting at fault. */
    public String setting() {
        return setting;
    }
}
