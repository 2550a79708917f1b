package io.portcullis.app.admin;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call a route: nobody unless stated. Either {@link #anyone()} (no token: the login and the OpenAPI document
 * only) or a non-empty set of roles, one of which the caller must hold. There is no other way to build one, so a route
 * without a declared role list cannot exist.
 */
public final class Access {
    private final boolean open;
    private final Set<Role> roles;

    private Access(final boolean open, final Set<Role> roles) {
        this.open = open;
        this.roles = Collections.unmodifiableSet(roles);
    }

    /** No authentication at all. */
    public static Access anyone() {
        return new Access(true, EnumSet.noneOf(Role.class));
    }

    /** Any authenticated user holding at least one of {@code first} and {@code more}. */
    public static Access roles(final Role first, final Role... more) {
        return new Access(false, EnumSet.of(first, more));
    }

    /** Any authenticated user with at least one role. */
    public static Access anyRole() {
        return new Access(false, EnumSet.allOf(Role.class));
    }

    /** True when the route needs no token. */
    public boolean open() {
        return open;
    }

    /** The roles allowed (empty when {@link #open()}). */
    public Set<Role> roles() {
        return roles;
    }

    /** Whether a caller holding {@code held} may call the route. */
    public boolean allows(final Set<Role> held) {
        if (open) {
            return true;
        }
        for (final Role role : held) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return open ? "anyone" : roles.toString();
    }
}
