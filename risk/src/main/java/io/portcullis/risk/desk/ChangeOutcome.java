package io.portcullis.risk.desk;

/**
 * What a limit request, approval or rejection did. Immutable.
 *
 * @param change        the change request as it now stands ({@link LimitChange#status()}: APPLIED, PENDING_APPROVAL,
 *                      SCHEDULED or REJECTED)
 * @param limit         the slot as it now stands, or null when it has no value yet
 * @param clamped       how many narrower limits were lowered with this one (they may not be looser than it)
 * @param engineApplied whether this node's engine took the change before the call returned (false while pending or
 *                      scheduled, or when the engine refused commands: the node's sync retries)
 */
public record ChangeOutcome(LimitChange change, LimitView limit, int clamped, boolean engineApplied) {
}
