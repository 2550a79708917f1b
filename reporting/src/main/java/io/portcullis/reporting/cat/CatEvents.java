package io.portcullis.reporting.cat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.oms.domain.AccountType;
import io.portcullis.oms.domain.Prices;

/**
 * Turns audit documents into CAT order events (one at most per document), in the field order of the
 * specification's event tables. The mapping:
 * <ul>
 *   <li>{@code EXECUTION_REPORT execType=NEW}: MENO when the account's broker firm is not a CAT reporter, MEOA when it
 *       is ({@link CatAccount}). orderID is the engine's OrderID(37), orderKeyDate the report's time.</li>
 *   <li>{@code execType=REPLACED}: MEOM, the new terms restated; the engine keeps the OrderID through a replace, so
 *       priorOrderKeyDate/priorOrderID name the same key (the linkage the specification asks for when the ID
 *       changes; harmless when it does not). initiator {@code C} (the customer asked).</li>
 *   <li>{@code execType=CANCELED}: MEOC, full cancel ({@code cancelQty} = the open quantity, {@code leavesQty} 0),
 *       initiator {@code C} for a cancel the order's owner asked for (a CancelOrder or MassCancel command, reject
 *       code CANCELED_ON_REQUEST), {@code F} (firm) otherwise (self-trade prevention, market order without liquidity,
 *       MinQty not met). Not reported: the unexecuted rest of an IOC or FOK order (the time in force already says
 *       it ends; no MEOC).</li>
 *   <li>{@code TRADE}: MEOT, both sides ({@code sideDetailsInd=NA}, each side an array of one), see {@link #trade}.</li>
 *   <li>Not reported: REJECTED (never accepted), EXPIRED (DAY/GTD expiry is implied by timeInForce), TRIGGERED (a
 *       stop's trigger is not an order event), ORDER_STATUS, CANCEL_REJECT, partial fills as such (their MEOT is).</li>
 *   <li>MEOF does not apply: we never fill a customer order from a representative order or from inventory; every
 *       execution is a match of two orders on our book (MEOT).</li>
 * </ul>
 * Common fields: {@code actionType} NEW (or COR/RPR from feedback, {@link CatFeedback}), {@code firmROEID}
 * {@code <ET event date>_<document id without its topic>} (unique per day, the same on every rerun),
 * {@code CATReporterIMID}, {@code eventTimestamp} (ET, nanoseconds), {@code manualFlag} false (all electronic).
 *
 * <p>Not thread-safe: one per walk (it shares the walk's {@link CatOrders}).
 */
final class CatEvents {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> IMMEDIATE = Set.of("IOC", "FOK");
    private static final int MAX_PROBLEMS = 50;

    private final String reporterImid;
    private final String receiverImid;
    private final String marketCenterId;
    private final CatAccounts accounts;
    private final CatOrders orders;
    private final List<String> problems = new ArrayList<>();
    private long problemCount;

    /**
     * @param configuration  our identity and codes
     * @param accounts       the account directory
     * @param orders         the walk's order terms
     */
    CatEvents(final CatConfiguration configuration, final CatAccounts accounts, final CatOrders orders) {
        this.reporterImid = configuration.reporterImid();
        this.receiverImid = configuration.reporterCrd() + ":" + configuration.reporterImid();
        this.marketCenterId = configuration.marketCenterId();
        this.accounts = accounts;
        this.orders = orders;
    }

    /**
     * The CAT event of one audit document.
     *
     * @param id  the document id
     * @param doc the document
     * @return the event, or null when the document is not reported (or cannot be, see {@link #problems()})
     */
    ObjectNode map(final String id, final JsonNode doc) {
        final String event = doc.path("event").asText();
        if ("TRADE".equals(event)) {
            return trade(id, doc);
        }
        return switch (doc.path("execType").asText()) {
            case "NEW" -> entry(id, doc);
            case "REPLACED" -> modified(id, doc);
            case "CANCELED" -> cancelled(id, doc);
            default -> null;
        };
    }

    /** @return the first problems (documents that should be reported but cannot be linked), at most 50 */
    List<String> problems() {
        return problems;
    }

    /** @return how many documents could not be reported */
    long problemCount() {
        return problemCount;
    }

    private ObjectNode entry(final String id, final JsonNode doc) {
        final CatOrders.Terms terms = orders.remember(doc);
        final CatAccount account = account(id, doc.path("account").asText(null));
        if (account == null) {
            return null;
        }
        final long time = terms.keyTime();
        final ObjectNode out = header(account.fromReporter() ? "MEOA" : "MENO", id, time);
        out.put("orderKeyDate", CatCodes.timestamp(time));
        out.put("orderID", terms.orderId());
        out.put("symbol", doc.path("symbol").asText());
        out.put("eventTimestamp", CatCodes.timestamp(time));
        out.put("manualFlag", false);
        if (account.fromReporter()) {
            sender(out, account, doc);
        }
        out.put("deptType", CatCodes.deptType(account.type()));
        if (!account.fromReporter()) {
            out.put("solicitationFlag", false);
        }
        terms(out, doc, terms, time);
        if (account.fromReporter()) {
            out.put("isoInd", CatCodes.NOT_ISO);
        }
        handling(out, doc);
        out.put("custDspIntrFlag", false);
        if (!account.fromReporter()) {
            out.put("firmDesignatedID", account.fdid());
            out.put("accountHolderType", CatCodes.accountHolderType(account.type()));
        }
        out.put("affiliateFlag", false);
        if (!account.fromReporter()) {
            // representativeInd is a MENO (and MEOM) field, not an MEOA one
            out.put("representativeInd", "N");
            out.put("negotiatedTradeFlag", false);
        }
        return out;
    }

    private ObjectNode modified(final String id, final JsonNode doc) {
        final CatOrders.Terms terms = order(id, doc.path("orderId").asText());
        if (terms == null) {
            return null;
        }
        final CatAccount account = account(id, terms.account());
        if (account == null) {
            return null;
        }
        final long time = CatCodes.nanos(doc.path("transactTime").asText());
        final ObjectNode out = header("MEOM", id, time);
        key(out, terms);
        out.put("priorOrderKeyDate", CatCodes.timestamp(terms.keyTime()));
        out.put("priorOrderID", terms.orderId());
        out.put("symbol", doc.path("symbol").asText());
        out.put("eventTimestamp", CatCodes.timestamp(time));
        out.put("manualFlag", false);
        if (account.fromReporter()) {
            sender(out, account, doc);
        }
        out.put("initiator", "C");
        terms(out, doc, terms, time);
        out.put("leavesQty", doc.path("leavesQty").asLong());
        out.put("isoInd", CatCodes.NOT_ISO);
        handling(out, doc);
        out.put("custDspIntrFlag", false);
        out.put("representativeInd", "N");
        return out;
    }

    private ObjectNode cancelled(final String id, final JsonNode doc) {
        final JsonNode command = doc.path("command");
        final boolean ownEntry = "NEW_ORDER".equals(command.path("type").asText())
            && doc.path("clOrdId").asText().equals(command.path("clOrdId").asText())
            && doc.path("sessionId").asText().equals(command.path("sessionId").asText());
        if (ownEntry && IMMEDIATE.contains(doc.path("tif").asText())) {
            return null;
        }
        final CatOrders.Terms terms = order(id, doc.path("orderId").asText());
        if (terms == null) {
            return null;
        }
        final long time = CatCodes.nanos(doc.path("transactTime").asText());
        final String commandType = command.path("type").asText();
        final boolean requested = "CANCELED_ON_REQUEST".equals(doc.path("rejectCode").asText())
            && ("CANCEL_ORDER".equals(commandType) || "MASS_CANCEL".equals(commandType));
        final ObjectNode out = header("MEOC", id, time);
        key(out, terms);
        out.put("symbol", doc.path("symbol").asText());
        out.put("eventTimestamp", CatCodes.timestamp(time));
        out.put("manualFlag", false);
        out.put("cancelQty", doc.path("orderQty").asLong() - doc.path("cumQty").asLong());
        out.put("leavesQty", 0);
        out.put("initiator", requested ? "C" : "F");
        return out;
    }

    /**
     * MEOT for a match on our book. {@code tradeKeyDate} is the trade's time, {@code tradeID} the engine's TradeID.
     * Tape: a trade with no change of beneficial ownership ({@link #sameBeneficialOwner}) carries
     * {@code reportingExceptionCode=P}; every other trade is assumed reported to a TRF under its TradeID
     * ({@code tapeTradeID}) at the market center of setting {@code cat.market-center-id} (our TRF reporting is a
     * separate job; until it exists this linkage is a promise). {@code capacity} {@code P} (principal) when either
     * side is one of our principal accounts, otherwise {@code A} (agency).
     */
    private ObjectNode trade(final String id, final JsonNode doc) {
        final boolean buyerAggressed = "BUY".equals(doc.path("side").asText());
        final String taker = doc.path("orderId").asText();
        final String maker = doc.path("contraOrderId").asText();
        final CatOrders.Terms buy = order(id, buyerAggressed ? taker : maker);
        final CatOrders.Terms sell = order(id, buyerAggressed ? maker : taker);
        if (buy == null || sell == null) {
            return null;
        }
        final CatAccount buyer = account(id, buy.account());
        final CatAccount seller = account(id, sell.account());
        if (buyer == null || seller == null) {
            return null;
        }
        final long time = CatCodes.nanos(doc.path("transactTime").asText());
        final ObjectNode out = header("MEOT", id, time);
        out.put("tradeKeyDate", CatCodes.timestamp(time));
        out.put("tradeID", doc.path("tradeId").asText());
        out.put("symbol", doc.path("symbol").asText());
        out.put("eventTimestamp", CatCodes.timestamp(time));
        out.put("manualFlag", false);
        out.put("quantity", doc.path("lastQty").asLong());
        out.put("price", CatCodes.price(doc.path("lastPx").asLong()));
        out.put("capacity", buyer.type() != AccountType.CUSTOMER || seller.type() != AccountType.CUSTOMER
            ? "P" : "A");
        if (sameBeneficialOwner(buyer, seller)) {
            out.put("reportingExceptionCode", "P");
        } else {
            out.put("tapeTradeID", doc.path("tradeId").asText());
            out.put("marketCenterID", marketCenterId);
        }
        out.put("sideDetailsInd", "NA");
        out.putArray("buyDetails").add(side(buy, buyer));
        out.putArray("sellDetails").add(side(sell, seller));
        return out;
    }

    /**
     * No change in beneficial ownership (reportingExceptionCode {@code P}, "intra-firm order where there is no change
     * in beneficial ownership"): the same FDID on both sides, or two principal accounts (proprietary or market
     * making) of the same firm, whose beneficial owner is that firm. Our approximation: two customer accounts of one
     * beneficial owner under different FDIDs are not recognised.
     */
    private static boolean sameBeneficialOwner(final CatAccount buyer, final CatAccount seller) {
        return buyer.fdid().equals(seller.fdid()) || buyer.type() != AccountType.CUSTOMER
            && seller.type() != AccountType.CUSTOMER && buyer.firmId().equals(seller.firmId());
    }

    private static ObjectNode side(final CatOrders.Terms terms, final CatAccount account) {
        final ObjectNode out = JSON.objectNode();
        out.put("orderKeyDate", CatCodes.timestamp(terms.keyTime()));
        out.put("orderID", terms.orderId());
        out.put("side", CatCodes.side(terms.side()));
        out.put("firmDesignatedID", account.fdid());
        out.put("accountHolderType", CatCodes.accountHolderType(account.type()));
        return out;
    }

    private ObjectNode header(final String type, final String id, final long time) {
        final ObjectNode out = JSON.objectNode();
        out.put("actionType", "NEW");
        out.put("firmROEID", firmRoeId(id, time));
        out.put("type", type);
        out.put("CATReporterIMID", reporterImid);
        return out;
    }

    /**
     * The firmROEID of a document: {@code <ET date of the event>_<document id without its topic>}, e.g.
     * {@code 20260105_0-1234-2} for partition 0, offset 1234, event index 2: unique per event date and IMID (one
     * journal per reporter), and the same on every rerun.
     */
    static String firmRoeId(final String documentId, final long eventNanos) {
        final String[] parts = documentId.split("-");
        final int n = parts.length;
        final String key = n >= 3 ? parts[n - 3] + "-" + parts[n - 2] + "-" + parts[n - 1] : documentId;
        return CatCodes.date(eventNanos) + "_" + key;
    }

    private static void key(final ObjectNode out, final CatOrders.Terms terms) {
        out.put("orderKeyDate", CatCodes.timestamp(terms.keyTime()));
        out.put("orderID", terms.orderId());
    }

    private void sender(final ObjectNode out, final CatAccount account, final JsonNode doc) {
        out.put("receiverIMID", receiverImid);
        out.put("senderIMID", account.senderImid());
        out.put("senderType", "F");
        out.put("routedOrderID", doc.path("clOrdId").asText());
    }

    private static void terms(final ObjectNode out, final JsonNode doc, final CatOrders.Terms terms,
                              final long time) {
        out.put("side", CatCodes.side(doc.path("side").asText()));
        final String ordType = doc.path("ordType").asText();
        if (("LIMIT".equals(ordType) || "STOP_LIMIT".equals(ordType)) && doc.hasNonNull("price")) {
            out.put("price", CatCodes.price(doc.path("price").asLong()));
        }
        out.put("quantity", doc.path("orderQty").asLong());
        if (terms.minQty() > 0) {
            out.put("minQty", terms.minQty());
        }
        out.put("orderType", CatCodes.orderType(ordType));
        out.set("timeInForce", CatCodes.timeInForce(doc.path("tif").asText(), time, terms.expireTime()));
        out.put("tradingSession", "REG");
    }

    private static void handling(final ObjectNode out, final JsonNode doc) {
        final ObjectNode handling = CatCodes.handlingInstructions(doc.path("ordType").asText(),
            doc.path("tif").asText(), doc.hasNonNull("stopPx") ? doc.path("stopPx").asLong() : Prices.NONE);
        if (handling != null) {
            out.set("handlingInstructions", handling);
        }
    }

    private CatOrders.Terms order(final String id, final String orderId) {
        final CatOrders.Terms terms = orderId.isEmpty() ? null : orders.find(orderId);
        if (terms == null) {
            problem(id + ": order " + orderId + " has no NEW execution report in the audit index");
        }
        return terms;
    }

    private CatAccount account(final String id, final String accountId) {
        final CatAccount account = accounts.find(accountId);
        if (account == null) {
            problem(id + ": account " + accountId + " is not in the account table");
        }
        return account;
    }

    private void problem(final String text) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        }
    }
}
