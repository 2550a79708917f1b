package io.portcullis.risk.desk;

import static io.portcullis.sql.schema.Tables.RISK_KILL_SWITCH;
import static io.portcullis.sql.schema.Tables.RISK_KILL_SWITCH_HISTORY;

import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.sql.schema.tables.records.RiskKillSwitchRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Kill switches (tables {@code risk_kill_switch}, {@code risk_kill_switch_history}): engaging and releasing apply at
 * once (no second officer: stopping must never wait, and releasing restores what a limit already allows), each a new
 * version with who, when and why. Engaging also cancels the open orders in scope (the engine does, see
 * {@link io.portcullis.risk.model.RiskCommandSink#setKillSwitch}).
 *
 * <p>Thread-safe; MySQL on the caller's thread, then the {@link Publisher}.
 */
public final class KillSwitchService {
    private final DSLContext dsl;
    private final ReferenceCheck reference;
    private final InstantSource clock;
    private final Publisher publisher;

    KillSwitchService(final DSLContext dsl, final ReferenceCheck reference, final InstantSource clock,
                      final Publisher publisher) {
        this.dsl = dsl;
        this.reference = reference;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Engages or releases a kill switch.
     *
     * @param key {@code *} (or null) for FIRM, else a broker firm id, FIX session id, account id or symbol
     * @throws DeskRefusal INVALID naming {@code scope}, {@code key} or {@code reason}; CONFLICT when it is already
     *                     in that state
     */
    public Committed<KillSwitchView> set(final KillScope scope, final String key, final boolean engaged,
                                         final String reason, final String actor) {
        ReferenceCheck.actor(actor);
        final String scopeKey = validKey(scope, key);
        final String why = ReferenceCheck.reason("reason", reason);
        final LocalDateTime now = LimitStore.utc(clock.instant());
        final RiskKillSwitchRecord written = dsl.transactionResult(tx -> {
            final DSLContext db = tx.dsl();
            final DeskLedger.Sequencer seqs = DeskLedger.lock(db);
            final Condition row = RISK_KILL_SWITCH.SCOPE.eq(scope.name()).and(RISK_KILL_SWITCH.SCOPE_KEY.eq(scopeKey));
            final RiskKillSwitchRecord existing = db.selectFrom(RISK_KILL_SWITCH).where(row).forUpdate().fetchOne();
            final boolean on = existing != null && existing.getEngaged();
            if (on == engaged) {
                throw DeskRefusal.conflict("the " + scope + " " + scopeKey + " kill switch is already "
                    + (engaged ? "engaged" : "released"));
            }
            final long seq = seqs.take();
            final long version = existing == null ? 1 : existing.getVersion() + 1;
            if (existing == null) {
                db.insertInto(RISK_KILL_SWITCH).set(RISK_KILL_SWITCH.SCOPE, scope.name())
                    .set(RISK_KILL_SWITCH.SCOPE_KEY, scopeKey).set(RISK_KILL_SWITCH.ENGAGED, engaged)
                    .set(RISK_KILL_SWITCH.VERSION, version).set(RISK_KILL_SWITCH.CHANGE_SEQ, seq)
                    .set(RISK_KILL_SWITCH.UPDATED_BY, actor).set(RISK_KILL_SWITCH.UPDATED_AT, now)
                    .set(RISK_KILL_SWITCH.REASON, why).execute();
            } else {
                db.update(RISK_KILL_SWITCH).set(RISK_KILL_SWITCH.ENGAGED, engaged)
                    .set(RISK_KILL_SWITCH.VERSION, version).set(RISK_KILL_SWITCH.CHANGE_SEQ, seq)
                    .set(RISK_KILL_SWITCH.UPDATED_BY, actor).set(RISK_KILL_SWITCH.UPDATED_AT, now)
                    .set(RISK_KILL_SWITCH.REASON, why)
                    .where(row).and(RISK_KILL_SWITCH.VERSION.eq(existing.getVersion())).execute();
            }
            db.insertInto(RISK_KILL_SWITCH_HISTORY).set(RISK_KILL_SWITCH_HISTORY.SCOPE, scope.name())
                .set(RISK_KILL_SWITCH_HISTORY.SCOPE_KEY, scopeKey).set(RISK_KILL_SWITCH_HISTORY.ENGAGED, engaged)
                .set(RISK_KILL_SWITCH_HISTORY.VERSION, version).set(RISK_KILL_SWITCH_HISTORY.CHANGE_SEQ, seq)
                .set(RISK_KILL_SWITCH_HISTORY.CHANGED_BY, actor).set(RISK_KILL_SWITCH_HISTORY.CHANGED_AT, now)
                .set(RISK_KILL_SWITCH_HISTORY.REASON, why).execute();
            return db.selectFrom(RISK_KILL_SWITCH).where(row).fetchSingle();
        });
        final boolean engine = publisher.publish(List.of(new DeskEntry.KillEntry(written.getChangeSeq(), scope,
            scopeKey, engaged)));
        return new Committed<>(view(written), engine);
    }

    /** Kill switches (only the engaged ones when {@code engagedOnly}), by scope and key. */
    public List<KillSwitchView> list(final boolean engagedOnly) {
        return dsl.selectFrom(RISK_KILL_SWITCH)
            .where(engagedOnly ? RISK_KILL_SWITCH.ENGAGED.isTrue() : DSL.trueCondition())
            .orderBy(RISK_KILL_SWITCH.SCOPE, RISK_KILL_SWITCH.SCOPE_KEY).fetch(KillSwitchService::view);
    }

    private String validKey(final KillScope scope, final String key) {
        if (scope == null) {
            throw DeskRefusal.invalid("scope", "is required: one of " + Arrays.toString(KillScope.values()));
        }
        switch (scope) {
            case FIRM -> {
                if (key != null && !LimitKey.ANY.equals(key)) {
                    throw DeskRefusal.invalid("key", "the FIRM kill switch's key is '*'");
                }
                return LimitKey.ANY;
            }
            case BROKER_FIRM -> reference.firm("key", key);
            case SESSION -> reference.session("key", key);
            case ACCOUNT -> reference.account("key", key);
            case SYMBOL -> reference.symbol("key", key);
        }
        return key;
    }

    private static KillSwitchView view(final RiskKillSwitchRecord row) {
        return new KillSwitchView(KillScope.valueOf(row.getScope()), row.getScopeKey(), row.getEngaged(),
            row.getVersion(), row.getChangeSeq(), row.getUpdatedBy(), LimitStore.instant(row.getUpdatedAt()),
            row.getReason());
    }
}
