/**
 * The pre-trade checks (SEC Rule 15c3-5) on the order engine's thread: {@link io.portcullis.risk.check.RiskEngine}
 * (a {@code RiskStateful} pre-trade check: limits by scope, lists, locates, kill switches, rates, duplicates, trading
 * hours), the risk update bodies it is changed by ({@link io.portcullis.risk.check.RiskUpdates}) and the sink that
 * turns the risk desk's changes into journaled engine commands
 * ({@link io.portcullis.risk.check.EngineRiskCommandSink}).
 */
package io.portcullis.risk.check;
