package io.portcullis.app.admin.audit;

/**
 * Where every admin API call is recorded: who, with which roles, method, path, status, time and, for changes, the
 * state before and after. MySQL ({@link MysqlAdminAudit}) now; Kafka and Elasticsearch later implement the same.
 *
 * <p>Called on HTTP threads after each call is handled and before it is answered. Implementations are thread-safe
 * and throw when the entry could not be kept (the API then answers 500: it fails closed).
 */
public interface AdminAudit {
    /** Keeps {@code entry} durably before returning. */
    void record(AuditEntry entry);
}
