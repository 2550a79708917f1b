package io.portcullis.reporting.reconcile;

import java.util.List;
import java.util.Objects;

/**
 * One disagreement about one execution: the ExecID, what is wrong and in which source. Immutable.
 *
 * @param execId    the ExecID(17) concerned, never null
 * @param kind      what is wrong, never null
 * @param source    the source at fault: the one missing it, holding it twice, or holding a value that differs from
 *                  the reference (the journal, or the first source in {@link ExecutionSource} order that has it)
 * @param field     for {@link Kind#FIELD_DIFFERS}, the field's name (orderId, symbol, side, lastQty, lastPx,
 *                  account); otherwise null
 * @param expected  for {@link Kind#FIELD_DIFFERS}, the reference's value; otherwise null
 * @param actual    for {@link Kind#FIELD_DIFFERS}, the value in {@code source}; otherwise null
 * @param reference for {@link Kind#FIELD_DIFFERS}, the source {@code expected} comes from; otherwise null
 * @param origins   where the execution was found in {@code source} (two or more for a duplicate), or, for a missing
 *                  one, where the other sources have it; never null
 */
public record ExecutionBreak(String execId, Kind kind, ExecutionSource source, String field, String expected,
                             String actual, ExecutionSource reference, List<String> origins) {

    /** What is wrong with an execution. */
    public enum Kind {
        /** Other sources have it; this one does not. */
        MISSING,
        /** This source has it more than once. */
        DUPLICATE,
        /** This source has it with a compared field that differs from the reference. */
        FIELD_DIFFERS
    }

    /** Copies the origins. */
    public ExecutionBreak {
        Objects.requireNonNull(execId, "execId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        origins = List.copyOf(origins);
    }

    /**
     * One line for an operator, e.g. {@code ExecID 1042: missing in MYSQL (JOURNAL: offset 17)} or
     * {@code ExecID 1042: lastQty differs in ELASTICSEARCH: 200, JOURNAL has 100}.
     *
     * @return the description, never null
     */
    public String describe() {
        return switch (kind) {
            case MISSING -> "ExecID " + execId + ": missing in " + source + " (" + String.join("; ", origins) + ")";
            case DUPLICATE -> "ExecID " + execId + ": duplicate in " + source + ", " + origins.size() + " times ("
                + String.join("; ", origins) + ")";
            case FIELD_DIFFERS -> "ExecID " + execId + ": " + field + " differs in " + source + ": " + actual + ", "
                + reference + " has " + expected + " (" + String.join("; ", origins) + ")";
        };
    }
}
