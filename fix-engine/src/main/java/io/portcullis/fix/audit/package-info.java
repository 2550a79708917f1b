/**
 * The gateway's side of the audit trail: every FIX message in and out and every admin action, published in order to
 * the Kafka audit topic, from which the audit indexer builds the searchable, hash-chained audit index.
 */
package io.portcullis.fix.audit;
