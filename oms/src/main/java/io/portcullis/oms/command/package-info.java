/**
 * The engine's input: immutable command records, each carrying its journal sequence number and its
 * ingress timestamp (epoch nanoseconds, UTC), and the versioned binary codec the journal stores them with.
 *
 * <p>Commands are created at ingress (FIX decode, admin API, scheduler) on any thread and handed to the
 * engine thread through a queue; records are immutable, so that hand-off is safe. Creating one allocates.
 */
package io.portcullis.oms.command;
