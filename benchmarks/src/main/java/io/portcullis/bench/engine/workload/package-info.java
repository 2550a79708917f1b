/**
 * The neutral workload: exchange-core's published command mix (about 9% GTC place, 3% IOC, 6% cancel, 82% move;
 * ~1,000 resting orders over several hundred price levels; one symbol) generated from a seed, checked against a
 * naive reference book, and stored as plain arrays that each engine's adapter translates once, before measuring.
 */
package io.portcullis.bench.engine.workload;
