package io.portcullis.app.admin.account;

import static io.portcullis.sql.schema.Tables.BROKER_FIRM;
import static io.portcullis.sql.schema.Tables.USERS;
import static io.portcullis.sql.schema.Tables.USER_ROLES;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.portcullis.app.admin.Role;
import io.portcullis.fix.session.PasswordHasher;
import io.portcullis.sql.schema.tables.records.UsersRecord;
import org.jooq.DSLContext;

/**
 * The users of the admin API and their roles, in {@code users} and {@code user_roles}: create, list, change roles,
 * enable and disable, and check a password at login (with a lockout after repeated failures).
 *
 * <p>Thread-safe. Every method runs a few MySQL statements; {@link #create} and {@link #login} also cost one password
 * derivation (hundreds of milliseconds). Passwords are only ever held as {@code char[]}, hashed, never stored.
 */
public final class Accounts {
    /** Shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** Longest password accepted (bounds the cost of a hash). */
    public static final int MAX_PASSWORD_LENGTH = 128;
    /** Consecutive failed logins after which a user is locked for {@link #LOCKOUT}. */
    public static final int MAX_FAILED_LOGINS = 5;
    /** How long a lockout lasts. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;
    private final InstantSource clock;

    /**
     * @param dsl   the book-of-record database
     * @param clock for created, updated and lockout times (stored as UTC)
     */
    public Accounts(final DSLContext dsl, final InstantSource clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The outcome of a login attempt. */
    public enum LoginOutcome {
        /** Password right, user enabled and not locked. */
        OK,
        /** No such user, or the wrong password (callers must not tell these apart to the client). */
        BAD_CREDENTIALS,
        /** The user is disabled. */
        DISABLED,
        /** Too many failures recently. */
        LOCKED
    }

    /**
     * Creates a user. The caller clears {@code password} afterwards.
     *
     * @throws InvalidInput naming {@code username}, {@code roles} or {@code password} when one is not acceptable
     * @throws Conflict     when the user exists
     */
    public UserAccount create(final String username, final Collection<Role> roles, final char[] password,
                              final String createdBy) {
        return create(username, roles, null, password, createdBy);
    }

    /**
     * Creates a user of a broker firm ({@code firm} null: the broker-dealer's own staff). The caller clears
     * {@code password} afterwards.
     *
     * @throws InvalidInput naming {@code username}, {@code roles}, {@code firm} or {@code password} when one is not
     *                      acceptable
     * @throws Conflict     when the user exists
     */
    public UserAccount create(final String username, final Collection<Role> roles, final String firm,
                              final char[] password, final String createdBy) {
        requireUsername(username);
        requireRoles(roles);
        requireFirm(firm);
        requirePassword(password);
        final String hash = PasswordHasher.hash(password);
        final LocalDateTime now = utc(clock.instant());
        dsl.transaction(tx -> {
            final DSLContext db = tx.dsl();
            if (db.fetchExists(USERS, USERS.USERNAME.eq(username))) {
                throw new Conflict("user '" + username + "' exists");
            }
            db.insertInto(USERS).set(USERS.USERNAME, username).set(USERS.PASSWORD_HASH, hash)
                .set(USERS.ENABLED, true).set(USERS.FAILED_ATTEMPTS, 0).set(USERS.CREATED_AT, now)
                .set(USERS.CREATED_BY, createdBy).set(USERS.UPDATED_AT, now).set(USERS.FIRM_ID, firm).execute();
            insertRoles(db, username, roles);
        });
        return find(username).orElseThrow();
    }

    /** The user, if there is one. */
    public Optional<UserAccount> find(final String username) {
        final UsersRecord user = dsl.selectFrom(USERS).where(USERS.USERNAME.eq(username)).fetchOne();
        if (user == null) {
            return Optional.empty();
        }
        return Optional.of(account(user, rolesOf(dsl, username)));
    }

    /** Every user, by username. */
    public List<UserAccount> list() {
        final Map<String, Set<Role>> roles = new LinkedHashMap<>();
        dsl.selectFrom(USER_ROLES).fetch().forEach(row ->
            roles.computeIfAbsent(row.getUsername(), u -> EnumSet.noneOf(Role.class)).add(Role.valueOf(row.getRole())));
        final List<UserAccount> out = new ArrayList<>();
        for (final UsersRecord user : dsl.selectFrom(USERS).orderBy(USERS.USERNAME).fetch()) {
            out.add(account(user, roles.getOrDefault(user.getUsername(), EnumSet.noneOf(Role.class))));
        }
        return out;
    }

    /**
     * Replaces the user's roles.
     *
     * @throws InvalidInput           naming {@code roles} when empty
     * @throws NoSuchElementException when there is no such user
     * @throws Conflict               when it would leave no enabled user with ADMIN
     */
    public UserAccount setRoles(final String username, final Collection<Role> roles) {
        requireRoles(roles);
        dsl.transaction(tx -> {
            final DSLContext db = tx.dsl();
            lockUser(db, username);
            if (!roles.contains(Role.ADMIN)) {
                requireAnotherAdmin(db, username);
            }
            db.deleteFrom(USER_ROLES).where(USER_ROLES.USERNAME.eq(username)).execute();
            insertRoles(db, username, roles);
            db.update(USERS).set(USERS.UPDATED_AT, utc(clock.instant())).where(USERS.USERNAME.eq(username)).execute();
        });
        return find(username).orElseThrow();
    }

    /**
     * Sets the user's broker firm (null: none, the broker-dealer's own staff). Applies to the user's next request and
     * console token check.
     *
     * @throws InvalidInput           naming {@code firm} when there is no such broker firm
     * @throws NoSuchElementException when there is no such user
     */
    public UserAccount setFirm(final String username, final String firm) {
        requireFirm(firm);
        final LocalDateTime now = utc(clock.instant());
        if (dsl.update(USERS).set(USERS.FIRM_ID, firm).set(USERS.UPDATED_AT, now)
            .where(USERS.USERNAME.eq(username)).execute() == 0) {
            throw new NoSuchElementException("no user '" + username + "'");
        }
        return find(username).orElseThrow();
    }

    /**
     * Enables or disables the user (a disabled user cannot log in, and its tokens stop working at once).
     *
     * @throws NoSuchElementException when there is no such user
     * @throws Conflict               when disabling would leave no enabled user with ADMIN
     */
    public UserAccount setEnabled(final String username, final boolean enabled) {
        dsl.transaction(tx -> {
            final DSLContext db = tx.dsl();
            lockUser(db, username);
            if (!enabled) {
                requireAnotherAdmin(db, username);
            }
            db.update(USERS).set(USERS.ENABLED, enabled).set(USERS.FAILED_ATTEMPTS, 0).setNull(USERS.LOCKED_UNTIL)
                .set(USERS.UPDATED_AT, utc(clock.instant())).where(USERS.USERNAME.eq(username)).execute();
        });
        return find(username).orElseThrow();
    }

    /**
     * Checks a login. A wrong password counts a failure; {@value #MAX_FAILED_LOGINS} in a row lock the user for
     * {@link #LOCKOUT}. An unknown user costs the same derivation as a known one.
     */
    public LoginOutcome login(final String username, final char[] password) {
        final UsersRecord user = username == null ? null
            : dsl.selectFrom(USERS).where(USERS.USERNAME.eq(username)).fetchOne();
        final boolean matches = PasswordHasher.verify(password, user == null ? null : user.getPasswordHash());
        if (user == null) {
            return LoginOutcome.BAD_CREDENTIALS;
        }
        final Instant now = clock.instant();
        if (user.getLockedUntil() != null && user.getLockedUntil().toInstant(ZoneOffset.UTC).isAfter(now)) {
            return LoginOutcome.LOCKED;
        }
        if (!matches) {
            final int failures = user.getFailedAttempts() + 1;
            dsl.update(USERS).set(USERS.FAILED_ATTEMPTS, failures)
                .set(USERS.LOCKED_UNTIL, failures >= MAX_FAILED_LOGINS ? utc(now.plus(LOCKOUT)) : null)
                .where(USERS.USERNAME.eq(username)).execute();
            return LoginOutcome.BAD_CREDENTIALS;
        }
        if (!user.getEnabled()) {
            return LoginOutcome.DISABLED;
        }
        if (user.getFailedAttempts() != 0 || user.getLockedUntil() != null) {
            dsl.update(USERS).set(USERS.FAILED_ATTEMPTS, 0).setNull(USERS.LOCKED_UNTIL)
                .where(USERS.USERNAME.eq(username)).execute();
        }
        return LoginOutcome.OK;
    }

    /** A new random password of 24 characters (144 bits, URL-safe Base64); shown once to whoever asked. */
    public static char[] generatePassword() {
        final byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    /** @throws InvalidInput naming {@code username} unless it is 1 to 64 of {@code A-Z a-z 0-9 . _ -} */
    public static void requireUsername(final String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInput("username", "must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
        }
    }

    /**
     * A broker firm that exists, or null.
     *
     * @throws InvalidInput naming {@code firm}, with the known firms, when there is no such firm
     */
    private void requireFirm(final String firm) {
        if (firm != null && !dsl.fetchExists(BROKER_FIRM, BROKER_FIRM.FIRM_ID.eq(firm))) {
            throw new InvalidInput("firm", "no broker firm '" + firm + "'; one of "
                + dsl.select(BROKER_FIRM.FIRM_ID).from(BROKER_FIRM).orderBy(BROKER_FIRM.FIRM_ID)
                .fetch(BROKER_FIRM.FIRM_ID));
        }
    }

    /** @throws InvalidInput naming {@code password} unless it has 12 to 128 characters */
    public static void requirePassword(final char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "must have " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH
                + " characters");
        }
    }

    private static void requireRoles(final Collection<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInput("roles", "must name at least one role of " + java.util.Arrays.toString(
                Role.values()));
        }
    }

    private static void lockUser(final DSLContext db, final String username) {
        if (db.selectFrom(USERS).where(USERS.USERNAME.eq(username)).forUpdate().fetchOne() == null) {
            throw new NoSuchElementException("no user '" + username + "'");
        }
    }

    private static void requireAnotherAdmin(final DSLContext db, final String username) {
        final int others = db.fetchCount(db.select(USERS.USERNAME).from(USERS).join(USER_ROLES)
            .on(USER_ROLES.USERNAME.eq(USERS.USERNAME))
            .where(USER_ROLES.ROLE.eq(Role.ADMIN.name())).and(USERS.ENABLED.isTrue())
            .and(USERS.USERNAME.ne(username)));
        if (others == 0) {
            throw new Conflict("'" + username + "' is the only enabled user with role ADMIN; give another user "
                + "ADMIN first");
        }
    }

    private static void insertRoles(final DSLContext db, final String username, final Collection<Role> roles) {
        for (final Role role : EnumSet.copyOf(roles)) {
            db.insertInto(USER_ROLES).set(USER_ROLES.USERNAME, username).set(USER_ROLES.ROLE, role.name()).execute();
        }
    }

    static Set<Role> rolesOf(final DSLContext db, final String username) {
        final Set<Role> roles = EnumSet.noneOf(Role.class);
        db.select(USER_ROLES.ROLE).from(USER_ROLES).where(USER_ROLES.USERNAME.eq(username)).fetch()
            .forEach(row -> roles.add(Role.valueOf(row.value1())));
        return roles;
    }

    private static UserAccount account(final UsersRecord user, final Set<Role> roles) {
        return new UserAccount(user.getUsername(), java.util.Collections.unmodifiableSet(EnumSet.copyOf(
            roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles)), user.getEnabled(),
            user.getCreatedAt().toInstant(ZoneOffset.UTC), user.getCreatedBy(), user.getFirmId());
    }

    static LocalDateTime utc(final Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
