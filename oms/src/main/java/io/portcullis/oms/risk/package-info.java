/**
 * The pre-trade risk hook (SEC Rule 15c3-5): the engine asks a {@link io.portcullis.oms.risk.PreTradeCheck}
 * before it accepts a new order or a replace that raises quantity or changes price, and gives it a read-only
 * {@link io.portcullis.oms.risk.ExposureView} of its open orders, executions, positions and books. A check with
 * state (limits, lists, locates, kill switches, rates) implements {@link io.portcullis.oms.risk.RiskStateful}: it
 * changes through journaled {@link io.portcullis.oms.command.RiskUpdate} commands and is part of the engine's
 * snapshot and state hash. The risk module implements the check; this package only fixes the contract.
 */
package io.portcullis.oms.risk;
