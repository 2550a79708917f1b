package io.portcullis.app.admin;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A successful answer of a route.
 *
 * @param status      2xx
 * @param body        serialized as JSON, or a String sent as is when {@code contentType} is not JSON, or a
 *                    {@link Streamed} body written as it is produced; null for none
 * @param contentType e.g. {@code application/json}
 */
public record Reply(int status, Object body, String contentType) {
    /**
     * A body too large to hold in memory (CSV exports), written to the response as it is produced. The handler
     * validates everything before it returns one: once writing starts the status (200) is sent, and a failure can
     * only cut the response short (the guard logs it).
     */
    @FunctionalInterface
    public interface Streamed {
        /** Writes the body to {@code out} (Jetty thread; do not close {@code out}). */
        void writeTo(OutputStream out) throws IOException;
    }

    /** 200 with a body streamed as it is produced. */
    public static Reply streamed(final String contentType, final Streamed body) {
        return new Reply(200, body, contentType);
    }

    /** 200 with a JSON body. */
    public static Reply ok(final Object body) {
        return new Reply(200, body, "application/json");
    }

    /** 201 with a JSON body. */
    public static Reply created(final Object body) {
        return new Reply(201, body, "application/json");
    }

    /** 204, no body. */
    public static Reply noContent() {
        return new Reply(204, null, null);
    }
}
