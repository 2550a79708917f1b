package io.portcullis.risk.desk;

import java.time.Instant;

import io.portcullis.risk.model.KillScope;

/**
 * A kill switch as the authority holds it. Immutable.
 *
 * @param scope     what it covers
 * @param key       {@code *} for FIRM, else the broker firm, FIX session, account or symbol
 * @param engaged   whether it is engaged
 * @param version   how many times it was engaged or released
 * @param changeSeq the desk sequence of its last change
 * @param updatedBy who engaged or released it last
 * @param updatedAt when (UTC)
 * @param reason    why
 */
public record KillSwitchView(KillScope scope, String key, boolean engaged, long version, long changeSeq,
                             String updatedBy, Instant updatedAt, String reason) {
}
