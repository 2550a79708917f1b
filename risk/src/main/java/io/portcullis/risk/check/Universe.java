package io.portcullis.risk.check;

import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.instrument.InstrumentRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts, broker firms and instruments the risk engine knows, with the same dense indexes as the order engine
 * it runs in: accounts in configuration order, symbols in registry order, broker firms in the order the account list
 * first names them. Immutable after construction; lookups do not allocate.
 */
final class Universe {

    final Account[] accounts;
    final Instrument[] instruments;
    final String[] brokerFirms;
    /** Broker firm index of each account. */
    final int[] brokerOf;
    private final Map<String, Integer> accountIndex = new HashMap<>();
    private final Map<String, Integer> symbolIndex = new HashMap<>();
    private final Map<String, Integer> brokerIndex = new HashMap<>();

    Universe(final List<Account> accountList, final InstrumentRegistry registry) {
        this.accounts = accountList.toArray(new Account[0]);
        this.instruments = registry.instruments().toArray(new Instrument[0]);
        this.brokerOf = new int[accounts.length];
        for (int i = 0; i < accounts.length; i++) {
            if (accountIndex.putIfAbsent(accounts[i].accountId(), i) != null) {
                throw new IllegalArgumentException("accounts: duplicate account id " + accounts[i].accountId());
            }
            final Integer firm = brokerIndex.get(accounts[i].brokerFirmId());
            if (firm == null) {
                brokerOf[i] = brokerIndex.size();
                brokerIndex.put(accounts[i].brokerFirmId(), brokerOf[i]);
            } else {
                brokerOf[i] = firm;
            }
        }
        this.brokerFirms = new String[brokerIndex.size()];
        brokerIndex.forEach((id, index) -> brokerFirms[index] = id);
        for (int i = 0; i < instruments.length; i++) {
            symbolIndex.put(instruments[i].symbol(), i);
        }
    }

    int accountCount() {
        return accounts.length;
    }

    int symbolCount() {
        return instruments.length;
    }

    int brokerCount() {
        return brokerFirms.length;
    }

    /** @return the account's index, or -1 */
    int account(final String id) {
        final Integer index = accountIndex.get(id);
        return index == null ? -1 : index;
    }

    /** @return the symbol's index, or -1 */
    int symbol(final String symbol) {
        final Integer index = symbolIndex.get(symbol);
        return index == null ? -1 : index;
    }

    /** @return the broker firm's index, or -1 */
    int broker(final String id) {
        final Integer index = brokerIndex.get(id);
        return index == null ? -1 : index;
    }
}
