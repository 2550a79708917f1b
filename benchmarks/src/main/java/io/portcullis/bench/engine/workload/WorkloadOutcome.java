package io.portcullis.bench.engine.workload;

/**
 * What the naive reference book observed while the workload was generated, over fill and mix together. Each
 * engine adapter replays the whole sequence once before measuring and must observe exactly this, which shows
 * that both engines did the same matching work. Also the realized mix statistics for the report. Immutable.
 *
 * @param trades         trade prints (one per resting order hit)
 * @param tradedQty      shares traded
 * @param restingBids    resting buy orders at the end
 * @param restingAsks    resting sell orders at the end
 * @param bidQty         shares resting on the bid at the end
 * @param askQty         shares resting on the ask at the end
 * @param mixGtc         GTC places in the mix
 * @param mixIoc         IOC places in the mix
 * @param mixCancel      cancels in the mix
 * @param mixMove        moves in the mix
 * @param mixTrades      trade prints during the mix
 * @param avgOrders      mean resting orders over the mix (sampled)
 * @param avgLevels      mean occupied price levels over the mix (both sides, sampled)
 */
public record WorkloadOutcome(long trades, long tradedQty, int restingBids, int restingAsks, long bidQty,
                              long askQty, int mixGtc, int mixIoc, int mixCancel, int mixMove, long mixTrades,
                              double avgOrders, double avgLevels) {

    /**
     * @param other what an engine observed (only the first six components are compared)
     * @return null when equal, otherwise a description of the first difference
     */
    public String differenceFrom(final WorkloadOutcome other) {
        if (trades != other.trades || tradedQty != other.tradedQty) {
            return "trades " + other.trades + " / " + other.tradedQty + " shares, expected " + trades + " / "
                + tradedQty;
        }
        if (restingBids != other.restingBids || restingAsks != other.restingAsks) {
            return "resting orders " + other.restingBids + " bids / " + other.restingAsks + " asks, expected "
                + restingBids + " / " + restingAsks;
        }
        if (bidQty != other.bidQty || askQty != other.askQty) {
            return "resting shares " + other.bidQty + " bid / " + other.askQty + " ask, expected " + bidQty + " / "
                + askQty;
        }
        return null;
    }

    /**
     * Builds an engine's observation (mix statistics are not compared and left zero).
     *
     * @param trades      trade prints
     * @param tradedQty   shares traded
     * @param restingBids resting buy orders
     * @param restingAsks resting sell orders
     * @param bidQty      resting bid shares
     * @param askQty      resting ask shares
     * @return the observation
     */
    public static WorkloadOutcome observed(final long trades, final long tradedQty, final int restingBids,
                                           final int restingAsks, final long bidQty, final long askQty) {
        return new WorkloadOutcome(trades, tradedQty, restingBids, restingAsks, bidQty, askQty, 0, 0, 0, 0, 0, 0,
            0);
    }

    /** @return a one-line summary of the realized mix for logs and the report */
    public String mixSummary() {
        final double n = mixGtc + mixIoc + mixCancel + mixMove;
        return String.format("GTC %.1f%%, IOC %.1f%%, cancel %.1f%%, move %.1f%%; trades %.1f%% of commands; "
                + "mean %.0f resting orders over %.0f price levels",
            100 * mixGtc / n, 100 * mixIoc / n, 100 * mixCancel / n, 100 * mixMove / n, 100 * mixTrades / n,
            avgOrders, avgLevels);
    }
}
