package io.portcullis.app.admin.audit;

import java.time.Instant;

/**
 * One admin API call as the audit trail keeps it. Never holds a password or a token.
 *
 * @param id             the row id, 0 before it is stored
 * @param occurredAt     when the call was answered (UTC)
 * @param username       the authenticated user, or the username a failed login named, or null
 * @param roles          the user's roles at the time, comma-separated, or null
 * @param method         HTTP method, e.g. {@code POST}
 * @param path           request path as received, e.g. {@code /api/sessions/FIX.4.4%3AP-%3EB/logout}
 * @param status         HTTP status answered
 * @param action         what was done, e.g. {@code SESSION_LOGOUT}; null for reads
 * @param target         the session, user or token changed, or null
 * @param reason         the operator's reason, or null
 * @param before         JSON of the state before a change, or null
 * @param after          JSON of the state after a change, or null
 * @param detail         the problem detail of a refused call, or null
 * @param remoteAddress  the client's address
 * @param durationMicros time to answer, in microseconds
 */
public record AuditEntry(long id, Instant occurredAt, String username, String roles, String method, String path,
                         int status, String action, String target, String reason, String before, String after,
                         String detail, String remoteAddress, long durationMicros) {
}
