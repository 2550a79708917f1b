/**
 * The command line behind {@code ./portcullis bench engine}: one JVM per engine and step (JMH throughput rounds,
 * open-loop latency), each writing a properties file of raw results, then a report that aggregates them.
 */
package io.portcullis.bench.engine.run;
