package io.portcullis.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.portcullis.config.SettingException;
import io.portcullis.config.Settings;

/**
 * {@code ./portcullis gateway --config FILE}: runs one gateway node against the configured services until SIGTERM or
 * SIGINT. FILE is a properties file of settings (see etc/gateway.properties); environment variables
 * {@code PORTCULLIS_*} override it. Exit codes: 0 stopped cleanly, 1 start-up failed (the message names the setting
 * or the service), 2 bad usage.
 */
public final class GatewayMain {
    private GatewayMain() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length != 2 || !"--config".equals(args[0])) {
            System.err.println("usage: ./portcullis gateway --config FILE   (FILE: settings, e.g. etc/gateway.properties)");
            System.exit(2);
        }
        final Gateway gateway;
        try {
            gateway = Gateway.start(Settings.fromFile(Path.of(args[1])), null, line -> out.println("  " + line
                .replace("\n", "\n  ")));
        } catch (final SettingException ex) {
            System.err.println("error: " + ex.getMessage());
            System.exit(1);
            return;
        } catch (final RuntimeException ex) {
            System.err.println("error: the gateway did not start: " + ex.getMessage());
            System.exit(1);
            return;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("  stopping the gateway");
            gateway.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        out.println("  gateway running; stop it with Ctrl-C or SIGTERM");
        stopped.await();
    }
}
