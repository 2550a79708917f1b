package io.portcullis.backoffice.batch;

import java.io.PrintStream;
import java.time.LocalDate;

/**
 * What the jobs of one run are built with. Immutable.
 *
 * @param infrastructure the database, transaction manager and job repository
 * @param configuration  the settings
 * @param date           the business date
 * @param fence          this run's fencing token
 * @param exceptions     the date's batch_exception rows
 * @param tradingDays    the trading calendar
 * @param settlement     where the settlement job's chunks go
 * @param hooks          extra step listeners (tests)
 * @param err            where progress goes
 */
record RunContext(BatchInfrastructure infrastructure, BatchConfiguration configuration, LocalDate date, Fence fence,
                  ExceptionLog exceptions, TradingDays tradingDays, SettlementWriter settlement, StepHooks hooks,
                  PrintStream err) {
}
