package io.portcullis.app.admin;

import java.util.Objects;

/**
 * One entry of the admin API's route table: method, path (Javalin and OpenAPI syntax, {@code /api/sessions/{id}}),
 * who may call it, and the handler. Every field is required.
 *
 * @param method  HTTP method
 * @param path    starts with {@code /api/}
 * @param access  who may call it
 * @param handler what it does, called only once the caller is authenticated and authorized
 */
public record Route(Method method, String path, Access access, Handler handler) {
    /** The HTTP methods the admin API uses. */
    public enum Method {
        GET, POST, PUT, DELETE
    }

    /**
     * What a route does. Runs on a Jetty thread; may block on MySQL or QuickFIX/J. Refuses with {@link ApiProblem}
     * (or {@code InvalidInput}, {@code Conflict}, {@code NoSuchElementException}, which map to 400, 409, 404).
     */
    @FunctionalInterface
    public interface Handler {
        /** Handles one call. */
        Reply handle(Call call) throws Exception;
    }

    /** Validates that every part is present. */
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access: every route declares who may call it");
        Objects.requireNonNull(handler, "handler");
        if (!path.startsWith("/api/")) {
            throw new IllegalArgumentException("admin routes live under /api/, not " + path);
        }
    }

    /** {@code GET /api/sessions} */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
