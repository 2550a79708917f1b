/**
 * Reconciliation of a trading day's executions across the three places that hold them: the engine journal in Kafka
 * (the authority), the projected {@code executions} table in MySQL and the audit trail in Elasticsearch.
 * {@link io.portcullis.reporting.reconcile.ExecutionReconciler} compares what the readers
 * ({@link io.portcullis.reporting.reconcile.JournalExecutions},
 * {@link io.portcullis.reporting.reconcile.MysqlExecutions},
 * {@link io.portcullis.reporting.reconcile.ElasticsearchExecutions}) found;
 * {@link io.portcullis.reporting.reconcile.ReconcileMain} is {@code ./portcullis reconcile}.
 */
package io.portcullis.reporting.reconcile;
