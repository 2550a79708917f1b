package io.portcullis.risk.desk;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of a limit slot (a row of {@code risk_limit_history}). Immutable.
 *
 * @param version    the slot's version this produced
 * @param oldValue   the value before, or null for the first
 * @param newValue   the value after
 * @param action     APPLIED (at once or when due), APPROVED (an increase a second officer approved) or CLAMPED
 *                   (lowered with its parent)
 * @param changedBy  who proposed it
 * @param approvedBy who approved it, or null
 * @param reason     why
 * @param changedAt  when it took effect (UTC)
 */
public record LimitHistoryEntry(long version, BigDecimal oldValue, BigDecimal newValue, String action,
                                String changedBy, String approvedBy, String reason, Instant changedAt) {
}
