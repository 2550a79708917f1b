package io.portcullis.backoffice.batch;

import java.sql.Date;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.database.Order;

/**
 * {@code settlement}: the trade date's executions from MySQL in chunks of {@code batch.chunk-size}, in ExecID order
 * (a keyset reader: a restart reads on after the last ExecID committed), each chunk handed to the
 * {@link SettlementWriter} inside the chunk's transaction (a hook: counting, tests), then {@link SettleStep}: fees,
 * confirmations, obligations, ledger and the two files, stored and written so that a rerun gives the same rows and
 * bytes.
 */
final class SettlementJob {
    private SettlementJob() {
    }

    static Job build(final RunContext context) {
        return new JobBuilder(BatchJob.SETTLEMENT.jobName(), context.infrastructure().jobRepository())
            .listener(context.fence()).listener(context.exceptions())
            .start(JobSteps.chunkStep("read-executions", context,
                JobSteps.keysetReader("executions", context, "exec_id, order_id, trade_id, account_id, firm_id, "
                        + "symbol, side, last_qty, last_px, liquidity, exec_time, trade_date", "executions",
                    "trade_date = :date", Map.of("date", Date.valueOf(context.date())),
                    Map.of("exec_id", Order.ASCENDING), (rs, n) -> new TradeExecution(rs.getString(1), rs.getLong(2),
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getLong(8), rs.getBigDecimal(9), rs.getString(10),
                        rs.getTimestamp(11).toLocalDateTime(), rs.getDate(12).toLocalDate())),
                execution -> execution, new Writer(context)))
            .next(JobSteps.taskletStep("settle", context, (contribution, chunkContext) -> {
                final SettleStep.Outcome outcome = SettleStep.settle(context.infrastructure().database().dsl(),
                    context.date(), context.configuration().outputDir());
                contribution.incrementWriteCount(outcome.confirmations() + outcome.obligations());
                context.err().printf("step settle: %,d executions settling on %s, %,d confirmations, %,d obligations;"
                    + " files %s, %s%n", outcome.executions(), outcome.settlementDate(), outcome.confirmations(),
                    outcome.obligations(), outcome.confirmationsFile(), outcome.instructionsFile());
                return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
            }))
            .build();
    }

    /** Hands each chunk to the settlement writer. */
    private static final class Writer extends JobSteps.RunAwareWriter<TradeExecution> {
        private final RunContext context;

        Writer(final RunContext context) {
            this.context = context;
        }

        @Override
        public void write(final Chunk<? extends TradeExecution> chunk) throws Exception {
            context.settlement().write(context.date(), List.copyOf(chunk.getItems()), jobExecutionId());
        }
    }
}
