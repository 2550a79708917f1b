package io.portcullis.risk.desk;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.BROKER_FIRM;
import static io.portcullis.sql.schema.Tables.FIX_SESSION;

import java.util.Objects;
import java.util.function.Predicate;

import org.jooq.DSLContext;

/**
 * Validation shared by the desk's services: what a request names must exist (accounts and firms in MySQL's
 * {@code account} and {@code broker_firm}, FIX sessions in {@code fix_session}, symbols in the engine's instrument
 * list), and free text must fit. Each failure is a {@link DeskRefusal#invalid} naming the request member.
 *
 * <p>Thread-safe; each check is at most one primary-key read.
 */
final class ReferenceCheck {
    /** Longest reason accepted (the history tables' column). */
    static final int MAX_REASON = 512;
    /** Longest user name (the users table's column). */
    static final int MAX_ACTOR = 64;

    private final DSLContext dsl;
    private final Predicate<String> knownSymbol;

    /**
     * @param dsl         the book of record
     * @param knownSymbol whether the engine trades a symbol (its instrument list)
     */
    ReferenceCheck(final DSLContext dsl, final Predicate<String> knownSymbol) {
        this.dsl = dsl;
        this.knownSymbol = Objects.requireNonNull(knownSymbol, "knownSymbol");
    }

    /** {@code reason}: required, 1 to 512 characters, not blank. */
    static String reason(final String field, final String reason) {
        if (reason == null || reason.isBlank()) {
            throw DeskRefusal.invalid(field, "is required: say why (it is kept with the change)");
        }
        if (reason.length() > MAX_REASON) {
            throw DeskRefusal.invalid(field, "must be at most " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    /** The acting user: required (the caller's authenticated name). */
    static String actor(final String actor) {
        if (actor == null || actor.isBlank() || actor.length() > MAX_ACTOR) {
            throw new IllegalArgumentException("the acting user must be named (1 to " + MAX_ACTOR + " characters)");
        }
        return actor;
    }

    /** A key or symbol made of {@link DeskEntry#TOKEN} characters. */
    static String token(final String field, final String value) {
        if (value == null || value.isBlank()) {
            throw DeskRefusal.invalid(field, "is required");
        }
        if (!DeskEntry.TOKEN.matcher(value).matches()) {
            throw DeskRefusal.invalid(field, "may contain only letters, digits and . _ : > * / @ + - (at most 128)");
        }
        return value;
    }

    /** An account id of the {@code account} table; returns its broker firm. */
    String account(final String field, final String accountId) {
        token(field, accountId);
        final String firm = dsl.select(ACCOUNT.FIRM_ID).from(ACCOUNT).where(ACCOUNT.ACCOUNT_ID.eq(accountId))
            .fetchOne(ACCOUNT.FIRM_ID);
        if (firm == null) {
            throw DeskRefusal.invalid(field, "unknown account '" + accountId + "'");
        }
        return firm;
    }

    /** A firm id of the {@code broker_firm} table. */
    void firm(final String field, final String firmId) {
        token(field, firmId);
        if (!dsl.fetchExists(BROKER_FIRM, BROKER_FIRM.FIRM_ID.eq(firmId))) {
            throw DeskRefusal.invalid(field, "unknown broker firm '" + firmId + "'");
        }
    }

    /** A FIX session id of the {@code fix_session} table. */
    void session(final String field, final String sessionId) {
        token(field, sessionId);
        if (!dsl.fetchExists(FIX_SESSION, FIX_SESSION.SESSION_ID.eq(sessionId))) {
            throw DeskRefusal.invalid(field, "unknown FIX session '" + sessionId + "'");
        }
    }

    /** A symbol of the engine's instrument list. */
    void symbol(final String field, final String symbol) {
        token(field, symbol);
        if (!knownSymbol.test(symbol)) {
            throw DeskRefusal.invalid(field, "unknown symbol '" + symbol + "'");
        }
    }

    /** The broker firm of an account known to exist, or null. */
    String firmOf(final DSLContext db, final String accountId) {
        return db.select(ACCOUNT.FIRM_ID).from(ACCOUNT).where(ACCOUNT.ACCOUNT_ID.eq(accountId))
            .fetchOne(ACCOUNT.FIRM_ID);
    }
}
