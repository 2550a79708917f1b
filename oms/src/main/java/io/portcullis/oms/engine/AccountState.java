package io.portcullis.oms.engine;

import io.portcullis.oms.domain.Account;

/**
 * What the engine keeps per account: its positions by symbol index (allocated on first use) and totals for
 * risk. Engine thread only.
 */
final class AccountState {

    final int index;
    final Account account;
    final Position[] positions;
    long openBuyNotional;
    long openSellNotional;
    long realizedPnl;

    AccountState(final int index, final Account account, final int symbolCount) {
        this.index = index;
        this.account = account;
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
