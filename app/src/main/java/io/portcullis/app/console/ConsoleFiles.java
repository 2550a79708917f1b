package io.portcullis.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.portcullis.app.http.HttpRoutes;
import io.portcullis.app.http.Problem;

/**
 * Serves the web console's page, script and style sheet from the class path ({@code console/}) at {@code /console/}.
 * The page itself holds no data: it logs in with {@code POST /api/auth/token} and reads the API with the token.
 * Only the listed files are served; anything else under {@code /console/} is a 404.
 */
public final class ConsoleFiles implements HttpRoutes {
    private static final Map<String, String> FILES = Map.of(
        "index.html", "text/html; charset=utf-8",
        "console.js", "text/javascript; charset=utf-8",
        "console.css", "text/css; charset=utf-8");
    // Same origin only: no inline script, no third-party anything; the WebSocket goes back to this host.
    private static final String POLICY = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public void register(final RoutesConfig routes) {
        // One route for both: the router ignores a trailing slash. Without it, the page's relative links would miss.
        routes.get("/console", ctx -> {
            if (ctx.path().endsWith("/")) {
                serve(ctx, "index.html");
            } else {
                ctx.redirect("/console/");
            }
        });
        routes.get("/console/{file}", ctx -> serve(ctx, ctx.pathParam("file")));
    }

    private static void serve(final Context ctx, final String file) {
        final String type = FILES.get(file);
        if (type == null) {
            Problem.respond(ctx, 404, "not-found", "No such console file",
                "the console is /console/ (index.html, console.js, console.css)", null);
            return;
        }
        try (InputStream in = ConsoleFiles.class.getClassLoader().getResourceAsStream("console/" + file)) {
            if (in == null) {
                throw new IllegalStateException("console/" + file + " is not on the class path (the app module's "
                    + "resources); rebuild the app module");
            }
            ctx.header("Content-Security-Policy", POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "no-cache");
            ctx.contentType(type).result(in.readAllBytes());
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
