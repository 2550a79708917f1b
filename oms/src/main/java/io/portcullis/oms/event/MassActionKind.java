package io.portcullis.oms.event;

/**
 * Which mass action a {@link EngineListener#onMassActionReport} answers.
 */
public enum MassActionKind {
    /** OrderMassCancelRequest. */
    CANCEL,
    /** OrderMassStatusRequest. */
    STATUS
}
