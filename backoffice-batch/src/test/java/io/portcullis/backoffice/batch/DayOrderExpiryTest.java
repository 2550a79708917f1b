package io.portcullis.backoffice.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/**
 * The HTTP side of the {@code expire-day-orders} step against a stand-in for the gateway's route (the route itself,
 * with the real engine, is tested in the app module): the request it sends, the count it reads, and what it does when
 * the gateway refuses or does not answer.
 */
class DayOrderExpiryTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @Test
    void sendsTheTokenAndAReasonAndReadsTheCount() throws Exception {
        final AtomicReference<String> auth = new AtomicReference<>();
        final AtomicReference<String> body = new AtomicReference<>();
        final HttpServer server = server(200, "{\"expiredOrders\":17,\"journalOffset\":42}", auth, body);
        try {
            final ByteArrayOutputStream err = new ByteArrayOutputStream();
            final int expired = DayOrderExpiry.send("http://127.0.0.1:" + server.getAddress().getPort(), "t0ken", DAY,
                new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(expired).isEqualTo(17);
            assertThat(auth.get()).isEqualTo("Bearer t0ken");
            assertThat(body.get()).contains("\"reason\":\"trade-date close of 2026-11-25");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("expired 17 DAY orders");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRefusalFailsTheStepWithTheGatewaysAnswer() throws Exception {
        final HttpServer server = server(403, "{\"title\":\"Forbidden\",\"detail\":\"needs BACK_OFFICE\"}",
            new AtomicReference<>(), new AtomicReference<>());
        try {
            assertThatThrownBy(() -> DayOrderExpiry.send("http://127.0.0.1:" + server.getAddress().getPort(), "t",
                DAY, System.err))
                .isInstanceOfSatisfying(BatchException.class, ex -> {
                    assertThat(ex.exitCode()).isEqualTo(ExitCode.FAILED);
                    assertThat(ex.getMessage()).contains("HTTP 403", "needs BACK_OFFICE");
                });
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aGatewayThatDoesNotAnswerIsUnreachable() throws Exception {
        final int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> DayOrderExpiry.send("http://127.0.0.1:" + port, "t", DAY, System.err))
            .isInstanceOfSatisfying(BatchException.class, ex -> {
                assertThat(ex.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
                assertThat(ex.getMessage()).contains("does not answer", "batch.gateway-url");
            });
    }

    private static HttpServer server(final int status, final String answer, final AtomicReference<String> auth,
                                     final AtomicReference<String> body) throws IOException {
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/engine/expire-day-orders", exchange -> {
            auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            final byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
