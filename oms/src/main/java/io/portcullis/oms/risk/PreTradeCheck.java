package io.portcullis.oms.risk;

/**
 * Decides whether the engine may accept an order.
 *
 * <p>Contract:
 * <ul>
 *   <li>Called on the engine thread, synchronously, once per new order (after field validation, before an
 *       order id is assigned) and once per replace that raises OrderQty or changes the price (after
 *       validation, before anything changes). Untriggered stops are checked when entered, not when
 *       triggered.</li>
 *   <li>Must be fast and must not block, do I/O, take locks held by other threads or call back into the
 *       engine. Should not allocate on PASS.</li>
 *   <li>Must be deterministic: given the same engine state and the same commands it must decide the same
 *       way, because recovery replays commands through it. Limits that change at run time must reach the
 *       check through the engine's command stream (or the journal must record the decision); a check that
 *       reads a clock, a database or Redis directly breaks replay.</li>
 *   <li>The {@code order} and {@code exposure} views are valid only during the call; do not keep them.</li>
 *   <li>Returns {@link PreTradeResult#PASS} or a reject; never null. An exception is treated as a bug: the
 *       engine counts it and rejects the order with INTERNAL_ERROR.</li>
 * </ul>
 *
 * <p>The engine reads no clock, so neither may a check: {@link PreTradeOrder#timestamp()} is the command's ingress
 * time. A check with state of its own that must survive restarts implements {@link RiskStateful}: its state then
 * changes only through journaled commands and travels in the engine snapshot. A check may pass with a warning
 * ({@link PreTradeResult#warn}), which the engine reports as a risk warning event before it accepts the order.
 */
@FunctionalInterface
public interface PreTradeCheck {

    /**
     * @param order    the order as it would be accepted (for a replace: the new quantities and prices)
     * @param exposure the engine's current open orders and positions, before this order
     * @return {@link PreTradeResult#PASS} or a reject with its code and text; never null
     */
    PreTradeResult check(PreTradeOrder order, ExposureView exposure);
}
