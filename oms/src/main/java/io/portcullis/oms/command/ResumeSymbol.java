package io.portcullis.oms.command;

/**
 * Admin: resume trading in a halted symbol. Immutable.
 *
 * @param sequence  journal sequence number
 * @param timestamp ingress time, epoch nanos UTC
 * @param symbol    the symbol; must be known
 */
public record ResumeSymbol(long sequence, long timestamp, String symbol) implements Command {
}
