/**
 * The order layer of the FIX gateway: FIX application messages to engine commands ({@link
 * io.portcullis.fix.order.OrderFlowHandler}, on QuickFIX/J session threads) and durable engine events back to FIX
 * ({@link io.portcullis.fix.order.Outbound}, on its own thread): ExecutionReports, OrderCancelRejects,
 * OrderMassCancelReports, drop copies, market data; with resend of undelivered reports from the journal.
 *
 * <p>Known limits: the per-day ClOrdID memory, the custom fields echoed on reports and the last state of done
 * orders (for status answers) are in memory and start empty after a restart; the market data book image starts
 * empty after a restart; a mass status request that matches no order gets no answer.
 */
package io.portcullis.fix.order;
