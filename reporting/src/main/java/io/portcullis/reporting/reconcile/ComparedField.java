package io.portcullis.reporting.reconcile;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Function;

/** The fields of an execution that every source must agree on, in report order. */
enum ComparedField {
    ORDER_ID("orderId", e -> Long.toString(e.orderId())),
    SYMBOL("symbol", Execution::symbol),
    SIDE("side", Execution::side),
    LAST_QTY("lastQty", e -> Long.toString(e.lastQty())),
    LAST_PX("lastPx", e -> price(e.lastPx())),
    ACCOUNT("account", Execution::account);

    private final String fieldName;
    private final Function<Execution, String> value;

    ComparedField(final String fieldName, final Function<Execution, String> value) {
        this.fieldName = fieldName;
        this.value = value;
    }

    /** The field's name in reports (the audit document's field name). */
    String fieldName() {
        return fieldName;
    }

    /** The field's value as compared and printed; null when the source has none. */
    String valueOf(final Execution execution) {
        return value.apply(execution);
    }

    /** True when both executions hold the same value (prices by value, not by scale). */
    boolean agrees(final Execution a, final Execution b) {
        return Objects.equals(valueOf(a), valueOf(b));
    }

    private static String price(final BigDecimal px) {
        if (px == null) {
            return null;
        }
        return px.signum() == 0 ? "0" : px.stripTrailingZeros().toPlainString();
    }
}
