package io.portcullis.backoffice.batch;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the settlement job's chunks of executions go: the settlement calculations (fees, settlement date,
 * obligations) plug in here. Called on the job's thread inside the chunk transaction, after the fencing check and
 * before the commit that also records how far the job has read: write with {@link BatchInfrastructure#jdbc()} (or
 * anything on the same pool that joins Spring's transaction) and a failure rolls the chunk back, so a restart hands
 * the same executions again. Writes should still be upserts keyed by ExecID, so that a clerk's manual fix-up and a
 * rerun cannot double a row.
 */
@FunctionalInterface
public interface SettlementWriter {
    /** Writes nothing: the job only reads and counts (until the calculations are wired). */
    SettlementWriter NONE = (tradeDate, executions, jobExecutionId) -> {
    };

    /**
     * @param tradeDate      the trade date being settled
     * @param executions     the next executions of the day, in ExecID order, never empty
     * @param jobExecutionId the run writing them
     * @throws Exception to fail the chunk (it rolls back; the job ends FAILED and is restartable)
     */
    void write(LocalDate tradeDate, List<TradeExecution> executions, long jobExecutionId) throws Exception;
}
