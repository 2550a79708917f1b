package io.portcullis.oms.engine;

import io.portcullis.oms.domain.Account;

/**
 * What the engine keeps per account: its positions by symbol index (allocated on first use) and totals for
 * risk: open order notional (derived from live orders), today's executed notional (reset when the trading day
 * closes) and realized P&amp;L, in 1e-4 USD. Engine thread only.
 */
final class AccountState {

    final int index;
    final Account account;
    final BrokerFirmState brokerFirm;
    final Position[] positions;
    long openBuyNotional;
    long openSellNotional;
    long executedBuyNotional;
    long executedSellNotional;
    long realizedPnl;

    AccountState(final int index, final Account account, final BrokerFirmState brokerFirm, final int symbolCount) {
        this.index = index;
        this.account = account;
        this.brokerFirm = brokerFirm;
        this.positions = new Position[symbolCount];
    }

    /** Allocates one Position the first time a symbol is used by this account. */
    Position position(final int symbolIndex) {
        Position position = positions[symbolIndex];
        if (position == null) {
            position = new Position();
            positions[symbolIndex] = position;
        }
        return position;
    }
}
