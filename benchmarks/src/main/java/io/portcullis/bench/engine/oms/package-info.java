/**
 * Our engine on the neutral workload: the translation into {@code io.portcullis.oms.command} records and the
 * JMH benchmarks. Runs on this module's own class path (Agrona 2.x).
 */
package io.portcullis.bench.engine.oms;
