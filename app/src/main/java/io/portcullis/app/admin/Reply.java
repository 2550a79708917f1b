package io.portcullis.app.admin;

/**
 * A successful answer of a route.
 *
 * @param status      2xx
 * @param body        serialized as JSON, or a String sent as is when {@code contentType} is not JSON; null for none
 * @param contentType e.g. {@code application/json}
 */
public record Reply(int status, Object body, String contentType) {
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
