package io.portcullis.risk.desk;

import java.math.BigDecimal;

/**
 * An account's exposure as the credit limits count it: open orders (leaves quantity at the limit price, or at the
 * reference price for a market order) plus today's executions. Money in USD; never null. Immutable.
 *
 * @param account       the account id
 * @param firm          its broker firm
 * @param buyNotional   open buy orders plus today's buys
 * @param sellNotional  open sell orders (short sales included) plus today's sells
 * @param openOrders    orders still working
 */
public record AccountExposure(String account, String firm, BigDecimal buyNotional, BigDecimal sellNotional,
                              int openOrders) {
    /** Buy plus sell: what {@code GROSS_NOTIONAL} limits. */
    public BigDecimal grossNotional() {
        return buyNotional.add(sellNotional);
    }

    /** |buy - sell|: what {@code NET_NOTIONAL} limits. */
    public BigDecimal netNotional() {
        return buyNotional.subtract(sellNotional).abs();
    }
}
