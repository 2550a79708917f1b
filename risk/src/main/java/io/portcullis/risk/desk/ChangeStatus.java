package io.portcullis.risk.desk;

/** Where a requested limit change stands (column {@code risk_limit_change.status}). */
public enum ChangeStatus {
    /** An increase (looser value) waiting for a second risk officer. */
    PENDING_APPROVAL,
    /** Accepted, waiting for its effective time. */
    SCHEDULED,
    /** In force (it may since have been changed again). */
    APPLIED,
    /** Refused by a risk officer, or withdrawn by its proposer. */
    REJECTED,
    /** The slot changed (or the hierarchy no longer allowed it) before it could apply: propose again. */
    SUPERSEDED
}
