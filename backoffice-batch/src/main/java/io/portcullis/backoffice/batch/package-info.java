/**
 * The back office's job framework: Spring Batch 6 on the book-of-record database (the repository tables of
 * migration V5), one job instance per business date, a Redis lock per job with a fencing token checked in MySQL
 * before every chunk commits, and the {@code ./portcullis batch} command ({@link io.portcullis.backoffice.batch.BatchMain}).
 *
 * <p>The jobs: {@code reconcile} (journal vs MySQL vs Elasticsearch, breaks into {@code batch_exception}),
 * {@code trade-date-close} (position and P&amp;L snapshot, GTC carry-forward) and {@code settlement} (the day's
 * executions in chunks into a {@link io.portcullis.backoffice.batch.SettlementWriter}). docs/backoffice.md is the
 * clerk's runbook.
 */
package io.portcullis.backoffice.batch;
