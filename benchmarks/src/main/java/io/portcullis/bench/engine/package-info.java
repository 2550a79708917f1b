/**
 * Matching-engine benchmarks: our {@code OrderEngine} side by side with exchange-core 0.5.3 on the same
 * pre-generated command sequence. {@code workload} builds the neutral sequence, {@code oms} and
 * {@code exchangecore} translate it into each engine's API and hold the JMH benchmarks, {@code latency} drives an
 * engine open loop at fixed rates, {@code run} is the command line used by {@code ./portcullis bench engine}.
 * Each engine runs in its own JVM with its own class path (see the module's pom.xml).
 */
package io.portcullis.bench.engine;
