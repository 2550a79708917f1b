/**
 * Continuous price-time matching: an incoming order walks the opposite side of its book best level first,
 * oldest order first, and trades at each resting order's price, applying self-trade prevention. Engine thread
 * only; nothing here allocates.
 */
package io.portcullis.oms.match;
