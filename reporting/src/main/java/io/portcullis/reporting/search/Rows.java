package io.portcullis.reporting.search;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Audit documents as the API shows them: prices and notionals (longs in 1e-4 USD in the index) as decimal USD
 * strings ({@code "187.25"}, at least two decimals, at most four), everything else as indexed. Rows hold only the
 * fields a document has. Stateless.
 */
final class Rows {
    /** The columns of an execution, in CSV order. */
    static final List<String> EXECUTION_COLUMNS = List.of("transactTime", "execId", "orderId", "clOrdId",
        "origClOrdId", "sessionId", "account", "symbol", "side", "ordType", "lastQty", "lastPx", "lastNotional",
        "ordStatus", "cumQty", "leavesQty", "avgPx", "tradeId", "contraOrderId", "aggressor", "text");
    /** The columns of an order in its latest state, in CSV order. */
    static final List<String> ORDER_COLUMNS = List.of("orderId", "sessionId", "firstClOrdId", "clOrdId", "account",
        "symbol", "side", "ordType", "tif", "ordStatus", "execType", "price", "stopPx", "orderQty", "cumQty",
        "leavesQty", "avgPx", "cumNotional", "rejectCode", "text", "enteredAt", "updatedAt");
    /** Fields in 1e-4 USD. */
    private static final Set<String> MONEY = Set.of("price", "stopPx", "lastPx", "cumNotional", "lastNotional",
        "notional", "costBasis", "realizedPnl");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Rows() {
    }

    /** 1e-4 USD as a decimal string with 2 to 4 decimals. */
    static String usd(final long scaled) {
        final BigDecimal value = BigDecimal.valueOf(scaled, 4).stripTrailingZeros();
        return value.setScale(Math.max(2, value.scale())).toPlainString();
    }

    /** The whole document, money as decimal strings (also in the nested {@code command}). */
    static ObjectNode render(final ObjectNode source) {
        final ObjectNode out = NODES.objectNode();
        for (final Map.Entry<String, JsonNode> field : source.properties()) {
            out.set(field.getKey(), value(field.getKey(), field.getValue()));
        }
        return out;
    }

    /** {@code fields} of the document that it has, in that order. */
    static ObjectNode pick(final ObjectNode source, final List<String> fields) {
        final ObjectNode out = NODES.objectNode();
        for (final String field : fields) {
            final JsonNode value = source.get(field);
            if (value != null && !value.isNull()) {
                out.set(field, value(field, value));
            }
        }
        return out;
    }

    /**
     * An order's row: its state from {@code latest} (its execution report of the highest sequence), when and with
     * which ClOrdID it entered from {@code entry}.
     */
    static ObjectNode order(final ObjectNode entry, final ObjectNode latest) {
        final ObjectNode state = latest == null ? entry : latest;
        final ObjectNode out = NODES.objectNode();
        for (final String column : ORDER_COLUMNS) {
            final JsonNode value = switch (column) {
                case "firstClOrdId" -> entry.get("clOrdId");
                case "enteredAt" -> entry.get("transactTime");
                case "updatedAt" -> state.get("transactTime");
                default -> state.get(column);
            };
            if (value != null && !value.isNull()) {
                out.set(column, value(column, value));
            }
        }
        return out;
    }

    /** A rendered value as CSV text: empty when absent. */
    static String text(final ObjectNode row, final String column) {
        final JsonNode value = row.get(column);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static JsonNode value(final String field, final JsonNode value) {
        if (MONEY.contains(field) && value.canConvertToLong() && value.isIntegralNumber()) {
            return NODES.textNode(usd(value.asLong()));
        }
        if (value instanceof ObjectNode nested) {
            return render(nested);
        }
        return value;
    }
}
