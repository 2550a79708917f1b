package io.portcullis.fix.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.portcullis.fix.session.SessionProfile;
import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.MassCancel;
import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.command.MassStatus;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.OrderStatusRequest;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.PriceConversion;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.runner.CommandCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;

/**
 * Turns order-entry messages (D, F, G, H, q, AF) into engine commands, or answers them at once when they cannot
 * become one. Called on QuickFIX/J session threads; never blocks; thread-safe (shared state is concurrent).
 *
 * <p>Gateway answers (sent at once on the session thread, not journaled): unsupported Side/OrdType/TimeInForce,
 * fractional or non-positive-integer quantities, prices not representable in 1e-4 USD, no account, a ClOrdID
 * already used this trading day, an unsupported mass-action scope, and "engine busy". Everything else the engine
 * decides.
 */
final class InboundOrders {
    private static final Logger LOG = LoggerFactory.getLogger(InboundOrders.class);
    /** US equities trade on New York time: a trading day is a New York calendar day. */
    static final ZoneId TRADING_ZONE = ZoneId.of("America/New_York");

    private static final int ACCOUNT = 1;
    private static final int CL_ORD_ID = 11;
    private static final int MSG_SEQ_NUM = 34;
    private static final int ORDER_ID = 37;
    private static final int ORDER_QTY = 38;
    private static final int ORD_TYPE = 40;
    private static final int ORIG_CL_ORD_ID = 41;
    private static final int PRICE = 44;
    private static final int SIDE = 54;
    private static final int SYMBOL = 55;
    private static final int TIME_IN_FORCE = 59;
    private static final int POSS_RESEND = 97;
    private static final int POSS_DUP = 43;
    private static final int STOP_PX = 99;
    private static final int MIN_QTY = 110;
    private static final int EXPIRE_TIME = 126;
    private static final int EXPIRE_DATE = 432;
    private static final int MASS_CANCEL_REQUEST_TYPE = 530;
    private static final int MASS_STATUS_REQ_ID = 584;
    private static final int MASS_STATUS_REQ_TYPE = 585;
    private static final int ORD_STATUS_REQ_ID = 790;

    static final String BUSY = "Engine busy: not accepted, send again";

    private final EnginePort engine;
    private final Outbound outbound;
    private final FixSender sender;
    private final InstantSource clock;
    private final Function<String, String> accountFirm;
    private final ClOrdIdRegistry clOrdIds = new ClOrdIdRegistry();
    private final AtomicLong gatewayExecIds = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final CommandCallback callback = new CommandCallback() {
        @Override
        public void onDurable(final long sequence, final long offset, final byte[] record) {
            // reports leave through the Outbound, which sees every durable record
        }

        @Override
        public void onLost(final long sequence, final String reason) {
            lost.incrementAndGet();
            LOG.error("command {} lost before it was durable: {}; its outcome is decided by recovery", sequence,
                reason);
        }
    };

    InboundOrders(final EnginePort engine, final Outbound outbound, final FixSender sender, final InstantSource clock,
                  final Function<String, String> accountFirm) {
        this.engine = engine;
        this.outbound = outbound;
        this.sender = sender;
        this.clock = clock;
        this.accountFirm = accountFirm;
    }

    /** NewOrderSingle(D). */
    void newOrder(final Message m, final SessionID sessionId, final SessionProfile profile) throws FieldNotFound {
        final FixVersion version = FixVersion.of(sessionId);
        final String session = profile.sessionId();
        final long now = now();
        final LocalDate day = tradingDay(now);
        final String clOrdId = m.getString(CL_ORD_ID);
        final String symbol = optString(m, SYMBOL);
        final char sideChar = m.getChar(SIDE);
        final char typeChar = m.isSetField(ORD_TYPE) ? m.getChar(ORD_TYPE) : 0;
        final BigDecimal qtyText = optDecimal(m, ORDER_QTY);
        final String account = m.isSetField(ACCOUNT) ? m.getString(ACCOUNT) : profile.defaultAccount();
        final Reject reject = (code, text) -> sender.send(ReportWriter.gatewayReject(version, nextGatewayExecId(now),
            clOrdId, account, symbol, sideChar, typeChar, qtyText, code, text, now), sessionId);
        if (!clOrdIds.firstSighting(session, day, clOrdId)) {
            if (isRepeat(m)) {
                outbound.answerPossResend(sessionId, session, clOrdId);
            } else {
                reject.send(RejectCode.DUPLICATE_CLORDID.ordRejReason(),
                    "Duplicate ClOrdID " + clOrdId + ": already used on this session today");
            }
            return;
        }
        if (account == null) {
            reject.send(RejectCode.UNKNOWN_ACCOUNT.ordRejReason(), "No Account(1) and the session has no default");
            return;
        }
        final Side side = Side.fromFix(sideChar);
        if (side == null) {
            reject.send(11, "Unsupported Side(54) '" + sideChar + "': only 1 (buy) and 2 (sell)");
            return;
        }
        final OrdType type = OrdType.fromFix(typeChar);
        if (type == null) {
            reject.send(11, "Unsupported OrdType(40) '" + typeChar + "': only 1, 2, 3, 4");
            return;
        }
        final char tifChar = m.isSetField(TIME_IN_FORCE) ? m.getChar(TIME_IN_FORCE) : TimeInForce.DAY.fixValue();
        final TimeInForce tif = TimeInForce.fromFix(tifChar);
        if (tif == null) {
            reject.send(11, "Unsupported TimeInForce(59) '" + tifChar + "': only 0, 1, 3, 4, 6");
            return;
        }
        final Parsed parsed = parseAmounts(m, true);
        if (parsed.error() != null) {
            reject.send(parsed.ordRejReason(), parsed.error());
            return;
        }
        final long expire = expireTime(m);
        outbound.rememberTags(session, clOrdId, OrderTags.from(m));
        final Command command = new NewOrder(0, now, session, clOrdId, account, symbol, side, type, tif, parsed.qty(),
            parsed.price(), parsed.stopPx(), parsed.minQty(), expire, optString(m, OrderTags.LOCATE_ID));
        if (!engine.submit(command, callback)) {
            clOrdIds.forget(session, day, clOrdId);
            reject.send(99, BUSY);
        }
    }

    /** OrderCancelRequest(F). */
    void cancel(final Message m, final SessionID sessionId, final SessionProfile profile) throws FieldNotFound {
        final String session = profile.sessionId();
        final long now = now();
        final String clOrdId = m.getString(CL_ORD_ID);
        final String orig = optString(m, ORIG_CL_ORD_ID);
        final String orderIdText = optString(m, ORDER_ID);
        if (!checkCancelClOrdId(m, sessionId, session, now, clOrdId, orig, orderIdText, false)) {
            return;
        }
        if (!engine.submit(new CancelOrder(0, now, session, clOrdId, orig, orderId(orderIdText)), callback)) {
            clOrdIds.forget(session, tradingDay(now), clOrdId);
            cancelReject(sessionId, orderIdText, clOrdId, orig, false, 2, BUSY, now);
        }
    }

    /** OrderCancelReplaceRequest(G). */
    void replace(final Message m, final SessionID sessionId, final SessionProfile profile) throws FieldNotFound {
        final String session = profile.sessionId();
        final long now = now();
        final String clOrdId = m.getString(CL_ORD_ID);
        final String orig = optString(m, ORIG_CL_ORD_ID);
        final String orderIdText = optString(m, ORDER_ID);
        if (!checkCancelClOrdId(m, sessionId, session, now, clOrdId, orig, orderIdText, true)) {
            return;
        }
        final char sideChar = m.getChar(SIDE);
        final Side side = Side.fromFix(sideChar);
        if (side == null) {
            cancelReject(sessionId, orderIdText, clOrdId, orig, true, 99, "Unsupported Side(54) '" + sideChar + "'",
                now);
            return;
        }
        final Parsed parsed = parseAmounts(m, false);
        if (parsed.error() != null) {
            cancelReject(sessionId, orderIdText, clOrdId, orig, true, 99, parsed.error(), now);
            return;
        }
        final OrderTags tags = OrderTags.from(m);
        outbound.rememberTags(session, clOrdId, tags != null ? tags : outbound.tagsOf(session, orig));
        final Command command = new ReplaceOrder(0, now, session, clOrdId, orig, orderId(orderIdText),
            optString(m, SYMBOL), side, parsed.qty(), parsed.price(), parsed.stopPx(),
            optString(m, OrderTags.LOCATE_ID));
        if (!engine.submit(command, callback)) {
            clOrdIds.forget(session, tradingDay(now), clOrdId);
            cancelReject(sessionId, orderIdText, clOrdId, orig, true, 2, BUSY, now);
        }
    }

    /** OrderStatusRequest(H). */
    void status(final Message m, final SessionID sessionId, final SessionProfile profile) throws FieldNotFound {
        final String session = profile.sessionId();
        final String clOrdId = optString(m, CL_ORD_ID);
        final String requestId = optString(m, ORD_STATUS_REQ_ID);
        final char side = m.isSetField(SIDE) ? m.getChar(SIDE) : 0;
        outbound.rememberStatusRequest(session, clOrdId, optString(m, SYMBOL), side);
        final Command command = new OrderStatusRequest(0, now(), session, requestId, clOrdId,
            orderId(optString(m, ORDER_ID)));
        if (!engine.submit(command, callback)) {
            busy(m, sessionId);
        }
    }

    /** OrderMassCancelRequest(q): only MassCancelRequestType 7 (all of the session's, or of one entitled account). */
    void massCancel(final Message m, final SessionID sessionId, final SessionProfile profile) throws FieldNotFound {
        final FixVersion version = FixVersion.of(sessionId);
        final long now = now();
        final String clOrdId = m.getString(CL_ORD_ID);
        final char type = m.getChar(MASS_CANCEL_REQUEST_TYPE);
        final String symbol = optString(m, SYMBOL);
        final String reportId = "G" + nextGatewayExecId(now);
        if (type != '7') {
            sender.send(ReportWriter.massCancelReport(version, reportId, clOrdId, MassScope.SESSION, symbol, 0,
                RejectCode.INVALID_MASS_SCOPE, "Only MassCancelRequestType(530)=7 (all orders of this session or "
                    + "of one Account(1)) is supported", now, false), sessionId);
            return;
        }
        final String account = optString(m, ACCOUNT);
        if (account != null && !profile.firmId().equals(accountFirm.apply(account))) {
            sender.send(ReportWriter.massCancelReport(version, reportId, clOrdId, MassScope.ACCOUNT, symbol, 0,
                RejectCode.INVALID_MASS_SCOPE, "Account " + account + " is not of firm " + profile.firmId(), now,
                false), sessionId);
            return;
        }
        final Command command = account == null
            ? new MassCancel(0, now, profile.sessionId(), clOrdId, MassScope.SESSION, profile.sessionId())
            : new MassCancel(0, now, profile.sessionId(), clOrdId, MassScope.ACCOUNT, account);
        if (!engine.submit(command, callback)) {
            sender.send(ReportWriter.massCancelReport(version, reportId, clOrdId, MassScope.SESSION, symbol, 0,
                RejectCode.INTERNAL_ERROR, BUSY, now, false), sessionId);
        }
    }

    /** OrderMassStatusRequest(AF): only MassStatusReqType 7 (all of the session's, or of one entitled account). */
    void massStatus(final Message m, final SessionID sessionId, final SessionProfile profile) throws FieldNotFound {
        final FixVersion version = FixVersion.of(sessionId);
        final String requestId = m.getString(MASS_STATUS_REQ_ID);
        final int type = m.getInt(MASS_STATUS_REQ_TYPE);
        final String account = optString(m, ACCOUNT);
        if (type != 7 || account != null && !profile.firmId().equals(accountFirm.apply(account))) {
            sender.send(ReportWriter.businessReject(version, "AF", seqNum(m), 0, type != 7
                ? "Only MassStatusReqType(585)=7 is supported" : "Account " + account + " is not of firm "
                + profile.firmId()), sessionId);
            return;
        }
        final Command command = account == null
            ? new MassStatus(0, now(), profile.sessionId(), requestId, MassScope.SESSION, profile.sessionId())
            : new MassStatus(0, now(), profile.sessionId(), requestId, MassScope.ACCOUNT, account);
        if (!engine.submit(command, callback)) {
            busy(m, sessionId);
        }
    }

    /** Submits a MassCancel of the session's orders (cancel on disconnect); retried by the outbound thread if busy. */
    void cancelOnDisconnect(final SessionProfile profile) {
        final long now = now();
        final Command command = new MassCancel(0, now, profile.sessionId(), "COD-" + now, MassScope.SESSION,
            profile.sessionId());
        if (!engine.submit(command, callback)) {
            outbound.retry(() -> engine.submit(command, callback), "cancel on disconnect of " + profile.sessionId());
        }
    }

    /** Remembers ClOrdIDs used earlier today on a session (restart). */
    void remember(final String session, final java.util.Collection<String> ids) {
        final LocalDate day = tradingDay(now());
        for (final String id : ids) {
            clOrdIds.firstSighting(session, day, id);
        }
    }

    /** Commands whose outcome was lost (the engine stopped before they were durable). */
    long lost() {
        return lost.get();
    }

    private boolean checkCancelClOrdId(final Message m, final SessionID sessionId, final String session,
                                       final long now, final String clOrdId, final String orig,
                                       final String orderIdText, final boolean replace) {
        if (clOrdIds.firstSighting(session, tradingDay(now), clOrdId)) {
            return true;
        }
        if (isRepeat(m)) {
            LOG.info("{}: PossResend/PossDup copy of {} ClOrdID {} ignored: the original was received", session,
                replace ? "replace" : "cancel", clOrdId);
        } else {
            cancelReject(sessionId, orderIdText, clOrdId, orig, replace,
                RejectCode.DUPLICATE_CLORDID.cxlRejReason(), "Duplicate ClOrdID " + clOrdId
                    + ": already used on this session today", now);
        }
        return false;
    }

    private void cancelReject(final SessionID sessionId, final String orderIdText, final String clOrdId,
                              final String orig, final boolean replace, final int reason, final String text,
                              final long now) {
        sender.send(ReportWriter.cancelReject(FixVersion.of(sessionId), orderIdText == null ? ReportWriter.NO_ORDER_ID
            : orderIdText, clOrdId, orig, OrdStatus.REJECTED, replace, reason, text, now, false), sessionId);
    }

    private void busy(final Message m, final SessionID sessionId) throws FieldNotFound {
        sender.send(ReportWriter.businessReject(FixVersion.of(sessionId),
            m.getHeader().getString(quickfix.field.MsgType.FIELD), seqNum(m), 4, BUSY), sessionId);
    }

    /** Quantities and prices of a D or G, converted exactly, or the first reason they cannot be. */
    private record Parsed(long qty, long price, long stopPx, long minQty, String error, int ordRejReason) {
        static Parsed error(final int reason, final String text) {
            return new Parsed(0, Prices.NONE, Prices.NONE, 0, text, reason);
        }
    }

    private static Parsed parseAmounts(final Message m, final boolean withMinQty) throws FieldNotFound {
        final BigDecimal qtyText = optDecimal(m, ORDER_QTY);
        if (qtyText == null) {
            return Parsed.error(13, "OrderQty(38) is required");
        }
        final long qty = wholeShares(qtyText);
        if (qty < 0) {
            return Parsed.error(13, "OrderQty(38) " + qtyText.toPlainString() + " is not a whole number of shares");
        }
        final long minQty;
        if (withMinQty && m.isSetField(MIN_QTY)) {
            minQty = wholeShares(m.getDecimal(MIN_QTY));
            if (minQty < 0) {
                return Parsed.error(13, "MinQty(110) " + m.getString(MIN_QTY) + " is not a whole number of shares");
            }
        } else {
            minQty = 0;
        }
        final long price = price(m, PRICE);
        if (price == Long.MAX_VALUE) {
            return Parsed.error(99, "Price(44) " + m.getString(PRICE) + " is not representable in 1e-4 USD");
        }
        final long stopPx = price(m, STOP_PX);
        if (stopPx == Long.MAX_VALUE) {
            return Parsed.error(99, "StopPx(99) " + m.getString(STOP_PX) + " is not representable in 1e-4 USD");
        }
        return new Parsed(qty, price, stopPx, minQty, null, 0);
    }

    /** @return shares, or -1 when not a non-negative whole number that fits a long */
    static long wholeShares(final BigDecimal qty) {
        try {
            final long shares = qty.stripTrailingZeros().longValueExact();
            return shares < 0 ? -1 : shares;
        } catch (final ArithmeticException notWhole) {
            return -1;
        }
    }

    /** @return the price in 1e-4 USD, {@link Prices#NONE} when absent, {@link Long#MAX_VALUE} when not exact */
    private static long price(final Message m, final int tag) throws FieldNotFound {
        if (!m.isSetField(tag)) {
            return Prices.NONE;
        }
        final PriceConversion converted = Prices.fromBigDecimal(m.getDecimal(tag));
        return converted.isOk() ? converted.price() : Long.MAX_VALUE;
    }

    /**
     * ExpireTime(126), else ExpireDate(432) read as the end of that New York day (the start of the next), else none.
     */
    private static long expireTime(final Message m) throws FieldNotFound {
        if (m.isSetField(EXPIRE_TIME)) {
            final Instant at = m.getUtcTimeStamp(EXPIRE_TIME).toInstant(java.time.ZoneOffset.UTC);
            return at.getEpochSecond() * 1_000_000_000L + at.getNano();
        }
        if (m.isSetField(EXPIRE_DATE)) {
            final LocalDate date = LocalDate.parse(m.getString(EXPIRE_DATE),
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            final Instant at = ZonedDateTime.of(date.plusDays(1).atStartOfDay(), TRADING_ZONE).toInstant();
            return at.getEpochSecond() * 1_000_000_000L;
        }
        return NewOrder.NO_EXPIRY;
    }

    private static long orderId(final String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (final NumberFormatException notOurs) {
            return 0;
        }
    }

    /**
     * A copy of a message the counterparty may have sent before: PossResend(97)=Y, or PossDupFlag(43)=Y (a message
     * re-sent at our ResendRequest that this gateway may already have processed, e.g. when a crash lost the last
     * incoming sequence numbers of the write-behind message store). A known ClOrdID on such a copy is answered with
     * the order's state, not rejected as a duplicate.
     */
    static boolean isRepeat(final Message m) {
        return isPossResend(m) || flag(m, POSS_DUP);
    }

    private static boolean flag(final Message m, final int tag) {
        try {
            return m.getHeader().isSetField(tag) && m.getHeader().getBoolean(tag);
        } catch (final FieldNotFound notThere) {
            return false;
        }
    }

    static boolean isPossResend(final Message m) {
        try {
            return m.getHeader().isSetField(POSS_RESEND) && m.getHeader().getBoolean(POSS_RESEND);
        } catch (final FieldNotFound notThere) {
            return false;
        }
    }

    static int seqNum(final Message m) {
        try {
            return m.getHeader().getInt(MSG_SEQ_NUM);
        } catch (final FieldNotFound notThere) {
            return 0;
        }
    }

    private static String optString(final Message m, final int tag) throws FieldNotFound {
        return m.isSetField(tag) ? m.getString(tag) : null;
    }

    private static BigDecimal optDecimal(final Message m, final int tag) throws FieldNotFound {
        return m.isSetField(tag) ? m.getDecimal(tag) : null;
    }

    long now() {
        final Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static LocalDate tradingDay(final long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos).atZone(TRADING_ZONE).toLocalDate();
    }

    private String nextGatewayExecId(final long now) {
        return "G" + now + "-" + gatewayExecIds.incrementAndGet();
    }

    @FunctionalInterface
    private interface Reject {
        void send(int ordRejReason, String text);
    }
}
