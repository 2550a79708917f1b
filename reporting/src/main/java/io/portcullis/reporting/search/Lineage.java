package io.portcullis.reporting.search;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The whole story of one order, in time order.
 *
 * @param orderId   OrderID(37), null for an order rejected on entry
 * @param sessionIds the FIX sessions its documents name
 * @param clOrdIds  every ClOrdID it had (its chain of replaces) and those of requests about it, sorted
 * @param entries   engine documents and FIX messages, each rendered whole with its {@code documentId}, sorted by
 *                  {@code transactTime}, then stream ({@code journalTopic}), {@code journalOffset},
 *                  {@code eventIndex}
 * @param truncated true when there were more than {@value LineageSearch#MAX_ENTRIES} entries (the first are shown)
 */
public record Lineage(String orderId, List<String> sessionIds, List<String> clOrdIds, List<ObjectNode> entries,
                      boolean truncated) {
}
