package io.portcullis.risk.desk;

import java.time.Instant;

import io.portcullis.risk.model.ListName;

/**
 * A restricted or hard-to-borrow entry as the authority holds it. Immutable.
 *
 * @param list      which list
 * @param scopeKey  {@code *} for every account, else the account id
 * @param symbol    the symbol
 * @param present   on the list (false: removed)
 * @param version   how many times the entry changed
 * @param changeSeq the desk sequence of its last change
 * @param updatedBy who changed it last
 * @param updatedAt when (UTC)
 * @param reason    why
 */
public record ListEntryView(ListName list, String scopeKey, String symbol, boolean present, long version,
                            long changeSeq, String updatedBy, Instant updatedAt, String reason) {
}
