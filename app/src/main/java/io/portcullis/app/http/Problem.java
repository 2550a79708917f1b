package io.portcullis.app.http;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;

/**
 * RFC 9457 problem details ({@code application/problem+json}): every error the HTTP API returns. The body names the
 * problem type, the HTTP status, a human title, a detail that says what to do, and for bad input the field at fault.
 */
public final class Problem {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
        new com.fasterxml.jackson.databind.ObjectMapper();

    private Problem() {
    }

    /**
     * Writes a problem response.
     *
     * @param ctx    the request
     * @param status HTTP status
     * @param type   a short problem type, e.g. {@code not-ready}; becomes {@code urn:portcullis:problem:<type>}
     * @param title  a short human summary
     * @param detail what happened and what to do next
     * @param field  the request field at fault, or null
     */
    public static void respond(final Context ctx, final int status, final String type, final String title,
                               final String detail, final String field) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:portcullis:problem:" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        if (field != null) {
            body.put("field", field);
        }
        try {
            ctx.status(status).contentType("application/problem+json").result(JSON.writeValueAsString(body));
        } catch (final com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a problem body", ex);
        }
    }
}
