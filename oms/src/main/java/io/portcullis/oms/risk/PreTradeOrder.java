package io.portcullis.oms.risk;

import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;

/**
 * Read-only view of the order a {@link PreTradeCheck} decides on. A flyweight reused by the engine: valid only
 * during the call. Accessors do not allocate. Prices in 1e-4 USD ({@code Prices.NONE} when absent), quantities
 * in shares. The side is the order's own (SELL_SHORT and SELL_SHORT_EXEMPT are kept); for a replace the side,
 * type and time in force are the live order's.
 */
public interface PreTradeOrder {

    /** @return true for a cancel/replace of a live order, false for a new order */
    boolean isReplace();

    /** @return the live order's id for a replace, 0 for a new order */
    long orderId();

    /** @return the FIX session; non-null */
    String sessionId();

    /** @return ClOrdID of the new order or of the replace request; non-null */
    String clOrdId();

    /** @return the account; non-null */
    Account account();

    /** @return the instrument; non-null */
    Instrument instrument();

    /** @return side; non-null */
    Side side();

    /** @return order type as entered; non-null */
    OrdType ordType();

    /** @return time in force; non-null */
    TimeInForce tif();

    /** @return (new) OrderQty in shares */
    long orderQty();

    /** @return shares already executed (0 for a new order) */
    long cumQty();

    /** @return OrderQty before the replace, or 0 for a new order */
    long previousOrderQty();

    /** @return (new) limit price, or NONE */
    long price();

    /** @return (new) stop price, or NONE */
    long stopPx();

    /** @return the limit price before the replace, or NONE (always NONE for a new order) */
    long previousPrice();

    /** @return the stop price before the replace, or NONE (always NONE for a new order) */
    long previousStopPx();

    /**
     * @return the Reg SHO locate id: the new order's, or for a replace the request's new one, else the live order's;
     *         null when there is none
     */
    String locateId();

    /** @return the account's dense index in the engine (see {@link ExposureView}) */
    int accountIndex();

    /** @return the symbol's dense index in the engine (see {@link ExposureView}) */
    int symbolIndex();

    /** @return the command's ingress time in epoch nanos UTC: the only clock a check may use */
    long timestamp();

    /** @return the command's journal sequence */
    long sequence();
}
