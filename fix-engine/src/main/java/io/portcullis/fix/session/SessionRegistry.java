package io.portcullis.fix.session;

import static io.portcullis.sql.schema.Tables.FIX_SESSION;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.portcullis.sql.schema.tables.records.FixSessionRecord;
import org.jooq.DSLContext;
import quickfix.ConfigError;
import quickfix.SessionID;

/**
 * The sessions the gateway knows: those of the {@code .cfg} file and those of MySQL table {@code fix_session}, by
 * QuickFIX/J SessionID. Sessions from MySQL are re-read at each logon, so a change there (disabled, new allowlist, new
 * rate) applies from the next logon.
 *
 * <p>Thread-safe. The MySQL reads block the calling thread for one query: they happen at logon (session thread),
 * when an unknown CompID logs on (I/O thread, rate-limited by the caller) and on the refresh timer.
 */
final class SessionRegistry {
    private final ConcurrentMap<SessionID, SessionEntry> entries = new ConcurrentHashMap<>();
    private final DSLContext dsl;
    private final Clock clock;

    SessionRegistry(final DSLContext dsl, final Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    void put(final SessionEntry entry) {
        entries.put(entry.sessionId(), entry);
    }

    Optional<SessionEntry> get(final SessionID id) {
        return Optional.ofNullable(entries.get(id));
    }

    Collection<SessionEntry> all() {
        return entries.values();
    }

    /** Re-reads a MySQL session (no-op for a {@code .cfg} one); empty when the row is gone. */
    Optional<SessionEntry> refresh(final SessionID id) {
        final SessionEntry known = entries.get(id);
        if (known != null && known.source() == SessionEntry.Source.CONFIG_FILE) {
            return Optional.of(known);
        }
        final Optional<SessionRow> row = find(id);
        if (row.isEmpty()) {
            if (known != null) {
                put(known.withEnabled(false));
            }
            return Optional.empty();
        }
        final SessionEntry entry = row.get().entry();
        put(entry);
        return Optional.of(entry);
    }

    /** The {@code fix_session} row whose (begin, sender, target) is {@code id}'s. */
    Optional<SessionRow> find(final SessionID id) {
        final FixSessionRecord record = dsl.selectFrom(FIX_SESSION)
            .where(FIX_SESSION.BEGIN_STRING.eq(id.getBeginString()))
            .and(FIX_SESSION.SENDER_COMP_ID.eq(id.getSenderCompID()))
            .and(FIX_SESSION.TARGET_COMP_ID.eq(id.getTargetCompID()))
            .fetchOne();
        return Optional.ofNullable(record).flatMap(SessionRegistry::toRow);
    }

    /** Every row of {@code fix_session} that parses. */
    java.util.List<SessionRow> findAll() {
        return dsl.selectFrom(FIX_SESSION).fetch().stream()
            .map(SessionRegistry::toRow).flatMap(Optional::stream).toList();
    }

    /** Sets {@code fix_session.enabled}; false when there is no such row. */
    boolean setEnabledInDatabase(final SessionID id, final boolean enabled) {
        return dsl.update(FIX_SESSION)
            .set(FIX_SESSION.ENABLED, enabled)
            .set(FIX_SESSION.UPDATED_AT, LocalDateTime.now(clock))
            .where(FIX_SESSION.BEGIN_STRING.eq(id.getBeginString()))
            .and(FIX_SESSION.SENDER_COMP_ID.eq(id.getSenderCompID()))
            .and(FIX_SESSION.TARGET_COMP_ID.eq(id.getTargetCompID()))
            .execute() > 0;
    }

    private static Optional<SessionRow> toRow(final FixSessionRecord record) {
        final SessionID id = new SessionID(record.getBeginString(), record.getSenderCompId(),
            record.getTargetCompId());
        try {
            final SessionProfile profile = new SessionProfile(id.toString(), record.getFirmId(),
                SessionKeys.role(record.getSessionRole(), "fix_session " + record.getSessionId()),
                record.getDefaultAccountId(), Boolean.TRUE.equals(record.getCancelOnDisconnect()),
                record.getMaxMsgsPerSecond() == null ? 0 : record.getMaxMsgsPerSecond());
            final AddressAllowlist allowlist = AddressAllowlist.parse(record.getAllowedAddresses());
            return Optional.of(new SessionRow(new SessionEntry(id, profile, allowlist, true,
                Boolean.TRUE.equals(record.getEnabled()), SessionEntry.Source.DATABASE),
                record.getStartTime(), record.getEndTime(), record.getWeekdays(), record.getTimeZone()));
        } catch (final ConfigError | IllegalArgumentException ex) {
            org.slf4j.LoggerFactory.getLogger(SessionRegistry.class)
                .error("fix_session row {} ignored: {}", record.getSessionId(), ex.getMessage());
            return Optional.empty();
        }
    }

    /** A {@code fix_session} row: the entry and its schedule columns (null = from the template / non-stop). */
    record SessionRow(SessionEntry entry, String startTime, String endTime, String weekdays, String timeZone) {
    }
}
