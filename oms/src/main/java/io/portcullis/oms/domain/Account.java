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
 */
public record Account(String accountId, String brokerFirmId, AccountType type,
                      SelfTradePrevention selfTradePrevention) {

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
        if (accountId.isEmpty()) {
            throw new IllegalArgumentException("empty accountId");
        }
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
