package io.portcullis.app.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.javalin.Javalin;

/**
 * The gateway's HTTP endpoint: liveness ({@code /health/live}), readiness ({@code /health/ready}: every
 * {@link HealthCheck} holds) and Prometheus metrics ({@code /metrics}). Errors are problem+json. Bound to the given
 * address; thread-safe registration before or after start.
 */
public final class GatewayHttpServer implements AutoCloseable {
    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
    private final List<Metric> metrics = new CopyOnWriteArrayList<>();
    private final List<MetricFamily> families = new CopyOnWriteArrayList<>();
    private final Javalin javalin;

    /**
     * Creates the server; {@link #start} binds it.
     *
     * @param components more routes (the admin API), registered after health and metrics
     */
    public GatewayHttpServer(final HttpRoutes... components) {
        javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
            config.routes.get("/health/ready", ctx -> {
                final Map<String, Object> body = new LinkedHashMap<>();
                final Map<String, String> problems = new LinkedHashMap<>();
                for (final HealthCheck check : checks) {
                    final String problem = check.problem();
                    if (problem != null) {
                        problems.put(check.name(), problem);
                    }
                }
                if (problems.isEmpty()) {
                    body.put("status", "UP");
                    body.put("checks", checks.stream().map(HealthCheck::name).toList());
                    ctx.json(body);
                } else {
                    Problem.respond(ctx, 503, "not-ready", "The gateway is not ready",
                        "Failing checks: " + problems, null);
                }
            });
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(scrape()));
            config.routes.error(404, ctx -> {
                // a route that answered 404 itself (an unknown session or user) keeps its own problem
                if (!String.valueOf(ctx.res().getContentType()).startsWith("application/problem+json")) {
                    Problem.respond(ctx, 404, "not-found", "No such resource",
                        "GET /health/live, /health/ready, /metrics, or the admin API (GET /api/openapi.yaml)", null);
                }
            });
            for (final HttpRoutes component : components) {
                component.register(config.routes);
            }
        });
    }

    /** Every registered route as {@code METHOD path}, e.g. {@code GET /api/sessions/{id}} (for contract tests). */
    public List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
            .map(entry -> entry.endpoint.method.name() + " " + entry.endpoint.path).toList();
    }

    /** Adds a readiness condition. */
    public GatewayHttpServer check(final HealthCheck check) {
        checks.add(check);
        return this;
    }

    /** Adds a metric. */
    public GatewayHttpServer metric(final Metric metric) {
        metrics.add(metric);
        return this;
    }

    /** Adds a metric family with labels or buckets. */
    public GatewayHttpServer metrics(final MetricFamily family) {
        families.add(family);
        return this;
    }

    /** Binds 127.0.0.1 (or {@code host}) on {@code port}; 0 picks a free port. Returns the port. */
    public int start(final String host, final int port) {
        javalin.start(host, port);
        return javalin.port();
    }

    /** The {@code /metrics} text as a scrape would see it now. Any thread. */
    public String scrape() {
        final StringBuilder out = new StringBuilder(1024);
        final List<Metric> snapshot = new ArrayList<>(metrics);
        for (final Metric metric : snapshot) {
            out.append("# HELP ").append(metric.name()).append(' ').append(metric.help()).append('\n');
            out.append("# TYPE ").append(metric.name()).append(' ').append(metric.type()).append('\n');
            out.append(metric.name()).append(' ').append(metric.value().getAsLong()).append('\n');
        }
        for (final MetricFamily family : families) {
            family.writeTo(out);
        }
        return out.toString();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
