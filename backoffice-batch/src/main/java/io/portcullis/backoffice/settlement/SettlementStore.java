package io.portcullis.backoffice.settlement;

import static io.portcullis.sql.schema.Tables.LEDGER_ENTRY;
import static io.portcullis.sql.schema.Tables.SETTLEMENT_OBLIGATION;
import static io.portcullis.sql.schema.Tables.TRADE_CONFIRMATION;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.DSLContext;

/**
 * Writes a settlement result to the V11 tables in one transaction: confirmations and their ledger lines are replaced
 * by confirmation id, obligations are replaced for each settlement date present in the result (so the result must
 * net every trade settling on those dates: use {@code SettlementCalendar.tradeDatesSettlingOn}). Re-running the same
 * result leaves the same rows.
 */
public final class SettlementStore {
    private SettlementStore() {
    }

    /** Stores {@code result}; the caller's thread, a connection from {@code dsl}. */
    public static void save(final DSLContext dsl, final SettlementResult result) {
        dsl.transaction(configuration -> {
            final DSLContext tx = configuration.dsl();
            final Set<String> confirmIds = new TreeSet<>();
            result.confirmations().forEach(c -> confirmIds.add(c.confirmId()));
            tx.deleteFrom(LEDGER_ENTRY).where(LEDGER_ENTRY.CONFIRM_ID.in(confirmIds)).execute();
            tx.deleteFrom(TRADE_CONFIRMATION).where(TRADE_CONFIRMATION.CONFIRM_ID.in(confirmIds)).execute();
            final Set<LocalDate> dates = new TreeSet<>();
            result.obligations().forEach(o -> dates.add(o.settlementDate()));
            tx.deleteFrom(SETTLEMENT_OBLIGATION).where(SETTLEMENT_OBLIGATION.SETTLEMENT_DATE.in(dates)).execute();
            for (final Confirmation c : result.confirmations()) {
                final Trade t = c.trade();
                tx.insertInto(TRADE_CONFIRMATION)
                    .set(TRADE_CONFIRMATION.CONFIRM_ID, c.confirmId())
                    .set(TRADE_CONFIRMATION.ACCOUNT_ID, t.accountId())
                    .set(TRADE_CONFIRMATION.TRADE_DATE, t.tradeDate())
                    .set(TRADE_CONFIRMATION.EXEC_TIME, t.execTime() == null ? null
                        : LocalDateTime.ofInstant(t.execTime(), ZoneOffset.UTC))
                    .set(TRADE_CONFIRMATION.SETTLEMENT_DATE, c.settlementDate())
                    .set(TRADE_CONFIRMATION.SIDE, t.side().name())
                    .set(TRADE_CONFIRMATION.SYMBOL, t.symbol())
                    .set(TRADE_CONFIRMATION.SECURITY_NAME, c.securityName())
                    .set(TRADE_CONFIRMATION.QUANTITY, t.quantity())
                    .set(TRADE_CONFIRMATION.PRICE, t.price())
                    .set(TRADE_CONFIRMATION.AVERAGE_PRICE, t.averagePrice())
                    .set(TRADE_CONFIRMATION.CAPACITY, t.capacity().name())
                    .set(TRADE_CONFIRMATION.GROSS_AMOUNT, t.gross())
                    .set(TRADE_CONFIRMATION.COMMISSION, c.fees().commission())
                    .set(TRADE_CONFIRMATION.SEC_FEE, c.fees().secFee())
                    .set(TRADE_CONFIRMATION.TAF_FEE, c.fees().tafFee())
                    .set(TRADE_CONFIRMATION.NET_AMOUNT, c.netAmount())
                    .set(TRADE_CONFIRMATION.EXEC_IDS, String.join(" ", t.execIds()))
                    .set(TRADE_CONFIRMATION.REMARKS, String.join("; ", c.remarks()))
                    .execute();
            }
            insertLedger(tx, result.ledger());
            for (final Obligation o : result.obligations()) {
                tx.insertInto(SETTLEMENT_OBLIGATION)
                    .set(SETTLEMENT_OBLIGATION.SETTLEMENT_DATE, o.settlementDate())
                    .set(SETTLEMENT_OBLIGATION.ACCOUNT_ID, o.accountId())
                    .set(SETTLEMENT_OBLIGATION.SYMBOL, o.symbol())
                    .set(SETTLEMENT_OBLIGATION.BOUGHT_QUANTITY, o.boughtQuantity())
                    .set(SETTLEMENT_OBLIGATION.SOLD_QUANTITY, o.soldQuantity())
                    .set(SETTLEMENT_OBLIGATION.NET_QUANTITY, o.netQuantity())
                    .set(SETTLEMENT_OBLIGATION.GROSS_BOUGHT, o.grossBought())
                    .set(SETTLEMENT_OBLIGATION.GROSS_SOLD, o.grossSold())
                    .set(SETTLEMENT_OBLIGATION.COMMISSION, o.commission())
                    .set(SETTLEMENT_OBLIGATION.SEC_FEE, o.secFee())
                    .set(SETTLEMENT_OBLIGATION.TAF_FEE, o.tafFee())
                    .set(SETTLEMENT_OBLIGATION.NET_MONEY, o.netMoney())
                    .set(SETTLEMENT_OBLIGATION.TRADE_COUNT, o.trades())
                    .set(SETTLEMENT_OBLIGATION.CALENDAR_VERSION, o.calendarVersion())
                    .execute();
            }
        });
    }

    private static void insertLedger(final DSLContext tx, final List<LedgerEntry> ledger) {
        for (final LedgerEntry e : ledger) {
            tx.insertInto(LEDGER_ENTRY)
                .set(LEDGER_ENTRY.CONFIRM_ID, e.confirmId())
                .set(LEDGER_ENTRY.LINE_NO, e.lineNo())
                .set(LEDGER_ENTRY.SETTLEMENT_DATE, e.settlementDate())
                .set(LEDGER_ENTRY.LEDGER_ACCOUNT, e.ledgerAccount())
                .set(LEDGER_ENTRY.KIND, e.kind().name())
                .set(LEDGER_ENTRY.SYMBOL, e.symbol())
                .set(LEDGER_ENTRY.DEBIT, e.debit())
                .set(LEDGER_ENTRY.CREDIT, e.credit())
                .set(LEDGER_ENTRY.MEMO, e.memo())
                .execute();
        }
    }
}
