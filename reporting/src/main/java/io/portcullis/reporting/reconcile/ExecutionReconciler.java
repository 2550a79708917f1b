package io.portcullis.reporting.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the executions of several sources by ExecID: each must be in every source exactly once, with the same
 * OrderID, Symbol, Side, LastQty, LastPx and Account. The reference for a field is the journal when it has the
 * execution (it is the authority), otherwise the first source in {@link ExecutionSource} order that has it.
 *
 * <p>Feed it with {@link #add} as the readers go (no order needed), then take {@link #result()}; or call
 * {@link #reconcile(Map)} with whole collections. Holds one entry per distinct ExecID (a few hundred bytes): a day of
 * a million executions needs a few hundred MB. Not thread-safe: one thread adds, then reads the result.
 */
public final class ExecutionReconciler {
    private static final Comparator<String> EXEC_ID_ORDER = Comparator
        .comparing((String id) -> !id.chars().allMatch(Character::isDigit))
        .thenComparingInt(String::length)
        .thenComparing(Comparator.naturalOrder());

    private final List<ExecutionSource> compared;
    private final Map<String, Sightings> byExecId = new HashMap<>();
    private final Map<ExecutionSource, Long> counts = new EnumMap<>(ExecutionSource.class);

    /** @param compared the sources to compare; an execution missing from one of them is a break */
    public ExecutionReconciler(final Set<ExecutionSource> compared) {
        if (compared.isEmpty()) {
            throw new IllegalArgumentException("compare at least one source");
        }
        this.compared = List.copyOf(EnumSet.copyOf(compared));
        for (final ExecutionSource source : this.compared) {
            counts.put(source, 0L);
        }
    }

    /**
     * Compares whole collections.
     *
     * @param executions each compared source's executions (the map's keys are the compared sources)
     * @return the result, never null
     */
    public static ReconciliationResult reconcile(final Map<ExecutionSource, ? extends Iterable<Execution>> executions) {
        final ExecutionReconciler reconciler = new ExecutionReconciler(executions.keySet());
        executions.forEach((source, list) -> list.forEach(execution -> reconciler.add(source, execution)));
        return reconciler.result();
    }

    /**
     * Records that {@code source} holds {@code execution}.
     *
     * @throws IllegalArgumentException when {@code source} is not compared
     */
    public void add(final ExecutionSource source, final Execution execution) {
        final Long count = counts.get(source);
        if (count == null) {
            throw new IllegalArgumentException(source + " is not one of the compared sources " + compared);
        }
        counts.put(source, count + 1);
        byExecId.computeIfAbsent(execution.execId(), id -> new Sightings()).add(source, execution);
    }

    /**
     * The breaks found in everything added so far.
     *
     * @return the result, never null
     */
    public ReconciliationResult result() {
        final List<ExecutionBreak> breaks = new ArrayList<>();
        long matched = 0;
        for (final Map.Entry<String, Sightings> entry : byExecId.entrySet()) {
            final int before = breaks.size();
            entry.getValue().compare(entry.getKey(), compared, breaks);
            if (breaks.size() == before) {
                matched++;
            }
        }
        breaks.sort(Comparator.comparing(ExecutionBreak::execId, EXEC_ID_ORDER)
            .thenComparing(ExecutionBreak::kind).thenComparing(ExecutionBreak::source)
            .thenComparing(b -> b.field() == null ? "" : b.field()));
        return new ReconciliationResult(compared, counts, byExecId.size(), matched, breaks);
    }

    /** Every copy of one ExecID, by source. */
    private static final class Sightings {
        private final Map<ExecutionSource, List<Execution>> bySource = new EnumMap<>(ExecutionSource.class);

        void add(final ExecutionSource source, final Execution execution) {
            bySource.computeIfAbsent(source, s -> new ArrayList<>(1)).add(execution);
        }

        void compare(final String execId, final List<ExecutionSource> sources, final List<ExecutionBreak> out) {
            ExecutionSource reference = null;
            for (final ExecutionSource source : sources) {
                if (bySource.containsKey(source)) {
                    reference = source;
                    break;
                }
            }
            final List<String> elsewhere = new ArrayList<>();
            bySource.forEach((source, list) -> list.forEach(e -> elsewhere.add(source + ": " + e.origin())));
            for (final ExecutionSource source : sources) {
                final List<Execution> copies = bySource.get(source);
                if (copies == null) {
                    out.add(new ExecutionBreak(execId, ExecutionBreak.Kind.MISSING, source, null, null, null, null,
                        elsewhere));
                    continue;
                }
                if (copies.size() > 1) {
                    out.add(new ExecutionBreak(execId, ExecutionBreak.Kind.DUPLICATE, source, null, null, null, null,
                        copies.stream().map(Execution::origin).toList()));
                }
                final Execution expected = bySource.get(reference).get(0);
                for (final Execution actual : copies) {
                    if (actual == expected) {
                        continue;
                    }
                    for (final ComparedField field : ComparedField.values()) {
                        if (!field.agrees(expected, actual)) {
                            out.add(new ExecutionBreak(execId, ExecutionBreak.Kind.FIELD_DIFFERS, source,
                                field.fieldName(), field.valueOf(expected), field.valueOf(actual), reference,
                                List.of(actual.origin())));
                        }
                    }
                }
            }
        }
    }
}
