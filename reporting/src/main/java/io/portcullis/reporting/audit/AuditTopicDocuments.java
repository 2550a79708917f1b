package io.portcullis.reporting.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns the gateway's audit topic into audit documents, one per record (docs/audit.md has the record format):
 * {@code FIX} records become {@code FIX_MESSAGE} documents (header fields and the order identifiers parsed out, the
 * message kept with {@code |} for SOH), {@code ADMIN} records become {@code ADMIN_ACTION} documents. A record this
 * class cannot read is not dropped: it becomes an {@code UNREADABLE} document holding its text, so the chain and
 * the counts still cover it. Single-threaded.
 */
final class AuditTopicDocuments implements AuditSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char SOH = '\u0001';

    private final AuditIndices indices;
    private final HashChain chain;
    private final List<AuditDocument> out = new ArrayList<>();

    AuditTopicDocuments(final AuditIndices indices, final HashChain chain) {
        this.indices = indices;
        this.chain = chain;
    }

    @Override
    public void add(final String topic, final int partition, final long offset, final long timestamp,
                    final byte[] value) {
        JsonNode record = null;
        try {
            record = JSON.readTree(value);
        } catch (final IOException ex) {
            // kept as UNREADABLE below
        }
        final String type = record == null ? null : text(record, "type");
        final long time = record != null && record.path("time").canConvertToLong()
            ? record.path("time").asLong() : timestamp * 1_000_000L;
        final Map<String, Object> doc = new LinkedHashMap<>();
        if ("FIX".equals(type)) {
            doc.put("event", "FIX_MESSAGE");
            common(doc, time, topic, partition, offset);
            fix(doc, text(record, "session"), text(record, "direction"), text(record, "message"));
        } else if ("ADMIN".equals(type)) {
            doc.put("event", "ADMIN_ACTION");
            common(doc, time, topic, partition, offset);
            admin(doc, record);
        } else {
            doc.put("event", "UNREADABLE");
            common(doc, time, topic, partition, offset);
            doc.put("message", new String(value, StandardCharsets.UTF_8));
        }
        final byte[] json = chain.link(doc);
        out.add(new AuditDocument(indices.dailyIndex(time), topic + "-" + partition + "-" + offset + "-0", doc,
            json));
    }

    private static void common(final Map<String, Object> doc, final long time, final String topic,
                               final int partition, final long offset) {
        doc.put("transactTime", Instant.ofEpochSecond(Math.floorDiv(time, 1_000_000_000L),
            Math.floorMod(time, 1_000_000_000L)).toString());
        doc.put("journalTopic", topic);
        doc.put("journalPartition", partition);
        doc.put("journalOffset", offset);
        doc.put("eventIndex", 0);
        doc.put(AuditDocument.FORMAT_FIELD, AuditDocument.FORMAT);
    }

    /** The FIX fields worth searching on, as found in the message (no dictionary needed for these). */
    private static void fix(final Map<String, Object> doc, final String session, final String direction,
                            final String message) {
        put(doc, "sessionId", session);
        put(doc, "direction", direction);
        if (message == null) {
            return;
        }
        int start = 0;
        while (start < message.length()) {
            int end = message.indexOf(SOH, start);
            if (end < 0) {
                end = message.length();
            }
            final int eq = message.indexOf('=', start);
            if (eq > start && eq < end) {
                field(doc, message.substring(start, eq), message.substring(eq + 1, end));
            }
            start = end + 1;
        }
        doc.put("message", message.replace(SOH, '|'));
    }

    private static void field(final Map<String, Object> doc, final String tag, final String value) {
        switch (tag) {
            case "8" -> put(doc, "beginString", value);
            case "35" -> put(doc, "msgType", value);
            case "34" -> {
                try {
                    doc.putIfAbsent("msgSeqNum", Long.parseLong(value));
                } catch (final NumberFormatException ex) {
                    // a malformed MsgSeqNum stays in the message text only
                }
            }
            case "49" -> put(doc, "senderCompId", value);
            case "56" -> put(doc, "targetCompId", value);
            case "43" -> doc.putIfAbsent("possDup", "Y".equals(value));
            case "11" -> put(doc, "clOrdId", value);
            case "41" -> put(doc, "origClOrdId", value);
            case "37" -> put(doc, "orderId", value);
            case "17" -> put(doc, "execId", value);
            case "1" -> put(doc, "account", value);
            case "55" -> put(doc, "symbol", value);
            case "58" -> put(doc, "text", value);
            default -> {
                // searched through the message text
            }
        }
    }

    private static void admin(final Map<String, Object> doc, final JsonNode record) {
        put(doc, "username", text(record, "username"));
        put(doc, "roles", text(record, "roles"));
        put(doc, "httpMethod", text(record, "method"));
        put(doc, "path", text(record, "path"));
        if (record.path("status").canConvertToInt()) {
            doc.put("httpStatus", record.path("status").asInt());
        }
        put(doc, "action", text(record, "action"));
        put(doc, "target", text(record, "target"));
        put(doc, "reason", text(record, "reason"));
        put(doc, "before", text(record, "before"));
        put(doc, "after", text(record, "after"));
        put(doc, "detail", text(record, "detail"));
        put(doc, "remoteAddress", text(record, "remoteAddress"));
        if (record.path("durationMicros").canConvertToLong()) {
            doc.put("durationMicros", record.path("durationMicros").asLong());
        }
    }

    /** First occurrence wins (a repeating group never overrides the header or the body's own field). */
    private static void put(final Map<String, Object> doc, final String field, final String value) {
        if (value != null && !value.isEmpty()) {
            doc.putIfAbsent(field, value);
        }
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }

    @Override
    public List<AuditDocument> documents() {
        return out;
    }

    @Override
    public void clear() {
        out.clear();
    }

    @Override
    public HashChain chain() {
        return chain;
    }
}
