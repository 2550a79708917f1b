package io.portcullis.reporting.reconcile;

/** Where an execution was read from. The journal is the authority; the others are derived from it. */
public enum ExecutionSource {
    /** The engine journal in Kafka: every EXECUTION_REPORT event with ExecType TRADE. */
    JOURNAL,
    /** The MySQL book of record: the projected {@code executions} table. */
    MYSQL,
    /** The audit trail: EXECUTION_REPORT documents with execType TRADE. */
    ELASTICSEARCH
}
