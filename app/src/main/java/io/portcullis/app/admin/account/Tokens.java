package io.portcullis.app.admin.account;

import static io.portcullis.sql.schema.Tables.API_TOKENS;
import static io.portcullis.sql.schema.Tables.USERS;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record3;

/**
 * Bearer tokens of the admin API in {@code api_tokens}: 256 random bits, given to the client once as
 * {@code pct_<43 characters of URL-safe Base64>} and stored only as the hex SHA-256 of that string (a token is
 * high-entropy, so a fast hash is enough). A token is valid until it expires or is revoked, and only while its user
 * is enabled.
 *
 * <p>Thread-safe; each method runs one to three MySQL statements and no password derivation.
 */
public final class Tokens {
    private static final String PREFIX = "pct_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;
    private final InstantSource clock;

    /**
     * @param dsl   the book-of-record database
     * @param clock for issue, expiry and revocation times (stored as UTC)
     */
    public Tokens(final DSLContext dsl, final InstantSource clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * A token handed to a client: shown once, never stored.
     *
     * @param token     the bearer token
     * @param expiresAt when it stops working
     */
    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[token=****, expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * Issues a token for {@code username} valid for {@code ttl}.
     *
     * @param ttl positive
     */
    public Issued issue(final String username, final Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token lifetime must be positive, not " + ttl);
        }
        final byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        final String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        final Instant now = clock.instant();
        final Instant expiresAt = now.plus(ttl);
        dsl.insertInto(API_TOKENS).set(API_TOKENS.TOKEN_HASH, hash(token)).set(API_TOKENS.USERNAME, username)
            .set(API_TOKENS.CREATED_AT, Accounts.utc(now)).set(API_TOKENS.EXPIRES_AT, Accounts.utc(expiresAt))
            .execute();
        return new Issued(token, expiresAt);
    }

    /**
     * The caller a presented token stands for: empty when the token is unknown, expired, revoked or its user is
     * disabled. The roles are read now.
     */
    public Optional<Principal> authenticate(final String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        final String hash = hash(token);
        final LocalDateTime now = Accounts.utc(clock.instant());
        final Record3<String, Boolean, String> row = dsl.select(USERS.USERNAME, USERS.ENABLED, USERS.FIRM_ID)
            .from(API_TOKENS)
            .join(USERS).on(USERS.USERNAME.eq(API_TOKENS.USERNAME))
            .where(API_TOKENS.TOKEN_HASH.eq(hash)).and(API_TOKENS.REVOKED_AT.isNull())
            .and(API_TOKENS.EXPIRES_AT.gt(now)).fetchOne();
        if (row == null || !row.value2()) {
            return Optional.empty();
        }
        return Optional.of(new Principal(row.value1(), java.util.Collections.unmodifiableSet(
            Accounts.rolesOf(dsl, row.value1())), hash, row.value3()));
    }

    /** Revokes one token by its hash; false when it was unknown or already revoked. */
    public boolean revoke(final String tokenHash) {
        return dsl.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, Accounts.utc(clock.instant()))
            .where(API_TOKENS.TOKEN_HASH.eq(tokenHash)).and(API_TOKENS.REVOKED_AT.isNull()).execute() > 0;
    }

    /** Revokes every live token of {@code username}; returns how many. */
    public int revokeAll(final String username) {
        final LocalDateTime now = Accounts.utc(clock.instant());
        return dsl.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, now)
            .where(API_TOKENS.USERNAME.eq(username)).and(API_TOKENS.REVOKED_AT.isNull())
            .and(API_TOKENS.EXPIRES_AT.gt(now)).execute();
    }

    /** Hex SHA-256 of a token as presented. */
    public static String hash(final String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", ex);
        }
    }
}
