/**
 * exchange-core 0.5.3 on the neutral workload: the translation into {@code OrderCommand}s and the JMH benchmark
 * of its {@code OrderBookDirectImpl}. Runs only on the peer's own class path (its own Agrona, Chronicle, slf4j).
 */
package io.portcullis.bench.engine.exchangecore;
