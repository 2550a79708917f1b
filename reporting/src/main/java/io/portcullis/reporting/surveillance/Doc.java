package io.portcullis.reporting.surveillance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An EXECUTION_REPORT or POSITION document reduced to what the detectors read. Prices in 1e-4 USD (0 when absent),
 * quantities in shares, times in epoch nanos UTC. Immutable.
 *
 * @param position   true for a POSITION document, false for an EXECUTION_REPORT
 * @param offset     journal offset
 * @param index      event index within the journal record
 * @param time       transactTime, epoch nanos UTC
 * @param orderId    the engine's OrderID, or null
 * @param account    account, or null
 * @param symbol     symbol, or null
 * @param side       BUY, SELL, SELL_SHORT, SELL_SHORT_EXEMPT, or null
 * @param execType   NEW, TRADE, CANCELED, ..., or null for a position
 * @param orderQty   order quantity
 * @param leavesQty  open quantity after the report
 * @param lastPx     fill price, 0 when not a fill
 * @param lastQty    fill quantity, 0 when not a fill
 * @param tradeId    the trade of a fill, or null
 * @param netQty     for a position: net shares after the change (negative short)
 */
record Doc(boolean position, long offset, int index, long time, String orderId, String account, String symbol,
           String side, String execType, long orderQty, long leavesQty, long lastPx, long lastQty, String tradeId,
           long netQty) {
    /** Source fields the walk asks for. */
    static final String[] FIELDS = {"event", "transactTime", "journalOffset", "eventIndex", "orderId", "account",
        "symbol", "side", "execType", "orderQty", "leavesQty", "lastPx", "lastQty", "tradeId", "netQty"};

    /** @return true for a fill */
    boolean fill() {
        return !position && "TRADE".equals(execType) && lastQty > 0 && lastPx > 0;
    }

    /** @return true for a buy (any sell kind is a sell) */
    boolean buy() {
        return "BUY".equals(side);
    }

    /**
     * Reads a document's source.
     *
     * @param doc the {@code _source}
     * @return the document, or null for another kind
     */
    static Doc of(final JsonNode doc) {
        final String event = doc.path("event").asText();
        if (!"EXECUTION_REPORT".equals(event) && !"POSITION".equals(event)) {
            return null;
        }
        final java.time.Instant at = java.time.Instant.parse(doc.path("transactTime").asText());
        return new Doc("POSITION".equals(event), doc.path("journalOffset").asLong(), doc.path("eventIndex").asInt(),
            at.getEpochSecond() * 1_000_000_000L + at.getNano(), text(doc, "orderId"), text(doc, "account"),
            text(doc, "symbol"), text(doc, "side"), text(doc, "execType"), doc.path("orderQty").asLong(),
            doc.path("leavesQty").asLong(), doc.path("lastPx").asLong(), doc.path("lastQty").asLong(),
            text(doc, "tradeId"), doc.path("netQty").asLong());
    }

    private static String text(final JsonNode doc, final String field) {
        final JsonNode value = doc.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
