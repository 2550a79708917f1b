package io.portcullis.app.http;

import io.javalin.config.RoutesConfig;

/**
 * A component that adds routes to the gateway's HTTP server (the admin API). Javalin 7 takes routes only while the
 * server is configured, so components are given to the {@link GatewayHttpServer} constructor.
 */
public interface HttpRoutes {
    /** Adds this component's routes; called once, on the constructing thread. */
    void register(RoutesConfig routes);
}
