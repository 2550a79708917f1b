package io.portcullis.oms.command;

/**
 * One input to the engine. Immutable; safe to pass between threads.
 */
public sealed interface Command permits NewOrder, CancelOrder, ReplaceOrder, OrderStatusRequest, MassCancel,
    MassStatus, HaltSymbol, ResumeSymbol, ExpireDayOrders, ExpireGtdOrders, RiskUpdate {

    /**
     * @return the journal sequence number; strictly increasing over the commands given to one engine
     */
    long sequence();

    /**
     * @return ingress time in epoch nanoseconds, UTC; becomes TransactTime(60) of what the command causes
     */
    long timestamp();
}
