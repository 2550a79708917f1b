package io.portcullis.reporting.cat;


import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.portcullis.config.Settings;
import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.AccountType;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.SelfTradePrevention;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.engine.EngineConfig;
import io.portcullis.oms.instrument.InstrumentRegistry;
import io.portcullis.reporting.AuditDay;
import io.portcullis.sql.Database;
import io.portcullis.sql.DatabaseConfiguration;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.TestDatabase;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The golden CAT scenario on the real services: broker firms and accounts in a MySQL database of its own, a
 * hand-written day of orders run through the real engine into a Kafka journal of its own, indexed by the real audit
 * indexer into indices of their own prefix. Trading day 2026-01-05 (EST, UTC-5); a few orders just outside it on
 * both sides. One per test class.
 *
 * <p>Firms: FIRMA (not a CAT reporter: MENO), FIRMB (CAT reporter 123456:FIRMB: MEOA), HOUSE (our own desks, IMID
 * PCLS: MENO). Accounts: CUST1 (FIRMA customer, FDID FDCUST1), CUST2 (FIRMA customer, FDID = account id: the
 * substitute is reported), BDX1 (FIRMB customer), PROP1 (HOUSE proprietary), MM1 (HOUSE market maker).
 */
public final class CatScenario implements AutoCloseable {
    /** The CAT trading day of the scenario. */
    public static final String DAY = "2026-01-05";
    private static final String FIRMA = "FIX.4.4:PORTCULLIS->FIRMA";
    private static final String FIRMB = "FIX.4.4:PORTCULLIS->FIRMB";
    private static final String HOUSE = "FIX.4.4:PORTCULLIS->HOUSE";
    private static final long NO_PRICE = Prices.NONE;

    final String prefix;
    final RestClient rest;
    final ElasticsearchClient es;
    final TestDatabase database;
    final DatabaseConfiguration databaseConfiguration;
    private final String topic;
    private final List<Command> commands = new ArrayList<>();
    private long clock = Instant.parse("2026-01-05T14:30:00Z").getEpochSecond() * 1_000_000_000L;

    private CatScenario(final Class<?> testClass) {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.ELASTICSEARCH, LocalStack.Service.MYSQL);
        prefix = Isolation.indexPrefix(testClass) + "cat";
        topic = Isolation.topicName(testClass, "journal-cat");
        rest = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl())).build();
        es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        database = TestDatabase.create(testClass);
        databaseConfiguration = new DatabaseConfiguration(database.jdbcUrl(), database.user(), database.password(), 2,
            DatabaseConfiguration.Dialect.MARIADB);
    }

    /** Builds the whole scenario: reference data, journal, index. */
    public static CatScenario create(final Class<?> testClass) throws Exception {
        final CatScenario scenario = new CatScenario(testClass);
        scenario.referenceData();
        scenario.script();
        scenario.journal();
        scenario.index();
        return scenario;
    }

    /** The settings a CatMain run on this scenario needs. */
    public Settings settings() {
        return Settings.of(Map.of("es.url", LocalStack.elasticsearchUrl(), "audit.index-prefix", prefix,
            "db.url", database.jdbcUrl(), "db.user", database.user(), "db.password", database.password()),
            Map.of(), Map.of());
    }

    /** The builder's configuration for this scenario (demo identity: submitter 99999, IMID PCLS, CRD 999999). */
    CatConfiguration configuration() {
        return CatConfiguration.from(settings());
    }

    /** The accounts as loaded from the scenario's MySQL tables. */
    CatAccounts accounts() {
        try (Database db = Database.open(databaseConfiguration)) {
            return CatAccounts.load(db.dsl(), "PCLS");
        }
    }

    private void referenceData() {
        try (Database db = Database.open(databaseConfiguration)) {
            db.migrate();
            db.dsl().execute("INSERT INTO broker_firm (firm_id, name, crd_number, cat_reporter_imid, created_at) "
                + "VALUES ('FIRMA', 'Firm A Securities (foreign)', NULL, NULL, NOW(6)), "
                + "('FIRMB', 'Firm B Brokerage', '123456', 'FIRMB', NOW(6)), "
                + "('HOUSE', 'Portcullis house desks', '999999', 'PCLS', NOW(6))");
            db.dsl().execute("INSERT INTO account (account_id, firm_id, name, account_type, fdid, created_at) VALUES "
                + "('CUST1', 'FIRMA', 'Customer one', 'CUSTOMER', 'FDCUST1', NOW(6)), "
                + "('CUST2', 'FIRMA', 'Customer two', 'CUSTOMER', 'CUST2', NOW(6)), "
                + "('BDX1', 'FIRMB', 'Firm B client', 'CUSTOMER', 'FDBDX1', NOW(6)), "
                + "('PROP1', 'HOUSE', 'House proprietary', 'PROPRIETARY', 'FDPROP1', NOW(6)), "
                + "('MM1', 'HOUSE', 'House market making', 'MARKET_MAKER', 'FDMM1', NOW(6))");
        }
    }

    private static EngineConfig engineConfig() {
        final List<Instrument> instruments = List.of(
            new Instrument("AAPL", "Apple", "XNAS", true, 100, 1, 1_500_000, InstrumentStatus.ACTIVE),
            new Instrument("MSFT", "Microsoft", "XNAS", true, 100, 1, 3_000_000, InstrumentStatus.ACTIVE));
        final List<Account> accounts = List.of(
            Account.customer("CUST1", "FIRMA"), Account.customer("CUST2", "FIRMA"), Account.customer("BDX1", "FIRMB"),
            new Account("PROP1", "HOUSE", AccountType.PROPRIETARY, SelfTradePrevention.CANCEL_INCOMING),
            new Account("MM1", "HOUSE", AccountType.MARKET_MAKER, SelfTradePrevention.CANCEL_INCOMING));
        return new EngineConfig().instruments(InstrumentRegistry.of(instruments)).accounts(accounts);
    }

    /**
     * The day. OrderIDs are assigned by the engine in entry order from 1 (rejected orders get none), which the
     * expected records name.
     */
    private void script() {
        // Entered the evening before (Jan 4 23:59:59.999 ET): not in the file; its cancel on the day is.
        at("2026-01-05T04:59:59.999Z");
        add(order(FIRMA, "E1", "CUST1", "MSFT", Side.BUY, OrdType.LIMIT, TimeInForce.GTC, 10, 2_900_000));
        at("2026-01-05T14:30:00.000123456Z");
        add(order(FIRMA, "A1", "CUST1", "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 100, 1_500_000));
        add(order(FIRMA, "A2", "CUST2", "AAPL", Side.SELL, OrdType.LIMIT, TimeInForce.GTC, 50, 1_510_000));
        // A short sale from the other CAT reporter: MEOA; fills A1 (trade, SS on the sell side).
        add(new NewOrder(0, next(), FIRMB, "B1", "BDX1", "AAPL", Side.SELL_SHORT, OrdType.LIMIT, TimeInForce.DAY,
            200, 1_500_000, NO_PRICE, 0, NewOrder.NO_EXPIRY, "LOC-1"));
        // House IOC market buy: takes 30 of B1 (principal capacity).
        add(order(HOUSE, "H1", "PROP1", "AAPL", Side.BUY, OrdType.MARKET, TimeInForce.IOC, 30, NO_PRICE));
        // Customer replaces its GTC sell: 50 @ 151.00 -> 40 @ 151.50.
        add(new ReplaceOrder(0, next(), FIRMA, "A2R", "A2", 0, "AAPL", Side.SELL, 40, 1_515_000, NO_PRICE));
        // Firm B cancels the rest of its short sale (70).
        add(new CancelOrder(0, next(), FIRMB, "B1C", "B1", 0));
        add(order(HOUSE, "M1", "MM1", "MSFT", Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 500, 3_000_000));
        add(order(FIRMA, "A3", "CUST1", "MSFT", Side.SELL_SHORT_EXEMPT, OrdType.LIMIT, TimeInForce.DAY, 200,
            3_000_000));
        add(new ReplaceOrder(0, next(), HOUSE, "M1R", "M1", 0, "MSFT", Side.BUY, 600, 3_005_000, NO_PRICE));
        add(new NewOrder(0, next(), FIRMA, "A4", "CUST2", "MSFT", Side.BUY, OrdType.STOP_LIMIT, TimeInForce.DAY, 100,
            3_110_000, 3_100_000, 0, NewOrder.NO_EXPIRY));
        // FOK that cannot fill: MENO only (the TIF ends it; no MEOC).
        add(order(FIRMA, "A5", "CUST1", "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.FOK, 100, 1_490_000));
        add(order(FIRMB, "B2", "BDX1", "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.IOC, 10, 1_515_000));
        add(new NewOrder(0, next(), FIRMB, "B3", "BDX1", "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.GTD, 100,
            1_515_000, NO_PRICE, 0, Instant.parse("2026-01-05T21:00:00Z").getEpochSecond() * 1_000_000_000L));
        add(new CancelOrder(0, next(), FIRMB, "B3C", "B3", 0));
        // House sells to the house market maker: both principal.
        add(order(HOUSE, "H2", "PROP1", "MSFT", Side.SELL, OrdType.LIMIT, TimeInForce.DAY, 100, 3_000_000));
        // The market maker crosses itself: self-trade prevention cancels the incoming order (MEOC, firm).
        add(order(HOUSE, "M2", "MM1", "MSFT", Side.SELL, OrdType.LIMIT, TimeInForce.DAY, 50, 3_005_000));
        // Unknown account: rejected, never reported.
        add(order(FIRMA, "X1", "NOBODY", "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 10, 1_500_000));
        // Minimum quantity on a resting order.
        add(new NewOrder(0, next(), FIRMA, "A6", "CUST1", "AAPL", Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 500,
            1_450_000, NO_PRICE, 200, NewOrder.NO_EXPIRY));
        // A book of resting orders, half of them cancelled.
        final String[] accounts = {"CUST1", "CUST2", "BDX1", "PROP1", "MM1"};
        for (int i = 0; i < 12; i++) {
            final String account = accounts[i % accounts.length];
            final String session = account.startsWith("CUST") ? FIRMA : account.equals("BDX1") ? FIRMB : HOUSE;
            final boolean buy = i % 2 == 0;
            add(order(session, "R" + i, account, i % 3 == 0 ? "MSFT" : "AAPL", buy ? Side.BUY : Side.SELL,
                OrdType.LIMIT, i % 4 == 0 ? TimeInForce.GTC : TimeInForce.DAY, 100 + i,
                (i % 3 == 0 ? 2_800_000 : 1_400_000) + (buy ? 0 : 400_000) + i * 100));
        }
        for (int i = 0; i < 12; i += 2) {
            final String account = accounts[i % accounts.length];
            final String session = account.startsWith("CUST") ? FIRMA : account.equals("BDX1") ? FIRMB : HOUSE;
            add(new CancelOrder(0, next(), session, "R" + i + "C", "R" + i, 0));
        }
        // The evening order entered yesterday is cancelled today.
        add(new CancelOrder(0, next(), FIRMA, "E1C", "E1", 0));
        // The last nanoseconds of the day (23:59:59.123456789 ET) are in; midnight ET is the next day.
        at("2026-01-06T04:59:59.123456789Z");
        add(order(FIRMA, "L1", "CUST2", "MSFT", Side.SELL, OrdType.LIMIT, TimeInForce.GTC, 10, 3_200_000));
        at("2026-01-06T05:00:00Z");
        add(order(FIRMA, "N1", "CUST2", "MSFT", Side.SELL, OrdType.LIMIT, TimeInForce.GTC, 10, 3_210_000));
    }

    private NewOrder order(final String session, final String clOrdId, final String account, final String symbol,
                           final Side side, final OrdType type, final TimeInForce tif, final long qty,
                           final long price) {
        return new NewOrder(0, next(), session, clOrdId, account, symbol, side, type, tif, qty, price, NO_PRICE, 0,
            NewOrder.NO_EXPIRY);
    }

    private void at(final String instant) {
        final Instant t = Instant.parse(instant);
        clock = t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** Each command 1.5 s and 1,001 ns after the previous one, so that times are distinct to the nanosecond. */
    private long next() {
        final long now = clock;
        clock += 1_500_001_001L;
        return now;
    }

    private void add(final Command command) {
        commands.add(command);
    }

    private void journal() throws InterruptedException {
        AuditDay.journal(engineConfig(), topic, commands, 4_096);
    }

    private void index() throws IOException {
        AuditDay.index(es, topic, prefix, commands.size());
    }

    /** Deletes the indices, templates and database of this scenario. */
    @Override
    public void close() throws IOException {
        try {
            AuditDay.deleteIndices(es, prefix);
        } finally {
            rest.close();
            database.close();
        }
    }
}
