package io.portcullis.risk.desk;

import static io.portcullis.sql.schema.Tables.RISK_LIMIT;
import static io.portcullis.sql.schema.Tables.RISK_LIMIT_CHANGE;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
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
 * Risk limits with four eyes, MySQL the authority (tables {@code risk_limit}, {@code risk_limit_history},
 * {@code risk_limit_change}).
 *
 * <p>Rules:
 * <ul>
 *   <li><b>Validation</b> before anything is written: the value by {@link LimitName#invalidReason} (not negative, not
 *       absurd, right precision), the name allowed at the scope, the key an existing broker firm or account, the
 *       symbol one the engine trades, a reason given. A refusal is a {@link DeskRefusal} naming the field, and
 *       nothing reaches an engine.</li>
 *   <li><b>Versions.</b> Each slot (scope, key, symbol, name) has a version, 0 before its first value. A request names
 *       the version it read; applying is {@code UPDATE ... WHERE version = expected} (or an insert at version 1), so
 *       of two officers who read the same version one wins and the other gets a version conflict: no lost update.</li>
 *   <li><b>Hierarchy.</b> For a limit where a larger value is looser, a narrower scope may not be looser than the
 *       nearest wider scope that sets it (SYMBOL under ACCOUNT under the account's BROKER_FIRM under FIRM): such a
 *       request is refused; lowering a wider limit lowers every narrower one above it in the same transaction
 *       (history action CLAMPED), so the rule holds at every sequence.</li>
 *   <li><b>Four eyes.</b> A looser value than the one in force (or inherited) is PENDING_APPROVAL and applies only when
 *       a different risk officer approves it; the proposer cannot (they may withdraw it with {@link #reject}). A
 *       tighter or equal value applies at once. An approval applies only if the slot is still at the version the
 *       proposer saw; otherwise the change is SUPERSEDED.</li>
 *   <li><b>Effective dating.</b> A change with a future {@code effectiveFrom} waits as SCHEDULED (after approval when
 *       looser) and {@link #applyDue} applies it when due, under the same version check.</li>
 *   <li><b>Applying</b> is one transaction (desk sequence lock, slot compare-and-set, clamps, history, change row),
 *       then the {@link Publisher}: Redis, then this node's engine.</li>
 * </ul>
 *
 * <p>Thread-safe; every method runs a few MySQL statements on the caller's thread.
 */
public final class LimitService {
    private final DSLContext dsl;
    private final LimitRules rules;
    private final InstantSource clock;
    private final Publisher publisher;

    LimitService(final DSLContext dsl, final ReferenceCheck reference, final InstantSource clock,
                 final Publisher publisher) {
        this.dsl = dsl;
        this.rules = new LimitRules(reference);
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Sets a limit: applies it at once when it is not looser and due, else records it as PENDING_APPROVAL or
     * SCHEDULED.
     *
     * @throws DeskRefusal INVALID naming the field; CONFLICT when the slot is not at {@code expectedVersion}
     */
    public ChangeOutcome set(final LimitRequest request) {
        final String actor = ReferenceCheck.actor(request.actor());
        final LimitKey key = rules.key(request);
        final BigDecimal value = LimitRules.value(key.name(), request.value());
        if (request.expectedVersion() < 0) {
            throw DeskRefusal.invalid("expectedVersion", "must be 0 (no value yet) or the version you read");
        }
        final String reason = ReferenceCheck.reason("reason", request.reason());
        final Instant now = clock.instant();
        final Instant effective = LimitRules.effectiveFrom(request.effectiveFrom(), now);
        final RiskLimitRecord slot = LimitStore.slot(dsl, key, false);
        final long actual = slot == null ? 0 : slot.getVersion();
        if (actual != request.expectedVersion()) {
            throw LimitStore.versionConflict(key, actual, request.expectedVersion());
        }
        LimitRules.requireWithinParent(dsl, key, value);
        final boolean looser = LimitRules.looser(dsl, key, slot, value);
        if (looser || effective.isAfter(now)) {
            final long id = dsl.transactionResult(tx -> LimitStore.insertChange(tx.dsl(), key, slot, value,
                LimitStore.utc(effective), looser, looser ? ChangeStatus.PENDING_APPROVAL : ChangeStatus.SCHEDULED,
                actor, reason, LimitStore.utc(now)));
            return new ChangeOutcome(LimitStore.view(LimitStore.change(dsl, id, false)), LimitStore.view(slot), 0,
                false);
        }
        return apply(new Applying(key, request.expectedVersion(), value, actor, null, reason, null, looser));
    }

    /**
     * Approves a pending increase: applies it now (or schedules it when its effective time is ahead).
     *
     * @throws DeskRefusal NOT_FOUND; CONFLICT when it is not pending or the slot changed since (it is then
     *                     SUPERSEDED); FOUR_EYES when {@code approver} proposed it; INVALID when the hierarchy no
     *                     longer allows it (it stays pending)
     */
    public ChangeOutcome approve(final long changeId, final String approver, final String reason) {
        ReferenceCheck.actor(approver);
        final String why = ReferenceCheck.reason("reason", reason);
        final RiskLimitChangeRecord change = pendingChange(changeId, ChangeStatus.PENDING_APPROVAL);
        if (change.getProposedBy().equals(approver)) {
            throw DeskRefusal.fourEyes("four eyes: you proposed change " + changeId + "; another risk officer must "
                + "approve it");
        }
        final LimitChange view = LimitStore.view(change);
        final Instant now = clock.instant();
        if (view.effectiveFrom().isAfter(now)) {
            final boolean decided = dsl.transactionResult(tx -> LimitStore.decide(tx.dsl(), changeId,
                ChangeStatus.PENDING_APPROVAL, ChangeStatus.SCHEDULED, approver, why, LimitStore.utc(now)));
            if (!decided) {
                throw DeskRefusal.conflict("change " + changeId + " is no longer pending approval");
            }
            return new ChangeOutcome(LimitStore.view(LimitStore.change(dsl, changeId, false)),
                LimitStore.view(LimitStore.slot(dsl, view.key(), false)), 0, false);
        }
        return applyOrSupersede(view, new Applying(view.key(), view.baseVersion(), view.newValue(),
            view.proposedBy(), approver, view.reason(), new Decision(changeId, ChangeStatus.PENDING_APPROVAL, why),
            true));
    }

    /**
     * Rejects a pending or scheduled change (its proposer may withdraw it this way).
     *
     * @throws DeskRefusal NOT_FOUND; CONFLICT when it is neither pending nor scheduled
     */
    public ChangeOutcome reject(final long changeId, final String actor, final String reason) {
        ReferenceCheck.actor(actor);
        final String why = ReferenceCheck.reason("reason", reason);
        final RiskLimitChangeRecord change = LimitStore.change(dsl, changeId, false);
        if (change == null) {
            throw DeskRefusal.notFound("no limit change " + changeId);
        }
        final LocalDateTime now = LimitStore.utc(clock.instant());
        final boolean rejected = dsl.transactionResult(tx -> LimitStore.decide(tx.dsl(), changeId,
            ChangeStatus.PENDING_APPROVAL, ChangeStatus.REJECTED, actor, why, now)
            || LimitStore.decide(tx.dsl(), changeId, ChangeStatus.SCHEDULED, ChangeStatus.REJECTED, actor, why, now));
        if (!rejected) {
            throw DeskRefusal.conflict("change " + changeId + " is " + LimitStore.change(dsl, changeId, false)
                .getStatus() + "; only a pending or scheduled change can be rejected");
        }
        final LimitChange view = LimitStore.view(LimitStore.change(dsl, changeId, false));
        return new ChangeOutcome(view, LimitStore.view(LimitStore.slot(dsl, view.key(), false)), 0, false);
    }

    /**
     * Applies every SCHEDULED change whose time has come, oldest first; one that can no longer apply (the slot
     * changed, or the hierarchy forbids it now) becomes SUPERSEDED. Any node may call it: the status compare-and-set
     * lets only one apply each change.
     *
     * @return how many applied
     */
    public int applyDue() {
        final List<RiskLimitChangeRecord> due = dsl.selectFrom(RISK_LIMIT_CHANGE)
            .where(RISK_LIMIT_CHANGE.STATUS.eq(ChangeStatus.SCHEDULED.name()))
            .and(RISK_LIMIT_CHANGE.EFFECTIVE_FROM.le(LimitStore.utc(clock.instant())))
            .orderBy(RISK_LIMIT_CHANGE.EFFECTIVE_FROM, RISK_LIMIT_CHANGE.CHANGE_ID).limit(100).fetch();
        int applied = 0;
        for (final RiskLimitChangeRecord row : due) {
            final LimitChange change = LimitStore.view(row);
            try {
                applyOrSupersede(change, new Applying(change.key(), change.baseVersion(), change.newValue(),
                    change.proposedBy(), change.decidedBy(), change.reason(),
                    new Decision(change.changeId(), ChangeStatus.SCHEDULED, null), change.looser()));
                applied++;
            } catch (final DeskRefusal ex) {
                supersede(change.changeId(), ChangeStatus.SCHEDULED, "could not apply when due: " + ex.getMessage());
            }
        }
        return applied;
    }

    /** The limits in force matching the filter (each argument null for any), by scope, key, symbol and name. */
    public List<LimitView> list(final LimitScope scope, final String key, final String symbol, final LimitName name) {
        Condition where = RISK_LIMIT.STATUS.eq("ACTIVE");
        where = scope == null ? where : where.and(RISK_LIMIT.SCOPE.eq(scope.name()));
        where = key == null ? where : where.and(RISK_LIMIT.SCOPE_KEY.eq(key));
        where = symbol == null ? where : where.and(RISK_LIMIT.SYMBOL.eq(symbol));
        where = name == null ? where : where.and(RISK_LIMIT.LIMIT_NAME.eq(name.name()));
        final List<LimitView> out = new ArrayList<>();
        dsl.selectFrom(RISK_LIMIT).where(where).fetch().forEach(row -> out.add(LimitStore.view(row)));
        out.sort((a, b) -> {
            final int byScope = a.key().scope().compareTo(b.key().scope());
            return byScope != 0 ? byScope : (a.key().scopeKey() + "|" + a.key().symbol() + "|" + a.key().name())
                .compareTo(b.key().scopeKey() + "|" + b.key().symbol() + "|" + b.key().name());
        });
        return out;
    }

    /** Changes in the given statuses (all when empty), oldest first, at most {@code limit}. */
    public List<LimitChange> changes(final List<ChangeStatus> statuses, final int limit) {
        final Condition where = statuses.isEmpty() ? DSL.trueCondition()
            : RISK_LIMIT_CHANGE.STATUS.in(statuses.stream().map(Enum::name).toList());
        return dsl.selectFrom(RISK_LIMIT_CHANGE).where(where).orderBy(RISK_LIMIT_CHANGE.CHANGE_ID.desc()).limit(limit)
            .fetch(LimitStore::view).reversed();
    }

    /** The changes waiting for a second risk officer or for their time, oldest first. */
    public List<LimitChange> pending() {
        return changes(List.of(ChangeStatus.PENDING_APPROVAL, ChangeStatus.SCHEDULED), 1_000);
    }

    /** Every version a slot had, oldest first; empty when it never had a value. */
    public List<LimitHistoryEntry> history(final LimitKey key) {
        return LimitStore.historyOf(dsl, key);
    }

    /** The value that applies to {@code account} (its own, else its firm's, else firm-wide), or null for none. */
    public BigDecimal effective(final String account, final LimitName name) {
        return LimitStore.plain(LimitStore.effective(dsl, account, name));
    }

    /** The slot's value in force, or null. */
    public LimitView get(final LimitKey key) {
        return LimitStore.view(LimitStore.slot(dsl, key, false));
    }

    private record Decision(long changeId, ChangeStatus from, String reason) {
    }

    private record Applying(LimitKey key, long expectedVersion, BigDecimal value, String proposer, String approver,
                            String reason, Decision decision, boolean looser) {
    }

    private record Written(long changeId, RiskLimitRecord slot, List<DeskEntry> entries, int clamped) {
    }

    private ChangeOutcome applyOrSupersede(final LimitChange change, final Applying applying) {
        try {
            return apply(applying);
        } catch (final DeskRefusal ex) {
            final RiskLimitRecord slot = LimitStore.slot(dsl, change.key(), false);
            final long now = slot == null ? 0 : slot.getVersion();
            if (ex.kind() != DeskRefusal.Kind.CONFLICT || now == change.baseVersion()) {
                throw ex;
            }
            supersede(change.changeId(), applying.decision().from(), "the limit moved from version "
                + change.baseVersion() + " to " + now + " before this change could apply");
            throw DeskRefusal.conflict("version conflict: " + LimitStore.describe(change.key()) + " changed (version "
                + change.baseVersion() + " -> " + now + ") since change " + change.changeId() + " was proposed; it "
                + "is now SUPERSEDED: propose it again against the current value");
        }
    }

    private ChangeOutcome apply(final Applying a) {
        final LocalDateTime now = LimitStore.utc(clock.instant());
        final Written applied = dsl.transactionResult(tx -> {
            final DSLContext db = tx.dsl();
            final DeskLedger.Sequencer seqs = DeskLedger.lock(db);
            final RiskLimitRecord slot = LimitStore.slot(db, a.key(), true);
            final long actual = slot == null ? 0 : slot.getVersion();
            if (actual != a.expectedVersion()) {
                throw LimitStore.versionConflict(a.key(), actual, a.expectedVersion());
            }
            LimitRules.requireWithinParent(db, a.key(), a.value());
            final List<DeskEntry> entries = new ArrayList<>();
            int clamped = 0;
            if (a.key().name().largerIsLooser()) {
                for (final RiskLimitRecord child : LimitStore.looserDescendants(db, a.key(), a.value())) {
                    final RiskLimitRecord lowered = LimitStore.write(db, child, LimitStore.keyOf(child),
                        child.getVersion(), a.value(), now, a.proposer(), now, seqs.take());
                    LimitStore.history(db, lowered, child.getLimitValue(), "CLAMPED", a.proposer(), a.approver(),
                        "lowered with " + LimitStore.describe(a.key()) + ": " + a.reason(), now);
                    entries.add(entry(lowered));
                    clamped++;
                }
            }
            final RiskLimitRecord written = LimitStore.write(db, slot, a.key(), a.expectedVersion(), a.value(), now,
                a.proposer(), now, seqs.take());
            LimitStore.history(db, written, slot == null ? null : slot.getLimitValue(),
                a.approver() == null ? "APPLIED" : "APPROVED", a.proposer(), a.approver(), a.reason(), now);
            entries.add(entry(written));
            final long changeId;
            if (a.decision() == null) {
                changeId = LimitStore.insertChange(db, a.key(), slot, a.value(), now, a.looser(),
                    ChangeStatus.SCHEDULED, a.proposer(), a.reason(), now);
            } else {
                changeId = a.decision().changeId();
                if (a.decision().from() == ChangeStatus.PENDING_APPROVAL && !LimitStore.decide(db, changeId,
                    ChangeStatus.PENDING_APPROVAL, ChangeStatus.SCHEDULED, a.approver(), a.decision().reason(),
                    now)) {
                    throw DeskRefusal.conflict("change " + changeId + " is no longer pending approval");
                }
            }
            LimitStore.markApplied(db, changeId, ChangeStatus.SCHEDULED, written, now);
            return new Written(changeId, written, entries, clamped);
        });
        final boolean engine = publisher.publish(applied.entries());
        return new ChangeOutcome(LimitStore.view(LimitStore.change(dsl, applied.changeId(), false)),
            LimitStore.view(applied.slot()), applied.clamped(), engine);
    }

    private void supersede(final long changeId, final ChangeStatus from, final String why) {
        dsl.transaction(tx -> LimitStore.decide(tx.dsl(), changeId, from, ChangeStatus.SUPERSEDED, null, why,
            LimitStore.utc(clock.instant())));
    }

    private RiskLimitChangeRecord pendingChange(final long changeId, final ChangeStatus status) {
        final RiskLimitChangeRecord change = LimitStore.change(dsl, changeId, false);
        if (change == null) {
            throw DeskRefusal.notFound("no limit change " + changeId);
        }
        if (!status.name().equals(change.getStatus())) {
            throw DeskRefusal.conflict("change " + changeId + " is " + change.getStatus() + ", not " + status);
        }
        return change;
    }

    private static DeskEntry entry(final RiskLimitRecord row) {
        return new DeskEntry.LimitEntry(row.getChangeSeq(), LimitStore.keyOf(row), row.getLimitValue());
    }
}
