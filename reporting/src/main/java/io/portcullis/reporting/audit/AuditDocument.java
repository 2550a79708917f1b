package io.portcullis.reporting.audit;

import java.util.Map;

/**
 * One audit document ready for a bulk create.
 *
 * @param index  the daily index it belongs in (by the event's transact time)
 * @param id     {@code <topic>-<partition>-<offset>-<eventIndex>}: stable across replays
 * @param source the document, every field named by the strict mapping
 * @param json   the same document serialized once, as sent to Elasticsearch (see {@link HashChain#link})
 */
record AuditDocument(String index, String id, Map<String, Object> source, byte[] json) {
    /** The document field naming the rules a document was built by. */
    static final String FORMAT_FIELD = "format";
    /**
     * The rules by which this version builds documents from a Kafka record ({@link AuditDocuments},
     * {@link AuditTopicDocuments}). Raise it whenever a change makes a record give other documents (a new event type,
     * a field added or computed differently): {@link AuditVerifier} rebuilds from Kafka only the documents of this
     * format and checks older ones by their chain links and checkpoints. Documents without the field are format 1.
     */
    static final int FORMAT = 2;

    /** @return the format of a document as stored (1 when it has none) */
    static int formatOf(final Map<String, Object> source) {
        return source.get(FORMAT_FIELD) instanceof Number n ? n.intValue() : 1;
    }
}
