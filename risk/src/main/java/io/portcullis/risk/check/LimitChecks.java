package io.portcullis.risk.check;

import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.risk.ExposureView;
import io.portcullis.oms.risk.PreTradeResult;
import io.portcullis.risk.model.LimitName;

/**
 * The checks against numeric limits, in this order: max order quantity, quantity against MAX_ADV_PCT of the average
 * daily volume, max order notional, price collar, position (long for buys, short for sales), then credit: the
 * account's gross and net, its broker firm's gross and net, the firm's capital threshold. Each returns null when
 * the order passes (no allocation) or the reject, with its text (allocates). A limit nobody set does not apply.
 * Engine thread only.
 *
 * <p>Rules worth stating:
 * <ul>
 *   <li>Per-order checks (quantity, ADV, notional, collar) look at the whole order, also for a replace.
 *       Cumulative checks (position, credit, capital) look only at what the order adds: nothing is refused for an
 *       increment of zero or less (a price-only replace of a buy at a lower price, a quantity cut).</li>
 *   <li>Collar: the band is the narrower of PRICE_COLLAR_PCT (percent of the reference price, rounded down to
 *       1e-4 USD) and PRICE_COLLAR_TICKS (ticks of the instrument) around the reference price (last trade, else book
 *       mid, else the instrument's reference price); a limit price (LIMIT and STOP_LIMIT) must lie within
 *       reference +- band, bounds included. A market order is collared through the price it would execute at first:
 *       the best offer for a buy, the best bid for a sale, which must lie in the same band; with no opposite price it
 *       passes (it cannot execute and the engine cancels it). Only the first price is collared: a market order that
 *       sweeps several levels may trade beyond the band (turning it into a limit order at the band's edge is the
 *       engine's to do, later). A STOP (market) order is not collared: its stop price is not an execution price and
 *       the contract checks stops when entered, not when triggered.</li>
 *   <li>Credit: gross = buy + sell, net = |buy - sell|, where each side is the open order notional plus today's
 *       executed notional. GROSS_NOTIONAL and NET_NOTIONAL resolve for the account like every limit (the narrowest
 *       of ACCOUNT, BROKER_FIRM, FIRM) and bound the account's totals; the broker firm's totals are bound by the
 *       value set for the broker firm, else the FIRM value. An order that lowers the net notional always passes the
 *       net check. CAPITAL_THRESHOLD (FIRM only) bounds the gross of every account of the engine.</li>
 * </ul>
 */
final class LimitChecks {

    private static final int MAX_ORDER_QTY = LimitName.MAX_ORDER_QTY.ordinal();
    private static final int MAX_ADV_PCT = LimitName.MAX_ADV_PCT.ordinal();
    private static final int MAX_ORDER_NOTIONAL = LimitName.MAX_ORDER_NOTIONAL.ordinal();
    private static final int COLLAR_PCT = LimitName.PRICE_COLLAR_PCT.ordinal();
    private static final int COLLAR_TICKS = LimitName.PRICE_COLLAR_TICKS.ordinal();
    private static final int MAX_LONG = LimitName.MAX_LONG_POSITION.ordinal();
    private static final int MAX_SHORT = LimitName.MAX_SHORT_POSITION.ordinal();
    private static final int GROSS = LimitName.GROSS_NOTIONAL.ordinal();
    private static final int NET = LimitName.NET_NOTIONAL.ordinal();
    private static final int CAPITAL = LimitName.CAPITAL_THRESHOLD.ordinal();
    /** A percent is scaled by 1e4, so 100% = 1,000,000. */
    private static final long HUNDRED_PERCENT = 1_000_000L;

    private final Universe universe;
    private final LimitTable limits;

    LimitChecks(final Universe universe, final LimitTable limits) {
        this.universe = universe;
        this.limits = limits;
    }

    /** @return null when the order passes every limit check, else the reject */
    PreTradeResult check(final CheckContext c) {
        PreTradeResult r = size(c);
        if (r == null) {
            r = collar(c);
        }
        if (r == null && c.qtyIncrement > 0) {
            r = position(c);
        }
        if (r == null && c.notionalIncrement > 0) {
            r = credit(c);
        }
        return r;
    }

    private PreTradeResult size(final CheckContext c) {
        final long maxQty = limits.resolve(c.limitRow, c.account, MAX_ORDER_QTY);
        if (maxQty != LimitTable.UNSET && c.qty > maxQty) {
            return PreTradeResult.reject(RejectCode.RISK_MAX_QTY, RiskText.over("MAX_ORDER_QTY", Long.toString(c.qty),
                Long.toString(maxQty), source(c, MAX_ORDER_QTY)));
        }
        final long advPct = limits.resolve(c.limitRow, c.account, MAX_ADV_PCT);
        if (advPct != LimitTable.UNSET) {
            final long adv = c.instrument.averageDailyVolume();
            final long capacity = Math.multiplyHigh(adv, advPct) != 0 ? Long.MAX_VALUE : adv * advPct;
            if (c.qty * HUNDRED_PERCENT > capacity) {
                return PreTradeResult.reject(RejectCode.RISK_ADV, RiskText.over("MAX_ADV_PCT", Long.toString(c.qty),
                    RiskText.percent(advPct) + "% of ADV " + adv + " = " + capacity / HUNDRED_PERCENT,
                    source(c, MAX_ADV_PCT)));
            }
        }
        final long maxNotional = limits.resolve(c.limitRow, c.account, MAX_ORDER_NOTIONAL);
        if (maxNotional != LimitTable.UNSET && c.notional > maxNotional) {
            final String valued = c.market ? " (market order valued at the "
                + RiskText.referenceSource(c.referenceSource) + " " + RiskText.usd(c.referencePrice) + ")" : "";
            return PreTradeResult.reject(RejectCode.RISK_MAX_NOTIONAL, RiskText.over("MAX_ORDER_NOTIONAL",
                RiskText.usd(c.notional) + valued, RiskText.usd(maxNotional) + " USD",
                source(c, MAX_ORDER_NOTIONAL)));
        }
        return null;
    }

    private PreTradeResult collar(final CheckContext c) {
        final boolean limitPrice = c.order.ordType().hasLimitPrice();
        if (!limitPrice && !c.market) {
            return null;
        }
        final long pct = limits.resolve(c.limitRow, c.account, COLLAR_PCT);
        final long ticks = limits.resolve(c.limitRow, c.account, COLLAR_TICKS);
        if (pct == LimitTable.UNSET && ticks == LimitTable.UNSET) {
            return null;
        }
        final long reference = c.referencePrice;
        final long pctBand = pct == LimitTable.UNSET ? Long.MAX_VALUE : reference * pct / HUNDRED_PERCENT;
        final long tickBand = ticks == LimitTable.UNSET ? Long.MAX_VALUE
            : Math.multiplyHigh(ticks, c.instrument.tickSize()) != 0 ? Long.MAX_VALUE : ticks * c.instrument.tickSize();
        final long band = Math.min(pctBand, tickBand);
        final long price;
        if (limitPrice) {
            price = c.order.price();
        } else {
            price = c.buy ? c.view.bestAsk(c.symbol) : c.view.bestBid(c.symbol);
            if (price == Prices.NONE) {
                return null;
            }
        }
        if (price <= reference + band && price >= reference - band) {
            return null;
        }
        final boolean byPct = pctBand <= tickBand;
        final String what = limitPrice ? RiskText.usd(price)
            : "market " + (c.buy ? "buy at the best offer " : "sale at the best bid ") + RiskText.usd(price);
        return PreTradeResult.reject(RejectCode.RISK_PRICE_COLLAR, (byPct ? "PRICE_COLLAR_PCT: " : "PRICE_COLLAR_TICKS: ")
            + what + " outside " + RiskText.usd(reference - band) + "-" + RiskText.usd(reference + band) + " ("
            + RiskText.referenceSource(c.referenceSource) + " " + RiskText.usd(reference) + " +/- "
            + (byPct ? RiskText.percent(pct) + "%" : ticks + " ticks") + "; "
            + source(c, byPct ? COLLAR_PCT : COLLAR_TICKS) + ")");
    }

    private PreTradeResult position(final CheckContext c) {
        final ExposureView v = c.view;
        final long net = v.netPosition(c.account, c.symbol);
        if (c.buy) {
            final long max = limits.resolve(c.limitRow, c.account, MAX_LONG);
            final long open = v.openBuyQty(c.account, c.symbol);
            final long after = net + open + c.qtyIncrement;
            if (max != LimitTable.UNSET && after > max) {
                return PreTradeResult.reject(RejectCode.RISK_POSITION_LONG, RiskText.over("MAX_LONG_POSITION",
                    after + " (position " + net + " + open buys " + open + " + order " + c.qtyIncrement + ")",
                    Long.toString(max), source(c, MAX_LONG)));
            }
            return null;
        }
        final long max = limits.resolve(c.limitRow, c.account, MAX_SHORT);
        final long open = v.openSellQty(c.account, c.symbol);
        final long after = open + c.qtyIncrement - net;
        if (max != LimitTable.UNSET && after > max) {
            return PreTradeResult.reject(RejectCode.RISK_POSITION_SHORT, RiskText.over("MAX_SHORT_POSITION",
                after + " (open sales " + open + " + order " + c.qtyIncrement + " - position " + net + ")",
                Long.toString(max), source(c, MAX_SHORT)));
        }
        return null;
    }

    private PreTradeResult credit(final CheckContext c) {
        final ExposureView v = c.view;
        final int a = c.account;
        PreTradeResult r = credit(c, v.openBuyNotional(a) + v.executedBuyNotional(a),
            v.openSellNotional(a) + v.executedSellNotional(a), limits.resolve(null, a, GROSS),
            limits.resolve(null, a, NET), true);
        if (r != null) {
            return r;
        }
        final int f = v.brokerFirmOf(a);
        r = credit(c, v.brokerFirmOpenBuyNotional(f) + v.brokerFirmExecutedBuyNotional(f),
            v.brokerFirmOpenSellNotional(f) + v.brokerFirmExecutedSellNotional(f),
            limits.brokerOrFirm(c.broker, GROSS), limits.brokerOrFirm(c.broker, NET), false);
        if (r != null) {
            return r;
        }
        final long capital = limits.firm(CAPITAL);
        if (capital != LimitTable.UNSET) {
            final long gross = v.firmOpenBuyNotional() + v.firmExecutedBuyNotional() + v.firmOpenSellNotional()
                + v.firmExecutedSellNotional() + c.notionalIncrement;
            if (gross > capital) {
                return PreTradeResult.reject(RejectCode.RISK_CAPITAL, RiskText.over("CAPITAL_THRESHOLD",
                    RiskText.usd(gross) + " gross of the firm", RiskText.usd(capital) + " USD", "firm"));
            }
        }
        return null;
    }

    /**
     * @param account true for the account's totals, false for its broker firm's
     */
    private PreTradeResult credit(final CheckContext c, final long buys, final long sells, final long gross,
                                  final long net, final boolean account) {
        final long inc = c.notionalIncrement;
        if (gross != LimitTable.UNSET && buys + sells + inc > gross) {
            return PreTradeResult.reject(RejectCode.RISK_CREDIT_GROSS, RiskText.over("GROSS_NOTIONAL",
                RiskText.usd(buys + sells + inc), RiskText.usd(gross) + " USD",
                whose(c, account) + " open + executed today; set for " + creditSource(c, GROSS, account)));
        }
        if (net != LimitTable.UNSET) {
            final long before = Math.abs(buys - sells);
            final long after = Math.abs(c.buy ? buys + inc - sells : buys - sells - inc);
            if (after > net && after > before) {
                return PreTradeResult.reject(RejectCode.RISK_CREDIT_NET, RiskText.over("NET_NOTIONAL",
                    RiskText.usd(after), RiskText.usd(net) + " USD",
                    whose(c, account) + " open + executed today; set for " + creditSource(c, NET, account)));
            }
        }
        return null;
    }

    private String whose(final CheckContext c, final boolean account) {
        return account ? "account " + universe.accounts[c.account].accountId()
            : "broker firm " + universe.brokerFirms[c.broker];
    }

    private String creditSource(final CheckContext c, final int n, final boolean account) {
        return account ? limits.source(null, c.account, c.symbol, n) : limits.brokerSource(c.broker, n);
    }

    private String source(final CheckContext c, final int n) {
        return limits.source(c.limitRow, c.account, c.symbol, n);
    }
}
