package io.portcullis.app.console;

import java.util.Set;

import io.portcullis.app.admin.Role;
import io.portcullis.app.admin.account.Principal;

/**
 * Whose positions a console user sees: every firm's for the broker-dealer's staff (OPERATIONS, RISK_OFFICER,
 * BACK_OFFICE, COMPLIANCE), its own firm's for a BROKER_VIEWER of a broker firm, and none otherwise.
 *
 * @param allFirms true for the firm-wide roles
 * @param firm     the one firm a broker viewer sees, or null
 */
public record PositionScope(boolean allFirms, String firm) {
    /** The roles that see every firm's positions. */
    public static final Set<Role> FIRM_WIDE = Set.of(Role.OPERATIONS, Role.RISK_OFFICER, Role.BACK_OFFICE,
        Role.COMPLIANCE);

    /** The scope of a caller. */
    public static PositionScope of(final Principal principal) {
        if (principal.roles().stream().anyMatch(FIRM_WIDE::contains)) {
            return new PositionScope(true, null);
        }
        return new PositionScope(false, principal.roles().contains(Role.BROKER_VIEWER) ? principal.firm() : null);
    }

    /** Whether the caller sees any position. */
    public boolean any() {
        return allFirms || firm != null;
    }

    /** Whether the caller sees the positions of an account of {@code accountFirm}. */
    public boolean sees(final String accountFirm) {
        return allFirms || firm != null && firm.equals(accountFirm);
    }
}
