package io.portcullis.fix.session;

import java.util.Locale;

import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * Portcullis' own keys in a QuickFIX/J {@code .cfg} file (QuickFIX/J ignores keys it does not know), and how a
 * session's {@link SessionEntry} is read from them.
 *
 * <p>Per session (or in {@code [DEFAULT]}):
 * <ul>
 *   <li>{@code PortcullisFirm} (required for every acceptor session that is not a template): the broker firm id</li>
 *   <li>{@code PortcullisRole}: {@code ORDER_ENTRY} (default) or {@code DROP_COPY}</li>
 *   <li>{@code PortcullisDefaultAccount}: account for orders without Account(1); default none</li>
 *   <li>{@code PortcullisCancelOnDisconnect}: Y/N, default N</li>
 *   <li>{@code PortcullisMaxMessagesPerSecond}: inbound application message rate, 0 (default) = no limit</li>
 *   <li>{@code PortcullisAllowedAddresses}: comma-separated IPs/CIDR blocks allowed to log on; default any</li>
 *   <li>{@code PortcullisRequireCredentials}: Y (default) = Logon must carry a valid Username/Password</li>
 * </ul>
 * Process-wide keys (in {@code [DEFAULT]}) are read by {@link GatewayOptions}.
 */
final class SessionKeys {
    static final String FIRM = "PortcullisFirm";
    static final String ROLE = "PortcullisRole";
    static final String DEFAULT_ACCOUNT = "PortcullisDefaultAccount";
    static final String CANCEL_ON_DISCONNECT = "PortcullisCancelOnDisconnect";
    static final String MAX_MESSAGES_PER_SECOND = "PortcullisMaxMessagesPerSecond";
    static final String ALLOWED_ADDRESSES = "PortcullisAllowedAddresses";
    static final String REQUIRE_CREDENTIALS = "PortcullisRequireCredentials";

    private SessionKeys() {
    }

    /** The entry of a {@code .cfg} session section; throws naming the session and key when a value is bad. */
    static SessionEntry fromSettings(final SessionSettings settings, final SessionID id) throws ConfigError {
        final String firm = string(settings, id, FIRM, null);
        if (firm == null || firm.isBlank()) {
            throw new ConfigError("session " + id + ": " + FIRM + " is required (the broker firm that owns it)");
        }
        final SessionProfile.Role role = role(string(settings, id, ROLE, "ORDER_ENTRY"), id.toString());
        final String account = blankToNull(string(settings, id, DEFAULT_ACCOUNT, null));
        final boolean cancel = bool(settings, id, CANCEL_ON_DISCONNECT, false);
        final int rate = rate(string(settings, id, MAX_MESSAGES_PER_SECOND, "0"), id.toString());
        final AddressAllowlist allowlist;
        try {
            allowlist = AddressAllowlist.parse(string(settings, id, ALLOWED_ADDRESSES, null));
        } catch (final IllegalArgumentException ex) {
            throw new ConfigError("session " + id + ": " + ALLOWED_ADDRESSES + ": " + ex.getMessage());
        }
        final boolean credentials = bool(settings, id, REQUIRE_CREDENTIALS, true);
        return new SessionEntry(id, new SessionProfile(id.toString(), firm.trim(), role, account, cancel, rate),
            allowlist, credentials, true, SessionEntry.Source.CONFIG_FILE);
    }

    static SessionProfile.Role role(final String value, final String where) throws ConfigError {
        try {
            return SessionProfile.Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException ex) {
            throw new ConfigError(where + ": " + ROLE + "=" + value + " must be ORDER_ENTRY or DROP_COPY");
        }
    }

    static int rate(final String value, final String where) throws ConfigError {
        try {
            final int rate = Integer.parseInt(value.trim());
            if (rate < 0 || rate > 1_000_000) {
                throw new NumberFormatException();
            }
            return rate;
        } catch (final NumberFormatException ex) {
            throw new ConfigError(where + ": " + MAX_MESSAGES_PER_SECOND + "=" + value
                + " must be a whole number from 0 (no limit) to 1000000");
        }
    }

    static String blankToNull(final String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String string(final SessionSettings settings, final SessionID id, final String key,
                                 final String defaultValue) throws ConfigError {
        return settings.isSetting(id, key) ? settings.getString(id, key) : defaultValue;
    }

    private static boolean bool(final SessionSettings settings, final SessionID id, final String key,
                                final boolean defaultValue) throws ConfigError {
        if (!settings.isSetting(id, key)) {
            return defaultValue;
        }
        try {
            return settings.getBool(id, key);
        } catch (final FieldConvertError ex) {
            throw new ConfigError("session " + id + ": " + key + " must be Y or N");
        }
    }
}
