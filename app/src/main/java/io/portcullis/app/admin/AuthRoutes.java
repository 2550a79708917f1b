package io.portcullis.app.admin;

import static io.portcullis.app.admin.Route.Method.DELETE;
import static io.portcullis.app.admin.Route.Method.GET;
import static io.portcullis.app.admin.Route.Method.POST;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portcullis.app.admin.account.Accounts;
import io.portcullis.app.admin.account.Tokens;
import io.portcullis.app.admin.audit.AuditEntry;
import io.portcullis.app.admin.audit.MysqlAdminAudit;

/**
 * Login and logout (tokens), the OpenAPI document, and the audit trail for COMPLIANCE. Failed logins answer the same
 * 401 whether the user is unknown, the password wrong, the user disabled or locked (the audit row tells which).
 */
final class AuthRoutes {
    private final Accounts accounts;
    private final Tokens tokens;
    private final MysqlAdminAudit trail;
    private final Duration tokenLifetime;
    private final byte[] openApi;

    AuthRoutes(final Accounts accounts, final Tokens tokens, final MysqlAdminAudit trail,
               final Duration tokenLifetime, final byte[] openApi) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.trail = trail;
        this.tokenLifetime = tokenLifetime;
        this.openApi = openApi.clone();
    }

    List<Route> routes() {
        return List.of(
            new Route(GET, "/api/openapi.yaml", Access.anyone(),
                call -> new Reply(200, new String(openApi, java.nio.charset.StandardCharsets.UTF_8),
                    "application/yaml")),
            new Route(POST, "/api/auth/token", Access.anyone(), this::login),
            new Route(DELETE, "/api/auth/token", Access.anyRole(), call -> {
                tokens.revoke(call.principal().tokenHash());
                call.changed("TOKEN_REVOKED", call.principal().username(), null, null, null);
                return Reply.noContent();
            }),
            new Route(GET, "/api/audit", Access.roles(Role.COMPLIANCE), call -> Reply.ok(Map.of("entries",
                trail.recent(call.queryInt("limit", 100, 1, 1000)).stream().map(AuthRoutes::view).toList())))
        );
    }

    private static Map<String, Object> view(final AuditEntry entry) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", entry.id());
        out.put("occurredAt", entry.occurredAt().toString());
        out.put("username", entry.username());
        out.put("roles", entry.roles());
        out.put("method", entry.method());
        out.put("path", entry.path());
        out.put("status", entry.status());
        out.put("action", entry.action());
        out.put("target", entry.target());
        out.put("reason", entry.reason());
        out.put("before", entry.before());
        out.put("after", entry.after());
        out.put("detail", entry.detail());
        out.put("remoteAddress", entry.remoteAddress());
        out.put("durationMicros", entry.durationMicros());
        return out;
    }

    private Reply login(final Call call) {
        call.onlyMembers("username", "password");
        final String username = call.text("username", 64);
        call.actor(username);
        final String password = call.text("password", Accounts.MAX_PASSWORD_LENGTH);
        final char[] chars = password.toCharArray();
        final Accounts.LoginOutcome outcome;
        try {
            outcome = accounts.login(username, chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
        if (outcome != Accounts.LoginOutcome.OK) {
            call.changed("LOGIN_FAILED", username, null, null, Map.of("outcome", outcome.name()));
            throw ApiProblem.unauthorized("wrong username or password, or the user is disabled or locked");
        }
        final Tokens.Issued issued = tokens.issue(username, tokenLifetime);
        call.changed("LOGIN", username, null, null, Map.of("expiresAt", issued.expiresAt().toString()));
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", issued.token());
        body.put("tokenType", "Bearer");
        body.put("expiresAt", issued.expiresAt().toString());
        body.put("roles", accounts.find(username).orElseThrow().roles().stream().map(Enum::name).toList());
        return Reply.created(body);
    }
}
