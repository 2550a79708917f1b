package io.portcullis.app.admin.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.portcullis.fix.audit.AuditPublisher;

/**
 * Records every admin API call in MySQL first (durable before the call is answered; a failure fails the call
 * closed), then publishes it to the Kafka audit topic, from which it reaches the hash-chained audit index with who,
 * which roles, what, and the state before and after. Thread-safe.
 */
public final class PublishingAdminAudit implements AdminAudit {
    private final AdminAudit book;
    private final AuditPublisher publisher;

    /**
     * @param book      the durable record (MySQL)
     * @param publisher the audit topic
     */
    public PublishingAdminAudit(final AdminAudit book, final AuditPublisher publisher) {
        this.book = book;
        this.publisher = publisher;
    }

    @Override
    public void record(final AuditEntry entry) {
        book.record(entry);
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("username", entry.username());
        fields.put("roles", entry.roles());
        fields.put("method", entry.method());
        fields.put("path", entry.path());
        fields.put("status", entry.status());
        fields.put("action", entry.action());
        fields.put("target", entry.target());
        fields.put("reason", entry.reason());
        fields.put("before", entry.before());
        fields.put("after", entry.after());
        fields.put("detail", entry.detail());
        fields.put("remoteAddress", entry.remoteAddress());
        fields.put("durationMicros", entry.durationMicros());
        publisher.admin(entry.occurredAt(), fields);
    }
}
