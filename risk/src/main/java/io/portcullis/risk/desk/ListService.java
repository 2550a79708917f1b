package io.portcullis.risk.desk;

import static io.portcullis.sql.schema.Tables.RISK_LIST_ENTRY;
import static io.portcullis.sql.schema.Tables.RISK_LIST_HISTORY;

import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.List;

import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.ListName;
import io.portcullis.sql.schema.tables.records.RiskListEntryRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The restricted and hard-to-borrow lists, firm-wide or per account (tables {@code risk_list_entry},
 * {@code risk_list_history}). Adding and removing apply at once, each a new version of the entry with who, when and
 * why; a removal keeps the row (present false) so that every node learns of it.
 *
 * <p>Thread-safe; MySQL on the caller's thread, then the {@link Publisher}.
 */
public final class ListService {
    private final DSLContext dsl;
    private final ReferenceCheck reference;
    private final InstantSource clock;
    private final Publisher publisher;

    ListService(final DSLContext dsl, final ReferenceCheck reference, final InstantSource clock,
                final Publisher publisher) {
        this.dsl = dsl;
        this.reference = reference;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Puts {@code symbol} on the list or takes it off.
     *
     * @param account null or {@code *} for every account, else an account id
     * @throws DeskRefusal INVALID naming {@code list}, {@code account}, {@code symbol} or {@code reason}; CONFLICT
     *                     when it is already on the list; NOT_FOUND when removing what is not on it
     */
    public Committed<ListEntryView> set(final ListName list, final String account, final String symbol,
                                        final boolean present, final String reason, final String actor) {
        ReferenceCheck.actor(actor);
        if (list == null) {
            throw DeskRefusal.invalid("list", "is required: RESTRICTED or HARD_TO_BORROW");
        }
        final String scopeKey = account == null || LimitKey.ANY.equals(account) ? LimitKey.ANY : account;
        if (!LimitKey.ANY.equals(scopeKey)) {
            reference.account("account", scopeKey);
        }
        reference.symbol("symbol", symbol);
        final String why = ReferenceCheck.reason("reason", reason);
        final LocalDateTime now = LimitStore.utc(clock.instant());
        final RiskListEntryRecord written = dsl.transactionResult(tx -> {
            final DSLContext db = tx.dsl();
            final DeskLedger.Sequencer seqs = DeskLedger.lock(db);
            final Condition entry = RISK_LIST_ENTRY.LIST_NAME.eq(list.name())
                .and(RISK_LIST_ENTRY.SCOPE_KEY.eq(scopeKey)).and(RISK_LIST_ENTRY.SYMBOL.eq(symbol));
            final RiskListEntryRecord existing = db.selectFrom(RISK_LIST_ENTRY).where(entry).forUpdate().fetchOne();
            final boolean on = existing != null && existing.getPresent();
            if (present && on) {
                throw DeskRefusal.conflict(symbol + " is already on the " + list + " list for " + scopeKey);
            }
            if (!present && !on) {
                throw DeskRefusal.notFound(symbol + " is not on the " + list + " list for " + scopeKey);
            }
            final long seq = seqs.take();
            final long version = existing == null ? 1 : existing.getVersion() + 1;
            if (existing == null) {
                db.insertInto(RISK_LIST_ENTRY).set(RISK_LIST_ENTRY.LIST_NAME, list.name())
                    .set(RISK_LIST_ENTRY.SCOPE_KEY, scopeKey).set(RISK_LIST_ENTRY.SYMBOL, symbol)
                    .set(RISK_LIST_ENTRY.PRESENT, present).set(RISK_LIST_ENTRY.VERSION, version)
                    .set(RISK_LIST_ENTRY.CHANGE_SEQ, seq).set(RISK_LIST_ENTRY.UPDATED_BY, actor)
                    .set(RISK_LIST_ENTRY.UPDATED_AT, now).set(RISK_LIST_ENTRY.REASON, why).execute();
            } else {
                db.update(RISK_LIST_ENTRY).set(RISK_LIST_ENTRY.PRESENT, present).set(RISK_LIST_ENTRY.VERSION, version)
                    .set(RISK_LIST_ENTRY.CHANGE_SEQ, seq).set(RISK_LIST_ENTRY.UPDATED_BY, actor)
                    .set(RISK_LIST_ENTRY.UPDATED_AT, now).set(RISK_LIST_ENTRY.REASON, why)
                    .where(entry).and(RISK_LIST_ENTRY.VERSION.eq(existing.getVersion())).execute();
            }
            db.insertInto(RISK_LIST_HISTORY).set(RISK_LIST_HISTORY.LIST_NAME, list.name())
                .set(RISK_LIST_HISTORY.SCOPE_KEY, scopeKey).set(RISK_LIST_HISTORY.SYMBOL, symbol)
                .set(RISK_LIST_HISTORY.ACTION, present ? "ADDED" : "REMOVED").set(RISK_LIST_HISTORY.VERSION, version)
                .set(RISK_LIST_HISTORY.CHANGE_SEQ, seq).set(RISK_LIST_HISTORY.CHANGED_BY, actor)
                .set(RISK_LIST_HISTORY.CHANGED_AT, now).set(RISK_LIST_HISTORY.REASON, why).execute();
            return db.selectFrom(RISK_LIST_ENTRY).where(entry).fetchSingle();
        });
        final boolean engine = publisher.publish(List.of(new DeskEntry.ListEntry(written.getChangeSeq(), list,
            scopeKey, symbol, present)));
        return new Committed<>(view(written), engine);
    }

    /**
     * The entries of a list on it now, by account then symbol.
     *
     * @param account null for all, {@code *} for the firm-wide ones, else one account's
     */
    public List<ListEntryView> list(final ListName list, final String account) {
        Condition where = RISK_LIST_ENTRY.LIST_NAME.eq(list.name()).and(RISK_LIST_ENTRY.PRESENT.isTrue());
        where = account == null ? where : where.and(RISK_LIST_ENTRY.SCOPE_KEY.eq(account));
        return dsl.selectFrom(RISK_LIST_ENTRY).where(where)
            .orderBy(RISK_LIST_ENTRY.SCOPE_KEY, RISK_LIST_ENTRY.SYMBOL).fetch(ListService::view);
    }

    private static ListEntryView view(final RiskListEntryRecord row) {
        return new ListEntryView(ListName.valueOf(row.getListName()), row.getScopeKey(), row.getSymbol(),
            row.getPresent(), row.getVersion(), row.getChangeSeq(), row.getUpdatedBy(),
            LimitStore.instant(row.getUpdatedAt()), row.getReason());
    }
}
