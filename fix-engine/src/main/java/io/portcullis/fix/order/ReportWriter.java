package io.portcullis.fix.order;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.portcullis.fix.messages.PortcullisMessageFactory;
import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.event.CancelReject;
import io.portcullis.oms.event.ExecutionReport;
import quickfix.FieldMap;
import quickfix.Message;
import quickfix.UtcTimestampPrecision;

/**
 * Builds the order layer's outgoing FIX messages for each version: ExecutionReport(8), OrderCancelReject(9),
 * OrderMassCancelReport(r), BusinessMessageReject(j). Stateless and thread-safe; every call allocates the message.
 *
 * <p>Version differences handled here: FIX 4.2 has ExecTransType(20) (0 = new, 3 = status), reports fills as
 * ExecType 1/2 and a status answer as ExecTransType 3 with ExecType = the order's status, and knows fewer
 * OrdRejReason/CxlRejReason/BusinessRejectReason values; FIX 4.4 and 5.0SP2 use ExecType F and I. The engine's
 * ExecType TRIGGERED (L) exists only from FIX 5.0: it is sent to FIX 5.0SP2 sessions and suppressed for 4.2/4.4 (the
 * order's status does not change when a stop triggers; the fills that follow report everything a client needs).
 */
final class ReportWriter {
    static final String NO_ORDER_ID = "NONE";
    static final String UNKNOWN_SYMBOL = "[N/A]";

    private static final int ACCOUNT = 1;
    private static final int AVG_PX = 6;
    private static final int CL_ORD_ID = 11;
    private static final int CUM_QTY = 14;
    private static final int EXEC_ID = 17;
    private static final int EXEC_TRANS_TYPE = 20;
    private static final int LAST_PX = 31;
    private static final int LAST_QTY = 32;
    private static final int ORDER_ID = 37;
    private static final int ORDER_QTY = 38;
    private static final int ORD_STATUS = 39;
    private static final int ORD_TYPE = 40;
    private static final int ORIG_CL_ORD_ID = 41;
    private static final int PRICE = 44;
    private static final int REF_SEQ_NUM = 45;
    private static final int SIDE = 54;
    private static final int SYMBOL = 55;
    private static final int TEXT = 58;
    private static final int TIME_IN_FORCE = 59;
    private static final int TRANSACT_TIME = 60;
    private static final int POSS_RESEND = 97;
    private static final int STOP_PX = 99;
    private static final int CXL_REJ_REASON = 102;
    private static final int ORD_REJ_REASON = 103;
    private static final int EXEC_TYPE = 150;
    private static final int LEAVES_QTY = 151;
    private static final int REF_MSG_TYPE = 372;
    private static final int BUSINESS_REJECT_REASON = 380;
    private static final int CXL_REJ_RESPONSE_TO = 434;
    private static final int MASS_CANCEL_REQUEST_TYPE = 530;
    private static final int MASS_CANCEL_RESPONSE = 531;
    private static final int MASS_CANCEL_REJECT_REASON = 532;
    private static final int TOTAL_AFFECTED_ORDERS = 533;
    private static final int MASS_STATUS_REQ_ID = 584;
    private static final int ORD_STATUS_REQ_ID = 790;
    private static final int COPY_MSG_INDICATOR = 797;
    private static final int TRD_MATCH_ID = 880;
    private static final int TOT_NUM_REPORTS = 911;
    private static final int LAST_RPT_REQUESTED = 912;
    private static final int MASS_ACTION_REPORT_ID = 1369;

    private static final PortcullisMessageFactory MESSAGES = new PortcullisMessageFactory();

    private ReportWriter() {
    }

    /**
     * What the gateway adds to an engine execution report. Immutable.
     *
     * @param execId        ExecID(17) to use instead of the engine's (gateway status answers), or null
     * @param asStatus      report it as an answer to a status request (ExecType I / 4.2 ExecTransType 3)
     * @param massStatus    the request id is a MassStatusReqID(584), not an OrdStatusReqID(790)
     * @param tags          the order's custom fields, or null
     * @param possResend    set PossResend(97)=Y (re-sent from the journal)
     * @param fallbackSide  Side(54) when the report has none (status of an unknown order), 0 = none
     * @param fallbackSymbol Symbol(55) when the report has none, or null
     * @param totNumReports TotNumReports(911) of a mass status answer, 0 = not set
     * @param lastRpt       LastRptRequested(912)=Y: the last report of a mass status answer
     * @param copy          a drop copy (CopyMsgIndicator(797)=Y from FIX 4.4)
     */
    record Extras(String execId, boolean asStatus, boolean massStatus, OrderTags tags, boolean possResend,
                  char fallbackSide, String fallbackSymbol, int totNumReports, boolean lastRpt, boolean copy) {
        static final Extras NONE = new Extras(null, false, false, null, false, (char) 0, null, 0, false, false);

        Extras withTags(final OrderTags newTags) {
            return new Extras(execId, asStatus, massStatus, newTags, possResend, fallbackSide, fallbackSymbol,
                totNumReports, lastRpt, copy);
        }
    }

    /**
     * @return the ExecutionReport, or null when this version does not get this report (TRIGGERED below FIX 5.0)
     */
    static Message executionReport(final FixVersion version, final ExecutionReport r, final Extras x) {
        final boolean status = x.asStatus() || r.execType() == ExecType.ORDER_STATUS;
        if (r.execType() == ExecType.TRIGGERED && version != FixVersion.FIX50SP2 && !status) {
            return null;
        }
        final Message m = create(version, "8");
        m.setString(ORDER_ID, r.orderId() == 0 ? NO_ORDER_ID : Long.toString(r.orderId()));
        m.setString(EXEC_ID, x.execId() != null ? x.execId() : Long.toString(r.execId()));
        putString(m, CL_ORD_ID, r.clOrdId());
        putString(m, ORIG_CL_ORD_ID, status ? null : r.origClOrdId());
        putString(m, ACCOUNT, r.account());
        m.setChar(EXEC_TYPE, execType(version, r, status));
        m.setChar(ORD_STATUS, r.ordStatus().fixValue());
        if (version == FixVersion.FIX42) {
            m.setChar(EXEC_TRANS_TYPE, status ? '3' : '0');
        } else if (r.requestId() != null && status) {
            m.setString(x.massStatus() ? MASS_STATUS_REQ_ID : ORD_STATUS_REQ_ID, r.requestId().toString());
        }
        m.setString(SYMBOL, r.symbol() != null ? r.symbol().toString()
            : x.fallbackSymbol() != null ? x.fallbackSymbol() : UNKNOWN_SYMBOL);
        final char side = r.side() != null ? r.side().fixValue() : x.fallbackSide();
        if (side != 0) {
            m.setChar(SIDE, side);
        }
        if (r.ordType() != null) {
            m.setChar(ORD_TYPE, r.ordType().fixValue());
        }
        if (r.tif() != null) {
            m.setChar(TIME_IN_FORCE, r.tif().fixValue());
        }
        putPrice(m, PRICE, r.price());
        putPrice(m, STOP_PX, r.stopPx());
        if (r.orderQty() > 0) {
            m.setDecimal(ORDER_QTY, BigDecimal.valueOf(r.orderQty()));
        }
        m.setDecimal(CUM_QTY, BigDecimal.valueOf(r.cumQty()));
        m.setDecimal(LEAVES_QTY, BigDecimal.valueOf(r.leavesQty()));
        m.setDecimal(AVG_PX, plain(r.avgPx()));
        if (r.execType() == ExecType.TRADE && !status) {
            m.setDecimal(LAST_QTY, BigDecimal.valueOf(r.lastQty()));
            putPrice(m, LAST_PX, r.lastPx());
            if (version == FixVersion.FIX50SP2 && r.tradeId() != 0) {
                m.setString(TRD_MATCH_ID, Long.toString(r.tradeId()));
            }
        }
        if (r.execType() == ExecType.REJECTED && !status) {
            m.setInt(ORD_REJ_REASON, version.ordRejReason(r.rejectCode().ordRejReason()));
        }
        putString(m, TEXT, r.text());
        putTime(version, m, TRANSACT_TIME, r.transactTime());
        if (x.totNumReports() > 0 && version != FixVersion.FIX42) {
            m.setInt(TOT_NUM_REPORTS, x.totNumReports());
        }
        if (x.lastRpt() && version != FixVersion.FIX42) {
            m.setBoolean(LAST_RPT_REQUESTED, true);
        }
        if (x.copy() && version != FixVersion.FIX42) {
            m.setBoolean(COPY_MSG_INDICATOR, true);
        }
        if (x.tags() != null) {
            x.tags().writeTo(m);
        }
        possResend(m, x.possResend());
        return m;
    }

    private static char execType(final FixVersion version, final ExecutionReport r, final boolean status) {
        if (status) {
            return version == FixVersion.FIX42 ? r.ordStatus().fixValue() : ExecType.ORDER_STATUS.fixValue();
        }
        if (version == FixVersion.FIX42 && r.execType() == ExecType.TRADE) {
            return r.ordStatus() == OrdStatus.FILLED ? '2' : '1';
        }
        return r.execType().fixValue();
    }

    /** OrderCancelReject(9) for an engine cancel reject. */
    static Message cancelReject(final FixVersion version, final CancelReject r, final boolean possResend) {
        return cancelReject(version, r.orderId() == 0 ? NO_ORDER_ID : Long.toString(r.orderId()),
            str(r.clOrdId()), str(r.origClOrdId()), r.ordStatus(), r.replace(), r.rejectCode().cxlRejReason(),
            r.text().toString(), r.transactTime(), possResend);
    }

    /** OrderCancelReject(9); {@code origClOrdId} may be null (FIX 5.0SP2 requests by OrderID). */
    static Message cancelReject(final FixVersion version, final String orderId, final String clOrdId,
                                final String origClOrdId, final OrdStatus ordStatus, final boolean replace,
                                final int cxlRejReason, final String text, final long transactTime,
                                final boolean possResend) {
        final Message m = create(version, "9");
        m.setString(ORDER_ID, orderId);
        m.setString(CL_ORD_ID, clOrdId == null ? "NONE" : clOrdId);
        if (origClOrdId != null || version != FixVersion.FIX50SP2) {
            m.setString(ORIG_CL_ORD_ID, origClOrdId == null ? "NONE" : origClOrdId);
        }
        m.setChar(ORD_STATUS, ordStatus.fixValue());
        m.setChar(CXL_REJ_RESPONSE_TO, replace ? '2' : '1');
        m.setInt(CXL_REJ_REASON, version.cxlRejReason(cxlRejReason));
        putString(m, TEXT, text);
        if (version != FixVersion.FIX42) {
            putTime(version, m, TRANSACT_TIME, transactTime);
        }
        possResend(m, possResend);
        return m;
    }

    /**
     * OrderMassCancelReport(r) for the engine's answer to a mass cancel, or a gateway refusal ({@code code} not
     * NONE). FIX 4.3+ only.
     */
    static Message massCancelReport(final FixVersion version, final String reportId, final String requestId,
                                    final MassScope scope, final String symbol, final int affected,
                                    final RejectCode code, final String text, final long transactTime,
                                    final boolean possResend) {
        final Message m = create(version, "r");
        final char requestType = scope == MassScope.SYMBOL ? '1' : '7';
        m.setString(ORDER_ID, reportId);
        if (version == FixVersion.FIX50SP2) {
            m.setString(MASS_ACTION_REPORT_ID, reportId);
        }
        putString(m, CL_ORD_ID, requestId);
        m.setChar(MASS_CANCEL_REQUEST_TYPE, requestType);
        if (code == RejectCode.NONE) {
            m.setChar(MASS_CANCEL_RESPONSE, requestType);
            m.setInt(TOTAL_AFFECTED_ORDERS, affected);
        } else {
            m.setChar(MASS_CANCEL_RESPONSE, '0');
            m.setInt(MASS_CANCEL_REJECT_REASON, 99);
        }
        putString(m, SYMBOL, symbol);
        putString(m, TEXT, text != null ? text : code == RejectCode.NONE ? null : code.text());
        putTime(version, m, TRANSACT_TIME, transactTime);
        possResend(m, possResend);
        return m;
    }

    /** ExecutionReport(8) rejecting a NewOrderSingle the gateway could not turn into a command. */
    static Message gatewayReject(final FixVersion version, final String execId, final String clOrdId,
                                 final String account, final String symbol, final char side, final char ordType,
                                 final BigDecimal orderQty, final int ordRejReason, final String text,
                                 final long transactTime) {
        final Message m = create(version, "8");
        m.setString(ORDER_ID, NO_ORDER_ID);
        m.setString(EXEC_ID, execId);
        putString(m, CL_ORD_ID, clOrdId);
        putString(m, ACCOUNT, account);
        if (version == FixVersion.FIX42) {
            m.setChar(EXEC_TRANS_TYPE, '0');
        }
        m.setChar(EXEC_TYPE, ExecType.REJECTED.fixValue());
        m.setChar(ORD_STATUS, OrdStatus.REJECTED.fixValue());
        m.setString(SYMBOL, symbol == null ? UNKNOWN_SYMBOL : symbol);
        if (side != 0) {
            m.setChar(SIDE, side);
        }
        if (ordType != 0) {
            m.setChar(ORD_TYPE, ordType);
        }
        if (orderQty != null) {
            m.setDecimal(ORDER_QTY, orderQty);
        }
        m.setDecimal(CUM_QTY, BigDecimal.ZERO);
        m.setDecimal(LEAVES_QTY, BigDecimal.ZERO);
        m.setDecimal(AVG_PX, BigDecimal.ZERO);
        m.setInt(ORD_REJ_REASON, version.ordRejReason(ordRejReason));
        m.setString(TEXT, text);
        putTime(version, m, TRANSACT_TIME, transactTime);
        return m;
    }

    /** BusinessMessageReject(j). */
    static Message businessReject(final FixVersion version, final String refMsgType, final int refSeqNum,
                                  final int reason, final String text) {
        final Message m = create(version, "j");
        m.setString(REF_MSG_TYPE, refMsgType);
        if (refSeqNum > 0) {
            m.setInt(REF_SEQ_NUM, refSeqNum);
        }
        m.setInt(BUSINESS_REJECT_REASON, version.businessRejectReason(reason));
        m.setString(TEXT, text);
        return m;
    }

    static Message create(final FixVersion version, final String msgType) {
        return MESSAGES.create(version.beginString(), msgType);
    }

    static void putTime(final FixVersion version, final FieldMap m, final int tag, final long epochNanos) {
        m.setUtcTimeStamp(tag, toUtc(epochNanos),
            version == FixVersion.FIX42 ? UtcTimestampPrecision.MILLIS : UtcTimestampPrecision.MICROS);
    }

    static LocalDateTime toUtc(final long epochNanos) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
            (int) Math.floorMod(epochNanos, 1_000_000_000L), ZoneOffset.UTC);
    }

    static void putPrice(final FieldMap m, final int tag, final long price) {
        if (price != Prices.NONE) {
            m.setDecimal(tag, decimal(price));
        }
    }

    /** @return the value without trailing zeros, never in exponent form */
    static BigDecimal plain(final BigDecimal value) {
        final BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** @return the price in USD without trailing zeros ({@code 187.25}, {@code 100}) */
    static BigDecimal decimal(final long price) {
        final BigDecimal value = Prices.toBigDecimal(price).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static void putString(final FieldMap m, final int tag, final CharSequence value) {
        if (value != null) {
            m.setString(tag, value.toString());
        }
    }

    private static void possResend(final Message m, final boolean possResend) {
        if (possResend) {
            m.getHeader().setBoolean(POSS_RESEND, true);
        }
    }

    private static String str(final CharSequence value) {
        return value == null ? null : value.toString();
    }
}
