package io.portcullis.fix.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.event.CancelReject;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.event.MassActionKind;
import quickfix.Message;

/**
 * Decides who gets each event of a journal record and sends it: the session the event names, and for execution
 * reports every logged-on drop copy session of the order's firm (firm of the order's account, else of the session).
 * Outbound thread only.
 */
final class ReportRouter {
    private static final int ORD_STATUS_REQ_ID = 790;
    /** CxlRejReason(102) 0, in every version. */
    private static final int TOO_LATE_TO_CANCEL = 0;

    /** What the router needs from the outbound thread's state. */
    interface Context {
        /** @return the custom fields to echo on this report, or null */
        OrderTags tagsFor(ExecutionReport report);

        /** Remembers the report as the order's latest state (live records only). */
        void remember(ExecutionReport report);

        /** @return the last known state to answer an engine status report for an order it no longer has, or null */
        ExecutionReport substitute(ExecutionReport statusAnswer);

        /**
         * @return the last report of the order a rejected cancel or replace named, when the engine did not know it
         *         because it is already done (filled, cancelled, expired); else null
         */
        ExecutionReport doneOrder(CancelReject reject);

        /** @return Side(54) and Symbol(55) of the status request the report answers, or null */
        StatusHint hint(ExecutionReport statusAnswer);

        /** @return the broker firm of a session, or null when unknown */
        String firmOfSession(String session);

        /** Records an order the engine rejected (live records only). */
        void rejected(ExecutionReport report);
    }

    /** What a status request named, to fill required fields of an answer about an unknown order. */
    record StatusHint(String symbol, char side) {
    }

    private final FixSender sender;
    private final Map<String, Outbound.Target> online;
    private final Function<String, String> accountFirm;
    private final Context context;

    ReportRouter(final FixSender sender, final Map<String, Outbound.Target> online,
                 final Function<String, String> accountFirm, final Context context) {
        this.sender = sender;
        this.online = online;
        this.accountFirm = accountFirm;
        this.context = context;
    }

    /**
     * Sends the record's events.
     *
     * @param resendTo null for live delivery, or the one session to re-send to (PossResend=Y)
     * @return sessions a live report could not be given to (not logged on, or the send failed)
     */
    List<String> route(final RecordEvents events, final boolean massStatus, final Outbound.Target resendTo) {
        final List<String> undelivered = new ArrayList<>(0);
        int statusTotal = 0;
        if (massStatus) {
            for (final RecordEvents.Event e : events.events) {
                if (e instanceof RecordEvents.Report(ExecutionReport r) && r.execType() == ExecType.ORDER_STATUS) {
                    statusTotal++;
                }
            }
        }
        int statusSeen = 0;
        final boolean resend = resendTo != null;
        for (final RecordEvents.Event e : events.events) {
            switch (e) {
                case RecordEvents.Report(ExecutionReport r) -> {
                    if (!resend && r.execType() == ExecType.REJECTED) {
                        context.rejected(r);
                    }
                    final boolean last = massStatus && r.execType() == ExecType.ORDER_STATUS
                        && ++statusSeen == statusTotal;
                    report(r, massStatus, statusTotal, last, resendTo, undelivered);
                }
                case RecordEvents.Reject(var r) -> {
                    final ExecutionReport done = context.doneOrder(r);
                    deliver(r.sessionId().toString(), v -> done == null ? ReportWriter.cancelReject(v, r, resend)
                        : tooLate(v, r, done, resend), resendTo, undelivered);
                }
                case RecordEvents.MassAction a -> {
                    if (a.kind() == MassActionKind.CANCEL) {
                        deliver(a.sessionId(), v -> v == FixVersion.FIX42 ? null : ReportWriter.massCancelReport(v,
                            "M" + a.commandSequence(), a.requestId(), a.scope(),
                            a.scope() == MassScope.SYMBOL ? a.scopeValue() : null, a.affected(), a.code(), null,
                            a.transactTime(), resend), resendTo, undelivered);
                    }
                }
            }
        }
        return undelivered;
    }

    /**
     * The engine knows only live orders, so a cancel or replace that crossed the order's last fill (or its cancel or
     * expiry) on the wire is "unknown" to it. FIX's order state matrices answer that race with the order's status
     * and CxlRejReason 0 (too late to cancel), which is what the client needs to reconcile.
     */
    private static Message tooLate(final FixVersion version, final CancelReject r, final ExecutionReport done,
                                   final boolean resend) {
        final String state = switch (done.ordStatus()) {
            case FILLED -> "filled";
            case EXPIRED -> "expired";
            default -> "cancelled";
        };
        return ReportWriter.cancelReject(version, Long.toString(done.orderId()), str(r.clOrdId()),
            str(r.origClOrdId()), done.ordStatus(), r.replace(), TOO_LATE_TO_CANCEL,
            "Too late to cancel: the order is already " + state, r.transactTime(), resend);
    }

    private static String str(final CharSequence value) {
        return value == null ? null : value.toString();
    }

    private void report(final ExecutionReport r, final boolean massStatus, final int statusTotal, final boolean last,
                        final Outbound.Target resendTo, final List<String> undelivered) {
        final boolean resend = resendTo != null;
        if (!resend) {
            context.remember(r);
        }
        ExecutionReport shown = r;
        String execId = null;
        if (r.execType() == ExecType.ORDER_STATUS && !massStatus) {
            final ExecutionReport known = context.substitute(r);
            if (known != null) {
                shown = known;
                execId = Long.toString(r.execId());
            }
        }
        final StatusHint hint = r.execType() == ExecType.ORDER_STATUS && !resend ? context.hint(r) : null;
        final ReportWriter.Extras extras = new ReportWriter.Extras(execId, shown != r, massStatus,
            context.tagsFor(shown), resend, hint == null ? 0 : hint.side(), hint == null ? null : hint.symbol(),
            massStatus ? statusTotal : 0, last, false);
        final ExecutionReport body = shown;
        final CharSequence requestId = shown != r ? r.requestId() : null;
        deliver(r.sessionId().toString(), v -> {
            final Message m = ReportWriter.executionReport(v, body, extras);
            if (m != null && requestId != null && v != FixVersion.FIX42) {
                m.setString(ORD_STATUS_REQ_ID, requestId.toString());
            }
            return m;
        }, resendTo, undelivered);
        dropCopies(r, extras, resendTo);
    }

    private void dropCopies(final ExecutionReport r, final ReportWriter.Extras extras, final Outbound.Target resendTo) {
        final String firm = firmOf(r);
        if (firm == null) {
            return;
        }
        final ReportWriter.Extras copy = new ReportWriter.Extras(extras.execId(), extras.asStatus(),
            extras.massStatus(), extras.tags(), resendTo != null, extras.fallbackSide(), extras.fallbackSymbol(),
            extras.totNumReports(), extras.lastRpt(), true);
        if (resendTo != null) {
            if (resendTo.isDropCopy() && firm.equals(resendTo.profile().firmId())) {
                send(resendTo, ReportWriter.executionReport(resendTo.version(), r, copy));
            }
            return;
        }
        for (final Outbound.Target target : online.values()) {
            if (target.isDropCopy() && firm.equals(target.profile().firmId())) {
                send(target, ReportWriter.executionReport(target.version(), r, copy));
            }
        }
    }

    private String firmOf(final ExecutionReport r) {
        final String byAccount = r.account() == null ? null : accountFirm.apply(r.account().toString());
        return byAccount != null ? byAccount : context.firmOfSession(r.sessionId().toString());
    }

    private void deliver(final String session, final Function<FixVersion, Message> build,
                         final Outbound.Target resendTo, final List<String> undelivered) {
        if (resendTo != null) {
            if (resendTo.key().equals(session)) {
                send(resendTo, build.apply(resendTo.version()));
            }
            return;
        }
        final Outbound.Target target = online.get(session);
        if (target == null) {
            if (!undelivered.contains(session)) {
                undelivered.add(session);
            }
            return;
        }
        if (!send(target, build.apply(target.version())) && !undelivered.contains(session)) {
            undelivered.add(session);
        }
    }

    private boolean send(final Outbound.Target target, final Message message) {
        return message == null || sender.send(message, target.sessionId());
    }
}
