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
}
