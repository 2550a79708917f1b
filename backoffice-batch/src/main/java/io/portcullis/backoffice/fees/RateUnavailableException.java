package io.portcullis.backoffice.fees;

import java.io.Serial;
import java.time.LocalDate;

/** No rate (or only an unverified, unfilled one) is in force for a fee on a trade date. */
public final class RateUnavailableException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final FeeKind fee;
    private final LocalDate tradeDate;

    /** For {@code fee} on {@code tradeDate}, with what was missing. */
    public RateUnavailableException(final FeeKind fee, final LocalDate tradeDate, final String detail) {
        super("no " + fee + " rate in force on trade date " + tradeDate + ": " + detail);
        this.fee = fee;
        this.tradeDate = tradeDate;
    }

    /** The fee without a rate. */
    public FeeKind fee() {
        return fee;
    }

    /** The trade date asked for. */
    public LocalDate tradeDate() {
        return tradeDate;
    }
}
