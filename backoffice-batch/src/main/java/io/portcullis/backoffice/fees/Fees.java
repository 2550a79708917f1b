package io.portcullis.backoffice.fees;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The charges on one customer trade, each in USD at scale 2.
 *
 * @param commission the broker's commission
 * @param secFee     SEC Section 31 fee (zero on a purchase)
 * @param tafFee     FINRA TAF (zero on a purchase)
 */
public record Fees(BigDecimal commission, BigDecimal secFee, BigDecimal tafFee) {
    /** Requires all three, at scale 2. */
    public Fees {
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(secFee, "secFee");
        Objects.requireNonNull(tafFee, "tafFee");
        if (commission.scale() != 2 || secFee.scale() != 2 || tafFee.scale() != 2) {
            throw new IllegalArgumentException("fees must be at scale 2: " + commission + ", " + secFee + ", "
                + tafFee);
        }
    }

    /** Commission plus regulatory fees, scale 2. */
    public BigDecimal total() {
        return commission.add(secFee).add(tafFee);
    }
}
