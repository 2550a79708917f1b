package io.portcullis.reporting.rule605;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.oms.domain.Prices;

/**
 * The audit documents the execution-quality and routing reports read, reduced to what they use. Immutable.
 */
public sealed interface AuditEvent {
    /** @return journal offset of the record that produced the document */
    long offset();

    /** @return when it happened, epoch nanos UTC ({@code transactTime}) */
    long time();

    /**
     * A TOP_OF_BOOK document: the engine's own best bid and offer after a record changed them.
     *
     * @param offset journal offset
     * @param time   epoch nanos UTC
     * @param symbol the symbol
     * @param quote  the book after the record
     */
    record TopOfBook(long offset, long time, String symbol, Quote quote) implements AuditEvent {
    }

    /**
     * An EXECUTION_REPORT document. Prices in 1e-4 USD or {@link Prices#NONE}; quantities in shares.
     *
     * @param offset         journal offset
     * @param time           epoch nanos UTC
     * @param commandTime    the causing command's timestamp (ingress), epoch nanos UTC
     * @param commandType    the causing command's type (NEW_ORDER, CANCEL_ORDER, ...)
     * @param commandClOrdId the causing command's ClOrdID, or null
     * @param orderId        the engine's OrderID, or null (an order rejected on entry)
     * @param clOrdId        ClOrdID, or null
     * @param account        account, or null
     * @param symbol         symbol, or null
     * @param side           BUY, SELL, SELL_SHORT, SELL_SHORT_EXEMPT, or null
     * @param ordType        MARKET, LIMIT, STOP, STOP_LIMIT, or null
     * @param tif            DAY, GTC, IOC, FOK, GTD, or null
     * @param execType       NEW, TRADE, CANCELED, ...
     * @param price          limit price or NONE
     * @param orderQty       order quantity
     * @param leavesQty      open quantity after this report
     * @param lastPx         fill price or NONE
     * @param lastQty        fill quantity, 0 when not a fill
     * @param aggressor      for a fill, true when this order was the taker
     */
    record Report(long offset, long time, long commandTime, String commandType, String commandClOrdId,
                  String orderId, String clOrdId, String account, String symbol, String side, String ordType,
                  String tif, String execType, long price, long orderQty, long leavesQty, long lastPx, long lastQty,
                  boolean aggressor) implements AuditEvent {

        /** @return true for a buy */
        public boolean buy() {
            return "BUY".equals(side);
        }

        /** @return true when this is the acceptance of a new order: NEW caused by the order's own NewOrder */
        public boolean accepted() {
            return "NEW".equals(execType) && orderId != null && "NEW_ORDER".equals(commandType)
                && clOrdId != null && clOrdId.equals(commandClOrdId);
        }

        /** @return true when this is a fill */
        public boolean fill() {
            return "TRADE".equals(execType) && lastQty > 0 && lastPx != Prices.NONE;
        }

        /** @return true when the order has nothing left open after this report */
        public boolean done() {
            return leavesQty == 0 && !"NEW".equals(execType);
        }
    }

    /** Source fields the walk asks Elasticsearch for. */
    String[] FIELDS = {"event", "transactTime", "journalOffset", "eventIndex", "command.timestamp", "command.type",
        "command.clOrdId", "orderId", "clOrdId", "account", "symbol", "side", "ordType", "tif", "execType", "price",
        "orderQty", "leavesQty", "lastPx", "lastQty", "aggressor", "quoteBidPx", "quoteAskPx"};

    /**
     * Reads a document's source.
     *
     * @param doc the {@code _source} of an EXECUTION_REPORT or TOP_OF_BOOK document
     * @return the event, or null for any other kind
     */
    static AuditEvent of(final JsonNode doc) {
        final long offset = doc.path("journalOffset").asLong();
        final long time = nanos(doc.path("transactTime").asText());
        final String symbol = text(doc, "symbol");
        return switch (doc.path("event").asText()) {
            case "TOP_OF_BOOK" -> new TopOfBook(offset, time, symbol,
                new Quote(price(doc, "quoteBidPx"), price(doc, "quoteAskPx")));
            case "EXECUTION_REPORT" -> {
                final JsonNode command = doc.path("command");
                yield new Report(offset, time, command.has("timestamp") ? nanos(command.get("timestamp").asText())
                    : time, text(command, "type"), text(command, "clOrdId"), text(doc, "orderId"),
                    text(doc, "clOrdId"), text(doc, "account"), symbol, text(doc, "side"), text(doc, "ordType"),
                    text(doc, "tif"), text(doc, "execType"), price(doc, "price"), doc.path("orderQty").asLong(),
                    doc.path("leavesQty").asLong(), price(doc, "lastPx"), doc.path("lastQty").asLong(),
                    doc.path("aggressor").asBoolean(false));
            }
            default -> null;
        };
    }

    private static String text(final JsonNode doc, final String field) {
        final JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static long price(final JsonNode doc, final String field) {
        final JsonNode value = doc.get(field);
        return value == null || value.isNull() ? Prices.NONE : value.asLong();
    }

    private static long nanos(final String iso) {
        final Instant instant = Instant.parse(iso);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
