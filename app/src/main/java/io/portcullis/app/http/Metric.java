package io.portcullis.app.http;

import java.util.function.LongSupplier;

/**
 * A gauge or counter exposed on {@code /metrics} in the Prometheus text format.
 *
 * @param name   metric name, snake case with unit suffix, e.g. {@code portcullis_engine_queue_depth}
 * @param help   one line of help
 * @param type   {@code gauge} or {@code counter}
 * @param value  read on each scrape, on an HTTP thread
 */
public record Metric(String name, String help, String type, LongSupplier value) {
}
