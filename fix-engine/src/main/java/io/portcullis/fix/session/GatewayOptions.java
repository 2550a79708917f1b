package io.portcullis.fix.session;

import java.time.Duration;

import quickfix.ConfigError;
import quickfix.SessionSettings;

/**
 * The session layer's process-wide settings, read from the {@code [DEFAULT]} section of the {@code .cfg} file. Every
 * setting has a default and is validated at start-up; a bad value stops start-up naming the key and the value.
 *
 * @param logonTimeout          {@code PortcullisLogonTimeoutSeconds} (1..300, default 10): a connection that has not
 *                              logged on by then is closed
 * @param maxPreLogonBytes      {@code PortcullisMaxPreLogonBytes} (1024..16777216, default 65536): bytes a connection
 *                              may send before it has logged on
 * @param lockoutFailures       {@code PortcullisLockoutFailures} (1..1000, default 5): failed logons in a row that
 *                              lock a credential
 * @param lockoutDuration       {@code PortcullisLockoutMinutes} (1..10080, default 15): how long it stays locked
 * @param addressFailureLimit   {@code PortcullisAddressFailureLimit} (1..100000, default 20): failed logons from one
 *                              source address within the window after which its logons are refused
 * @param addressFailureWindow  {@code PortcullisAddressFailureWindowMinutes} (1..1440, default 15)
 * @param refreshInterval       {@code PortcullisSessionRefreshSeconds} (0..86400, default 30): how often sessions
 *                              held in MySQL are re-read (new ones are also found when they first log on); 0 = never
 */
public record GatewayOptions(Duration logonTimeout, int maxPreLogonBytes, int lockoutFailures,
                             Duration lockoutDuration, int addressFailureLimit, Duration addressFailureWindow,
                             Duration refreshInterval) {
    /** The defaults. */
    public static GatewayOptions defaults() {
        return new GatewayOptions(Duration.ofSeconds(10), 64 * 1024, 5, Duration.ofMinutes(15), 20,
            Duration.ofMinutes(15), Duration.ofSeconds(30));
    }

    /** Reads the options from the {@code [DEFAULT]} section. */
    public static GatewayOptions from(final SessionSettings settings) throws ConfigError {
        final GatewayOptions d = defaults();
        return new GatewayOptions(
            Duration.ofSeconds(integer(settings, "PortcullisLogonTimeoutSeconds", d.logonTimeout.toSeconds(), 1, 300)),
            (int) integer(settings, "PortcullisMaxPreLogonBytes", d.maxPreLogonBytes, 1024, 16 * 1024 * 1024),
            (int) integer(settings, "PortcullisLockoutFailures", d.lockoutFailures, 1, 1000),
            Duration.ofMinutes(integer(settings, "PortcullisLockoutMinutes", d.lockoutDuration.toMinutes(), 1, 10080)),
            (int) integer(settings, "PortcullisAddressFailureLimit", d.addressFailureLimit, 1, 100_000),
            Duration.ofMinutes(integer(settings, "PortcullisAddressFailureWindowMinutes",
                d.addressFailureWindow.toMinutes(), 1, 1440)),
            Duration.ofSeconds(integer(settings, "PortcullisSessionRefreshSeconds", d.refreshInterval.toSeconds(),
                0, 86400)));
    }

    private static long integer(final SessionSettings settings, final String key, final long defaultValue,
                                final long min, final long max) throws ConfigError {
        if (!settings.isSetting(key)) {
            return defaultValue;
        }
        final String value = settings.getString(key);
        try {
            final long parsed = Long.parseLong(value.trim());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (final NumberFormatException ex) {
            throw new ConfigError(key + "=" + value + " must be a whole number from " + min + " to " + max);
        }
    }
}
