/**
 * The pre-trade risk checks measured in process: {@link io.portcullis.bench.risk.PreTradeCheckBench} (JMH, latency
 * percentiles and throughput of one full check) on a world of 10,000 accounts with limits at every scope.
 */
package io.portcullis.bench.risk;
