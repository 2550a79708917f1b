package io.portcullis.risk.desk;

import static io.portcullis.sql.schema.Tables.ACCOUNT;
import static io.portcullis.sql.schema.Tables.RISK_LIMIT;
import static io.portcullis.sql.schema.Tables.RISK_LIMIT_CHANGE;
import static io.portcullis.sql.schema.Tables.RISK_LIMIT_HISTORY;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.sql.schema.tables.records.RiskLimitChangeRecord;
import io.portcullis.sql.schema.tables.records.RiskLimitRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The SQL of limits: slots ({@code risk_limit}, one row per scope, key, symbol and name), their history, and change
 * requests. Every write here runs inside a transaction the caller opened; the slot write is a compare-and-set on
 * {@code version}. Stateless; any thread.
 */
final class LimitStore {
    private LimitStore() {
    }

    /** A value in force at a wider scope. */
    record Inherited(LimitKey from, BigDecimal value) {
    }

    static RiskLimitRecord slot(final DSLContext db, final LimitKey key, final boolean forUpdate) {
        final var query = db.selectFrom(RISK_LIMIT).where(slotIs(key));
        return forUpdate ? query.forUpdate().fetchOne() : query.fetchOne();
    }

    static Condition slotIs(final LimitKey key) {
        return RISK_LIMIT.SCOPE.eq(key.scope().name()).and(RISK_LIMIT.SCOPE_KEY.eq(key.scopeKey()))
            .and(RISK_LIMIT.SYMBOL.eq(key.symbol())).and(RISK_LIMIT.LIMIT_NAME.eq(key.name().name()));
    }

    /**
     * The value in force at the nearest wider scope (for an ACCOUNT or SYMBOL key, through the account's broker firm),
     * or null when no wider scope sets the limit.
     */
    static Inherited inherited(final DSLContext db, final LimitKey key) {
        final String account = key.scope() == LimitScope.ACCOUNT || key.scope() == LimitScope.SYMBOL
            ? key.scopeKey() : null;
        final String firm = key.scope() == LimitScope.BROKER_FIRM ? key.scopeKey()
            : account == null ? null : firmOf(db, account);
        return nearest(db, key.name(), key.scope().parent(), account, firm);
    }

    /** The value that applies to {@code account} for {@code name}: its own, else its firm's, else the firm-wide one. */
    static BigDecimal effective(final DSLContext db, final String account, final LimitName name) {
        final Inherited found = nearest(db, name, LimitScope.ACCOUNT, account, firmOf(db, account));
        return found == null ? null : found.value();
    }

    private static Inherited nearest(final DSLContext db, final LimitName name, final LimitScope from,
                                     final String account, final String firm) {
        for (LimitScope scope = from; scope != null; scope = scope.parent()) {
            final String scopeKey = switch (scope) {
                case FIRM -> LimitKey.ANY;
                case BROKER_FIRM -> firm;
                case ACCOUNT -> account;
                case SYMBOL -> null;
            };
            if (scopeKey == null || !name.allowedAt(scope)) {
                continue;
            }
            final LimitKey at = new LimitKey(scope, scopeKey, LimitKey.ANY, name);
            final RiskLimitRecord row = slot(db, at, false);
            if (row != null && "ACTIVE".equals(row.getStatus())) {
                return new Inherited(at, row.getLimitValue());
            }
        }
        return null;
    }

    private static String firmOf(final DSLContext db, final String account) {
        return db.select(ACCOUNT.FIRM_ID).from(ACCOUNT).where(ACCOUNT.ACCOUNT_ID.eq(account))
            .fetchOne(ACCOUNT.FIRM_ID);
    }

    /**
     * The slots of the same limit in narrower scopes under {@code key} whose value is above {@code value}: the ones
     * a decrease of {@code key} to {@code value} must lower too (when a larger value is looser). Locked for update.
     */
    static List<RiskLimitRecord> looserDescendants(final DSLContext db, final LimitKey key, final BigDecimal value) {
        final Condition sameName = RISK_LIMIT.LIMIT_NAME.eq(key.name().name()).and(RISK_LIMIT.LIMIT_VALUE.gt(value));
        final Condition under = switch (key.scope()) {
            case FIRM -> RISK_LIMIT.SCOPE.ne(LimitScope.FIRM.name());
            case BROKER_FIRM -> RISK_LIMIT.SCOPE.in(LimitScope.ACCOUNT.name(), LimitScope.SYMBOL.name())
                .and(RISK_LIMIT.SCOPE_KEY.in(DSL.select(ACCOUNT.ACCOUNT_ID).from(ACCOUNT)
                    .where(ACCOUNT.FIRM_ID.eq(key.scopeKey()))));
            case ACCOUNT -> RISK_LIMIT.SCOPE.eq(LimitScope.SYMBOL.name()).and(RISK_LIMIT.SCOPE_KEY.eq(key.scopeKey()));
            case SYMBOL -> DSL.falseCondition();
        };
        return new ArrayList<>(db.selectFrom(RISK_LIMIT).where(sameName).and(under)
            .orderBy(RISK_LIMIT.LIMIT_ID).forUpdate().fetch());
    }

    /**
     * Writes a slot's new value: a compare-and-set on {@code version} when the slot exists ({@code existing}, read
     * in this transaction), else an insert at version 1.
     *
     * @return the slot as written
     * @throws DeskRefusal CONFLICT when the version moved
     */
    static RiskLimitRecord write(final DSLContext db, final RiskLimitRecord existing, final LimitKey key,
                                 final long expectedVersion, final BigDecimal value, final LocalDateTime effectiveFrom,
                                 final String actor, final LocalDateTime now, final long seq) {
        if (existing == null) {
            if (expectedVersion != 0) {
                throw versionConflict(key, 0, expectedVersion);
            }
            db.insertInto(RISK_LIMIT).set(RISK_LIMIT.SCOPE, key.scope().name())
                .set(RISK_LIMIT.SCOPE_KEY, key.scopeKey()).set(RISK_LIMIT.SYMBOL, key.symbol())
                .set(RISK_LIMIT.LIMIT_NAME, key.name().name()).set(RISK_LIMIT.LIMIT_VALUE, value)
                .set(RISK_LIMIT.EFFECTIVE_FROM, effectiveFrom).set(RISK_LIMIT.VERSION, 1L)
                .set(RISK_LIMIT.STATUS, "ACTIVE").set(RISK_LIMIT.UPDATED_BY, actor).set(RISK_LIMIT.UPDATED_AT, now)
                .set(RISK_LIMIT.CHANGE_SEQ, seq).execute();
        } else {
            final int updated = db.update(RISK_LIMIT).set(RISK_LIMIT.LIMIT_VALUE, value)
                .set(RISK_LIMIT.EFFECTIVE_FROM, effectiveFrom).set(RISK_LIMIT.VERSION, RISK_LIMIT.VERSION.plus(1))
                .set(RISK_LIMIT.STATUS, "ACTIVE").set(RISK_LIMIT.UPDATED_BY, actor).set(RISK_LIMIT.UPDATED_AT, now)
                .set(RISK_LIMIT.CHANGE_SEQ, seq)
                .where(RISK_LIMIT.LIMIT_ID.eq(existing.getLimitId())).and(RISK_LIMIT.VERSION.eq(expectedVersion))
                .execute();
            if (updated != 1) {
                throw versionConflict(key, existing.getVersion(), expectedVersion);
            }
        }
        return slot(db, key, false);
    }

    static DeskRefusal versionConflict(final LimitKey key, final long actual, final long expected) {
        return DeskRefusal.conflict("version conflict: " + describe(key) + " is at version " + actual + ", not "
            + expected + "; read it again and decide on the current value");
    }

    static void history(final DSLContext db, final RiskLimitRecord slot, final BigDecimal oldValue,
                        final String action, final String changedBy, final String approvedBy, final String reason,
                        final LocalDateTime now) {
        db.insertInto(RISK_LIMIT_HISTORY).set(RISK_LIMIT_HISTORY.LIMIT_ID, slot.getLimitId())
            .set(RISK_LIMIT_HISTORY.VERSION, slot.getVersion()).set(RISK_LIMIT_HISTORY.OLD_VALUE, oldValue)
            .set(RISK_LIMIT_HISTORY.NEW_VALUE, slot.getLimitValue()).set(RISK_LIMIT_HISTORY.ACTION, action)
            .set(RISK_LIMIT_HISTORY.CHANGED_BY, changedBy).set(RISK_LIMIT_HISTORY.APPROVED_BY, approvedBy)
            .set(RISK_LIMIT_HISTORY.REASON, cut(reason)).set(RISK_LIMIT_HISTORY.CHANGED_AT, now).execute();
    }

    static List<LimitHistoryEntry> historyOf(final DSLContext db, final LimitKey key) {
        final RiskLimitRecord slot = slot(db, key, false);
        if (slot == null) {
            return List.of();
        }
        return db.selectFrom(RISK_LIMIT_HISTORY).where(RISK_LIMIT_HISTORY.LIMIT_ID.eq(slot.getLimitId()))
            .orderBy(RISK_LIMIT_HISTORY.VERSION, RISK_LIMIT_HISTORY.HISTORY_ID).fetch(row -> new LimitHistoryEntry(
                row.getVersion(), plain(row.getOldValue()), plain(row.getNewValue()), row.getAction(),
                row.getChangedBy(), row.getApprovedBy(), row.getReason(), instant(row.getChangedAt())));
    }

    /** Records a change request; {@code db} must be a transaction's (the id is read back on its connection). */
    static long insertChange(final DSLContext db, final LimitKey key, final RiskLimitRecord slot,
                             final BigDecimal value, final LocalDateTime effectiveFrom, final boolean looser,
                             final ChangeStatus status, final String actor, final String reason,
                             final LocalDateTime now) {
        db.insertInto(RISK_LIMIT_CHANGE).set(RISK_LIMIT_CHANGE.SCOPE, key.scope().name())
            .set(RISK_LIMIT_CHANGE.SCOPE_KEY, key.scopeKey()).set(RISK_LIMIT_CHANGE.SYMBOL, key.symbol())
            .set(RISK_LIMIT_CHANGE.LIMIT_NAME, key.name().name())
            .set(RISK_LIMIT_CHANGE.BASE_VERSION, slot == null ? 0L : slot.getVersion())
            .set(RISK_LIMIT_CHANGE.OLD_VALUE, slot == null ? null : slot.getLimitValue())
            .set(RISK_LIMIT_CHANGE.NEW_VALUE, value).set(RISK_LIMIT_CHANGE.EFFECTIVE_FROM, effectiveFrom)
            .set(RISK_LIMIT_CHANGE.DIRECTION, looser ? "LOOSER" : "TIGHTER")
            .set(RISK_LIMIT_CHANGE.STATUS, status.name()).set(RISK_LIMIT_CHANGE.PROPOSED_BY, actor)
            .set(RISK_LIMIT_CHANGE.PROPOSED_AT, now).set(RISK_LIMIT_CHANGE.REASON, reason).execute();
        // LAST_INSERT_ID() of this connection: portable to MySQL 8, which has no INSERT ... RETURNING
        return db.lastID().longValue();
    }

    static RiskLimitChangeRecord change(final DSLContext db, final long changeId, final boolean forUpdate) {
        final var query = db.selectFrom(RISK_LIMIT_CHANGE).where(RISK_LIMIT_CHANGE.CHANGE_ID.eq(changeId));
        return forUpdate ? query.forUpdate().fetchOne() : query.fetchOne();
    }

    /**
     * Moves a change from {@code from} to {@code to} (a compare-and-set on its status).
     *
     * @return whether it was still {@code from}
     */
    static boolean decide(final DSLContext db, final long changeId, final ChangeStatus from, final ChangeStatus to,
                          final String decidedBy, final String decisionReason, final LocalDateTime now) {
        final var update = db.update(RISK_LIMIT_CHANGE).set(RISK_LIMIT_CHANGE.STATUS, to.name())
            .set(RISK_LIMIT_CHANGE.DECISION_REASON, cut(decisionReason));
        final var withDecider = decidedBy == null ? update
            : update.set(RISK_LIMIT_CHANGE.DECIDED_BY, decidedBy).set(RISK_LIMIT_CHANGE.DECIDED_AT, now);
        return withDecider.where(RISK_LIMIT_CHANGE.CHANGE_ID.eq(changeId))
            .and(RISK_LIMIT_CHANGE.STATUS.eq(from.name())).execute() == 1;
    }

    static void markApplied(final DSLContext db, final long changeId, final ChangeStatus from,
                            final RiskLimitRecord slot, final LocalDateTime now) {
        final int updated = db.update(RISK_LIMIT_CHANGE).set(RISK_LIMIT_CHANGE.STATUS, ChangeStatus.APPLIED.name())
            .set(RISK_LIMIT_CHANGE.APPLIED_VERSION, slot.getVersion())
            .set(RISK_LIMIT_CHANGE.APPLIED_SEQ, slot.getChangeSeq()).set(RISK_LIMIT_CHANGE.APPLIED_AT, now)
            .where(RISK_LIMIT_CHANGE.CHANGE_ID.eq(changeId)).and(RISK_LIMIT_CHANGE.STATUS.eq(from.name())).execute();
        if (updated != 1) {
            throw DeskRefusal.conflict("change " + changeId + " is no longer " + from);
        }
    }

    static LimitView view(final RiskLimitRecord row) {
        return row == null ? null : new LimitView(keyOf(row), plain(row.getLimitValue()), row.getVersion(),
            instant(row.getEffectiveFrom()), row.getUpdatedBy(), instant(row.getUpdatedAt()), row.getChangeSeq());
    }

    static LimitChange view(final RiskLimitChangeRecord row) {
        return new LimitChange(row.getChangeId(), new LimitKey(LimitScope.valueOf(row.getScope()), row.getScopeKey(),
            row.getSymbol(), LimitName.valueOf(row.getLimitName())), row.getBaseVersion(), plain(row.getOldValue()),
            plain(row.getNewValue()), instant(row.getEffectiveFrom()), "LOOSER".equals(row.getDirection()),
            ChangeStatus.valueOf(row.getStatus()), row.getProposedBy(), instant(row.getProposedAt()), row.getReason(),
            row.getDecidedBy(), instant(row.getDecidedAt()), row.getDecisionReason(), row.getAppliedVersion(),
            row.getAppliedSeq(), instant(row.getAppliedAt()));
    }

    static LimitKey keyOf(final RiskLimitRecord row) {
        return new LimitKey(LimitScope.valueOf(row.getScope()), row.getScopeKey(), row.getSymbol(),
            LimitName.valueOf(row.getLimitName()));
    }

    /** {@code ACCOUNT B1-CUST-001 MAX_ORDER_QTY} (with the symbol for SYMBOL scope). */
    static String describe(final LimitKey key) {
        return key.scope() + (key.scope() == LimitScope.FIRM ? "" : " " + key.scopeKey())
            + (key.scope() == LimitScope.SYMBOL ? " " + key.symbol() : "") + " " + key.name();
    }

    static BigDecimal plain(final BigDecimal value) {
        if (value == null) {
            return null;
        }
        final BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static LocalDateTime utc(final Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(final LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static String cut(final String text) {
        return text == null || text.length() <= ReferenceCheck.MAX_REASON ? text
            : text.substring(0, ReferenceCheck.MAX_REASON);
    }
}
