/**
 * The single-writer order engine: applies one {@link io.portcullis.oms.command.Command} at a time, owns every
 * order, book, stop queue, exposure, position and counter, and reports what it decides to an
 * {@link io.portcullis.oms.event.EngineListener}. Deterministic: no clock, no randomness, ids from counters
 * advanced only by commands; {@link io.portcullis.oms.engine.OrderEngine#stateHash()} and the binary snapshot
 * prove two engines equal.
 */
package io.portcullis.oms.engine;
