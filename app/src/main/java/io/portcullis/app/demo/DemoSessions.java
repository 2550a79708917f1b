package io.portcullis.app.demo;

import static io.portcullis.sql.schema.Tables.FIX_CREDENTIAL;
import static io.portcullis.sql.schema.Tables.FIX_SESSION;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.portcullis.fix.session.Credentials;
import io.portcullis.fix.session.LoggingSessionAudit;
import io.portcullis.sql.Database;

/**
 * The demo's FIX counterparties as the README documents them, written into {@code fix_session} and
 * {@code fix_credential} when missing: BROKER1 and BROKER2 on FIX 4.4, FIX 4.2 and FIXT 1.1 (passwords
 * {@code broker1-demo}, {@code broker2-demo}), BROKER1's drop copy {@code BROKER1DC} on FIX 4.4 (password
 * {@code broker1-dropcopy}), and the demo's own trader {@code DEMO1} on FIX 4.4 (password {@code demo1-trader}).
 * These passwords exist only in the demo; the production configuration has none.
 */
public final class DemoSessions {
    /** The gateway's CompID. */
    public static final String GATEWAY_COMP_ID = "PORTCULLIS";
    /** The demo trader's CompID (BROKER1 and BROKER2 stay free for a user's FIX client). */
    public static final String TRADER_COMP_ID = "DEMO1";
    /** The demo trader's password. */
    public static final String TRADER_PASSWORD = "demo1-trader";

    private static final String[] VERSIONS = {"FIX.4.4", "FIX.4.2", "FIXT.1.1"};

    private DemoSessions() {
    }

    /** Writes the demo sessions and credentials that are missing. */
    public static void seed(final Database database) {
        final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (final String version : VERSIONS) {
            session(database, version, "BROKER1", "BROKER1", "ORDER_ENTRY", DemoData.BROKER1_DEFAULT_ACCOUNT, now);
            session(database, version, "BROKER2", "BROKER2", "ORDER_ENTRY", DemoData.BROKER2_DEFAULT_ACCOUNT, now);
        }
        session(database, "FIX.4.4", "BROKER1DC", "BROKER1", "DROP_COPY", null, now);
        session(database, "FIX.4.4", TRADER_COMP_ID, "DEMO", "ORDER_ENTRY", DemoData.DEMO_ACCOUNT, now);
        final Credentials credentials = new Credentials(database.dsl(), new LoggingSessionAudit(), Clock.systemUTC());
        credential(database, credentials, "BROKER1", "broker1-demo");
        credential(database, credentials, "BROKER2", "broker2-demo");
        credential(database, credentials, "BROKER1DC", "broker1-dropcopy");
        credential(database, credentials, TRADER_COMP_ID, TRADER_PASSWORD);
    }

    private static void session(final Database database, final String version, final String target,
                                final String firm, final String role, final String defaultAccount,
                                final LocalDateTime now) {
        database.dsl().insertInto(FIX_SESSION)
            .set(FIX_SESSION.SESSION_ID, version + ":" + GATEWAY_COMP_ID + "->" + target)
            .set(FIX_SESSION.BEGIN_STRING, version).set(FIX_SESSION.SENDER_COMP_ID, GATEWAY_COMP_ID)
            .set(FIX_SESSION.TARGET_COMP_ID, target).set(FIX_SESSION.FIRM_ID, firm)
            .set(FIX_SESSION.SESSION_ROLE, role).set(FIX_SESSION.DEFAULT_ACCOUNT_ID, defaultAccount)
            .set(FIX_SESSION.MAX_MSGS_PER_SECOND, 1_000).set(FIX_SESSION.CANCEL_ON_DISCONNECT, false)
            .set(FIX_SESSION.ENABLED, true).set(FIX_SESSION.CREATED_AT, now).set(FIX_SESSION.UPDATED_AT, now)
            .onDuplicateKeyIgnore()
            .execute();
    }

    private static void credential(final Database database, final Credentials credentials, final String user,
                                   final String password) {
        if (database.dsl().fetchExists(FIX_CREDENTIAL, FIX_CREDENTIAL.USERNAME.eq(user))) {
            return;
        }
        credentials.set(user, user, password.toCharArray(), "demo");
    }
}
