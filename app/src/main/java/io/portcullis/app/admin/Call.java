package io.portcullis.app.admin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.portcullis.app.admin.account.Principal;

/**
 * One admin API call as a handler sees it: the caller, typed access to the request that names the field at fault
 * when a value is missing or wrong, and what the handler changed (for the audit trail). One per request, one thread.
 */
public final class Call {
    /** Longest reason accepted. */
    public static final int MAX_REASON = 512;

    private final Context ctx;
    private final ObjectMapper json;
    private Principal principal;
    private ObjectNode body;
    private String actor;
    private String action;
    private String target;
    private String reason;
    private Object before;
    private Object after;

    Call(final Context ctx, final ObjectMapper json) {
        this.ctx = ctx;
        this.json = json;
    }

    void principal(final Principal principal) {
        this.principal = principal;
    }

    /** The authenticated caller; null only on routes open to anyone. */
    public Principal principal() {
        return principal;
    }

    /** The request (headers, client address). */
    public Context context() {
        return ctx;
    }

    /** A path parameter, URL-decoded. */
    public String path(final String name) {
        return ctx.pathParam(name);
    }

    /**
     * The JSON object body.
     *
     * @throws ApiProblem 400 naming {@code body} when it is missing, malformed or not an object
     */
    public ObjectNode body() {
        if (body == null) {
            final String text = ctx.body();
            if (text.isBlank()) {
                throw ApiProblem.badRequest("body", "a JSON object is required");
            }
            final JsonNode node;
            try {
                node = json.readTree(text);
            } catch (final JsonProcessingException ex) {
                throw ApiProblem.badRequest("body", "malformed JSON at line " + ex.getLocation().getLineNr()
                    + ", column " + ex.getLocation().getColumnNr());
            }
            if (!(node instanceof ObjectNode object)) {
                throw ApiProblem.badRequest("body", "must be a JSON object");
            }
            body = object;
        }
        return body;
    }

    /** A required string member of 1 to {@code max} characters, not blank. */
    public String text(final String field, final int max) {
        final String value = optionalText(field, max);
        if (value == null) {
            throw ApiProblem.badRequest(field, "is required (a string of 1 to " + max + " characters)");
        }
        return value;
    }

    /** An optional string member: null when absent; 400 when present but not a 1..{@code max} string. */
    public String optionalText(final String field, final int max) {
        final JsonNode node = body().get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > max) {
            throw ApiProblem.badRequest(field, "must be a string of 1 to " + max + " characters");
        }
        return node.asText();
    }

    /** The required {@code reason} member: why the operator does this (1 to {@value #MAX_REASON} characters). */
    public String reason() {
        return text("reason", MAX_REASON);
    }

    /** An optional integer member within [min, max]; null when absent. */
    public Integer optionalInt(final String field, final int min, final int max) {
        final JsonNode node = body().get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw ApiProblem.badRequest(field, "must be an integer from " + min + " to " + max);
        }
        return node.asInt();
    }

    /** A required non-empty array of role names. */
    public Set<Role> roles(final String field) {
        final JsonNode node = body().get(field);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw ApiProblem.badRequest(field, "is required: a non-empty array of role names of "
                + java.util.Arrays.toString(Role.values()));
        }
        final Set<Role> roles = EnumSet.noneOf(Role.class);
        for (final JsonNode element : node) {
            try {
                roles.add(Role.parse(element.isTextual() ? element.asText() : element.toString()));
            } catch (final IllegalArgumentException ex) {
                throw ApiProblem.badRequest(field, ex.getMessage());
            }
        }
        return roles;
    }

    /** Refuses members other than {@code allowed} (a typo must not pass silently). */
    public void onlyMembers(final String... allowed) {
        final List<String> known = List.of(allowed);
        final List<String> unknown = new ArrayList<>();
        body().fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest(unknown.get(0), "unknown member; accepted: " + known);
        }
    }

    /** An integer query parameter within [min, max], {@code fallback} when absent. */
    public int queryInt(final String name, final int fallback, final int min, final int max) {
        final String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            final int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (final NumberFormatException ex) {
            // falls through to the problem
        }
        throw ApiProblem.badRequest(name, "must be an integer from " + min + " to " + max);
    }

    /**
     * Records a change for the audit trail (kept even when the handler then refuses).
     *
     * @param action e.g. {@code SESSION_LOGOUT}
     * @param target the session, user or token changed
     * @param reason the operator's reason, or null
     * @param before the state before (serialized as JSON), or null
     * @param after  the state after, or null
     */
    public void changed(final String action, final String target, final String reason, final Object before,
                        final Object after) {
        this.action = action;
        this.target = target;
        this.reason = reason;
        this.before = before;
        this.after = after;
    }

    /** Names the user an unauthenticated call concerns (the username of a login attempt). */
    public void actor(final String username) {
        this.actor = username;
    }

    String actor() {
        return principal != null ? principal.username() : actor;
    }

    String action() {
        return action;
    }

    String target() {
        return target;
    }

    String reasonGiven() {
        return reason;
    }

    Object before() {
        return before;
    }

    Object after() {
        return after;
    }
}
