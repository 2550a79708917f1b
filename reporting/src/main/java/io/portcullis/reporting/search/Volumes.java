package io.portcullis.reporting.search;

import java.util.List;

/**
 * Traded volume and notional of the executions a filter selects, grouped.
 *
 * @param groupBy         {@code symbol}, {@code account} or {@code hour}
 * @param timeZone        the zone hours are cut in (and their keys written in)
 * @param buckets         symbols and accounts in key order (the first {@code buckets} keys), hours in time order
 *                        (hours without executions left out)
 * @param total           all selected executions, whatever the buckets show
 * @param otherExecutions executions in groups beyond the {@code buckets} limit (0 when every group is shown)
 */
public record Volumes(String groupBy, String timeZone, List<Bucket> buckets, Bucket total, long otherExecutions) {

    /**
     * One group.
     *
     * @param key        the symbol, the account, or the hour's start (ISO-8601 with the zone's offset); "total"
     * @param executions fills (execution reports with execType TRADE)
     * @param volume     shares, the sum of {@code lastQty}
     * @param notional   USD, decimal string: the sum of {@code lastNotional}
     */
    public record Bucket(String key, long executions, long volume, String notional) {
    }
}
