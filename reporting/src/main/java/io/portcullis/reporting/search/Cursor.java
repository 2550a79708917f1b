package io.portcullis.reporting.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a paged search stands: its point in time, the sort values of the last row returned ({@code search_after}),
 * which search it belongs to ({@code kind}) and a fingerprint of its filters and sort, so that a cursor replayed
 * with other parameters is refused instead of silently mixing two searches. The token is base64url JSON: opaque to
 * callers, not secret (it names nothing a caller could not search for anyway). Immutable.
 *
 * @param kind        {@code orders} or {@code executions}
 * @param fingerprint {@link #fingerprint(Object...)} of the search's filters and sort
 * @param pitId       the point in time id
 * @param after       sort values of the last row returned, including the point in time's tie-breaker
 */
record Cursor(String kind, String fingerprint, String pitId, List<FieldValue> after) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    /** The token handed to the caller. */
    String encode() {
        final ObjectNode node = JSON.createObjectNode();
        node.put("v", VERSION).put("k", kind).put("f", fingerprint).put("p", pitId);
        final ArrayNode values = node.putArray("a");
        for (final FieldValue value : after) {
            switch (value._kind()) {
                case Long -> values.add(value.longValue());
                case Double -> values.add(value.doubleValue());
                case Boolean -> values.add(value.booleanValue());
                case String -> values.add(value.stringValue());
                case Null -> values.addNull();
                default -> throw new IllegalStateException("unexpected sort value " + value._toJsonString());
            }
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
        } catch (final IOException ex) {
            throw new IllegalStateException("cannot write a cursor", ex);
        }
    }

    /**
     * Reads a token given back by a caller.
     *
     * @throws InvalidSearch naming {@code cursor} when it is not a cursor, or one of another search
     */
    static Cursor decode(final String token, final String kind, final String fingerprint) {
        final JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(token));
        } catch (final IllegalArgumentException | IOException ex) {
            throw new InvalidSearch("cursor", "is not a cursor returned by this API (give back 'next' unchanged)");
        }
        if (node == null || !node.path("v").isInt() || node.path("v").asInt() != VERSION || !node.path("p").isTextual()
            || !node.path("a").isArray() || !node.path("k").isTextual() || !node.path("f").isTextual()) {
            throw new InvalidSearch("cursor", "is not a cursor returned by this API (give back 'next' unchanged)");
        }
        if (!kind.equals(node.get("k").asText())) {
            throw new InvalidSearch("cursor", "is a cursor of the " + node.get("k").asText() + " search, not of "
                + kind);
        }
        if (!fingerprint.equals(node.get("f").asText())) {
            throw new InvalidSearch("cursor", "belongs to a search with other filters or another sort; repeat the "
                + "parameters of the first page with the cursor");
        }
        final List<FieldValue> after = new ArrayList<>();
        for (final JsonNode value : node.get("a")) {
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                after.add(FieldValue.of(value.asLong()));
            } else if (value.isNumber()) {
                after.add(FieldValue.of(value.asDouble()));
            } else if (value.isBoolean()) {
                after.add(FieldValue.of(value.asBoolean()));
            } else if (value.isTextual()) {
                after.add(FieldValue.of(value.asText()));
            } else if (value.isNull()) {
                after.add(FieldValue.NULL);
            } else {
                throw new InvalidSearch("cursor", "is not a cursor returned by this API (give back 'next' unchanged)");
            }
        }
        return new Cursor(kind, fingerprint, node.get("p").asText(), List.copyOf(after));
    }

    /** A short hash (SHA-256, 16 hex digits) of the parts' string forms, to recognise one search's cursors. */
    static String fingerprint(final Object... parts) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (final Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (final NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }
}
