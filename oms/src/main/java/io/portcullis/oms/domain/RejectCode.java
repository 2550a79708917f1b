package io.portcullis.oms.domain;

/**
 * Why a command was rejected or an order was cancelled by the engine. Each constant has a stable numeric
 * {@link #code()} (written to the journal and never reused), the FIX OrdRejReason(103) and CxlRejReason(102)
 * it maps to (FIX 4.4 values; 99 = Other with the text carrying the detail) and a fixed English text for
 * Text(58). Immutable; safe on any thread; nothing here allocates.
 */
public enum RejectCode {
    /** Not a rejection: the command was accepted or the check passed. */
    NONE(0, 0, 0, "OK"),

    // Instrument and account.
    /** The symbol is not in the instrument registry. */
    UNKNOWN_SYMBOL(1, 1, 99, "Unknown symbol"),
    /** The symbol is halted: new orders and replaces are refused, cancels still work. */
    SYMBOL_HALTED(2, 2, 2, "Symbol is halted"),
    /** The account is not known to the engine. */
    UNKNOWN_ACCOUNT(3, 15, 99, "Unknown account"),

    // Quantity.
    /** OrderQty(38) is zero or negative. */
    QTY_NOT_POSITIVE(10, 13, 99, "Order quantity must be positive"),
    /** OrderQty(38) is not a multiple of the instrument's lot size. */
    QTY_NOT_LOT_MULTIPLE(11, 13, 99, "Order quantity is not a multiple of the lot size"),
    /** OrderQty(38) is above the engine's maximum order quantity. */
    QTY_TOO_LARGE(12, 13, 99, "Order quantity exceeds the maximum"),
    /** MinQty(110) is negative or larger than OrderQty(38). */
    INVALID_MIN_QTY(13, 13, 99, "Minimum quantity must be between 0 and the order quantity"),
    /** A replace asked for an OrderQty(38) below what is already executed. */
    REPLACE_QTY_BELOW_CUM(14, 13, 99, "Replace quantity is below the executed quantity"),

    // Price.
    /** Price(44) or StopPx(99) is zero or negative. */
    PRICE_NOT_POSITIVE(20, 99, 99, "Price must be positive"),
    /** Price(44) or StopPx(99) is not a multiple of the instrument's tick size. */
    PRICE_OFF_TICK(21, 99, 99, "Price is not a multiple of the tick size"),
    /** Price(44) or StopPx(99) is above the engine's maximum price. */
    PRICE_TOO_LARGE(22, 99, 99, "Price exceeds the maximum"),
    /** A market order carried Price(44). */
    MARKET_ORDER_WITH_PRICE(23, 11, 99, "Market order must not have a price"),
    /** A limit or stop-limit order had no Price(44). */
    LIMIT_PRICE_MISSING(24, 11, 99, "Limit order needs a price"),
    /** A stop or stop-limit order had no StopPx(99). */
    STOP_PRICE_MISSING(25, 11, 99, "Stop order needs a stop price"),
    /** A non-stop order carried StopPx(99). */
    STOP_PRICE_NOT_ALLOWED(26, 11, 99, "Only stop orders may have a stop price"),

    // Order characteristics.
    /** Side, order type or time in force missing or not supported. */
    UNSUPPORTED_ORDER(30, 11, 99, "Unsupported order characteristic"),
    /** A GTD order had no ExpireTime(126). */
    GTD_EXPIRY_MISSING(31, 11, 99, "GTD order needs an expire time"),
    /** A GTD order's ExpireTime(126) is not after the command's ingress time. */
    GTD_EXPIRY_IN_PAST(32, 4, 99, "GTD expire time has already passed"),
    /** ClOrdID(11) is already used by a live order of the same session. */
    DUPLICATE_CLORDID(33, 6, 6, "Duplicate ClOrdID among the session's live orders"),
    /** ClOrdID(11) is missing or empty. */
    CLORDID_MISSING(34, 99, 99, "ClOrdID is required"),

    // Cancel and replace.
    /** The order to cancel, replace or report is unknown or already done (filled, cancelled, expired). */
    UNKNOWN_ORDER(40, 5, 1, "Unknown order or order already done"),
    /** A replace tried to change Side(54). */
    REPLACE_CHANGES_SIDE(41, 99, 99, "Replace cannot change the side"),
    /** A replace tried to change Symbol(55). */
    REPLACE_CHANGES_SYMBOL(42, 99, 99, "Replace cannot change the symbol"),
    /** A mass action named a scope value that matches nothing meaningful (empty value). */
    INVALID_MASS_SCOPE(43, 99, 4, "Invalid mass action scope"),

    // Pre-trade risk (SEC Rule 15c3-5); decided by a PreTradeCheck.
    /** A credit, capital, quantity or notional limit would be breached. */
    RISK_LIMIT_BREACH(50, 3, 2, "Order exceeds a risk limit"),
    /** The order's price is too far from the reference price (erroneous order check). */
    RISK_PRICE_COLLAR(51, 99, 2, "Price outside the allowed collar"),
    /** The account, firm or symbol is restricted. */
    RISK_RESTRICTED(52, 0, 2, "Restricted by risk controls"),
    /** The kill switch is engaged for the firm, the broker firm, the session, the account or the symbol. */
    RISK_KILL_SWITCH(53, 0, 2, "Kill switch engaged"),
    /** OrderQty(38) is above the MAX_ORDER_QTY limit. */
    RISK_MAX_QTY(54, 3, 2, "Order quantity exceeds the risk limit"),
    /** The order's notional is above the MAX_ORDER_NOTIONAL limit. */
    RISK_MAX_NOTIONAL(55, 3, 2, "Order notional exceeds the risk limit"),
    /** A market (or stop) order where MARKET_ORDERS_ALLOWED is 0. */
    RISK_MARKET_ORDER_NOT_ALLOWED(56, 11, 2, "Market orders are not allowed for the account"),
    /** Gross credit (open orders plus today's executions, both sides) would exceed GROSS_NOTIONAL. */
    RISK_CREDIT_GROSS(57, 3, 2, "Gross credit limit exceeded"),
    /** Net credit (|buys - sells| of open orders plus today's executions) would exceed NET_NOTIONAL. */
    RISK_CREDIT_NET(58, 3, 2, "Net credit limit exceeded"),
    /** The firm's gross notional would exceed CAPITAL_THRESHOLD. */
    RISK_CAPITAL(59, 3, 2, "Firm capital threshold exceeded"),
    /** Filled plus open buy shares would exceed MAX_LONG_POSITION. */
    RISK_POSITION_LONG(70, 3, 2, "Long position limit exceeded"),
    /** Filled minus open sell shares would exceed MAX_SHORT_POSITION. */
    RISK_POSITION_SHORT(71, 3, 2, "Short position limit exceeded"),
    /** Reg SHO: a short sale (Side=5) without a valid locate for the account and symbol. */
    RISK_NO_LOCATE(72, 99, 2, "Short sale needs a locate"),
    /** Reg SHO: the locate has fewer shares left than the short sale needs. */
    RISK_LOCATE_EXHAUSTED(73, 99, 2, "Locate quantity exhausted"),
    /** Reg SHO: a short sale of a hard-to-borrow symbol without a locate. */
    RISK_HARD_TO_BORROW(74, 99, 2, "Hard-to-borrow symbol: short sale needs a locate"),
    /** Reg SHO: short sale exempt (Side=6) from an account without SHORT_EXEMPT_ALLOWED. */
    RISK_SHORT_EXEMPT_NOT_PERMITTED(75, 99, 2, "Short sale exempt not permitted for the account"),
    /** Same account, symbol, side, quantity and price as an order within DUPLICATE_WINDOW_MS. */
    RISK_DUPLICATE_ORDER(76, 6, 2, "Duplicate order"),
    /** More new orders and replaces per second for the account than MAX_ORDERS_PER_SECOND. */
    RISK_ORDER_RATE(77, 3, 2, "Order rate limit exceeded"),
    /** More order messages per second on the FIX session than MAX_MESSAGES_PER_SECOND. */
    RISK_MESSAGE_RATE(78, 3, 2, "Message rate limit exceeded"),
    /** OrderQty(38) is above MAX_ADV_PCT of the symbol's average daily volume. */
    RISK_ADV(79, 3, 2, "Order quantity exceeds the average daily volume limit"),
    /** The order arrived outside the instrument's trading hours (America/New_York). */
    RISK_OUTSIDE_TRADING_HOURS(80, 2, 2, "Outside trading hours"),
    /** A risk update command was refused (malformed, unknown key, or no risk engine configured). */
    RISK_UPDATE_REFUSED(81, 99, 99, "Risk update refused"),

    // Reasons the engine cancels an accepted order (reported on a CANCELED execution report).
    /** The client (or a mass cancel) cancelled the order. */
    CANCELED_ON_REQUEST(60, 0, 0, "Cancelled on request"),
    /** IOC or market remainder: no more liquidity at an acceptable price. */
    NO_LIQUIDITY(61, 0, 0, "Remainder cancelled: no more liquidity"),
    /** FOK could not be filled completely on arrival. */
    FOK_NOT_FILLED(62, 0, 0, "Fill-or-kill could not be filled completely"),
    /** Less than MinQty(110) was executable on arrival. */
    MIN_QTY_NOT_MET(63, 0, 0, "Minimum quantity not available"),
    /** The order would have traded against an order of the same account. */
    SELF_TRADE_PREVENTED(64, 0, 0, "Cancelled by self-trade prevention"),

    /** A bug: the engine caught an exception while deciding the command. */
    INTERNAL_ERROR(99, 99, 99, "Internal error");

    private static final RejectCode[] BY_CODE = byCode();

    private final int code;
    private final int ordRejReason;
    private final int cxlRejReason;
    private final String text;

    RejectCode(final int code, final int ordRejReason, final int cxlRejReason, final String text) {
        this.code = code;
        this.ordRejReason = ordRejReason;
        this.cxlRejReason = cxlRejReason;
        this.text = text;
    }

    /**
     * @return the stable numeric code (0..99), written to the journal
     */
    public int code() {
        return code;
    }

    /**
     * @return FIX OrdRejReason(103) for a rejected new order (FIX 4.4 values)
     */
    public int ordRejReason() {
        return ordRejReason;
    }

    /**
     * @return FIX CxlRejReason(102) for a rejected cancel or replace (FIX 4.4 values)
     */
    public int cxlRejReason() {
        return cxlRejReason;
    }

    /**
     * @return the fixed text for Text(58); never null
     */
    public String text() {
        return text;
    }

    /**
     * Decodes a stable code. Does not allocate.
     *
     * @param code a value of {@link #code()}
     * @return the constant, or {@code null} for a code this version does not know
     */
    public static RejectCode fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    private static RejectCode[] byCode() {
        final RejectCode[] table = new RejectCode[100];
        for (final RejectCode value : values()) {
            if (table[value.code] != null) {
                throw new IllegalStateException("duplicate reject code " + value.code);
            }
            table[value.code] = value;
        }
        return table;
    }
}
