package io.portcullis.app.admin.audit;

import static io.portcullis.sql.schema.Tables.ADMIN_AUDIT;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.DSLContext;

/**
 * The audit trail in the {@code admin_audit} table: one INSERT per call (auto-commit, so durable on return), and the
 * most recent rows for compliance. Append-only: nothing here updates or deletes. Thread-safe.
 */
public final class MysqlAdminAudit implements AdminAudit {
    private final DSLContext dsl;

    /** @param dsl the book-of-record database */
    public MysqlAdminAudit(final DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(final AuditEntry entry) {
        dsl.insertInto(ADMIN_AUDIT)
            .set(ADMIN_AUDIT.OCCURRED_AT, LocalDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
            .set(ADMIN_AUDIT.USERNAME, cut(entry.username(), 64))
            .set(ADMIN_AUDIT.ROLES, cut(entry.roles(), 255))
            .set(ADMIN_AUDIT.HTTP_METHOD, entry.method())
            .set(ADMIN_AUDIT.PATH, cut(entry.path(), 512))
            .set(ADMIN_AUDIT.HTTP_STATUS, entry.status())
            .set(ADMIN_AUDIT.ACTION, entry.action())
            .set(ADMIN_AUDIT.TARGET, cut(entry.target(), 255))
            .set(ADMIN_AUDIT.REASON, cut(entry.reason(), 512))
            .set(ADMIN_AUDIT.BEFORE_STATE, entry.before())
            .set(ADMIN_AUDIT.AFTER_STATE, entry.after())
            .set(ADMIN_AUDIT.DETAIL, cut(entry.detail(), 1024))
            .set(ADMIN_AUDIT.REMOTE_ADDRESS, cut(entry.remoteAddress(), 64))
            .set(ADMIN_AUDIT.DURATION_MICROS, entry.durationMicros())
            .execute();
    }

    /**
     * The newest entries, newest first.
     *
     * @param limit 1 to 1000
     */
    public List<AuditEntry> recent(final int limit) {
        return dsl.selectFrom(ADMIN_AUDIT).orderBy(ADMIN_AUDIT.ID.desc()).limit(limit).fetch(row -> new AuditEntry(
            row.getId(), row.getOccurredAt().toInstant(ZoneOffset.UTC), row.getUsername(), row.getRoles(),
            row.getHttpMethod(), row.getPath(), row.getHttpStatus(), row.getAction(), row.getTarget(),
            row.getReason(), row.getBeforeState(), row.getAfterState(), row.getDetail(), row.getRemoteAddress(),
            row.getDurationMicros()));
    }

    private static String cut(final String value, final int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
