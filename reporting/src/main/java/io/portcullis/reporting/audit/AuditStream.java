package io.portcullis.reporting.audit;

/** The two audited Kafka streams, each indexed by its own {@link AuditIndexer} into its own hash chain. */
public enum AuditStream {
    /** The engine journal ({@code journal.topic}): commands and the events they caused. */
    JOURNAL,
    /** The gateway's audit topic ({@code audit.topic}): FIX messages in and out, admin actions. */
    AUDIT_TOPIC;

    /** A document builder for this stream, continuing {@code chain}. */
    AuditSource create(final AuditIndices indices, final HashChain chain) {
        return this == JOURNAL ? new AuditDocuments(indices, chain) : new AuditTopicDocuments(indices, chain);
    }
}
