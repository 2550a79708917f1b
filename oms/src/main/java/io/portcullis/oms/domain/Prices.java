package io.portcullis.oms.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Scaled-long price helpers for the edges (FIX, SQL, CSV, reports). Inside the engine a price is a
 * {@code long} in 1e-4 USD and {@link #NONE} marks "no price". Stateless; safe on any thread.
 */
public final class Prices {

    /** Scale of every engine price and notional: 1 USD = 10,000 units (1e-4 USD). */
    public static final long PRICE_SCALE = 10_000L;

    /** Number of decimal places a price may have. */
    public static final int DECIMALS = 4;

    /** Sentinel for "no price" (absent Price(44) or StopPx(99), empty book side, no trade yet). */
    public static final long NONE = Long.MIN_VALUE;

    private Prices() {
    }

    /**
     * Converts an engine price to a decimal. Allocates; use at the edge only.
     *
     * @param price price in 1e-4 USD; must not be {@link #NONE}
     * @return the price in USD with 4 decimal places
     */
    public static BigDecimal toBigDecimal(final long price) {
        return BigDecimal.valueOf(price, DECIMALS);
    }

    /**
     * Converts a decimal USD price to an engine price, exactly. Allocates; use at the edge only.
     *
     * @param usd the price in USD; may be null (reported as {@link PriceConversion.Outcome#MISSING})
     * @return the scaled price, or the reason it cannot be represented exactly; never null
     */
    public static PriceConversion fromBigDecimal(final BigDecimal usd) {
        if (usd == null) {
            return PriceConversion.failed(PriceConversion.Outcome.MISSING);
        }
        final BigDecimal scaled;
        try {
            scaled = usd.setScale(DECIMALS, RoundingMode.UNNECESSARY);
        } catch (final ArithmeticException tooPrecise) {
            return PriceConversion.failed(PriceConversion.Outcome.TOO_MANY_DECIMALS);
        }
        if (scaled.unscaledValue().bitLength() > 62) {
            return PriceConversion.failed(PriceConversion.Outcome.OUT_OF_RANGE);
        }
        return PriceConversion.ok(scaled.unscaledValue().longValueExact());
    }

    /**
     * Parses a decimal USD price such as {@code "187.25"}. Allocates; use at the edge only.
     *
     * @param text the price text; may be null
     * @return the scaled price, or the reason it cannot be represented; never null
     */
    public static PriceConversion parse(final CharSequence text) {
        if (text == null || text.isEmpty()) {
            return PriceConversion.failed(PriceConversion.Outcome.MISSING);
        }
        final BigDecimal value;
        try {
            value = new BigDecimal(text.toString().trim());
        } catch (final NumberFormatException notANumber) {
            return PriceConversion.failed(PriceConversion.Outcome.NOT_A_NUMBER);
        }
        return fromBigDecimal(value);
    }

    /**
     * Formats a price for humans and logs, e.g. {@code 1_872_500 -> "187.2500"}. Allocates.
     *
     * @param price price in 1e-4 USD, or {@link #NONE}
     * @return the decimal text, or {@code "none"}
     */
    public static String format(final long price) {
        return price == NONE ? "none" : toBigDecimal(price).toPlainString();
    }

    /**
     * Notional of a quantity at a price, failing loudly on overflow. Does not allocate.
     *
     * @param price price in 1e-4 USD
     * @param qty   quantity in shares
     * @return notional in 1e-4 USD
     * @throws ArithmeticException when the product overflows a long (prevented on the order path by the
     *                             engine's maximum price and quantity)
     */
    public static long notional(final long price, final long qty) {
        return Math.multiplyExact(price, qty);
    }
}
