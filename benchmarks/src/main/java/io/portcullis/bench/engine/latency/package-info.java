/**
 * Open-loop latency at fixed offered rates: commands are due at a constant interval from a schedule, and each
 * latency is measured from its due time (so a stall delays every later command and is counted, no coordinated
 * omission), recorded in an HdrHistogram.
 */
package io.portcullis.bench.engine.latency;
