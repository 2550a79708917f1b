package io.portcullis.backoffice.settlement;

import static io.portcullis.sql.schema.Tables.LEDGER_ENTRY;
import static io.portcullis.sql.schema.Tables.SETTLEMENT_OBLIGATION;
import static io.portcullis.sql.schema.Tables.TRADE_CONFIRMATION;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.jooq.TableRecord;

/**
 * Writes a settlement result to the V11 tables in one transaction, in batched inserts: confirmations, their ledger
 * lines and obligations are replaced for each settlement date present in the result (so the result must
 * net every trade settling on those dates: use {@code SettlementCalendar.tradeDatesSettlingOn}). Re-running the same
 * result leaves the same rows.
 */
public final class SettlementStore {
    private static final int BATCH = 2_000;

    private SettlementStore() {
    }

    /** Stores {@code result}; the caller's thread, a connection from {@code dsl}. */
    public static void save(final DSLContext dsl, final SettlementResult result) {
        dsl.transaction(configuration -> {
            final DSLContext tx = configuration.dsl();
            // The result holds every trade settling on its dates: replace those dates whole.
            final Set<LocalDate> dates = new TreeSet<>();
            result.obligations().forEach(o -> dates.add(o.settlementDate()));
            result.confirmations().forEach(c -> dates.add(c.settlementDate()));
            tx.deleteFrom(LEDGER_ENTRY).where(LEDGER_ENTRY.SETTLEMENT_DATE.in(dates)).execute();
            tx.deleteFrom(TRADE_CONFIRMATION).where(TRADE_CONFIRMATION.SETTLEMENT_DATE.in(dates)).execute();
            tx.deleteFrom(SETTLEMENT_OBLIGATION).where(SETTLEMENT_OBLIGATION.SETTLEMENT_DATE.in(dates)).execute();
            final List<TableRecord<?>> rows = new ArrayList<>();
            for (final Confirmation c : result.confirmations()) {
                final Trade t = c.trade();
                rows.add(tx.newRecord(TRADE_CONFIRMATION)
                    .with(TRADE_CONFIRMATION.CONFIRM_ID, c.confirmId())
                    .with(TRADE_CONFIRMATION.ACCOUNT_ID, t.accountId())
                    .with(TRADE_CONFIRMATION.TRADE_DATE, t.tradeDate())
                    .with(TRADE_CONFIRMATION.EXEC_TIME, t.execTime() == null ? null
                        : LocalDateTime.ofInstant(t.execTime(), ZoneOffset.UTC))
                    .with(TRADE_CONFIRMATION.SETTLEMENT_DATE, c.settlementDate())
                    .with(TRADE_CONFIRMATION.SIDE, t.side().name())
                    .with(TRADE_CONFIRMATION.SYMBOL, t.symbol())
                    .with(TRADE_CONFIRMATION.SECURITY_NAME, c.securityName())
                    .with(TRADE_CONFIRMATION.QUANTITY, t.quantity())
                    .with(TRADE_CONFIRMATION.PRICE, t.price())
                    .with(TRADE_CONFIRMATION.AVERAGE_PRICE, t.averagePrice())
                    .with(TRADE_CONFIRMATION.CAPACITY, t.capacity().name())
                    .with(TRADE_CONFIRMATION.GROSS_AMOUNT, t.gross())
                    .with(TRADE_CONFIRMATION.COMMISSION, c.fees().commission())
                    .with(TRADE_CONFIRMATION.SEC_FEE, c.fees().secFee())
                    .with(TRADE_CONFIRMATION.TAF_FEE, c.fees().tafFee())
                    .with(TRADE_CONFIRMATION.NET_AMOUNT, c.netAmount())
                    .with(TRADE_CONFIRMATION.EXEC_IDS, String.join(" ", t.execIds()))
                    .with(TRADE_CONFIRMATION.REMARKS, String.join("; ", c.remarks())));
            }
            insert(tx, rows);
            rows.clear();
            for (final LedgerEntry e : result.ledger()) {
                rows.add(tx.newRecord(LEDGER_ENTRY)
                    .with(LEDGER_ENTRY.CONFIRM_ID, e.confirmId())
                    .with(LEDGER_ENTRY.LINE_NO, e.lineNo())
                    .with(LEDGER_ENTRY.SETTLEMENT_DATE, e.settlementDate())
                    .with(LEDGER_ENTRY.LEDGER_ACCOUNT, e.ledgerAccount())
                    .with(LEDGER_ENTRY.KIND, e.kind().name())
                    .with(LEDGER_ENTRY.SYMBOL, e.symbol())
                    .with(LEDGER_ENTRY.DEBIT, e.debit())
                    .with(LEDGER_ENTRY.CREDIT, e.credit())
                    .with(LEDGER_ENTRY.MEMO, e.memo()));
            }
            insert(tx, rows);
            rows.clear();
            for (final Obligation o : result.obligations()) {
                rows.add(tx.newRecord(SETTLEMENT_OBLIGATION)
                    .with(SETTLEMENT_OBLIGATION.SETTLEMENT_DATE, o.settlementDate())
                    .with(SETTLEMENT_OBLIGATION.ACCOUNT_ID, o.accountId())
                    .with(SETTLEMENT_OBLIGATION.SYMBOL, o.symbol())
                    .with(SETTLEMENT_OBLIGATION.BOUGHT_QUANTITY, o.boughtQuantity())
                    .with(SETTLEMENT_OBLIGATION.SOLD_QUANTITY, o.soldQuantity())
                    .with(SETTLEMENT_OBLIGATION.NET_QUANTITY, o.netQuantity())
                    .with(SETTLEMENT_OBLIGATION.GROSS_BOUGHT, o.grossBought())
                    .with(SETTLEMENT_OBLIGATION.GROSS_SOLD, o.grossSold())
                    .with(SETTLEMENT_OBLIGATION.COMMISSION, o.commission())
                    .with(SETTLEMENT_OBLIGATION.SEC_FEE, o.secFee())
                    .with(SETTLEMENT_OBLIGATION.TAF_FEE, o.tafFee())
                    .with(SETTLEMENT_OBLIGATION.NET_MONEY, o.netMoney())
                    .with(SETTLEMENT_OBLIGATION.TRADE_COUNT, o.trades())
                    .with(SETTLEMENT_OBLIGATION.CALENDAR_VERSION, o.calendarVersion()));
            }
            insert(tx, rows);
        });
    }

    /** Batched inserts (the driver rewrites each batch into multi-row INSERTs), a few thousand rows at a time. */
    private static void insert(final DSLContext tx, final List<TableRecord<?>> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            tx.batchInsert(rows.subList(from, Math.min(rows.size(), from + BATCH))).execute();
        }
    }
}
