package io.portcullis.fix.session;

import quickfix.SessionID;

/**
 * What the session layer holds for one acceptor session: its profile and its access rules. Immutable.
 *
 * @param sessionId           the QuickFIX/J session
 * @param profile             handed to {@link SessionEvents}
 * @param allowlist           source addresses allowed to log on
 * @param requireCredentials  whether Logon must carry a valid Username(553)/Password(554)
 * @param enabled             false: logons are refused
 * @param source              where the session is defined
 */
record SessionEntry(SessionID sessionId, SessionProfile profile, AddressAllowlist allowlist,
                    boolean requireCredentials, boolean enabled, Source source) {
    /** Where a session is defined. */
    enum Source {
        /** A section of the {@code .cfg} file. */
        CONFIG_FILE,
        /** A row of {@code fix_session}. */
        DATABASE
    }

    SessionEntry withEnabled(final boolean enabled) {
        return new SessionEntry(sessionId, profile, allowlist, requireCredentials, enabled, source);
    }
}
