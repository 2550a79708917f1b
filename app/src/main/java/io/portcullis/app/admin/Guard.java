package io.portcullis.app.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.time.InstantSource;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.portcullis.app.admin.account.Conflict;
import io.portcullis.app.admin.account.InvalidInput;
import io.portcullis.app.admin.account.Principal;
import io.portcullis.app.admin.account.Tokens;
import io.portcullis.app.admin.audit.AdminAudit;
import io.portcullis.app.admin.audit.AuditEntry;
import io.portcullis.app.http.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every admin route runs through, in order: authenticate the bearer token (401), check the route's roles (403),
 * run the handler, map refusals to problem+json, write the audit entry, answer. If the audit entry cannot be written
 * the caller gets 500 instead of the handler's answer (fail closed; a change already made is named in the log).
 *
 * <p>Jetty threads; stateless apart from the route.
 */
final class Guard implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);
    private static final String BEARER = "Bearer ";

    private final Route route;
    private final Tokens tokens;
    private final AdminAudit audit;
    private final ObjectMapper json;
    private final InstantSource clock;

    Guard(final Route route, final Tokens tokens, final AdminAudit audit, final ObjectMapper json,
          final InstantSource clock) {
        this.route = route;
        this.tokens = tokens;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void handle(final Context ctx) {
        final long started = System.nanoTime();
        final Call call = new Call(ctx, json);
        Reply reply = null;
        ApiProblem problem = null;
        try {
            if (!route.access().open()) {
                call.principal(authorize(ctx));
            }
            reply = route.handler().handle(call);
        } catch (final ApiProblem ex) {
            problem = ex;
        } catch (final InvalidInput ex) {
            problem = ApiProblem.badRequest(ex.field(), ex.reason());
        } catch (final Conflict ex) {
            problem = ApiProblem.conflict(ex.getMessage());
        } catch (final NoSuchElementException ex) {
            problem = ApiProblem.notFound(ex.getMessage());
        } catch (final Exception ex) {
            LOG.error("{} {} failed", route.method(), ctx.path(), ex);
            problem = ApiProblem.internal(route + " failed: " + ex.getClass().getSimpleName()
                + "; see the gateway log");
        }
        final Principal principal = call.principal();
        try {
            audit.record(new AuditEntry(0, clock.instant(), call.actor(),
                principal == null ? null : principal.roles().stream().map(Enum::name)
                    .collect(Collectors.joining(",")),
                route.method().name(), ctx.path(), problem == null ? reply.status() : problem.status(),
                call.action(), call.target(), call.reasonGiven(), state(call.before()), state(call.after()),
                problem == null ? null : problem.getMessage(), ctx.ip(), (System.nanoTime() - started) / 1_000));
        } catch (final RuntimeException ex) {
            LOG.error("AUDIT FAILURE: {} {} by {} (action {}, target {}) answered {} but could not be audited",
                route.method(), ctx.path(), call.actor(), call.action(), call.target(),
                problem == null ? reply.status() : problem.status(), ex);
            problem = ApiProblem.internal("the call could not be written to the audit trail"
                + (call.action() == null ? "" : " (the change " + call.action() + " was made)")
                + "; see the gateway log");
        }
        if (problem != null) {
            respond(ctx, problem);
        } else {
            write(ctx, reply);
        }
    }

    private Principal authorize(final Context ctx) {
        final String header = ctx.header("Authorization");
        if (header == null) {
            throw ApiProblem.unauthorized("send 'Authorization: Bearer <token>'; get a token with POST "
                + "/api/auth/token");
        }
        final Optional<Principal> principal = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? tokens.authenticate(header.substring(BEARER.length()).strip()) : Optional.empty();
        if (principal.isEmpty()) {
            throw ApiProblem.unauthorized("the bearer token is unknown, expired or revoked, or its user is "
                + "disabled; log in again with POST /api/auth/token");
        }
        if (!route.access().allows(principal.get().roles())) {
            throw ApiProblem.forbidden(route + " requires role " + String.join(" or ",
                route.access().roles().stream().map(Enum::name).toList()) + "; you have "
                + (principal.get().roles().isEmpty() ? "no role" : principal.get().roles()));
        }
        return principal.get();
    }

    private static void respond(final Context ctx, final ApiProblem problem) {
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", ctx.header("Authorization") == null ? "Bearer realm=\"portcullis\""
                : "Bearer realm=\"portcullis\", error=\"invalid_token\"");
        }
        Problem.respond(ctx, problem.status(), problem.type(), problem.title(), problem.getMessage(),
            problem.field());
    }

    private void write(final Context ctx, final Reply reply) {
        ctx.status(reply.status());
        if (reply.body() == null) {
            return;
        }
        ctx.contentType(reply.contentType());
        if (reply.body() instanceof Reply.Streamed streamed) {
            try {
                final OutputStream out = ctx.outputStream();
                streamed.writeTo(out);
                out.flush();
            } catch (final IOException | RuntimeException ex) {
                // The status is sent: the only way left to say "incomplete" is to cut the response short.
                LOG.error("{} {}: streaming the answer failed after it started; the response is cut short",
                    route.method(), ctx.path(), ex);
                throw new IllegalStateException("streamed answer of " + route + " failed", ex);
            }
            return;
        }
        if (reply.body() instanceof String text && !reply.contentType().contains("json")) {
            ctx.result(text);
            return;
        }
        try {
            ctx.result(json.writeValueAsString(reply.body()));
        } catch (final JsonProcessingException ex) {
            throw new IllegalStateException("cannot write the reply of " + route, ex);
        }
    }

    private String state(final Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (final JsonProcessingException ex) {
            return String.valueOf(value);
        }
    }
}
