package io.portcullis.system.gateway;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.portcullis.app.Gateway;
import io.portcullis.app.demo.DemoData;
import io.portcullis.app.demo.DemoSessions;
import io.portcullis.config.Settings;

/**
 * A gateway process for crash tests: {@link Gateway} with the demo FIX configuration ({@code etc/demo/gateway.cfg}:
 * FIX 4.4/4.2/FIXT 1.1 templates, counterparties and credentials from {@link DemoSessions}), the demo firms and
 * accounts, no HTTP. Prints {@code READY} once the FIX acceptors listen, then runs until killed.
 *
 * <p>Arguments: fixConfig jdbcUrl user password kafkaBootstrap topic dataDir fix44Port fix42Port fixt11Port
 */
public final class GatewayNode {
    private GatewayNode() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        try {
            System.setProperty("PORTCULLIS_FIX44_PORT", args[7]);
            System.setProperty("PORTCULLIS_FIX42_PORT", args[8]);
            System.setProperty("PORTCULLIS_FIXT11_PORT", args[9]);
            final Settings settings = Settings.of(Map.of(
                "gateway.fix-config", args[0], "gateway.http-port", "-1", "risk.enforce-trading-hours", "false", "gateway.data-dir", args[6],
                "db.url", args[1], "db.user", args[2], "db.password", args[3],
                "kafka.bootstrap", args[4], "journal.topic", args[5]), Map.of(), Map.of());
            final Gateway gateway = Gateway.start(settings, database -> {
                DemoData.seed(database);
                DemoSessions.seed(database);
            }, line -> out.println("PROGRESS " + line.replace('\n', ' ')));
            out.println("READY");
            Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-node-shutdown"));
        } catch (final RuntimeException | Error ex) {
            ex.printStackTrace();
            out.println("FAILED " + ex);
            System.exit(2);
        }
        Thread.currentThread().join();
    }
}
