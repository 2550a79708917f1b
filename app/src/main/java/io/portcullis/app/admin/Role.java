package io.portcullis.app.admin;

/**
 * The roles of the admin API (deny by default: a user may call a route only if one of its roles is on the route's
 * list). A user holds one or more roles; changes apply to the next request.
 */
public enum Role {
    /** Runs the FIX sessions: lists them, logs them out, enables and disables them, sets sequence numbers. */
    OPERATIONS,
    /** Proposes and approves risk limit changes (four-eyes); no session or user rights. */
    RISK_OFFICER,
    /** Runs end-of-day and settlement jobs. */
    BACK_OFFICE,
    /** Reads the audit trail, replays and reports; changes nothing. */
    COMPLIANCE,
    /** Manages users and their roles and tokens only: no trading, limit or session rights. */
    ADMIN,
    /** A broker's read-only view of its own firm's data. */
    BROKER_VIEWER;

    /**
     * The role named {@code name} (exact, upper case).
     *
     * @throws IllegalArgumentException naming the valid roles when there is none of that name
     */
    public static Role parse(final String name) {
        for (final Role role : values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "'; one of " + java.util.Arrays.toString(values()));
    }
}
