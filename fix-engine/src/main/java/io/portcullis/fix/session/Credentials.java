package io.portcullis.fix.session;

import static io.portcullis.sql.schema.Tables.FIX_CREDENTIAL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.jooq.DSLContext;

/**
 * Creates and changes FIX logon credentials in {@code fix_credential}: the API behind
 * {@code ./portcullis sessions add ...} and the admin API. Passwords are hashed here
 * (PBKDF2-HMAC-SHA256, 600,000 iterations, random salt, PHC string) and never stored, logged or returned.
 *
 * <p>Thread-safe. Each call runs one or two MySQL statements and, for {@link #set}, one hash (hundreds of ms).
 */
public final class Credentials {
    /** Shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final DSLContext dsl;
    private final SessionAudit audit;
    private final Clock clock;

    /**
     * @param dsl   the book-of-record database ({@code Database.dsl()})
     * @param audit told of every change (never of the password)
     * @param clock for created/updated times (UTC)
     */
    public Credentials(final DSLContext dsl, final SessionAudit audit, final Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates the credential {@code username} bound to counterparty CompID {@code compId}, or replaces its password
     * and binding. Clears failures and any lockout. The caller should clear {@code password} afterwards.
     *
     * @throws IllegalArgumentException if a value is blank, too long, or the password is shorter than
     *                                  {@value #MIN_PASSWORD_LENGTH}
     */
    public void set(final String username, final String compId, final char[] password, final String operator) {
        requireText("username", username, 64);
        requireText("compId", compId, 64);
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        final String hash = PasswordHasher.hash(password);
        final LocalDateTime now = LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC));
        final boolean existed = dsl.fetchExists(FIX_CREDENTIAL, FIX_CREDENTIAL.USERNAME.eq(username));
        dsl.insertInto(FIX_CREDENTIAL)
            .set(FIX_CREDENTIAL.USERNAME, username)
            .set(FIX_CREDENTIAL.COMP_ID, compId)
            .set(FIX_CREDENTIAL.PASSWORD_HASH, hash)
            .set(FIX_CREDENTIAL.FAILED_ATTEMPTS, 0)
            .setNull(FIX_CREDENTIAL.LOCKED_UNTIL)
            .set(FIX_CREDENTIAL.CREATED_AT, now)
            .set(FIX_CREDENTIAL.UPDATED_AT, now)
            .onDuplicateKeyUpdate()
            .set(FIX_CREDENTIAL.COMP_ID, compId)
            .set(FIX_CREDENTIAL.PASSWORD_HASH, hash)
            .set(FIX_CREDENTIAL.FAILED_ATTEMPTS, 0)
            .setNull(FIX_CREDENTIAL.LOCKED_UNTIL)
            .set(FIX_CREDENTIAL.UPDATED_AT, now)
            .execute();
        audit.credentialAction(username, compId, existed ? "PASSWORD_CHANGED" : "CREATED", operator);
    }

    /** Same as {@link #set(String, String, char[], String)}, clearing the array afterwards. */
    public void setAndClear(final String username, final String compId, final char[] password,
                            final String operator) {
        try {
            set(username, compId, password, operator);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Clears failures and lockout; false when there is no such credential. */
    public boolean unlock(final String username, final String operator) {
        final boolean changed = dsl.update(FIX_CREDENTIAL)
            .set(FIX_CREDENTIAL.FAILED_ATTEMPTS, 0)
            .setNull(FIX_CREDENTIAL.LOCKED_UNTIL)
            .set(FIX_CREDENTIAL.UPDATED_AT, LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)))
            .where(FIX_CREDENTIAL.USERNAME.eq(username)).execute() > 0;
        if (changed) {
            audit.credentialAction(username, null, "UNLOCKED", operator);
        }
        return changed;
    }

    /** Deletes the credential; false when there was none. */
    public boolean remove(final String username, final String operator) {
        final boolean removed = dsl.deleteFrom(FIX_CREDENTIAL).where(FIX_CREDENTIAL.USERNAME.eq(username))
            .execute() > 0;
        if (removed) {
            audit.credentialAction(username, null, "REMOVED", operator);
        }
        return removed;
    }

    private static void requireText(final String name, final String value, final int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
    }
}
