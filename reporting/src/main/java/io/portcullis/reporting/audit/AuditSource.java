package io.portcullis.reporting.audit;

import java.util.List;

/**
 * Turns the records of one audited Kafka stream into linked audit documents: {@link AuditDocuments} for the engine
 * journal, {@link AuditTopicDocuments} for the gateway's audit topic. Deterministic: the same records after the same
 * chain state give the same documents, byte for byte, which is what makes replays write nothing twice and lets
 * {@code audit verify} rebuild the expected documents from Kafka. Single-threaded.
 */
interface AuditSource {
    /**
     * Adds the documents of one Kafka record.
     *
     * @param timestamp the record's Kafka timestamp (epoch millis), used only when the record carries no time
     */
    void add(String topic, int partition, long offset, long timestamp, byte[] value);

    /** The documents added since the last {@link #clear()}, in stream order, linked into {@link #chain()}. */
    List<AuditDocument> documents();

    /** Forgets the documents added so far (the chain keeps its position). */
    void clear();

    /** The chain the documents are linked into. */
    HashChain chain();
}
