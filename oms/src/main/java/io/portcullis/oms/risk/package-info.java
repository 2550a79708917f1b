/**
 * The pre-trade risk hook (SEC Rule 15c3-5): the engine asks a {@link io.portcullis.oms.risk.PreTradeCheck}
 * before it accepts a new order or a replace that raises quantity or changes price, and gives it a read-only
 * {@link io.portcullis.oms.risk.ExposureView} of its open orders and positions. The risk module implements the
 * check; this package only fixes the contract.
 */
package io.portcullis.oms.risk;
