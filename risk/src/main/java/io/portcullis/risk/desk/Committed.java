package io.portcullis.risk.desk;

/**
 * A desk change that took effect: the state as written, and whether this node's engine took it before the call
 * returned (when false, the node's sync keeps retrying; the authority has it either way). Immutable.
 *
 * @param state         the item as it now stands
 * @param engineApplied whether this node's engine took the change
 * @param <T>           the kind of item
 */
public record Committed<T>(T state, boolean engineApplied) {
}
