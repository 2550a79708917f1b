/**
 * Rule 605(a)(2): the monthly Order Execution Summary (OES) report, one CSV per month in the layout of the SEC's OES
 * technical specification, computed from the audit trail (orders at receipt, their executions, and the engine's own
 * best bid and offer). Also the audit-trail reading the Rule 606 reports share: {@link
 * io.portcullis.reporting.rule605.AuditWalk} (point in time + search_after), {@link
 * io.portcullis.reporting.rule605.QuoteBook} (the quote in force when a journal record was applied) and {@link
 * io.portcullis.reporting.rule605.OrderKind} (market, marketable limit, non-marketable limit, other).
 *
 * <p><b>The quote is our own book, not the NBBO.</b> Portcullis has no consolidated market data feed. Every statistic
 * the rule measures against the national best bid and offer is measured here against the matching engine's own
 * best bid and offer (the TOP_OF_BOOK audit documents) in force when the order was received.
 */
package io.portcullis.reporting.rule605;
