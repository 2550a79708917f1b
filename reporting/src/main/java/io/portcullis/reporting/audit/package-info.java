/**
 * The audit trail in Elasticsearch: the engine journal (Kafka) indexed as one document per audited engine event,
 * with the command that caused it, into daily indices {@code <prefix>-audit-YYYY.MM.DD} behind the alias
 * {@code <prefix>-audit}. {@link io.portcullis.reporting.audit.AuditIndexer} is the entry point.
 */
package io.portcullis.reporting.audit;
