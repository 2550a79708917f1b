package io.portcullis.app.demo;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.BROKER_FIRM;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.portcullis.sql.Database;

/**
 * The demo's reference data, written idempotently into MySQL: two broker firms with customer accounts (the README's
 * demo contract), the demo trader's firm, and the market simulator's firm. Never used by the production
 * configuration.
 */
public final class DemoData {
    /** BROKER1's default customer account: orders without Account(1) from BROKER1 go here. */
    public static final String BROKER1_DEFAULT_ACCOUNT = "B1-CUST-001";
    /** BROKER2's default customer account. */
    public static final String BROKER2_DEFAULT_ACCOUNT = "B2-CUST-001";
    /** The demo trader's account. */
    public static final String DEMO_ACCOUNT = "DEMO-CUST-001";
    /** The simulator's market maker account. */
    public static final String SIM_MAKER_ACCOUNT = "SIM-MM";
    /** The simulator's liquidity taker account. */
    public static final String SIM_TAKER_ACCOUNT = "SIM-TAKER";

    private DemoData() {
    }

    /** Writes the demo firms and accounts if they are missing. */
    public static void seed(final Database database) {
        final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        database.dsl().transaction(tx -> {
            final var dsl = tx.dsl();
            firm(dsl, "BROKER1", "Broker One Securities LLC", now);
            firm(dsl, "BROKER2", "Broker Two Capital Inc.", now);
            firm(dsl, "DEMO", "Portcullis Demo Trader", now);
            firm(dsl, "SIM", "Portcullis Market Simulator", now);
            account(dsl, BROKER1_DEFAULT_ACCOUNT, "BROKER1", "Broker One customer 1", "CUSTOMER", true, now);
            account(dsl, "B1-CUST-002", "BROKER1", "Broker One customer 2", "CUSTOMER", false, now);
            account(dsl, "B1-PROP", "BROKER1", "Broker One proprietary", "PROPRIETARY", false, now);
            account(dsl, BROKER2_DEFAULT_ACCOUNT, "BROKER2", "Broker Two customer 1", "CUSTOMER", true, now);
            account(dsl, "B2-CUST-002", "BROKER2", "Broker Two customer 2", "CUSTOMER", false, now);
            account(dsl, DEMO_ACCOUNT, "DEMO", "Demo trader customer", "CUSTOMER", true, now);
            account(dsl, SIM_MAKER_ACCOUNT, "SIM", "Simulated market maker", "MARKET_MAKER", true, now);
            account(dsl, SIM_TAKER_ACCOUNT, "SIM", "Simulated liquidity taker", "PROPRIETARY", false, now);
        });
    }

    private static void firm(final org.jooq.DSLContext dsl, final String id, final String name,
                             final LocalDateTime now) {
        dsl.insertInto(BROKER_FIRM).set(BROKER_FIRM.FIRM_ID, id).set(BROKER_FIRM.NAME, name)
            .set(BROKER_FIRM.CREATED_AT, now).onDuplicateKeyIgnore().execute();
    }

    private static void account(final org.jooq.DSLContext dsl, final String id, final String firm, final String name,
                                final String type, final boolean isDefault, final LocalDateTime now) {
        dsl.insertInto(ACCOUNT).set(ACCOUNT.ACCOUNT_ID, id).set(ACCOUNT.FIRM_ID, firm).set(ACCOUNT.NAME, name)
            .set(ACCOUNT.ACCOUNT_TYPE, type).set(ACCOUNT.FDID, "FDID-" + id).set(ACCOUNT.IS_DEFAULT, isDefault)
            .set(ACCOUNT.CREATED_AT, now).onDuplicateKeyIgnore().execute();
    }
}
