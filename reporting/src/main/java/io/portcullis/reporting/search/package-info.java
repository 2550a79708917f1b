/**
 * Trade-history search over the audit index ({@code <prefix>-audit}): orders in their latest state, executions,
 * volume and notional by symbol, account or hour, CSV export, and the lineage of one order (engine events and the
 * FIX messages of its ClOrdID chain, in time order). Every query is built with the Elasticsearch client's typed
 * builders; user text is only ever a term, a range bound or the text of a {@code match} query.
 * {@link io.portcullis.reporting.search.AuditSearch} is the entry point.
 */
package io.portcullis.reporting.search;
