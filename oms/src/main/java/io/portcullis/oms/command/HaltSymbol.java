package io.portcullis.oms.command;

/**
 * Admin: halt trading in a symbol. Resting orders stay; new orders and replaces are rejected; cancels work.
 * Immutable.
 *
 * @param sequence  journal sequence number
 * @param timestamp ingress time, epoch nanos UTC
 * @param symbol    the symbol; must be known
 */
public record HaltSymbol(long sequence, long timestamp, String symbol) implements Command {
}
