package io.portcullis.fix.order;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.portcullis.fix.session.SessionEvents;
import io.portcullis.fix.session.SessionProfile;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.IncorrectDataFormat;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;
import quickfix.field.MsgType;

/**
 * The order layer's side of the seam with the session layer: FIX application messages in, engine commands out, and
 * session life cycle to the {@link Outbound} path.
 *
 * <p><b>Threads.</b> Every method runs on a QuickFIX/J session thread (the session layer calls it), decodes,
 * validates, maps and submits through the {@link EnginePort} (never blocks, takes no lock the engine or the journal
 * hold). Answers that need no engine decision (bad values, duplicates, busy) are sent at once on the calling thread;
 * everything the engine decides is reported by the {@link Outbound}'s thread once durable.
 *
 * <p><b>Wiring</b> (the app): {@code Outbound out = new Outbound(accountFirm, knownSymbol, journalConfig,
 * dataSource, FixSender.QUICKFIXJ, 65_536)}; recover the engine; {@code runner = new EngineRunner(recovered, journal,
 * snapshots, queue, snapshotEvery, out)}; {@code out.start(recovered.nextOffset())}; {@code handler = new
 * OrderFlowHandler(runner::submit, out, accountFirm, clock, FixSender.QUICKFIXJ)}; give the handler to the session
 * layer. Stop: the session layer first, then the runner, then {@code out.close()}.
 *
 * <p><b>Policies.</b> ClOrdIDs are unique per session and New York trading day (D, F, G and q all count); a reused
 * one is rejected (ExecutionReport OrdRejReason 6 / OrderCancelReject CxlRejReason 6). A PossResend(97)=Y copy of a
 * NewOrderSingle whose ClOrdID was already received never creates an order: it is answered with the order's
 * current status (ExecType I, 4.2: ExecTransType 3) when its reports have been produced, and ignored (logged) while
 * the original is still in the engine (its reports are on their way); PossResend copies of F and G are ignored. A
 * drop copy session may send no order messages (D, F, G, H, q, AF): BusinessMessageReject, reason 6 (4.2: 0).
 * A session with cancel-on-disconnect gets a MassCancel of its orders (scope SESSION) when it logs out.
 */
public final class OrderFlowHandler implements SessionEvents {
    private static final int SYMBOL = 55;
    private static final int NO_RELATED_SYM = 146;
    private static final int MD_REQ_ID = 262;
    private static final int SUBSCRIPTION_REQUEST_TYPE = 263;
    private static final int MARKET_DEPTH = 264;
    private static final int MD_UPDATE_TYPE = 265;
    private static final int NO_MD_ENTRY_TYPES = 267;
    private static final int MD_ENTRY_TYPE = 269;
    private static final String NEW_ORDER = "D";
    private static final String CANCEL = "F";
    private static final String REPLACE = "G";
    private static final String STATUS = "H";
    private static final String MASS_CANCEL = "q";
    private static final String MASS_STATUS = "AF";
    private static final String MARKET_DATA = "V";
    private static final Set<String> ORDER_MESSAGES = Set.of(NEW_ORDER, CANCEL,
        REPLACE, STATUS, MASS_CANCEL,
        MASS_STATUS);

    private final Outbound outbound;
    private final FixSender sender;
    private final InboundOrders orders;

    /**
     * @param engine      where commands go ({@code EngineRunner::submit})
     * @param outbound    the outbound path (started or not)
     * @param accountFirm account id to broker firm id (entitlement of account-scoped mass actions)
     * @param clock       stamps every command with its ingress time (epoch nanos UTC) and dates the trading day
     * @param sender      how immediate answers are sent ({@link FixSender#QUICKFIXJ})
     */
    public OrderFlowHandler(final EnginePort engine, final Outbound outbound, final Function<String, String> accountFirm,
                            final InstantSource clock, final FixSender sender) {
        this.outbound = outbound;
        this.sender = sender;
        this.orders = new InboundOrders(engine, outbound, sender, clock, accountFirm);
    }

    /**
     * Restores ClOrdIDs a session used earlier in the current trading day (from the book of record, after a restart
     * and before sessions log on), so that a reused ClOrdID or a PossDup copy of an order taken before the restart is
     * recognised. Thread-safe.
     *
     * @param session  the session id as the engine knows it ({@code fix_session.session_id})
     * @param clOrdIds the ClOrdIDs to remember
     */
    public void rememberClOrdIds(final String session, final Collection<String> clOrdIds) {
        orders.remember(session, clOrdIds);
    }

    /** @return the start of the trading day that is current at {@code now}, in UTC (America/New_York midnight) */
    public static LocalDateTime tradingDayStartUtc(final Instant now) {
        return now.atZone(InboundOrders.TRADING_ZONE).toLocalDate().atStartOfDay(InboundOrders.TRADING_ZONE)
            .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /**
     * Text fields that reach the engine and the book of record, with their longest accepted length (the columns of
     * {@code orders}; the journal codec's bound is larger). Longer values get a session Reject (373=5) naming the tag.
     */
    private static final int[][] BOUNDED_TEXT = {{11, 64}, {41, 64}, {1, 32}, {55, 16}, {OrderTags.LOCATE_ID, 64},
        {584, 64}, {37, 32}};

    private static void requireBoundedText(final Message message) throws FieldNotFound, IncorrectTagValue {
        for (final int[] bound : BOUNDED_TEXT) {
            if (message.isSetField(bound[0]) && message.getString(bound[0]).length() > bound[1]) {
                throw new IncorrectTagValue(bound[0], message.getString(bound[0]).substring(0, 16) + "...",
                    "longer than " + bound[1] + " characters");
            }
        }
    }

    @Override
    public void onLogon(final SessionID sessionId, final SessionProfile profile) {
        outbound.sessionOnline(sessionId, profile);
    }

    @Override
    public void onLogout(final SessionID sessionId, final SessionProfile profile) {
        outbound.sessionOffline(sessionId, profile);
        if (profile.cancelOnDisconnect() && profile.role() == SessionProfile.Role.ORDER_ENTRY) {
            orders.cancelOnDisconnect(profile);
        }
    }

    @Override
    public void onApplicationMessage(final Message message, final SessionID sessionId, final SessionProfile profile)
        throws FieldNotFound, IncorrectDataFormat, IncorrectTagValue, UnsupportedMessageType {
        final String type = message.getHeader().getString(MsgType.FIELD);
        final FixVersion version = FixVersion.of(sessionId);
        if (ORDER_MESSAGES.contains(type) && profile.role() == SessionProfile.Role.DROP_COPY) {
            sender.send(ReportWriter.businessReject(version, type, InboundOrders.seqNum(message), 6,
                "A drop copy session may not send order messages"), sessionId);
            return;
        }
        if (ORDER_MESSAGES.contains(type)) {
            requireBoundedText(message);
        }
        switch (type) {
            case NEW_ORDER -> orders.newOrder(message, sessionId, profile);
            case CANCEL -> orders.cancel(message, sessionId, profile);
            case REPLACE -> orders.replace(message, sessionId, profile);
            case STATUS -> orders.status(message, sessionId, profile);
            case MASS_CANCEL -> {
                requireFix43(version);
                orders.massCancel(message, sessionId, profile);
            }
            case MASS_STATUS -> {
                requireFix43(version);
                orders.massStatus(message, sessionId, profile);
            }
            case MARKET_DATA -> marketData(message, sessionId, profile, version);
            default -> throw new UnsupportedMessageType();
        }
    }

    /** Commands whose outcome the engine lost (it stopped before they were durable). Any thread. */
    public long lostCommands() {
        return orders.lost();
    }

    private static void requireFix43(final FixVersion version) throws UnsupportedMessageType {
        if (version == FixVersion.FIX42) {
            throw new UnsupportedMessageType();
        }
    }

    private void marketData(final Message m, final SessionID sessionId, final SessionProfile profile,
                            final FixVersion version) throws FieldNotFound {
        final String mdReqId = m.getString(MD_REQ_ID);
        final char subscription = m.getChar(SUBSCRIPTION_REQUEST_TYPE);
        final int depth = m.isSetField(MARKET_DEPTH) ? m.getInt(MARKET_DEPTH) : 1;
        final boolean fullRefresh = m.isSetField(MD_UPDATE_TYPE) && m.getInt(MD_UPDATE_TYPE) == 0;
        final Set<Character> types = new LinkedHashSet<>();
        for (final Group g : m.getGroups(NO_MD_ENTRY_TYPES)) {
            types.add(g.getChar(MD_ENTRY_TYPE));
        }
        final List<String> symbols = new ArrayList<>();
        for (final Group g : m.getGroups(NO_RELATED_SYM)) {
            if (g.isSetField(SYMBOL)) {
                symbols.add(g.getString(SYMBOL));
            }
        }
        String problem = null;
        char reason = '0';
        if (subscription != '2') {
            if (depth < 0) {
                problem = "MarketDepth(264) must be 0 (full book) or positive";
                reason = '5';
            } else if (types.isEmpty() || !Set.of('0', '1', '2').containsAll(types)) {
                problem = "Only MDEntryType(269) 0 (bid), 1 (offer) and 2 (trade) are offered";
                reason = '8';
            } else if (symbols.isEmpty()) {
                problem = "No Symbol(55) requested";
            }
        }
        if (problem != null) {
            sender.send(MarketDataDesk.rejectMessage(version, mdReqId, reason, problem), sessionId);
            return;
        }
        outbound.marketData(new MarketDataDesk.Request(sessionId, profile.sessionId(), version, mdReqId,
            subscription, depth, Set.copyOf(types), fullRefresh, List.copyOf(symbols)));
    }
}
