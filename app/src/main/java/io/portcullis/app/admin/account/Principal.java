package io.portcullis.app.admin.account;

import java.util.Set;

import io.portcullis.app.admin.Role;

/**
 * Who is calling: the user a valid bearer token belongs to, with the roles the user holds now (read at each request,
 * so a role change applies to the next call).
 *
 * @param username  the user
 * @param roles     unmodifiable; empty when the user has no role left (then every protected route answers 403)
 * @param tokenHash hex SHA-256 of the token used (to revoke it), never the token
 */
public record Principal(String username, Set<Role> roles, String tokenHash, String firm) {
}
