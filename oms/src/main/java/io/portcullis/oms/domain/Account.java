package io.portcullis.oms.domain;

import java.util.Objects;

/**
 * A trading account. Immutable; safe on any thread. The engine compares accounts by identity of the
 * instance it was configured with, so self-trade prevention costs one reference comparison.
 *
 * @param accountId         the FIX Account(1) value; non-null, non-empty
 * @param brokerFirmId      the owning broker-dealer (e.g. its CRD or MPID); non-null
 * @param type              capacity; non-null
 * @param selfTradePrevention what happens on a self-trade; non-null
 * @param fdid              the CAT Firm Designated ID reported for this account; non-null, non-empty
 */
public record Account(String accountId, String brokerFirmId, AccountType type,
                      SelfTradePrevention selfTradePrevention, String fdid) {

    /**
     * Checks non-null fields.
     *
     * @throws IllegalArgumentException (configuration time only) when the id is empty
     */
    public Account {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(brokerFirmId, "brokerFirmId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(selfTradePrevention, "selfTradePrevention");
        Objects.requireNonNull(fdid, "fdid");
        if (accountId.isEmpty() || fdid.isEmpty()) {
            throw new IllegalArgumentException("empty accountId or fdid");
        }
    }

    /**
     * An account whose CAT FDID is its account id.
     *
     * @param accountId           account id; non-null
     * @param brokerFirmId        owning firm; non-null
     * @param type                capacity; non-null
     * @param selfTradePrevention self-trade handling; non-null
     */
    public Account(final String accountId, final String brokerFirmId, final AccountType type,
                   final SelfTradePrevention selfTradePrevention) {
        this(accountId, brokerFirmId, type, selfTradePrevention, accountId);
    }

    /**
     * A customer account with the default self-trade prevention (cancel incoming).
     *
     * @param accountId    account id; non-null
     * @param brokerFirmId owning firm; non-null
     * @return a new account; allocates
     */
    public static Account customer(final String accountId, final String brokerFirmId) {
        return new Account(accountId, brokerFirmId, AccountType.CUSTOMER, SelfTradePrevention.CANCEL_INCOMING);
    }
}
