package io.portcullis.oms.journal;

import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.OrdStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.event.CancelReject;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.event.MassActionKind;

/**
 * Replays the events {@link EventEncoder} wrote into any {@link EngineListener}, in the original order.
 * Stateless; allocates the decoded reports and strings (projectors and recovery, not the order path).
 */
public final class EventDecoder {
    private EventDecoder() {
    }

    /**
     * Decodes every event in {@code bytes[offset, offset + length)} into {@code target}.
     *
     * @throws IllegalStateException if the bytes are not a valid event sequence of this format
     */
    public static void decode(final byte[] bytes, final int offset, final int length, final EngineListener target) {
        final WireReader in = new WireReader(bytes, offset, length);
        while (in.hasRemaining()) {
            final byte type = in.getByte();
            switch (type) {
                case EventFormat.EXECUTION_REPORT -> target.onExecutionReport(executionReport(in));
                case EventFormat.CANCEL_REJECT -> target.onCancelReject(new DecodedCancelReject(in.getLong(),
                    in.getLong(), in.getString(), in.getString(), in.getString(), ordStatus(in.getChar()),
                    in.getByte() != 0, RejectCode.fromCode(in.getInt()), in.getString(), in.getLong()));
                case EventFormat.TRADE -> target.onTrade(in.getString(), in.getLong(), in.getLong(), in.getLong(),
                    Side.fromFix(in.getChar()), in.getLong(), in.getLong(), in.getLong());
                case EventFormat.DEPTH_LEVEL -> target.onDepthLevel(in.getString(), Side.fromFix(in.getChar()),
                    in.getLong(), in.getLong(), in.getInt(), in.getLong());
                case EventFormat.TOP_OF_BOOK -> target.onTopOfBook(in.getString(), in.getLong(), in.getLong(),
                    in.getLong(), in.getLong(), in.getLong());
                case EventFormat.DAILY_STATS -> target.onDailyStats(in.getString(), in.getLong(), in.getLong(),
                    in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
                case EventFormat.POSITION -> target.onPosition(in.getString(), in.getString(), in.getLong(),
                    in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
                case EventFormat.MASS_ACTION_REPORT -> target.onMassActionReport(in.getLong(), in.getString(),
                    in.getString(), MassActionKind.valueOf(in.getString()), MassScope.fromCode(in.getInt()),
                    in.getString(), in.getInt(), RejectCode.fromCode(in.getInt()), in.getLong());
                case EventFormat.INSTRUMENT_STATUS -> target.onInstrumentStatus(in.getString(),
                    InstrumentStatus.valueOf(in.getString()), in.getLong());
                case EventFormat.ADMIN_REJECT -> target.onAdminReject(in.getLong(), RejectCode.fromCode(in.getInt()),
                    in.getLong());
                case EventFormat.RISK_WARNING -> target.onRiskWarning(in.getLong(), in.getLong(), in.getString(),
                    in.getString(), RejectCode.fromCode(in.getInt()), in.getString(), in.getLong());
                default -> throw new IllegalStateException("unknown event type " + type + " at byte "
                    + (in.position() - 1));
            }
        }
    }

    private static ExecutionReport executionReport(final WireReader in) {
        return new DecodedExecutionReport(in.getLong(), in.getLong(), in.getLong(), in.getString(), in.getString(),
            in.getString(), in.getString(), in.getString(), in.getString(), side(in.getChar()),
            ordType(in.getChar()), tif(in.getChar()), execType(in.getChar()), ordStatus(in.getChar()),
            in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(),
            in.getLong(), in.getLong(), in.getLong(), in.getByte() != 0, in.getLong(), RejectCode.fromCode(in.getInt()),
            in.getString());
    }

    private static Side side(final char c) {
        return c == 0 ? null : Side.fromFix(c);
    }

    private static OrdType ordType(final char c) {
        return c == 0 ? null : OrdType.fromFix(c);
    }

    private static TimeInForce tif(final char c) {
        return c == 0 ? null : TimeInForce.fromFix(c);
    }

    static ExecType execType(final char c) {
        for (final ExecType type : ExecType.values()) {
            if (type.fixValue() == c) {
                return type;
            }
        }
        throw new IllegalStateException("unknown ExecType '" + c + "'");
    }

    static OrdStatus ordStatus(final char c) {
        if (c == 0) {
            return null;
        }
        for (final OrdStatus status : OrdStatus.values()) {
            if (status.fixValue() == c) {
                return status;
            }
        }
        throw new IllegalStateException("unknown OrdStatus '" + c + "'");
    }

    /** An execution report read back from the journal. */
    record DecodedExecutionReport(long commandSequence, long execId, long orderId, String sessionId, String clOrdId,
                                  String origClOrdId, String requestId, String account, String symbol, Side side,
                                  OrdType ordType, TimeInForce tif, ExecType execType, OrdStatus ordStatus,
                                  long price, long stopPx, long orderQty, long cumQty, long leavesQty,
                                  long cumNotional, long lastPx, long lastQty, long tradeId, long contraOrderId,
                                  boolean aggressor, long transactTime, RejectCode rejectCode, String text)
        implements ExecutionReport {
    }

    /** A cancel reject read back from the journal. */
    record DecodedCancelReject(long commandSequence, long orderId, String sessionId, String clOrdId,
                               String origClOrdId, OrdStatus ordStatus, boolean replace, RejectCode rejectCode,
                               String text, long transactTime) implements CancelReject {
    }
}
