package io.portcullis.reporting.surveillance;

import static io.portcullis.sql.schema.Tables.ACCOUNT_BENEFICIAL_OWNER;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.jooq.DSLContext;

/**
 * Account to beneficial owner, from table {@code account_beneficial_owner} (migration V15): accounts sharing an
 * {@code owner_id} are one owner; an account without a row is its own owner (the table {@code account} has no owner
 * column, and its FDID is unique per account, so it cannot link accounts). Immutable once loaded.
 */
final class Owners implements UnaryOperator<String> {
    private final Map<String, String> owners;

    private Owners(final Map<String, String> owners) {
        this.owners = Map.copyOf(owners);
    }

    /**
     * @param dsl the book-of-record database
     * @return every mapped account's owner
     */
    static Owners load(final DSLContext dsl) {
        return new Owners(dsl.select(ACCOUNT_BENEFICIAL_OWNER.ACCOUNT_ID, ACCOUNT_BENEFICIAL_OWNER.OWNER_ID)
            .from(ACCOUNT_BENEFICIAL_OWNER).fetchMap(ACCOUNT_BENEFICIAL_OWNER.ACCOUNT_ID,
                ACCOUNT_BENEFICIAL_OWNER.OWNER_ID));
    }

    /** @return the owner of {@code account}: its owner_id, or the account itself */
    @Override
    public String apply(final String account) {
        return owners.getOrDefault(account, account);
    }
}
