package io.portcullis.oms.domain;

/**
 * The result of converting a decimal price to an engine price: either a value or why there is none.
 * Immutable; safe on any thread.
 *
 * @param price   the price in 1e-4 USD when {@code outcome == OK}, otherwise {@link Prices#NONE}
 * @param outcome what happened; non-null
 */
public record PriceConversion(long price, Outcome outcome) {

    /** Why a conversion succeeded or failed. */
    public enum Outcome {
        /** Converted exactly. */
        OK,
        /** No value was given. */
        MISSING,
        /** The text is not a decimal number. */
        NOT_A_NUMBER,
        /** More than four decimal places that are not zero (e.g. 1.00005). */
        TOO_MANY_DECIMALS,
        /** Too large for a long in 1e-4 units. */
        OUT_OF_RANGE
    }

    /**
     * @return true when {@link #price()} holds a value
     */
    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    static PriceConversion ok(final long price) {
        return new PriceConversion(price, Outcome.OK);
    }

    static PriceConversion failed(final Outcome outcome) {
        return new PriceConversion(Prices.NONE, outcome);
    }
}
