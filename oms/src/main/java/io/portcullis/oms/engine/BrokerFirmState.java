package io.portcullis.oms.engine;

/**
 * Totals of one broker firm over all its accounts, for pre-trade credit checks: open order notional and today's
 * executed notional by side, in 1e-4 USD. Derived from the accounts' (open notional is rebuilt from live orders,
 * executed notional is the sum of the accounts' snapshotted figures). Engine thread only.
 */
final class BrokerFirmState {

    final int index;
    final String brokerFirmId;
    long openBuyNotional;
    long openSellNotional;
    long executedBuyNotional;
    long executedSellNotional;

    BrokerFirmState(final int index, final String brokerFirmId) {
        this.index = index;
        this.brokerFirmId = brokerFirmId;
    }
}
