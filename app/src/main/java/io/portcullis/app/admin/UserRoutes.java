package io.portcullis.app.admin;

import static io.portcullis.app.admin.Route.Method.DELETE;
import static io.portcullis.app.admin.Route.Method.GET;
import static io.portcullis.app.admin.Route.Method.POST;
import static io.portcullis.app.admin.Route.Method.PUT;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.app.admin.account.Accounts;
import io.portcullis.app.admin.account.Tokens;
import io.portcullis.app.admin.account.UserAccount;

/**
 * User administration (role ADMIN, which has no other rights): create, list, show, change roles, enable, disable
 * (which also revokes the user's tokens) and revoke tokens. The last enabled administrator cannot be disabled or lose
 * ADMIN (409).
 */
final class UserRoutes {
    private static final String USER = "/api/users/{username}";

    private final Accounts accounts;
    private final Tokens tokens;

    UserRoutes(final Accounts accounts, final Tokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    List<Route> routes() {
        final Access admin = Access.roles(Role.ADMIN);
        return List.of(
            new Route(GET, "/api/users", admin, call -> Reply.ok(Map.of("users",
                accounts.list().stream().map(UserRoutes::view).toList()))),
            new Route(POST, "/api/users", admin, this::create),
            new Route(GET, USER, admin, call -> Reply.ok(view(existing(call.path("username"))))),
            new Route(PUT, USER + "/roles", admin, this::setRoles),
            new Route(PUT, USER + "/firm", admin, this::setFirm),
            new Route(POST, USER + "/disable", admin, call -> setEnabled(call, false)),
            new Route(POST, USER + "/enable", admin, call -> setEnabled(call, true)),
            new Route(DELETE, USER + "/tokens", admin, this::revokeTokens));
    }

    private Reply create(final Call call) {
        call.onlyMembers("username", "roles", "password", "firm");
        final String username = call.text("username", 64);
        Accounts.requireUsername(username);
        final Set<Role> roles = call.roles("roles");
        final String given = call.optionalText("password", Accounts.MAX_PASSWORD_LENGTH);
        final char[] password = given == null ? Accounts.generatePassword() : given.toCharArray();
        try {
            final UserAccount created = accounts.create(username, roles, call.optionalText("firm", 32), password,
                call.principal().username());
            call.changed("USER_CREATED", username, null, null, view(created));
            final Map<String, Object> body = view(created);
            if (given == null) {
                body.put("generatedPassword", new String(password));
            }
            return Reply.created(body);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private Reply setRoles(final Call call) {
        call.onlyMembers("roles");
        final Set<Role> roles = call.roles("roles");
        final UserAccount before = existing(call.path("username"));
        final UserAccount after = accounts.setRoles(before.username(), roles);
        call.changed("USER_ROLES_CHANGED", before.username(), null, view(before), view(after));
        return Reply.ok(view(after));
    }

    /** Sets or clears (JSON null) the user's broker firm. */
    private Reply setFirm(final Call call) {
        call.onlyMembers("firm");
        final JsonNode firm = call.body().get("firm");
        if (firm == null || !(firm.isNull() || firm.isTextual())) {
            throw ApiProblem.badRequest("firm", "is required: a broker firm id, or null for none");
        }
        final UserAccount before = existing(call.path("username"));
        final UserAccount after = accounts.setFirm(before.username(), firm.isNull() ? null : firm.asText());
        call.changed("USER_FIRM_CHANGED", before.username(), null, view(before), view(after));
        return Reply.ok(view(after));
    }

    private Reply setEnabled(final Call call, final boolean enabled) {
        final UserAccount before = existing(call.path("username"));
        final UserAccount after = accounts.setEnabled(before.username(), enabled);
        final int revoked = enabled ? 0 : tokens.revokeAll(before.username());
        final Map<String, Object> afterView = view(after);
        if (!enabled) {
            afterView.put("tokensRevoked", revoked);
        }
        call.changed(enabled ? "USER_ENABLED" : "USER_DISABLED", before.username(), null, view(before), afterView);
        return Reply.ok(afterView);
    }

    private Reply revokeTokens(final Call call) {
        final UserAccount user = existing(call.path("username"));
        final int revoked = tokens.revokeAll(user.username());
        call.changed("USER_TOKENS_REVOKED", user.username(), null, null, Map.of("tokensRevoked", revoked));
        return Reply.ok(Map.of("username", user.username(), "tokensRevoked", revoked));
    }

    private UserAccount existing(final String username) {
        return accounts.find(username).orElseThrow(() -> new NoSuchElementException("no user '" + username + "'"));
    }

    /** The JSON shape of a user (see {@code User} in api/openapi.yaml); never the password hash. */
    static Map<String, Object> view(final UserAccount user) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", user.username());
        out.put("roles", user.roles().stream().map(Enum::name).toList());
        out.put("enabled", user.enabled());
        out.put("createdAt", user.createdAt().toString());
        out.put("createdBy", user.createdBy());
        out.put("firm", user.firm());
        return out;
    }
}
