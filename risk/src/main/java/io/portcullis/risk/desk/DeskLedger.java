package io.portcullis.risk.desk;

import static io.portcullis.sql.schema.Tables.RISK_DESK_SEQUENCE;
import static io.portcullis.sql.schema.Tables.RISK_KILL_SWITCH;
import static io.portcullis.sql.schema.Tables.RISK_LIMIT;
import static io.portcullis.sql.schema.Tables.RISK_LIST_ENTRY;
import static io.portcullis.sql.schema.Tables.RISK_LOCATE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.portcullis.risk.model.KillScope;
import io.portcullis.risk.model.LimitKey;
import io.portcullis.risk.model.LimitName;
import io.portcullis.risk.model.LimitScope;
import io.portcullis.risk.model.ListName;
import io.portcullis.risk.model.Locate;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk sequence and the authority's state as {@link DeskEntry entries}.
 *
 * <p>Rule: a change takes effect in a transaction whose first statement is {@link #next} (a row lock on the one
 * counter row, held to commit), so changes commit one at a time in sequence order, a rolled-back change leaves no gap,
 * and a transaction that sees sequence N committed sees every change up to N. {@link #since} reads the counter and
 * the state rows in one snapshot, so its result is exactly the authority at that sequence.
 *
 * <p>Stateless; any thread.
 */
final class DeskLedger {
    private static final Logger LOG = LoggerFactory.getLogger(DeskLedger.class);

    private DeskLedger() {
    }

    /**
     * The authority's state changed after {@code after}, in sequence order, at sequence {@link #seq()}.
     *
     * @param seq     the desk sequence this snapshot is at
     * @param entries every state row with {@code after < change_seq <= seq}, by sequence
     */
    record Snapshot(long seq, List<DeskEntry> entries) {
    }

    /**
     * Takes the next sequence number. Must be the first statement of the transaction {@code tx} (see the class rule);
     * call it once per state row written.
     */
    static long next(final DSLContext tx) {
        tx.update(RISK_DESK_SEQUENCE).set(RISK_DESK_SEQUENCE.SEQ, RISK_DESK_SEQUENCE.SEQ.plus(1))
            .where(RISK_DESK_SEQUENCE.ID.eq(1)).execute();
        return tx.select(RISK_DESK_SEQUENCE.SEQ).from(RISK_DESK_SEQUENCE).where(RISK_DESK_SEQUENCE.ID.eq(1))
            .fetchSingle().value1();
    }

    /**
     * Locks the sequence for this transaction and hands out its numbers: the first from the lock itself, the next
     * ones as needed. Create it as the transaction's first statement.
     */
    static Sequencer lock(final DSLContext tx) {
        return new Sequencer(tx, next(tx));
    }

    /** The sequence numbers of one transaction, one per state row written. */
    static final class Sequencer {
        private final DSLContext tx;
        private long reserved;

        private Sequencer(final DSLContext tx, final long first) {
            this.tx = tx;
            this.reserved = first;
        }

        /** The number for the next state row written. */
        long take() {
            if (reserved > 0) {
                final long seq = reserved;
                reserved = 0;
                return seq;
            }
            return next(tx);
        }
    }

    /** The newest sequence committed. */
    static long current(final DSLContext dsl) {
        return dsl.select(RISK_DESK_SEQUENCE.SEQ).from(RISK_DESK_SEQUENCE).where(RISK_DESK_SEQUENCE.ID.eq(1))
            .fetchSingle().value1();
    }

    /**
     * Everything that changed after {@code after}, in one consistent read. A row that does not make a valid entry
     * (edited by hand) is logged and left out: it never reaches an engine.
     */
    static Snapshot since(final DSLContext dsl, final long after) {
        return dsl.transactionResult(tx -> {
            final DSLContext db = tx.dsl();
            final long seq = current(db);
            final List<DeskEntry> entries = new ArrayList<>();
            db.selectFrom(RISK_LIMIT).where(RISK_LIMIT.CHANGE_SEQ.gt(after)).and(RISK_LIMIT.STATUS.eq("ACTIVE"))
                .fetch().forEach(row -> add(entries, row.getChangeSeq(), () -> new DeskEntry.LimitEntry(
                    row.getChangeSeq(), new LimitKey(LimitScope.valueOf(row.getScope()), row.getScopeKey(),
                    row.getSymbol(), LimitName.valueOf(row.getLimitName())), row.getLimitValue())));
            db.selectFrom(RISK_LIST_ENTRY).where(RISK_LIST_ENTRY.CHANGE_SEQ.gt(after)).fetch().forEach(row ->
                add(entries, row.getChangeSeq(), () -> new DeskEntry.ListEntry(row.getChangeSeq(),
                    ListName.valueOf(row.getListName()), row.getScopeKey(), row.getSymbol(), row.getPresent())));
            db.selectFrom(RISK_LOCATE).where(RISK_LOCATE.CHANGE_SEQ.gt(after)).fetch().forEach(row ->
                add(entries, row.getChangeSeq(), () -> new DeskEntry.LocateEntry(row.getChangeSeq(),
                    new Locate(row.getLocateId(), row.getAccountId(), row.getSymbol(), row.getQuantity()),
                    row.getExpiresOn())));
            db.selectFrom(RISK_KILL_SWITCH).where(RISK_KILL_SWITCH.CHANGE_SEQ.gt(after)).fetch().forEach(row ->
                add(entries, row.getChangeSeq(), () -> new DeskEntry.KillEntry(row.getChangeSeq(),
                    KillScope.valueOf(row.getScope()), row.getScopeKey(), row.getEngaged())));
            entries.sort(Comparator.comparingLong(DeskEntry::seq));
            return new Snapshot(seq, List.copyOf(entries));
        });
    }

    private static void add(final List<DeskEntry> entries, final long seq,
                            final java.util.function.Supplier<DeskEntry> entry) {
        try {
            entries.add(entry.get());
        } catch (final RuntimeException ex) {
            LOG.error("desk state row of change {} is not valid and is not applied: {}", seq, ex.getMessage());
        }
    }
}
