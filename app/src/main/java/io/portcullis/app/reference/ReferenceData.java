package io.portcullis.app.reference;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.INSTRUMENT;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.AccountType;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.SelfTradePrevention;
import io.portcullis.oms.instrument.InstrumentCsvLoader;
import io.portcullis.oms.instrument.InstrumentLoadResult;
import io.portcullis.oms.instrument.InstrumentRegistry;
import io.portcullis.oms.instrument.LoadError;
import io.portcullis.sql.Database;

/**
 * The engine's configuration data at start-up: instruments from a CSV file (copied into MySQL's {@code instrument}
 * table for reports and the console) and accounts from MySQL's {@code account} table. Start-up thread only.
 */
public final class ReferenceData {
    private final InstrumentRegistry instruments;
    private final List<Account> accounts;
    private final Map<String, String> firmOfAccount;

    private ReferenceData(final InstrumentRegistry instruments, final List<Account> accounts) {
        this.instruments = instruments;
        this.accounts = List.copyOf(accounts);
        final Map<String, String> firms = new ConcurrentHashMap<>();
        accounts.forEach(a -> firms.put(a.accountId(), a.brokerFirmId()));
        this.firmOfAccount = firms;
    }

    /**
     * Loads instruments (a bad row stops start-up, naming file, line and column) and active accounts.
     *
     * @param database    the migrated book of record
     * @param instrumentFile a CSV file, or null for the bundled US equities seed
     */
    public static ReferenceData load(final Database database, final Path instrumentFile) {
        final InstrumentLoadResult result = instrumentFile == null ? InstrumentCsvLoader.loadBundled()
            : InstrumentCsvLoader.load(instrumentFile);
        if (!result.isOk()) {
            final StringBuilder message = new StringBuilder("instrument file "
                + (instrumentFile == null ? "(bundled)" : instrumentFile) + " has errors:");
            for (final LoadError error : result.errors()) {
                message.append("\n  ").append(error);
            }
            throw new IllegalStateException(message.toString());
        }
        storeInstruments(database, result.instruments());
        return new ReferenceData(result.toRegistry(), loadAccounts(database));
    }

    private static void storeInstruments(final Database database, final List<Instrument> instruments) {
        final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        database.dsl().transaction(tx -> {
            for (final Instrument i : instruments) {
                tx.dsl().insertInto(INSTRUMENT)
                    .set(INSTRUMENT.SYMBOL, i.symbol()).set(INSTRUMENT.NAME, i.name())
                    .set(INSTRUMENT.LISTING_EXCHANGE, i.mic()).set(INSTRUMENT.SP500, i.sp500())
                    .set(INSTRUMENT.TICK_SIZE, Prices.toBigDecimal(i.tickSize()))
                    .set(INSTRUMENT.LOT_SIZE, i.lotSize())
                    .set(INSTRUMENT.REFERENCE_PRICE, Prices.toBigDecimal(i.referencePrice()))
                    .set(INSTRUMENT.STATUS, i.status().name()).set(INSTRUMENT.UPDATED_AT, now)
                    .onDuplicateKeyUpdate()
                    .set(INSTRUMENT.NAME, i.name()).set(INSTRUMENT.LISTING_EXCHANGE, i.mic())
                    .set(INSTRUMENT.SP500, i.sp500()).set(INSTRUMENT.TICK_SIZE, Prices.toBigDecimal(i.tickSize()))
                    .set(INSTRUMENT.LOT_SIZE, i.lotSize())
                    .set(INSTRUMENT.REFERENCE_PRICE, Prices.toBigDecimal(i.referencePrice()))
                    .set(INSTRUMENT.UPDATED_AT, now)
                    .execute();
            }
        });
    }

    private static List<Account> loadAccounts(final Database database) {
        final List<Account> accounts = new ArrayList<>();
        database.dsl().selectFrom(ACCOUNT).where(ACCOUNT.STATUS.eq("ACTIVE")).orderBy(ACCOUNT.ACCOUNT_ID).fetch()
            .forEach(row -> accounts.add(new Account(row.getAccountId(), row.getFirmId(),
                AccountType.valueOf(row.getAccountType()),
                row.getAccountType().equals("MARKET_MAKER") ? SelfTradePrevention.CANCEL_RESTING
                    : SelfTradePrevention.CANCEL_INCOMING, row.getFdid())));
        return accounts;
    }

    /** The instruments the engine trades. */
    public InstrumentRegistry instruments() {
        return instruments;
    }

    /** The accounts the engine knows. */
    public List<Account> accounts() {
        return accounts;
    }

    /** The broker firm of an account, or "" when unknown. Any thread. */
    public String firmOf(final String accountId) {
        return accountId == null ? "" : firmOfAccount.getOrDefault(accountId, "");
    }
}
