package io.portcullis.app.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real browser for the console's end-to-end test: Debian's Chromium, headless, driven over the Chrome DevTools
 * Protocol (a WebSocket, so no driver and no npm package): one page, JavaScript evaluated in it, its uncaught
 * exceptions and console errors collected, a screenshot. The binary is {@code PORTCULLIS_CHROMIUM} or
 * {@code /usr/bin/chromium}; {@code ./portcullis test} installs it (Debian package {@code chromium}) when missing.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final HttpClient client = HttpClient.newHttpClient();
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private String session;

    private HeadlessChromium(final Process process, final String endpoint) throws Exception {
        this.process = process;
        this.socket = client.newWebSocketBuilder().buildAsync(URI.create(endpoint), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last) {
                partial.append(data);
                if (last) {
                    received(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /** Starts Chromium with a fresh profile under {@code profile} and opens one blank page of the given size. */
    static HeadlessChromium start(final Path profile, final int width, final int height) throws Exception {
        final String binary = System.getenv().getOrDefault("PORTCULLIS_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException("no Chromium at " + binary + ": ./portcullis test installs the Debian "
                + "package chromium (as root); or apt-get install chromium, or set PORTCULLIS_CHROMIUM");
        }
        // The flags of a headless run on a closed network: no background connections, no first-run work.
        final Process process = new ProcessBuilder(binary, "--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-port=0",
            "--window-size=" + width + "," + height, "about:blank").redirectErrorStream(true).start();
        final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8));
        final CompletableFuture<String> endpoint = new CompletableFuture<>();
        final Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    final int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on") && at >= 0) {
                        endpoint.complete(line.substring(at).strip());
                    }
                }
            } catch (final IOException ex) {
                endpoint.completeExceptionally(ex);
            }
            endpoint.completeExceptionally(new IllegalStateException("Chromium exited without a DevTools endpoint"));
        }, "chromium-output");
        reader.setDaemon(true);
        reader.start();
        final HeadlessChromium browser = new HeadlessChromium(process, endpoint.get(60, TimeUnit.SECONDS));
        final String target = browser.call(null, "Target.createTarget", Map.of("url", "about:blank"))
            .path("targetId").asText();
        browser.session = browser.call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
            .path("sessionId").asText();
        browser.call(browser.session, "Runtime.enable", Map.of());
        browser.call(browser.session, "Page.enable", Map.of());
        browser.call(browser.session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
            "deviceScaleFactor", 1, "mobile", false));
        return browser;
    }

    /** Loads {@code url} and waits until its document is complete. */
    void open(final String url) throws Exception {
        call(session, "Page.navigate", Map.of("url", url));
        waitFor("document.readyState === 'complete' && location.href === " + JSON.writeValueAsString(url),
            Duration.ofSeconds(30));
    }

    /** The value of a JavaScript expression in the page (a promise is awaited); JSON-like values only. */
    JsonNode eval(final String expression) throws Exception {
        final JsonNode result = call(session, "Runtime.evaluate", Map.of("expression", expression,
            "awaitPromise", true, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("the page threw on " + expression + ": " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until a JavaScript expression is true in the page. */
    void waitFor(final String condition, final Duration timeout) throws Exception {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!eval("Boolean(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s in the browser: " + condition
                    + "; page errors: " + errors);
            }
            Thread.sleep(100);
        }
    }

    /** Writes a PNG of the page. */
    void screenshot(final Path file) throws Exception {
        final JsonNode shot = call(session, "Page.captureScreenshot", Map.of("format", "png"));
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** Uncaught exceptions and console errors the page reported so far. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    private JsonNode call(final String sessionId, final String method, final Map<String, Object> params)
        throws Exception {
        final int id = ids.incrementAndGet();
        final ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        final CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        final JsonNode reply = answer.get(60, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.path("error"));
        }
        return reply.path("result");
    }

    private void received(final String text) {
        final JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (final IOException ex) {
            errors.add("not JSON from Chromium: " + text);
            return;
        }
        if (message.has("id")) {
            final CompletableFuture<JsonNode> answer = pending.remove(message.path("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        final String method = message.path("method").asText();
        final JsonNode params = message.path("params");
        if (method.equals("Runtime.exceptionThrown")) {
            errors.add("exception: " + params.path("exceptionDetails").path("exception").path("description")
                .asText(params.path("exceptionDetails").path("text").asText()));
        } else if (method.equals("Runtime.consoleAPICalled") && params.path("type").asText().equals("error")) {
            errors.add("console.error: " + params.path("args"));
        }
    }

    @Override
    public void close() {
        socket.abort();
        client.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
