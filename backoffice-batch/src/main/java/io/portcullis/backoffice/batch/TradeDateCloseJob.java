package io.portcullis.backoffice.batch;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portcullis.reporting.reconcile.TradingDay;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code trade-date-close}: the books at the close of a business date.
 * <ol>
 *   <li>{@code snapshot-positions} (chunks): every row of {@code positions} into {@code position_snapshot}, valued at
 *       the closing price: the symbol's last trade price of the date in {@code executions} (latest exec_time, then
 *       exec_id), or its last trade before the date when it did not trade that day; unrealized P&amp;L =
 *       quantity x (close - avg_cost). There is no market-data close in the schema; the last print of our own book
 *       is the price the firm actually dealt at.</li>
 *   <li>{@code account-pnl}: realized and unrealized P&amp;L per account into {@code account_pnl_snapshot}.</li>
 *   <li>{@code carry-forward-gtc} (chunks): GTC orders still working (leaves &gt; 0, status new, partially filled,
 *       done for day, pending, suspended) into {@code gtc_carry_forward} with the next trading day.</li>
 *   <li>{@code check-close}: exceptions for the clerk: DAY orders of the date still open (the engine expires them on
 *       {@code ExpireDayOrders}; one still open means that did not happen), and executions dated after the date
 *       (then {@code positions} has moved on and the snapshot is as of the run, not of the close).</li>
 * </ol>
 * {@code positions} is the live projection: run the job after the close and before the next session opens.
 */
final class TradeDateCloseJob {
    /** FIX OrdStatus values of an order still working. */
    static final String OPEN_STATUSES = "('0','1','3','6','9','A','E')";

    private TradeDateCloseJob() {
    }

    /** A positions row. */
    record Position(String accountId, String symbol, long quantity, BigDecimal avgCost, BigDecimal realizedPnl,
                    long journalSeq) {
    }

    /** A positions row valued at the close. */
    record Snapshot(Position position, BigDecimal closePx, String closePxSource, BigDecimal unrealizedPnl) {
    }

    /** A working GTC order. */
    record GtcOrder(long orderId, String accountId, String symbol, String side, BigDecimal price, long leavesQty,
                    String ordStatus) {
    }

    static Job build(final RunContext context) {
        final Map<String, Object> none = Map.of();
        final Map<String, Order> byPosition = new LinkedHashMap<>();
        byPosition.put("account_id", Order.ASCENDING);
        byPosition.put("symbol", Order.ASCENDING);
        final ClosingPrices prices = new ClosingPrices(context.infrastructure().jdbc(), context.date());
        return new JobBuilder(BatchJob.TRADE_DATE_CLOSE.jobName(), context.infrastructure().jobRepository())
            .listener(context.fence()).listener(context.exceptions())
            .start(JobSteps.taskletStep("expire-day-orders", context, (contribution, chunk) -> {
                DayOrderExpiry.expire(context);
                return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
            }))
            .next(JobSteps.chunkStep("snapshot-positions", context,
                JobSteps.keysetReader("positions", context,
                    "account_id, symbol, quantity, avg_cost, realized_pnl, journal_seq", "positions", "1 = 1", none,
                    byPosition, (rs, n) -> new Position(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6))),
                prices::value, new SnapshotWriter(context.infrastructure().jdbc(), context.date())))
            .next(JobSteps.taskletStep("account-pnl", context, (contribution, chunk) -> {
                final JdbcTemplate jdbc = context.infrastructure().jdbc();
                jdbc.update("DELETE FROM account_pnl_snapshot WHERE business_date = ?", Date.valueOf(context.date()));
                final int accounts = jdbc.update("INSERT INTO account_pnl_snapshot (business_date, account_id, "
                    + "positions, realized_pnl, unrealized_pnl, job_execution_id) SELECT business_date, account_id, "
                    + "COUNT(*), SUM(realized_pnl), CASE WHEN SUM(unrealized_pnl IS NULL) > 0 THEN NULL ELSE "
                    + "SUM(unrealized_pnl) END, ? FROM position_snapshot WHERE business_date = ? GROUP BY "
                    + "business_date, account_id", chunk.getStepContext().getStepExecution().getJobExecutionId(),
                    Date.valueOf(context.date()));
                contribution.incrementWriteCount(accounts);
                return null;
            }))
            .next(JobSteps.chunkStep("carry-forward-gtc", context,
                JobSteps.keysetReader("gtc-orders", context,
                    "order_id, account_id, symbol, side, price, leaves_qty, ord_status", "orders",
                    "time_in_force = '1' AND leaves_qty > 0 AND ord_status IN " + OPEN_STATUSES, none,
                    Map.of("order_id", Order.ASCENDING), (rs, n) -> new GtcOrder(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getLong(6), rs.getString(7))),
                order -> order, new CarryForwardWriter(context.infrastructure().jdbc(), context.date(),
                    context.tradingDays().next(context.date()))))
            .next(JobSteps.taskletStep("check-close", context, (contribution, chunk) -> {
                checkClose(context, chunk.getStepContext().getStepExecution().getJobExecutionId(), contribution);
                return null;
            }))
            .build();
    }

    private static void checkClose(final RunContext context, final long jobExecutionId,
                                   final org.springframework.batch.core.step.StepContribution contribution) {
        final JdbcTemplate jdbc = context.infrastructure().jdbc();
        final TradingDay day = new TradingDay(context.date());
        final List<Map<String, Object>> open = jdbc.queryForList("SELECT order_id, account_id, symbol, leaves_qty, "
                + "ord_status FROM orders WHERE time_in_force = '0' AND leaves_qty > 0 AND ord_status IN "
                + OPEN_STATUSES + " AND received_at >= ? AND received_at < ? ORDER BY order_id",
            Timestamp.valueOf(day.start().atOffset(java.time.ZoneOffset.UTC).toLocalDateTime()),
            Timestamp.valueOf(day.end().atOffset(java.time.ZoneOffset.UTC).toLocalDateTime()));
        for (final Map<String, Object> order : open) {
            final long orderId = ((Number) order.get("order_id")).longValue();
            context.exceptions().record(new ExceptionLog.Entry("day-order|" + orderId, "DAY_ORDER_OPEN", null,
                orderId, "MYSQL", "ord_status", null, String.valueOf(order.get("ord_status")),
                "DAY order " + orderId + " (" + order.get("account_id") + " " + order.get("symbol") + ", leaves "
                    + order.get("leaves_qty") + ") is still open after the close of " + context.date()
                    + ": the engine has not expired it (ExpireDayOrders)"), jobExecutionId);
        }
        final Long later = jdbc.queryForObject("SELECT COUNT(*) FROM executions WHERE trade_date > ?", Long.class,
            Date.valueOf(context.date()));
        if (later != null && later > 0) {
            context.exceptions().record(new ExceptionLog.Entry("positions-moved", "POSITIONS_MOVED", null, null,
                "MYSQL", null, null, Long.toString(later), later + " executions are dated after " + context.date()
                    + ": positions include them, so position_snapshot is as of this run, not of the close"),
                jobExecutionId);
        }
        open.forEach(order -> contribution.incrementReadCount());
    }

    /** Closing prices per symbol, looked up once each; see the class comment. */
    static final class ClosingPrices {
        private final JdbcTemplate jdbc;
        private final LocalDate date;
        private final Map<String, Object[]> bySymbol = new HashMap<>();

        ClosingPrices(final JdbcTemplate jdbc, final LocalDate date) {
            this.jdbc = jdbc;
            this.date = date;
        }

        Snapshot value(final Position position) {
            final Object[] close = bySymbol.computeIfAbsent(position.symbol(), this::lookUp);
            final BigDecimal px = (BigDecimal) close[0];
            final BigDecimal unrealized = px == null ? null
                : px.subtract(position.avgCost()).multiply(BigDecimal.valueOf(position.quantity()));
            return new Snapshot(position, px, (String) close[1], unrealized);
        }

        private Object[] lookUp(final String symbol) {
            final List<BigDecimal> today = jdbc.queryForList("SELECT last_px FROM executions WHERE trade_date = ? "
                + "AND symbol = ? ORDER BY exec_time DESC, exec_id DESC LIMIT 1", BigDecimal.class,
                Date.valueOf(date), symbol);
            if (!today.isEmpty()) {
                return new Object[] {today.get(0), "LAST_TRADE_OF_DAY"};
            }
            final List<BigDecimal> before = jdbc.queryForList("SELECT last_px FROM executions WHERE trade_date < ? "
                + "AND symbol = ? ORDER BY trade_date DESC, exec_time DESC, exec_id DESC LIMIT 1", BigDecimal.class,
                Date.valueOf(date), symbol);
            return before.isEmpty() ? new Object[] {null, "NONE"} : new Object[] {before.get(0), "PRIOR_TRADE"};
        }
    }

    /** Upserts snapshot rows: a restart that redoes a chunk leaves one row per position. */
    static final class SnapshotWriter extends JobSteps.RunAwareWriter<Snapshot> {
        private final JdbcTemplate jdbc;
        private final LocalDate date;

        SnapshotWriter(final JdbcTemplate jdbc, final LocalDate date) {
            this.jdbc = jdbc;
            this.date = date;
        }

        @Override
        public void write(final Chunk<? extends Snapshot> chunk) {
            final List<Object[]> rows = chunk.getItems().stream().map(s -> new Object[] {Date.valueOf(date),
                s.position().accountId(), s.position().symbol(), s.position().quantity(), s.position().avgCost(),
                s.position().realizedPnl(), s.closePx(), s.closePxSource(), s.unrealizedPnl(),
                s.position().journalSeq(), jobExecutionId()}).toList();
            jdbc.batchUpdate("INSERT INTO position_snapshot (business_date, account_id, symbol, quantity, avg_cost, "
                + "realized_pnl, close_px, close_px_source, unrealized_pnl, journal_seq, job_execution_id) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE quantity = VALUES(quantity), avg_cost = "
                + "VALUES(avg_cost), realized_pnl = VALUES(realized_pnl), close_px = VALUES(close_px), "
                + "close_px_source = VALUES(close_px_source), unrealized_pnl = VALUES(unrealized_pnl), "
                + "journal_seq = VALUES(journal_seq), job_execution_id = VALUES(job_execution_id)", rows);
        }
    }

    /** Upserts carried-forward GTC orders. */
    static final class CarryForwardWriter extends JobSteps.RunAwareWriter<GtcOrder> {
        private final JdbcTemplate jdbc;
        private final LocalDate date;
        private final LocalDate next;

        CarryForwardWriter(final JdbcTemplate jdbc, final LocalDate date, final LocalDate next) {
            this.jdbc = jdbc;
            this.date = date;
            this.next = next;
        }

        @Override
        public void write(final Chunk<? extends GtcOrder> chunk) {
            final List<Object[]> rows = chunk.getItems().stream().map(o -> new Object[] {Date.valueOf(date),
                o.orderId(), o.accountId(), o.symbol(), o.side(), o.price(), o.leavesQty(), o.ordStatus(),
                Date.valueOf(next), jobExecutionId()}).toList();
            jdbc.batchUpdate("INSERT INTO gtc_carry_forward (business_date, order_id, account_id, symbol, side, price,"
                + " leaves_qty, ord_status, next_business_date, job_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE leaves_qty = VALUES(leaves_qty), ord_status = VALUES(ord_status), "
                + "job_execution_id = VALUES(job_execution_id)", rows);
        }
    }
}
