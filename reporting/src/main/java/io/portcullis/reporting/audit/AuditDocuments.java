package io.portcullis.reporting.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.CommandCodec;
import io.portcullis.oms.command.ExpireDayOrders;
import io.portcullis.oms.command.ExpireGtdOrders;
import io.portcullis.oms.command.HaltSymbol;
import io.portcullis.oms.command.MassCancel;
import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.command.MassStatus;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.OrderStatusRequest;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.command.ResumeSymbol;
import io.portcullis.oms.command.RiskUpdate;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.event.CancelReject;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.event.MassActionKind;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalRecord;

/**
 * Turns one journal record into its audit documents: one per audited engine event, each carrying the command that
 * caused it. Audited: execution reports, cancel rejects, trade prints, position changes, mass-action answers,
 * instrument status changes, admin rejects, risk warnings, the top of book (the quotes the execution-quality report
 * measures against), and a risk decision per new order and replace. Not audited: depth and daily statistics, market
 * data derived from the audited events (a replay of the journal rebuilds them).
 *
 * <p>Every event of the record, audited or not, advances the event index, so a document's id names its place in
 * the journal whatever this class chooses to index. Prices and notionals are longs in 1e-4 USD (the engine's scale:
 * exact, and range-queryable; Elasticsearch's scaled_float lives in the mapper-extras module, which the core-only
 * distribution does not have), AvgPx a decimal string; quantities are shares; times are ISO-8601 instants with
 * nanoseconds (UTC), mapped as date_nanos.
 *
 * <p>Single-threaded (the indexer's thread); allocates freely.
 */
final class AuditDocuments implements EngineListener, AuditSource {
    private final AuditIndices indices;
    private final HashChain chain;
    private final List<AuditDocument> out = new ArrayList<>();
    private String topic;
    private int partition;
    private long offset;
    private JournalRecord record;
    private Map<String, Object> command;
    private Command decoded;
    private int eventIndex;
    // The risk decision of a NewOrder or ReplaceOrder, gathered from its events.
    private long riskOrderId;
    private long riskTime;
    private RejectCode riskReject;
    private String riskText;
    private RejectCode riskWarning;
    private boolean otherReject;

    /**
     * @param indices where documents go
     * @param chain   the journal's hash chain, positioned at the next document
     */
    AuditDocuments(final AuditIndices indices, final HashChain chain) {
        this.indices = indices;
        this.chain = chain;
    }

    @Override
    public void add(final String topic, final int partition, final long offset, final long timestamp,
                    final byte[] value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.record = JournalRecord.decode(value);
        this.decoded = CommandCodec.decode(record.command());
        this.command = command(decoded);
        this.eventIndex = 0;
        riskOrderId = 0;
        riskTime = Long.MIN_VALUE;
        riskReject = null;
        riskText = null;
        riskWarning = null;
        otherReject = false;
        EventDecoder.decode(record.events(), 0, record.events().length, this);
        riskDecision();
    }

    @Override
    public HashChain chain() {
        return chain;
    }

    /**
     * One RISK_DECISION document per NewOrder or ReplaceOrder the pre-trade check decided: REJECT with the code and
     * the text naming the limit and values, WARN when it passed with a warning, PASS otherwise; none when the command
     * was refused before the check (validation). Its event index is the record's event count, one past its last
     * event, so its id is as stable as the others'.
     */
    private void riskDecision() {
        final long qty;
        final long price;
        final String clOrdId;
        final String account;
        final String symbol;
        final Side side;
        switch (decoded) {
            case NewOrder o -> {
                qty = o.qty();
                price = o.price();
                clOrdId = o.clOrdId();
                account = o.account();
                symbol = o.symbol();
                side = o.side();
            }
            case ReplaceOrder o -> {
                qty = o.qty();
                price = o.price();
                clOrdId = o.clOrdId();
                account = null;
                symbol = o.symbol();
                side = o.side();
            }
            default -> {
                return;
            }
        }
        if (riskTime == Long.MIN_VALUE || riskReject == null && otherReject) {
            return;
        }
        final Map<String, Object> doc = event("RISK_DECISION", riskTime);
        doc.put("riskDecision", riskReject != null ? "REJECT" : riskWarning != null ? "WARN" : "PASS");
        putId(doc, "orderId", riskOrderId);
        put(doc, "sessionId", command.get("sessionId"));
        put(doc, "clOrdId", clOrdId);
        put(doc, "account", account);
        put(doc, "symbol", symbol);
        put(doc, "side", side);
        doc.put("orderQty", qty);
        price(doc, "price", price);
        if (price != Prices.NONE) {
            doc.put("notional", notional(qty, price));
        }
        reject(doc, riskReject != null ? riskReject : riskWarning);
        put(doc, "text", riskText);
        emit(doc, riskTime);
    }

    private void decided(final long orderId, final RejectCode code, final CharSequence text, final long time) {
        if (riskTime == Long.MIN_VALUE) {
            riskTime = time;
        }
        if (riskOrderId == 0) {
            riskOrderId = orderId;
        }
        if (code != null && code != RejectCode.NONE) {
            if (code.name().startsWith("RISK_")) {
                if (riskReject == null) {
                    riskReject = code;
                    riskText = text == null ? null : text.toString();
                }
            } else {
                otherReject = true;
            }
        }
    }

    @Override
    public List<AuditDocument> documents() {
        return out;
    }

    @Override
    public void clear() {
        out.clear();
    }

    @Override
    public void onExecutionReport(final ExecutionReport r) {
        if (r.execType() == ExecType.NEW || r.execType() == ExecType.REJECTED || r.execType() == ExecType.REPLACED) {
            decided(r.orderId(), r.execType() == ExecType.REJECTED ? r.rejectCode() : null, r.text(),
                r.transactTime());
        }
        final Map<String, Object> doc = event("EXECUTION_REPORT", r.transactTime());
        put(doc, "execId", Long.toString(r.execId()));
        putId(doc, "orderId", r.orderId());
        put(doc, "sessionId", r.sessionId());
        put(doc, "clOrdId", r.clOrdId());
        put(doc, "origClOrdId", r.origClOrdId());
        put(doc, "requestId", r.requestId());
        put(doc, "account", r.account());
        put(doc, "symbol", r.symbol());
        put(doc, "side", r.side());
        put(doc, "ordType", r.ordType());
        put(doc, "tif", r.tif());
        put(doc, "execType", r.execType());
        put(doc, "ordStatus", r.ordStatus());
        price(doc, "price", r.price());
        price(doc, "stopPx", r.stopPx());
        doc.put("orderQty", r.orderQty());
        doc.put("cumQty", r.cumQty());
        doc.put("leavesQty", r.leavesQty());
        price(doc, "cumNotional", r.cumNotional());
        if (r.cumQty() > 0) {
            doc.put("avgPx", r.avgPx().toPlainString());
        }
        price(doc, "lastPx", r.lastPx());
        if (r.lastQty() != 0) {
            doc.put("lastQty", r.lastQty());
            if (r.lastPx() != Prices.NONE) {
                doc.put("lastNotional", notional(r.lastQty(), r.lastPx()));
            }
        }
        putId(doc, "tradeId", r.tradeId());
        putId(doc, "contraOrderId", r.contraOrderId());
        if (r.tradeId() != 0) {
            doc.put("aggressor", r.aggressor());
        }
        reject(doc, r.rejectCode());
        put(doc, "text", r.text());
        emit(doc, r.transactTime());
    }

    @Override
    public void onCancelReject(final CancelReject r) {
        if (r.replace()) {
            decided(r.orderId(), r.rejectCode(), r.text(), r.transactTime());
        }
        final Map<String, Object> doc = event("CANCEL_REJECT", r.transactTime());
        putId(doc, "orderId", r.orderId());
        put(doc, "sessionId", r.sessionId());
        put(doc, "clOrdId", r.clOrdId());
        put(doc, "origClOrdId", r.origClOrdId());
        put(doc, "ordStatus", r.ordStatus());
        doc.put("cxlRejResponseTo", r.replace() ? "REPLACE" : "CANCEL");
        reject(doc, r.rejectCode());
        put(doc, "text", r.text());
        emit(doc, r.transactTime());
    }

    @Override
    public void onTrade(final CharSequence symbol, final long tradeId, final long price, final long qty,
                        final Side aggressorSide, final long takerOrderId, final long makerOrderId,
                        final long transactTime) {
        final Map<String, Object> doc = event("TRADE", transactTime);
        put(doc, "symbol", symbol);
        putId(doc, "tradeId", tradeId);
        price(doc, "lastPx", price);
        doc.put("lastQty", qty);
        put(doc, "side", aggressorSide);
        putId(doc, "orderId", takerOrderId);
        putId(doc, "contraOrderId", makerOrderId);
        emit(doc, transactTime);
    }

    @Override
    public void onPosition(final CharSequence account, final CharSequence symbol, final long netQty,
                           final long costBasis, final long realizedPnl, final long boughtQty, final long soldQty,
                           final long transactTime) {
        final Map<String, Object> doc = event("POSITION", transactTime);
        put(doc, "account", account);
        put(doc, "symbol", symbol);
        doc.put("netQty", netQty);
        price(doc, "costBasis", costBasis);
        price(doc, "realizedPnl", realizedPnl);
        doc.put("boughtQty", boughtQty);
        doc.put("soldQty", soldQty);
        emit(doc, transactTime);
    }

    @Override
    public void onMassActionReport(final long commandSequence, final CharSequence sessionId,
                                   final CharSequence requestId, final MassActionKind kind, final MassScope scope,
                                   final CharSequence scopeValue, final int affectedOrders,
                                   final RejectCode rejectCode, final long transactTime) {
        final Map<String, Object> doc = event("MASS_ACTION", transactTime);
        put(doc, "sessionId", sessionId);
        put(doc, "requestId", requestId);
        put(doc, "massKind", kind);
        put(doc, "massScope", scope);
        put(doc, "scopeValue", scopeValue);
        doc.put("affectedOrders", affectedOrders);
        reject(doc, rejectCode);
        emit(doc, transactTime);
    }

    @Override
    public void onInstrumentStatus(final CharSequence symbol, final InstrumentStatus status, final long transactTime) {
        final Map<String, Object> doc = event("INSTRUMENT_STATUS", transactTime);
        put(doc, "symbol", symbol);
        put(doc, "instrumentStatus", status);
        emit(doc, transactTime);
    }

    @Override
    public void onAdminReject(final long commandSequence, final RejectCode rejectCode, final long transactTime) {
        final Map<String, Object> doc = event("ADMIN_REJECT", transactTime);
        reject(doc, rejectCode);
        emit(doc, transactTime);
    }

    @Override
    public void onRiskWarning(final long commandSequence, final long orderId, final CharSequence sessionId,
                              final CharSequence clOrdId, final RejectCode code, final CharSequence text,
                              final long transactTime) {
        if (riskWarning == null) {
            riskWarning = code;
        }
        final Map<String, Object> doc = event("RISK_WARNING", transactTime);
        putId(doc, "orderId", orderId);
        put(doc, "sessionId", sessionId);
        put(doc, "clOrdId", clOrdId);
        reject(doc, code);
        put(doc, "text", text);
        emit(doc, transactTime);
    }

    @Override
    public void onDepthLevel(final CharSequence symbol, final Side side, final long price, final long totalQty,
                             final int orderCount, final long transactTime) {
        eventIndex++;
    }

    @Override
    public void onTopOfBook(final CharSequence symbol, final long bidPx, final long bidQty, final long askPx,
                            final long askQty, final long transactTime) {
        // The engine's own quotes, for the execution-quality report (Rule 605): what the book showed when an
        // order arrived is the last TOP_OF_BOOK document of its symbol before the order's receipt.
        final Map<String, Object> doc = event("TOP_OF_BOOK", transactTime);
        put(doc, "symbol", symbol);
        price(doc, "quoteBidPx", bidPx);
        doc.put("quoteBidQty", bidQty);
        price(doc, "quoteAskPx", askPx);
        doc.put("quoteAskQty", askQty);
        emit(doc, transactTime);
    }

    @Override
    public void onDailyStats(final CharSequence symbol, final long open, final long high, final long low,
                             final long last, final long volume, final long tradeCount, final long transactTime) {
        eventIndex++;
    }

    private Map<String, Object> event(final String type, final long transactTime) {
        final Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("event", type);
        doc.put("transactTime", time(transactTime));
        doc.put("journalTopic", topic);
        doc.put("journalPartition", partition);
        doc.put("journalOffset", offset);
        doc.put("eventIndex", eventIndex);
        doc.put(AuditDocument.FORMAT_FIELD, AuditDocument.FORMAT);
        doc.put("sequence", record.sequence());
        doc.put("command", command);
        return doc;
    }

    private void emit(final Map<String, Object> doc, final long transactTime) {
        final byte[] json = chain.link(doc);
        out.add(new AuditDocument(indices.dailyIndex(transactTime),
            topic + "-" + partition + "-" + offset + "-" + eventIndex, doc, json));
        eventIndex++;
    }

    /** The command as a nested object: what was asked, next to what the engine decided. */
    private static Map<String, Object> command(final Command c) {
        final Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("timestamp", time(c.timestamp()));
        switch (c) {
            case NewOrder o -> {
                doc.put("type", "NEW_ORDER");
                order(doc, o.sessionId(), o.clOrdId(), null, 0, o.symbol(), o.side(), o.qty(), o.price(), o.stopPx());
                put(doc, "account", o.account());
                put(doc, "ordType", o.ordType());
                put(doc, "tif", o.tif());
                if (o.minQty() != 0) {
                    doc.put("minQty", o.minQty());
                }
                if (o.expireTime() != NewOrder.NO_EXPIRY) {
                    doc.put("expireTime", time(o.expireTime()));
                }
                put(doc, "locateId", o.locateId());
            }
            case ReplaceOrder o -> {
                doc.put("type", "REPLACE_ORDER");
                order(doc, o.sessionId(), o.clOrdId(), o.origClOrdId(), o.orderId(), o.symbol(), o.side(), o.qty(),
                    o.price(), o.stopPx());
                put(doc, "locateId", o.locateId());
            }
            case CancelOrder o -> {
                doc.put("type", "CANCEL_ORDER");
                order(doc, o.sessionId(), o.clOrdId(), o.origClOrdId(), o.orderId(), null, null, 0, Prices.NONE,
                    Prices.NONE);
            }
            case OrderStatusRequest o -> {
                doc.put("type", "ORDER_STATUS_REQUEST");
                order(doc, o.sessionId(), o.clOrdId(), null, o.orderId(), null, null, 0, Prices.NONE, Prices.NONE);
                put(doc, "requestId", o.requestId());
            }
            case MassCancel o -> mass(doc, "MASS_CANCEL", o.sessionId(), o.requestId(), o.scope(), o.scopeValue());
            case MassStatus o -> mass(doc, "MASS_STATUS", o.sessionId(), o.requestId(), o.scope(), o.scopeValue());
            case HaltSymbol o -> {
                doc.put("type", "HALT_SYMBOL");
                put(doc, "symbol", o.symbol());
            }
            case ResumeSymbol o -> {
                doc.put("type", "RESUME_SYMBOL");
                put(doc, "symbol", o.symbol());
            }
            case ExpireDayOrders o -> doc.put("type", "EXPIRE_DAY_ORDERS");
            case ExpireGtdOrders o -> {
                doc.put("type", "EXPIRE_GTD_ORDERS");
                doc.put("asOf", time(o.asOf()));
            }
            case RiskUpdate o -> {
                doc.put("type", "RISK_UPDATE");
                doc.put("body", Base64.getEncoder().encodeToString(o.body()));
            }
        }
        return doc;
    }

    private static void order(final Map<String, Object> doc, final String sessionId, final String clOrdId,
                              final String origClOrdId, final long orderId, final String symbol, final Side side,
                              final long qty, final long price, final long stopPx) {
        put(doc, "sessionId", sessionId);
        put(doc, "clOrdId", clOrdId);
        put(doc, "origClOrdId", origClOrdId);
        putId(doc, "orderId", orderId);
        put(doc, "symbol", symbol);
        put(doc, "side", side);
        if (qty != 0) {
            doc.put("qty", qty);
        }
        price(doc, "price", price);
        price(doc, "stopPx", stopPx);
    }

    private static void mass(final Map<String, Object> doc, final String type, final String sessionId,
                             final String requestId, final MassScope scope, final String scopeValue) {
        doc.put("type", type);
        put(doc, "sessionId", sessionId);
        put(doc, "requestId", requestId);
        put(doc, "massScope", scope);
        put(doc, "scopeValue", scopeValue);
    }

    private static void put(final Map<String, Object> doc, final String field, final Object value) {
        if (value != null) {
            doc.put(field, value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }

    /** Engine ids (OrderID, ExecID, TradeID) are identifiers, not quantities: keywords, absent when 0. */
    private static void putId(final Map<String, Object> doc, final String field, final long id) {
        if (id != 0) {
            doc.put(field, Long.toString(id));
        }
    }

    /** Prices and notionals stay the engine's scaled long (1e-4 USD), exact; absent when {@link Prices#NONE}. */
    private static void price(final Map<String, Object> doc, final String field, final long scaled) {
        if (scaled != Prices.NONE) {
            doc.put(field, scaled);
        }
    }

    /** Quantity times a 1e-4 USD price, in 1e-4 USD; saturates at Long.MAX_VALUE (never reached by real orders). */
    private static long notional(final long qty, final long price) {
        try {
            return Math.multiplyExact(qty, price);
        } catch (final ArithmeticException ex) {
            return Long.MAX_VALUE;
        }
    }

    private static void reject(final Map<String, Object> doc, final RejectCode code) {
        if (code != null && code != RejectCode.NONE) {
            doc.put("rejectCode", code.name());
        }
    }

    private static String time(final long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
            Math.floorMod(epochNanos, 1_000_000_000L)).toString();
    }
}
