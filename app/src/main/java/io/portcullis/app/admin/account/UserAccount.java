package io.portcullis.app.admin.account;

import java.time.Instant;
import java.util.Set;

import io.portcullis.app.admin.Role;

/**
 * A user of the admin API as stored: never the password. Immutable snapshot.
 *
 * @param username  1 to 64 characters of {@code A-Z a-z 0-9 . _ -}
 * @param roles     one or more, unmodifiable, in declaration order of {@link Role}
 * @param enabled   whether the user may log in and use tokens
 * @param createdAt when it was created (UTC)
 * @param createdBy the administrator who created it, or {@code launcher}
 */
public record UserAccount(String username, Set<Role> roles, boolean enabled, Instant createdAt, String createdBy,
                          String firm) {
}
