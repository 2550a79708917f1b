package io.portcullis.fix.session;

import static io.portcullis.sql.schema.Tables.FIX_CREDENTIAL;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.portcullis.fix.session.SessionAudit.LogonRefusal;
import io.portcullis.sql.schema.tables.records.FixCredentialRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import quickfix.SessionID;

/**
 * Decides whether a Logon may proceed: source-address throttle, session enabled, source-address allowlist, then
 * Username(553)/Password(554) against {@code fix_credential} (hash, binding to the counterparty CompID, lockout).
 * Every refusal is audited and counted against the source address; failures on a known credential also count
 * toward its lockout, and a success clears them.
 *
 * <p>Called on QuickFIX/J session threads from {@code fromAdmin}. Blocks for a few MySQL statements and one password
 * derivation (hundreds of ms): acceptable at logon, never on the order path. Thread-safe. Never logs or stores the
 * password.
 */
final class LogonAuthenticator {
    /** The Text(58) of the Logout a refused counterparty gets: deliberately the same for every credential problem. */
    static final String REFUSED_TEXT = "Logon refused";

    private final DSLContext dsl;
    private final SessionAudit audit;
    private final Clock clock;
    private final GatewayOptions options;
    private final AddressFailureThrottle addressThrottle;

    LogonAuthenticator(final DSLContext dsl, final SessionAudit audit, final Clock clock,
                       final GatewayOptions options) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.options = options;
        this.addressThrottle = new AddressFailureThrottle(options.addressFailureLimit(),
            options.addressFailureWindow().toMillis());
    }

    /**
     * Checks one Logon.
     *
     * @param entry     the session's current entry (null: the session is unknown or gone)
     * @param address   the source IP (literal), or null if unknown
     * @param username  Username(553), or null
     * @param password  Password(554), or null; not kept
     * @return null when the logon may proceed, else the text for the Logout
     */
    String check(final SessionID sessionId, final SessionEntry entry, final String address, final String username,
                 final String password) {
        final long now = clock.millis();
        if (addressThrottle.blocked(address, now)) {
            return refuse(sessionId, address, username, LogonRefusal.ADDRESS_THROTTLED,
                "more than " + options.addressFailureLimit() + " failed logons in "
                    + options.addressFailureWindow().toMinutes() + " min", false);
        }
        if (entry == null || !entry.enabled()) {
            return refuse(sessionId, address, username, LogonRefusal.SESSION_DISABLED, null, true);
        }
        if (!entry.allowlist().allows(address)) {
            return refuse(sessionId, address, username, LogonRefusal.ADDRESS_NOT_ALLOWED,
                "allowed: " + entry.allowlist(), true);
        }
        if (!entry.requireCredentials()) {
            audit.logonAccepted(sessionId, address, username);
            return null;
        }
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            return refuse(sessionId, address, username, LogonRefusal.MISSING_CREDENTIALS, null, true);
        }
        final FixCredentialRecord credential = dsl.selectFrom(FIX_CREDENTIAL)
            .where(FIX_CREDENTIAL.USERNAME.eq(username)).fetchOne();
        if (credential == null) {
            PasswordHasher.verify(password.toCharArray(), PasswordHasher.dummy());
            return refuse(sessionId, address, username, LogonRefusal.UNKNOWN_USER, null, true);
        }
        final LocalDateTime nowUtc = LocalDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        if (credential.getLockedUntil() != null && credential.getLockedUntil().isAfter(nowUtc)) {
            return refuse(sessionId, address, username, LogonRefusal.LOCKED_OUT,
                "locked until " + credential.getLockedUntil() + "Z", true);
        }
        final boolean passwordMatches = PasswordHasher.verify(password.toCharArray(), credential.getPasswordHash());
        if (!credential.getCompId().equals(sessionId.getTargetCompID())) {
            final String lock = recordCredentialFailure(username, nowUtc);
            return refuse(sessionId, address, username, LogonRefusal.WRONG_COMP_ID,
                "credential is bound to " + credential.getCompId() + lock, true);
        }
        if (!passwordMatches) {
            final String lock = recordCredentialFailure(username, nowUtc);
            return refuse(sessionId, address, username, LogonRefusal.BAD_PASSWORD, lock.isEmpty() ? null
                : lock.substring(2), true);
        }
        dsl.update(FIX_CREDENTIAL)
            .set(FIX_CREDENTIAL.FAILED_ATTEMPTS, 0)
            .setNull(FIX_CREDENTIAL.LOCKED_UNTIL)
            .where(FIX_CREDENTIAL.USERNAME.eq(username))
            .and(FIX_CREDENTIAL.FAILED_ATTEMPTS.ne(0).or(FIX_CREDENTIAL.LOCKED_UNTIL.isNotNull()))
            .execute();
        audit.logonAccepted(sessionId, address, username);
        return null;
    }

    /** Counts a failure; locks the credential at the limit. Returns "; locked until ..." when it locked it. */
    private String recordCredentialFailure(final String username, final LocalDateTime nowUtc) {
        return dsl.transactionResult(configuration -> {
            final DSLContext tx = DSL.using(configuration);
            final FixCredentialRecord row = tx.selectFrom(FIX_CREDENTIAL)
                .where(FIX_CREDENTIAL.USERNAME.eq(username)).forUpdate().fetchOne();
            if (row == null) {
                return "";
            }
            final int failures = row.getFailedAttempts() + 1;
            if (failures >= options.lockoutFailures()) {
                final LocalDateTime until = nowUtc.plus(options.lockoutDuration());
                tx.update(FIX_CREDENTIAL).set(FIX_CREDENTIAL.FAILED_ATTEMPTS, 0)
                    .set(FIX_CREDENTIAL.LOCKED_UNTIL, until)
                    .where(FIX_CREDENTIAL.USERNAME.eq(username)).execute();
                return "; " + failures + " failures: locked until " + until + "Z";
            }
            tx.update(FIX_CREDENTIAL).set(FIX_CREDENTIAL.FAILED_ATTEMPTS, failures)
                .where(FIX_CREDENTIAL.USERNAME.eq(username)).execute();
            return "";
        });
    }

    private String refuse(final SessionID sessionId, final String address, final String username,
                          final LogonRefusal reason, final String detail, final boolean countAgainstAddress) {
        if (countAgainstAddress) {
            addressThrottle.recordFailure(address, clock.millis());
        }
        audit.logonRefused(sessionId, address, username, reason, detail);
        return REFUSED_TEXT;
    }
}
