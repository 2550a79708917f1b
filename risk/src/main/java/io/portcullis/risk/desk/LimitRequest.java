package io.portcullis.risk.desk;

import java.math.BigDecimal;
import java.time.Instant;

import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;

/**
 * A risk officer's request to set a limit. Validated by {@link LimitService#set}, not here, so that every problem is
 * reported naming its field.
 *
 * @param scope           where it applies
 * @param key             {@code *} for FIRM, a broker firm id, or an account id (ACCOUNT and SYMBOL)
 * @param symbol          the symbol for SYMBOL scope; null or {@code *} otherwise
 * @param name            which limit
 * @param value           the new value in the limit's unit
 * @param expectedVersion the slot's version the officer read (0 when it has no value yet): the compare-and-set
 * @param effectiveFrom   when it should take effect; null for now
 * @param reason          why (kept in the history)
 * @param actor           the officer (authenticated user name)
 */
public record LimitRequest(LimitScope scope, String key, String symbol, LimitName name, BigDecimal value,
                           long expectedVersion, Instant effectiveFrom, String reason, String actor) {
}
