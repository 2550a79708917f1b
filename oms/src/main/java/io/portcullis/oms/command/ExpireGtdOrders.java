package io.portcullis.oms.command;

/**
 * Admin: expires every live GTD order whose ExpireTime(126) is at or before {@code asOf}. The scheduler
 * sends it; the engine reads no clock. Immutable.
 *
 * @param sequence  journal sequence number
 * @param timestamp ingress time, epoch nanos UTC
 * @param asOf      the time to compare expire times with, epoch nanos UTC
 */
public record ExpireGtdOrders(long sequence, long timestamp, long asOf) implements Command {
}
