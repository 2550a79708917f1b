package io.portcullis.oms.command;

/**
 * Admin, at the trade-date close: expires every live DAY order (resting or untriggered stop) and starts a new
 * trading day for the daily open/high/low/last/volume statistics. Immutable.
 *
 * @param sequence  journal sequence number
 * @param timestamp ingress time, epoch nanos UTC
 */
public record ExpireDayOrders(long sequence, long timestamp) implements Command {
}
