package io.portcullis.risk.desk;

import java.math.BigDecimal;
import java.time.Instant;

import io.portcullis.risk.model.LimitKey;

/**
 * A requested limit change and what became of it (a row of {@code risk_limit_change}). Immutable.
 *
 * @param changeId       its id (approve and reject name it)
 * @param key            the slot
 * @param baseVersion    the slot's version when proposed (0: none yet); it applies only if still so
 * @param oldValue       the slot's value when proposed, or null
 * @param newValue       the value requested
 * @param effectiveFrom  when it is to take effect (UTC)
 * @param looser         whether it loosens the limit (then it needed a second risk officer)
 * @param status         where it stands
 * @param proposedBy     who asked for it
 * @param proposedAt     when (UTC)
 * @param reason         why
 * @param decidedBy      who approved or rejected it, or null
 * @param decidedAt      when, or null
 * @param decisionReason the approver's or rejecter's reason (or why it was superseded), or null
 * @param appliedVersion the slot's version it produced, or null
 * @param appliedSeq     the desk sequence it applied at, or null
 * @param appliedAt      when it applied, or null
 */
public record LimitChange(long changeId, LimitKey key, long baseVersion, BigDecimal oldValue, BigDecimal newValue,
                          Instant effectiveFrom, boolean looser, ChangeStatus status, String proposedBy,
                          Instant proposedAt, String reason, String decidedBy, Instant decidedAt,
                          String decisionReason, Long appliedVersion, Long appliedSeq, Instant appliedAt) {
}
