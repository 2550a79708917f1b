package io.portcullis.reporting.cat;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.BROKER_FIRM;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.portcullis.oms.domain.AccountType;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.jooq.exception.DataAccessException;

/**
 * The accounts an order can name, by account id: reference data, loaded once per run (its size is the number of
 * accounts, not of orders). Immutable after construction; safe on any thread.
 */
public final class CatAccounts {
    private final Map<String, CatAccount> byId;

    private CatAccounts(final Map<String, CatAccount> byId) {
        this.byId = Map.copyOf(byId);
    }

    /**
     * Accounts given directly (tests, or a mapping file).
     *
     * @param accounts the accounts; ids unique
     * @return the directory; allocates
     */
    public static CatAccounts of(final Collection<CatAccount> accounts) {
        final Map<String, CatAccount> map = new HashMap<>();
        for (final CatAccount account : accounts) {
            map.put(account.accountId(), account);
        }
        return new CatAccounts(map);
    }

    /**
     * Loads every account of MySQL table {@code account} with its broker firm ({@code broker_firm}): the type from
     * {@code account_type}, the FDID from {@code fdid} (see {@link CatAccount#reportableFdid}), the sender IMID from
     * {@code crd_number} and {@code cat_reporter_imid} when the firm has a reporter IMID other than ours.
     *
     * @param dsl          the book-of-record database
     * @param reporterImid our CATReporterIMID
     * @return the directory
     * @throws CatUnavailableException when the database cannot be read
     */
    public static CatAccounts load(final DSLContext dsl, final String reporterImid) {
        final Map<String, CatAccount> map = new HashMap<>();
        try {
            for (final Record6<String, String, String, String, String, String> row : dsl
                .select(ACCOUNT.ACCOUNT_ID, ACCOUNT.FIRM_ID, ACCOUNT.ACCOUNT_TYPE, ACCOUNT.FDID,
                    BROKER_FIRM.CAT_REPORTER_IMID, BROKER_FIRM.CRD_NUMBER)
                .from(ACCOUNT).join(BROKER_FIRM).on(BROKER_FIRM.FIRM_ID.eq(ACCOUNT.FIRM_ID)).fetch()) {
                map.put(row.value1(), account(row.value1(), row.value2(), row.value3(), row.value4(),
                    row.value5(), row.value6(), reporterImid));
            }
        } catch (final DataAccessException ex) {
            throw new CatUnavailableException("cannot read the account and broker_firm tables: " + ex.getMessage(),
                ex);
        }
        return new CatAccounts(map);
    }

    /**
     * One account from its stored values.
     *
     * @param firmImid the firm's {@code cat_reporter_imid}, or null
     * @param firmCrd  the firm's {@code crd_number}, or null
     * @throws IllegalArgumentException when the account type is not one of {@link AccountType}, or the firm is a
     *                                  CAT reporter without a CRD number
     */
    static CatAccount account(final String accountId, final String firmId, final String type, final String fdid,
                              final String firmImid, final String firmCrd, final String reporterImid) {
        final AccountType accountType;
        try {
            accountType = AccountType.valueOf(type);
        } catch (final IllegalArgumentException ex) {
            throw new IllegalArgumentException("account " + accountId + ": account_type '" + type
                + "' is not CUSTOMER, PROPRIETARY or MARKET_MAKER", ex);
        }
        final boolean reporter = firmImid != null && !firmImid.isBlank() && !firmImid.equals(reporterImid);
        if (reporter && (firmCrd == null || firmCrd.isBlank())) {
            throw new IllegalArgumentException("broker firm " + firmId + " has cat_reporter_imid '" + firmImid
                + "' but no crd_number: its Industry Member ID <CRD>:<IMID> cannot be formed");
        }
        final String sender = reporter ? firmCrd + ":" + firmImid : null;
        return new CatAccount(accountId, firmId, accountType, CatAccount.reportableFdid(accountId, fdid,
            reporterImid), sender);
    }

    /**
     * @param accountId an order's account
     * @return its CAT data, or null when unknown
     */
    public CatAccount find(final String accountId) {
        return accountId == null ? null : byId.get(accountId);
    }
}
