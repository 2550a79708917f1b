package io.portcullis.backoffice.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A customer trade to confirm and settle: one execution, or one sub-account's allocation of a block.
 *
 * @param tradeId      confirmation id: {@code C-<execId>} or {@code A-<blockId>-<accountId>}
 * @param accountId    the customer account
 * @param symbol       instrument symbol
 * @param side         side
 * @param quantity     shares, positive
 * @param price        execution price, or the block's average price (scale 8, half-even)
 * @param gross        USD at scale 2: quantity × price rounded half-up, or the account's share of the block's gross
 * @param tradeDate    trade date
 * @param execTime     execution time (UTC), null for an allocation (on request)
 * @param capacity     broker capacity
 * @param averagePrice whether the price is an average over several executions
 * @param execIds      the executions behind it, sorted
 */
public record Trade(String tradeId, String accountId, String symbol, Side side, long quantity, BigDecimal price,
                    BigDecimal gross, LocalDate tradeDate, Instant execTime, Capacity capacity, boolean averagePrice,
                    List<String> execIds) {
    /** Validates and copies. */
    public Trade {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(gross, "gross");
        execIds = List.copyOf(execIds);
        if (gross.scale() != 2) {
            throw new IllegalArgumentException("trade " + tradeId + " gross must be at scale 2: " + gross);
        }
    }
}
