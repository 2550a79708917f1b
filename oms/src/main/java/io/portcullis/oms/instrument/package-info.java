/**
 * The instruments the engine can trade: an immutable registry and a CSV loader that reports every bad row by
 * line and column. Used at start-up, before the engine thread runs.
 */
package io.portcullis.oms.instrument;
