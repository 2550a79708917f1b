package io.portcullis.reporting.reconcile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a reconciliation found: how many executions each source holds and every break. Immutable.
 *
 * @param compared   the sources that were compared, in {@link ExecutionSource} order
 * @param counts     executions read per compared source (a duplicate counts each time it was read)
 * @param distinct   distinct ExecIDs seen in any source
 * @param matched    ExecIDs held exactly once by every source with every compared field equal
 * @param breaks     every break, ordered by ExecID (numerically when numeric), then kind, then source
 */
public record ReconciliationResult(List<ExecutionSource> compared, Map<ExecutionSource, Long> counts, long distinct,
                                   long matched, List<ExecutionBreak> breaks) {

    /** Copies the collections. */
    public ReconciliationResult {
        compared = List.copyOf(compared);
        final Map<ExecutionSource, Long> copy = new EnumMap<>(ExecutionSource.class);
        copy.putAll(counts);
        counts = Collections.unmodifiableMap(copy);
        breaks = List.copyOf(breaks);
    }

    /**
     * @return true when every compared source holds the same executions, once each, with the same fields
     */
    public boolean agrees() {
        return breaks.isEmpty();
    }

    /**
     * @param source one of {@link #compared()}
     * @return how many executions were read from it (0 for a source not compared)
     */
    public long count(final ExecutionSource source) {
        return counts.getOrDefault(source, 0L);
    }

    /**
     * @param kind a kind of break
     * @return the breaks of that kind, in order
     */
    public List<ExecutionBreak> breaks(final ExecutionBreak.Kind kind) {
        return breaks.stream().filter(b -> b.kind() == kind).toList();
    }
}
