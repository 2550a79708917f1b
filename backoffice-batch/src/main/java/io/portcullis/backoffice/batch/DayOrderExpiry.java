package io.portcullis.backoffice.batch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import io.portcullis.reporting.reconcile.TradingDay;

/**
 * The {@code trade-date-close} job's first step: for today's close, asks the running gateway's engine to expire every
 * live DAY order ({@code POST /api/engine/expire-day-orders}, a journaled command: each broker receives its Expired
 * execution reports). For an earlier date there is nothing to send: that day's DAY orders were expired at its close,
 * and the job's last step reports any still open. Sending twice is harmless (the second expires nothing).
 */
final class DayOrderExpiry {
    private DayOrderExpiry() {
    }

    /** Runs the step; returns the number of orders expired (0 when nothing was sent). */
    static int expire(final RunContext context) throws InterruptedException {
        final LocalDate today = LocalDate.now(TradingDay.ZONE);
        if (!context.date().equals(today)) {
            context.err().printf("step expire-day-orders: %s is not today (%s): that day's DAY orders were expired at "
                + "its close; nothing sent%n", context.date(), today);
            return 0;
        }
        final BatchConfiguration configuration = context.configuration();
        if (configuration.gatewayToken() == null || configuration.gatewayToken().isBlank()) {
            throw new BatchException(ExitCode.REFUSED, "closing today expires the DAY orders through the gateway: set "
                + "batch.gateway-token (PORTCULLIS_BATCH_GATEWAY_TOKEN) to a BACK_OFFICE user's API token (POST "
                + "/api/auth/token) and run the job again", null);
        }
        return send(configuration.gatewayUrl(), configuration.gatewayToken(), context.date(), context.err());
    }

    /**
     * Asks the gateway at {@code gatewayUrl} to expire the DAY orders of the close of {@code date}.
     *
     * @return the number of orders the engine expired
     * @throws BatchException UNREACHABLE when the gateway does not answer, FAILED when it refuses
     */
    static int send(final String gatewayUrl, final String token, final LocalDate date, final java.io.PrintStream err)
        throws InterruptedException {
        final URI uri = URI.create(gatewayUrl + "/api/engine/expire-day-orders");
        final HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"trade-date close of " + date
                + " (./portcullis batch)\"}")).build();
        final HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (final ConnectException ex) {
            throw new BatchException(ExitCode.UNREACHABLE, "the gateway's admin API does not answer at "
                + gatewayUrl + " (batch.gateway-url): DAY orders cannot be expired; start the "
                + "gateway, then restart the job", ex);
        } catch (final IOException ex) {
            throw new BatchException(ExitCode.UNREACHABLE, "the gateway's admin API at " + gatewayUrl
                + " failed: " + ex.getMessage(), ex);
        }
        if (response.statusCode() != 200) {
            throw new BatchException(ExitCode.FAILED, "the gateway refused to expire DAY orders: HTTP "
                + response.statusCode() + " " + response.body(), null);
        }
        final String body = response.body();
        final int at = body.indexOf("\"expiredOrders\":");
        final int expired = at < 0 ? -1 : Integer.parseInt(body.substring(at + 16).replaceAll("[^0-9].*$", ""));
        err.printf("step expire-day-orders: the engine expired %d DAY orders (%s)%n", expired, body);
        return expired;
    }
}
