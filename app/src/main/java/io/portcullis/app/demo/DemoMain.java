package io.portcullis.app.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.portcullis.app.Gateway;
import io.portcullis.app.admin.Role;
import io.portcullis.app.admin.account.Accounts;
import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;
import io.portcullis.fix.dictionary.FixDictionary;
import io.portcullis.fix.messages.PortcullisMessageFactory;
import io.portcullis.oms.domain.Instrument;
import quickfix.MemoryStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;

/**
 * {@code ./portcullis demo}: a gateway with the demo configuration, the market simulator making markets in a few
 * symbols, and the demo's own FIX client trading against them; prints how to connect your own FIX client and a status
 * line every five seconds, until interrupted or for {@code --duration SECONDS}.
 */
public final class DemoMain {
    private static final String[] SIMULATED = {"AAPL", "MSFT", "NVDA", "AMZN", "SPY"};
    /** The demo's console user and password (demo only). */
    static final String CONSOLE_USER = "demo";
    static final String CONSOLE_PASSWORD = "demo-console-password";
    /** The demo's broker console user (BROKER1's accounts only) and password (demo only). */
    static final String BROKER_CONSOLE_USER = "broker1";
    static final String BROKER_CONSOLE_PASSWORD = "broker1-console-password";

    private DemoMain() {
    }

    public static void main(final String[] args) throws Exception {
        long duration = 0;
        for (int i = 0; i < args.length; i++) {
            if ("--duration".equals(args[i]) && i + 1 < args.length) {
                duration = Long.parseLong(args[++i]);
            } else {
                System.err.println("usage: DemoMain [--duration SECONDS]");
                System.exit(2);
            }
        }
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final Map<String, String> ports = Map.of("PORTCULLIS_FIX44_PORT", "9878", "PORTCULLIS_FIX42_PORT", "9877",
            "PORTCULLIS_FIXT11_PORT", "9879");
        ports.forEach((name, port) -> {
            if (System.getenv(name) == null && System.getProperty(name) == null) {
                System.setProperty(name, port);
            }
        });
        final Path home = Path.of(System.getenv().getOrDefault("PORTCULLIS_HOME", "."));
        final Map<String, String> defaults = new HashMap<>();
        defaults.put("gateway.fix-config", home.resolve("etc/demo/gateway.cfg").toString());
        defaults.put("gateway.data-dir", home.resolve("var/demo/gateway").toString());
        defaults.put("journal.topic", "portcullis.demo.journal");
        defaults.put("gateway.http-port", "18080");
        // The demo market trades around the clock.
        defaults.put("risk.enforce-trading-hours", "false");
        final Settings settings = Settings.of(defaults, systemProperties(), System.getenv());

        final Gateway gateway;
        try {
            gateway = Gateway.start(settings, database -> {
                DemoData.seed(database);
                DemoSessions.seed(database);
            }, line -> out.println("  " + line.replace("\n", "\n  ")));
        } catch (final SettingException ex) {
            System.err.println("error: " + ex.getMessage());
            System.exit(1);
            return;
        }
        final CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
        }, "demo-shutdown"));

        final List<Instrument> symbols = new ArrayList<>();
        for (final String symbol : SIMULATED) {
            final Instrument instrument = gateway.reference().instruments().find(symbol);
            if (instrument != null) {
                symbols.add(instrument);
            }
        }
        final MarketSimulator simulator = new MarketSimulator(gateway.enginePort(), symbols,
            DemoData.SIM_MAKER_ACCOUNT, DemoData.SIM_TAKER_ACCOUNT, Gateway::nowNanos, 20_261_125);
        gateway.attach(simulator);
        simulator.start(250);

        final DemoTrader trader = new DemoTrader(DemoSessions.TRADER_COMP_ID, DemoSessions.TRADER_PASSWORD,
            symbols.subList(0, Math.min(3, symbols.size())), 7);
        final SocketInitiator initiator = new SocketInitiator(trader, new MemoryStoreFactory(),
            traderSettings(System.getProperty("PORTCULLIS_FIX44_PORT", System.getenv("PORTCULLIS_FIX44_PORT"))),
            new SLF4JLogFactory(new SessionSettings()), new PortcullisMessageFactory());
        initiator.start();
        trader.start(500);
        consoleUser(gateway);
        banner(out, gateway);

        final long deadline = duration > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(duration) : Long.MAX_VALUE;
        while (!stop.await(5, TimeUnit.SECONDS)) {
            out.printf("  [demo] engine commands %,d | demo trader: sent %,d, acknowledged %,d, fills %,d, rejects %,d "
                    + "| MySQL projector lag %,d%n", gateway.runner().processed(), trader.sent(), trader.acked(),
                trader.fills(), trader.rejects(), gateway.projector().lag());
            if (System.nanoTime() >= deadline) {
                break;
            }
        }
        out.println("  stopping the demo");
        trader.close();
        initiator.stop();
        gateway.close();
        out.printf("  demo finished: the demo trader sent %,d orders and got %,d fills%n", trader.sent(),
            trader.fills());
        System.exit(trader.fills() > 0 || duration == 0 ? 0 : 3);
    }

    /**
     * The demo's console users (demo only, like the FIX passwords above): the broker-dealer's operator sees market
     * data, every position and the trade history; BROKER1's viewer sees market data and BROKER1's accounts only. A
     * real installation has no default account (README, "Admin API").
     */
    private static void consoleUser(final Gateway gateway) {
        final Accounts accounts = new Accounts(gateway.database().dsl(), InstantSource.system());
        if (accounts.find(CONSOLE_USER).isEmpty()) {
            accounts.create(CONSOLE_USER, List.of(Role.OPERATIONS, Role.COMPLIANCE), CONSOLE_PASSWORD.toCharArray(),
                "demo");
        }
        if (accounts.find(BROKER_CONSOLE_USER).isEmpty()) {
            accounts.create(BROKER_CONSOLE_USER, List.of(Role.BROKER_VIEWER), "BROKER1",
                BROKER_CONSOLE_PASSWORD.toCharArray(), "demo");
        }
    }

    private static SessionSettings traderSettings(final String port) {
        final SessionSettings settings = new SessionSettings();
        final SessionID id = new SessionID("FIX.4.4", DemoSessions.TRADER_COMP_ID, DemoSessions.GATEWAY_COMP_ID);
        settings.setString(id, "ConnectionType", "initiator");
        settings.setString(id, "SocketConnectHost", "127.0.0.1");
        settings.setString(id, "SocketConnectPort", port);
        settings.setString(id, "HeartBtInt", "30");
        settings.setString(id, "ReconnectInterval", "2");
        settings.setString(id, "StartTime", "00:00:00");
        settings.setString(id, "EndTime", "00:00:00");
        settings.setString(id, "NonStopSession", "Y");
        settings.setString(id, "ResetOnLogon", "Y");
        settings.setString(id, "DataDictionary", FixDictionary.FIX44.resourceName());
        return settings;
    }

    private static void banner(final PrintStream out, final Gateway gateway) {
        final String fix44 = port("PORTCULLIS_FIX44_PORT");
        out.println();
        out.println("  Portcullis demo is running. Connect your own FIX client:");
        out.println("    host 127.0.0.1, port " + fix44 + " (FIX.4.4), " + port("PORTCULLIS_FIX42_PORT")
            + " (FIX.4.2), " + port("PORTCULLIS_FIXT11_PORT") + " (FIXT.1.1, DefaultApplVerID FIX.5.0SP2)");
        out.println("    TargetCompID PORTCULLIS; SenderCompID BROKER1 (Password(554) broker1-demo) or BROKER2 "
            + "(broker2-demo), Username(553) = your SenderCompID");
        out.println("    accounts: BROKER1 -> B1-CUST-001 (default), B1-CUST-002, B1-PROP; BROKER2 -> B2-CUST-001 "
            + "(default), B2-CUST-002");
        out.println("    drop copy of BROKER1's executions: SenderCompID BROKER1DC, password broker1-dropcopy (FIX.4.4)");
        out.println("    simulated markets in AAPL, MSFT, NVDA, AMZN, SPY; the demo trader (DEMO1) trades AAPL, MSFT, "
            + "NVDA");
        if (gateway.httpPort() > 0) {
            out.println("    web console: http://127.0.0.1:" + gateway.httpPort() + "/console/ (user " + CONSOLE_USER
                + ", password " + CONSOLE_PASSWORD + "): market watch, charts, positions and P&L, alerts, history;"
                + "\n      as BROKER1 sees it: user " + BROKER_CONSOLE_USER + ", password " + BROKER_CONSOLE_PASSWORD);
            out.println("    health and metrics: http://127.0.0.1:" + gateway.httpPort() + "/health/ready, /metrics");
            out.println("    audit trail (every FIX message, engine event, risk decision and admin action): Elasticsearch"
                + " alias portcullis.demo-audit; check it with"
                + "\n      PORTCULLIS_JOURNAL_TOPIC=portcullis.demo.journal ./portcullis audit verify");
        }
        out.println("    MySQL rows: ./portcullis stack status (database portcullis, user portcullis)");
        out.println();
    }

    private static String port(final String name) {
        return System.getenv().getOrDefault(name, System.getProperty(name));
    }

    private static Map<String, String> systemProperties() {
        final Map<String, String> map = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(n -> map.put(n, System.getProperty(n)));
        return map;
    }
}
