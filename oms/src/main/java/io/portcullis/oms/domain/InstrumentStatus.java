package io.portcullis.oms.domain;

/**
 * Trading status of a symbol. Immutable; safe on any thread.
 */
public enum InstrumentStatus {
    /** Orders are accepted and matched. */
    ACTIVE,
    /** New orders and replaces are rejected; cancels are accepted; resting orders stay. */
    HALTED
}
