package io.portcullis.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.portcullis.app.demo.DemoData;
import io.portcullis.oms.domain.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in a real browser (headless Chromium) against a real gateway (MySQL, Kafka, Redis): a trader logs
 * in through the page, sees the market watch, the chart, time and sales and positions from trades made before, sets
 * a price alert through the form, and then sees the next trade arrive live over the WebSocket: the last price, the
 * tape, the re-marked position and the alert's notice, with no error in the page. The screenshot goes to
 * {@code target/console-e2e.png}.
 */
@Timeout(240)
class ConsoleBrowserTest {
    private static final Duration LIVE = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void aTraderSeesTheMarketPositionsAndAFiredAlertLiveInTheBrowser() throws Exception {
        try (AdminGateway gateway = AdminGateway.start(ConsoleBrowserTest.class, temp)) {
            gateway.accounts().create("trader", Set.of(Role.OPERATIONS), AdminGateway.PASSWORD.toCharArray(), "test");
            gateway.order(Side.SELL, DemoData.SIM_MAKER_ACCOUNT, "AAPL", 2_685_000, "WEB-1");
            gateway.order(Side.BUY, DemoData.SIM_TAKER_ACCOUNT, "AAPL", 2_685_000, "WEB-2");
            gateway.order(Side.SELL, DemoData.SIM_MAKER_ACCOUNT, "AAPL", 2_684_000, "WEB-3");
            gateway.order(Side.BUY, DemoData.SIM_TAKER_ACCOUNT, "AAPL", 2_684_000, "WEB-4");
            final String base = "http://127.0.0.1:" + gateway.gateway().httpPort();
            try (HeadlessChromium browser = HeadlessChromium.start(Files.createDirectories(temp.resolve("profile")),
                1366, 900)) {
                browser.open(base + "/console/");
                browser.eval("document.getElementById('login-user').value = 'trader';"
                    + "document.getElementById('login-password').value = '" + AdminGateway.PASSWORD + "';"
                    + "document.getElementById('login-form').requestSubmit(); true");
                browser.waitFor("document.getElementById('conn-state').textContent.includes('live')", LIVE);
                browser.waitFor(row("#market-table tbody tr[data-symbol='AAPL']") + ".includes('268.4000')", LIVE);
                browser.waitFor(positionOf("SIM-TAKER") + ".includes('200')", LIVE);
                browser.waitFor("document.querySelectorAll('#trades-table tbody tr').length === 2", LIVE);
                assertThat(browser.eval(row("#trades-table tbody tr")).asText()).contains("268.4000");
                // The chart drew candles: many distinct colours on its canvas.
                browser.waitFor(distinctColours() + " > 8", LIVE);

                // A price alert through the form, then a trade above it, live.
                browser.waitFor("[...document.querySelectorAll('#alert-symbol option')].some(o => o.value === 'AAPL')",
                    LIVE);
                browser.eval("document.getElementById('alert-symbol').value = 'AAPL';"
                    + "document.getElementById('alert-condition').value = 'ABOVE';"
                    + "document.getElementById('alert-price').value = '268.55';"
                    + "document.getElementById('alert-form').requestSubmit(); true");
                browser.waitFor("document.querySelectorAll('#alerts-table tbody tr').length === 1", LIVE);
                gateway.order(Side.SELL, DemoData.SIM_MAKER_ACCOUNT, "AAPL", 2_686_000, "WEB-5");
                gateway.order(Side.BUY, DemoData.SIM_TAKER_ACCOUNT, "AAPL", 2_686_000, "WEB-6");

                browser.waitFor("document.getElementById('toasts').textContent.includes('268.6000')", LIVE);
                browser.waitFor(row("#market-table tbody tr[data-symbol='AAPL']") + ".includes('268.6000')", LIVE);
                browser.waitFor("document.querySelectorAll('#trades-table tbody tr').length === 3", LIVE);
                assertThat(browser.eval(row("#trades-table tbody tr")).asText()).contains("268.6000");
                // SIM-TAKER: 300 bought for 80,550 in all, marked at 268.60: 80,580, so +30 unrealized.
                browser.waitFor(positionOf("SIM-TAKER") + ".includes('300')", LIVE);
                assertThat(browser.eval(positionOf("SIM-TAKER")).asText()).contains("30.0000");
                assertThat(browser.eval(row("#alerts-table tbody tr")).asText()).contains("268.6000");

                browser.screenshot(Path.of("target/console-e2e.png"));
                assertThat(browser.errors()).as("errors in the page").isEmpty();
            }
        }
    }

    /** The text of the first element matching {@code selector}, or '' (a JavaScript expression). */
    private static String row(final String selector) {
        return "(document.querySelector(\"" + selector + "\")?.innerText ?? '')";
    }

    /** The text of the AAPL position row of {@code account} (a JavaScript expression). */
    private static String positionOf(final String account) {
        return "([...document.querySelectorAll('#positions-table tbody tr')].map(r => r.innerText)"
            + ".find(t => t.includes('" + account + "') && t.includes('AAPL')) ?? '')";
    }

    /** How many distinct colours the chart's canvas has (a JavaScript expression). */
    private static String distinctColours() {
        return "(() => { const c = document.getElementById('chart'); if (!c.width || !c.height) return 0;"
            + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const seen = new Set();"
            + " for (let i = 0; i < d.length; i += 4 * 7) seen.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]);"
            + " return seen.size; })()";
    }
}
