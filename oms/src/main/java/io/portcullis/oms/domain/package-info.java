/**
 * The order domain shared by every step: sides, order types, time in force, FIX 4.4 order states and
 * execution types, reject codes, instruments, accounts and the scaled-long money helpers.
 *
 * <p>Money is a scaled {@code long}: prices in 1e-4 USD ({@link io.portcullis.oms.domain.Prices#PRICE_SCALE}),
 * quantities in whole shares, notionals in 1e-4 USD. Every enum carries a stable wire code that never
 * changes meaning; ordinals are never written anywhere.
 */
package io.portcullis.oms.domain;
