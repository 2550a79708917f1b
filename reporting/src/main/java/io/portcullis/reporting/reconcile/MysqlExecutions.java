package io.portcullis.reporting.reconcile;

import static io.portcullis.sql.schema.Tables.EXECUTIONS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import io.portcullis.oms.domain.Side;
import io.portcullis.sql.schema.tables.records.ExecutionsRecord;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record8;
import org.jooq.exception.DataAccessException;

/**
 * Reads the executions of a trading day from the MySQL book of record: the rows of {@code executions} whose
 * {@code exec_time} (UTC) falls in the day. The search is bounded by {@code trade_date} (indexed) to the day and its
 * neighbours, so a row stamped with a wrong trade date is still found. Rows are streamed, not held.
 */
public final class MysqlExecutions {
    private MysqlExecutions() {
    }

    /**
     * Reads the day's rows.
     *
     * @param dsl  the book-of-record database
     * @param day  the trading day
     * @param sink given each execution
     * @return how many rows were read
     * @throws SourceUnavailableException when the database cannot be queried
     */
    public static long read(final DSLContext dsl, final TradingDay day, final Consumer<Execution> sink) {
        final LocalDateTime start = LocalDateTime.ofInstant(day.start(), ZoneOffset.UTC);
        final LocalDateTime end = LocalDateTime.ofInstant(day.end(), ZoneOffset.UTC);
        long rows = 0;
        try (Cursor<Record8<String, Long, String, String, Long, BigDecimal, String, LocalDateTime>> cursor =
                 dsl.select(EXECUTIONS.EXEC_ID, EXECUTIONS.ORDER_ID, EXECUTIONS.SYMBOL, EXECUTIONS.SIDE,
                         EXECUTIONS.LAST_QTY, EXECUTIONS.LAST_PX, EXECUTIONS.ACCOUNT_ID, EXECUTIONS.EXEC_TIME)
                     .from(EXECUTIONS)
                     .where(EXECUTIONS.TRADE_DATE.between(day.date().minusDays(1), day.date().plusDays(1)))
                     .and(EXECUTIONS.EXEC_TIME.ge(start)).and(EXECUTIONS.EXEC_TIME.lt(end))
                     .fetchSize(Integer.MIN_VALUE)
                     .fetchLazy()) {
            for (final Record8<String, Long, String, String, Long, BigDecimal, String, LocalDateTime> row
                : cursor) {
                rows++;
                final ExecutionsRecord r = row.into(EXECUTIONS);
                sink.accept(new Execution(r.getExecId(), r.getOrderId(), r.getSymbol(), side(r.getSide()),
                    r.getLastQty(), r.getLastPx(), r.getAccountId(), TradingDay.nanos(r.getExecTime()
                    .toInstant(ZoneOffset.UTC)), "executions row " + r.getExecId()));
            }
        } catch (final DataAccessException ex) {
            throw new SourceUnavailableException("cannot read the executions table: " + ex.getMessage(), ex);
        }
        return rows;
    }

    private static String side(final String fix) {
        if (fix == null || fix.length() != 1) {
            return fix;
        }
        final Side side = Side.fromFix(fix.charAt(0));
        return side == null ? "FIX " + fix : side.name();
    }
}
