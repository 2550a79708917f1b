package io.portcullis.oms.engine;

import io.portcullis.oms.book.Order;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.TimeInForce;

/**
 * Field validation of new orders and replaces, before anything changes. The first failing rule wins, in the
 * order written below, so every bad input maps to one stable code. Engine thread only; does not allocate.
 */
final class OrderValidator {

    private final EngineState state;
    private final long maxOrderQty;
    private final long maxPrice;

    OrderValidator(final EngineState state) {
        this.state = state;
        this.maxOrderQty = state.config.maxOrderQty();
        this.maxPrice = state.config.maxPrice();
    }

    RejectCode validateNew(final NewOrder c, final SymbolState symbol, final AccountState account) {
        if (c.clOrdId() == null || c.clOrdId().isEmpty() || c.sessionId() == null) {
            return RejectCode.CLORDID_MISSING;
        }
        if (c.side() == null || c.ordType() == null || c.tif() == null) {
            return RejectCode.UNSUPPORTED_ORDER;
        }
        if (symbol == null) {
            return RejectCode.UNKNOWN_SYMBOL;
        }
        if (account == null) {
            return RejectCode.UNKNOWN_ACCOUNT;
        }
        if (symbol.halted) {
            return RejectCode.SYMBOL_HALTED;
        }
        RejectCode code = checkQty(c.qty(), symbol);
        if (code != RejectCode.NONE) {
            return code;
        }
        if (c.minQty() < 0 || c.minQty() > c.qty()) {
            return RejectCode.INVALID_MIN_QTY;
        }
        code = checkPrices(c.ordType(), true, c.price(), c.stopPx(), symbol);
        if (code != RejectCode.NONE) {
            return code;
        }
        if (c.tif() == TimeInForce.GTD) {
            if (c.expireTime() == NewOrder.NO_EXPIRY) {
                return RejectCode.GTD_EXPIRY_MISSING;
            }
            if (c.expireTime() <= c.timestamp()) {
                return RejectCode.GTD_EXPIRY_IN_PAST;
            }
        }
        if (state.isLiveClOrdId(c.sessionId(), c.clOrdId())) {
            return RejectCode.DUPLICATE_CLORDID;
        }
        return RejectCode.NONE;
    }

    RejectCode validateReplace(final ReplaceOrder c, final Order order, final SymbolState symbol) {
        if (c.clOrdId() == null || c.clOrdId().isEmpty()) {
            return RejectCode.CLORDID_MISSING;
        }
        if (c.side() != order.side()) {
            return RejectCode.REPLACE_CHANGES_SIDE;
        }
        if (c.symbol() == null || !c.symbol().equals(order.symbol())) {
            return RejectCode.REPLACE_CHANGES_SYMBOL;
        }
        if (symbol.halted) {
            return RejectCode.SYMBOL_HALTED;
        }
        RejectCode code = checkQty(c.qty(), symbol);
        if (code != RejectCode.NONE) {
            return code;
        }
        if (c.qty() < order.cumQty()) {
            return RejectCode.REPLACE_QTY_BELOW_CUM;
        }
        final boolean pendingStop = order.isPendingStop();
        code = checkPrices(pendingStop ? order.ordType() : order.effectiveType(), pendingStop, c.price(),
            c.stopPx(), symbol);
        if (code != RejectCode.NONE) {
            return code;
        }
        if (state.isLiveClOrdId(order.sessionId(), c.clOrdId())) {
            return RejectCode.DUPLICATE_CLORDID;
        }
        return RejectCode.NONE;
    }

    private RejectCode checkQty(final long qty, final SymbolState symbol) {
        if (qty <= 0) {
            return RejectCode.QTY_NOT_POSITIVE;
        }
        if (qty > maxOrderQty) {
            return RejectCode.QTY_TOO_LARGE;
        }
        if (!symbol.lot.divides(qty)) {
            return RejectCode.QTY_NOT_LOT_MULTIPLE;
        }
        return RejectCode.NONE;
    }

    /**
     * @param type            the type to validate as
     * @param stopPriceNeeded whether a stop type still needs its stop price (false once triggered)
     */
    private RejectCode checkPrices(final OrdType type, final boolean stopPriceNeeded, final long price,
                                   final long stopPx, final SymbolState symbol) {
        if (type.hasLimitPrice()) {
            if (price == Prices.NONE) {
                return RejectCode.LIMIT_PRICE_MISSING;
            }
            final RejectCode code = checkPrice(price, symbol);
            if (code != RejectCode.NONE) {
                return code;
            }
        } else if (price != Prices.NONE) {
            return RejectCode.MARKET_ORDER_WITH_PRICE;
        }
        if (type.isStop() && stopPriceNeeded) {
            if (stopPx == Prices.NONE) {
                return RejectCode.STOP_PRICE_MISSING;
            }
            return checkPrice(stopPx, symbol);
        }
        if (stopPx != Prices.NONE) {
            return RejectCode.STOP_PRICE_NOT_ALLOWED;
        }
        return RejectCode.NONE;
    }

    private RejectCode checkPrice(final long price, final SymbolState symbol) {
        if (price <= 0) {
            return RejectCode.PRICE_NOT_POSITIVE;
        }
        if (price > maxPrice) {
            return RejectCode.PRICE_TOO_LARGE;
        }
        if (!symbol.tick.divides(price)) {
            return RejectCode.PRICE_OFF_TICK;
        }
        return RejectCode.NONE;
    }
}
