package io.portcullis.risk.desk;

import java.math.BigDecimal;
import java.time.Instant;

import io.portcullis.risk.model.LimitKey;

/**
 * A limit in force, as the authority holds it. Immutable.
 *
 * @param key           the slot
 * @param value         the value, in the limit's unit ({@link io.portcullis.risk.model.LimitName#unit()})
 * @param version       how many times the slot changed (1 for the first value); the next change must name it
 * @param effectiveFrom when this value took effect (UTC)
 * @param updatedBy     who changed it last (for an approved increase: the proposer)
 * @param updatedAt     when (UTC)
 * @param changeSeq     the desk sequence of that change
 */
public record LimitView(LimitKey key, BigDecimal value, long version, Instant effectiveFrom, String updatedBy,
                        Instant updatedAt, long changeSeq) {
}
