package io.portcullis.reporting.rule605;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The running sums of one OES record (S&amp;P 500 flag x order type x order size): added to as orders arrive and
 * execute, turned into the record's twelve statistics at the end. Amounts in USD as exact {@link BigDecimal}s
 * (prices are 1e-4 USD longs, so sums of products are exact); ratios are divided once, at the end, and rounded half
 * up to 6 decimals by {@link OesRecord}.
 *
 * <p>One thread; a handful of fields, whatever the number of orders.
 */
final class OesCell {
    private static final MathContext RATIO = MathContext.DECIMAL128;

    private long orders;
    private long orderShares;
    private BigDecimal notional = BigDecimal.ZERO;
    private long executedShares;
    private BigDecimal midpointShares = BigDecimal.ZERO;
    private long atQuoteOrBetterShares;
    private long improvedShares;
    private BigDecimal improvementAmount = BigDecimal.ZERO;
    private BigDecimal effectiveSpreadPctShares = BigDecimal.ZERO;
    private BigDecimal quotedSpreadShares = BigDecimal.ZERO;
    private BigDecimal realized15PctShares = BigDecimal.ZERO;
    private long realized15Shares;
    private BigDecimal realized60PctShares = BigDecimal.ZERO;
    private long realized60Shares;
    private BigDecimal executionNanosShares = BigDecimal.ZERO;

    /**
     * A covered order received.
     *
     * @param qty         order quantity in shares
     * @param notionalUsd its notional at receipt (quantity x midpoint), USD
     */
    void order(final long qty, final BigDecimal notionalUsd) {
        orders++;
        orderShares += qty;
        notional = notional.add(notionalUsd);
    }

    /**
     * An execution of a covered order.
     *
     * @param buy        side of the order
     * @param qty        executed shares
     * @param px         execution price, USD
     * @param quote      the quote at the order's receipt (two-sided)
     * @param elapsedNs  execution time minus receipt time, nanoseconds
     */
    void execution(final boolean buy, final long qty, final BigDecimal px, final Quote quote, final long elapsedNs) {
        final BigDecimal shares = BigDecimal.valueOf(qty);
        final BigDecimal mid = quote.midpoint();
        final BigDecimal bid = io.portcullis.oms.domain.Prices.toBigDecimal(quote.bidPx());
        final BigDecimal ask = io.portcullis.oms.domain.Prices.toBigDecimal(quote.askPx());
        executedShares += qty;
        midpointShares = midpointShares.add(mid.multiply(shares));
        // improvement per share, signed: positive better than the quote, negative outside it
        final BigDecimal improvement = buy ? ask.subtract(px) : px.subtract(bid);
        if (improvement.signum() >= 0) {
            atQuoteOrBetterShares += qty;
        }
        if (improvement.signum() > 0) {
            improvedShares += qty;
        }
        improvementAmount = improvementAmount.add(improvement.multiply(shares));
        effectiveSpreadPctShares = effectiveSpreadPctShares.add(spreadPct(buy, px, mid, mid).multiply(shares));
        quotedSpreadShares = quotedSpreadShares.add(quote.spread().multiply(shares));
        executionNanosShares = executionNanosShares.add(BigDecimal.valueOf(elapsedNs).multiply(shares));
    }

    /**
     * A realized spread of an execution, measured against a later midpoint.
     *
     * @param seconds     the horizon, 15 or 60
     * @param buy         side of the order
     * @param qty         executed shares
     * @param px          execution price, USD
     * @param receiptMid  midpoint at the order's receipt, USD
     * @param laterMid    midpoint at the horizon, USD
     */
    void realized(final int seconds, final boolean buy, final long qty, final BigDecimal px,
                  final BigDecimal receiptMid, final BigDecimal laterMid) {
        final BigDecimal weighted = spreadPct(buy, px, laterMid, receiptMid).multiply(BigDecimal.valueOf(qty));
        if (seconds == 15) {
            realized15PctShares = realized15PctShares.add(weighted);
            realized15Shares += qty;
        } else {
            realized60PctShares = realized60PctShares.add(weighted);
            realized60Shares += qty;
        }
    }

    /** Twice the signed distance from {@code mid} (buy: price above it is a cost), as a fraction of {@code base}. */
    private static BigDecimal spreadPct(final boolean buy, final BigDecimal px, final BigDecimal mid,
                                        final BigDecimal base) {
        final BigDecimal twice = (buy ? px.subtract(mid) : mid.subtract(px)).multiply(BigDecimal.TWO);
        return twice.divide(base, RATIO);
    }

    /** @return true when no order was added */
    boolean isEmpty() {
        return orders == 0;
    }

    /**
     * The record's statistics, unrounded; null where there is no data (no execution, zero quoted spread).
     *
     * @return the twelve values in column order (AvgOrderQty .. WghtdAvgExctnTime)
     */
    BigDecimal[] statistics() {
        final BigDecimal[] out = new BigDecimal[12];
        out[0] = ratio(BigDecimal.valueOf(orderShares), orders);
        out[1] = ratio(notional, orders);
        if (executedShares == 0) {
            return out;
        }
        final BigDecimal avgMid = ratio(midpointShares, executedShares);
        out[2] = avgMid;
        out[3] = ratio(BigDecimal.valueOf(atQuoteOrBetterShares), executedShares);
        out[4] = ratio(BigDecimal.valueOf(improvedShares), executedShares);
        out[5] = midpointShares.signum() == 0 ? null : improvementAmount.divide(midpointShares, RATIO);
        out[6] = ratio(effectiveSpreadPctShares, executedShares);
        out[7] = avgMid.signum() == 0 ? null : ratio(quotedSpreadShares, executedShares).divide(avgMid, RATIO);
        out[8] = out[7] == null || out[7].signum() == 0 ? null : out[6].divide(out[7], RATIO);
        out[9] = realized15Shares == 0 ? null : ratio(realized15PctShares, realized15Shares);
        out[10] = realized60Shares == 0 ? null : ratio(realized60PctShares, realized60Shares);
        out[11] = ratio(executionNanosShares, executedShares).divide(BigDecimal.valueOf(1_000_000L), RATIO);
        return out;
    }

    private static BigDecimal ratio(final BigDecimal sum, final long count) {
        return sum.divide(BigDecimal.valueOf(count), RATIO).setScale(20, RoundingMode.HALF_UP);
    }
}
