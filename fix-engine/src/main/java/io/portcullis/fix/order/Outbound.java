package io.portcullis.fix.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.sql.DataSource;

import io.portcullis.fix.session.SessionProfile;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.CommandCodec;
import io.portcullis.oms.command.ExpireDayOrders;
import io.portcullis.oms.command.MassStatus;
import io.portcullis.oms.domain.ExecType;
import io.portcullis.oms.domain.RejectCode;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.event.CancelReject;
import io.portcullis.oms.event.ExecutionReport;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.JournalReader;
import io.portcullis.oms.journal.JournalRecord;
import io.portcullis.oms.runner.DurableRecordListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Message;
import quickfix.SessionID;

/**
 * The gateway's outbound path: every durable journal record becomes FIX messages for the sessions it concerns
 * (ExecutionReports, OrderCancelRejects, OrderMassCancelReports, drop copies, market data).
 *
 * <p><b>Threads.</b> {@link #onDurable} runs on the journal's I/O thread and only offers the record to a bounded
 * queue (never blocks). One thread, {@code fix-outbound}, owns everything else: decoding, the per-session delivery
 * positions, the book image and market data subscriptions, the last report per order, and all sends of reports.
 * Session threads talk to it through a lock-free control queue ({@link #sessionOnline}, {@link #marketData}, ...).
 *
 * <p><b>Overflow.</b> When the record queue is full the record is dropped and counted, and the outbound thread notices
 * the gap (the next record's offset, or the highest dropped offset when it is idle) and reads the missing records
 * back from the journal (Kafka) before going on: nothing is lost, delivery is late. Without a journal configuration
 * (unit tests) a gap is logged and counted in {@link #lostRecords()}.
 *
 * <p><b>Delivery and resend.</b> A report is sent only to a session that is logged on ({@link FixSender#QUICKFIXJ}
 * refuses others, so nothing goes into QuickFIX/J's store of a logged-out session). Per session the outbound thread
 * keeps the first journal offset not known to be delivered: it moves with every record while the session is logged
 * on and stops when the session logs out or a send fails. At the next logon (also after a restart: positions are in
 * {@code fix_outbound_position} when a DataSource is given) everything for that session from that offset up to the
 * live point is read back from the journal and sent again with PossResend(97)=Y and the original ExecIDs, before any
 * new report. Positions of logged-on sessions are written at most once a second, so after a crash up to a second of
 * reports may be sent twice (PossResend=Y, same ExecID: clients drop them by ExecID). Market data is not re-sent.
 */
public final class Outbound implements DurableRecordListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbound.class);
    private static final long FLUSH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private record Durable(long offset, byte[] record) {
    }

    /** A logged-on session. */
    record Target(String key, SessionID sessionId, SessionProfile profile, FixVersion version) {
        boolean isDropCopy() {
            return profile.role() == SessionProfile.Role.DROP_COPY;
        }
    }

    private record Retry(BooleanSupplier attempt, String what, long deadline) {
    }

    private final Function<String, String> accountFirm;
    private final JournalConfiguration journal;
    private final PositionStore positions;
    private final FixSender sender;
    private final ArrayBlockingQueue<Durable> records;
    private final ConcurrentLinkedQueue<Runnable> control = new ConcurrentLinkedQueue<>();
    private final AtomicLong overflows = new AtomicLong();
    private final AtomicLong highestDropped = new AtomicLong(-1);
    private final AtomicLong lostRecords = new AtomicLong();
    private final AtomicLong processedOffset = new AtomicLong(-1);
    private final Map<String, OrderTags> tags = new ConcurrentHashMap<>();
    private final Map<String, ReportRouter.StatusHint> statusHints = new ConcurrentHashMap<>();
    private final java.util.Set<Long> liveGtdOrders = ConcurrentHashMap.newKeySet();
    private static final int MAX_RECENT_REJECTS = 1_000;
    private final java.util.concurrent.ConcurrentLinkedDeque<RejectedOrder> recentRejects =
        new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final MarketDataDesk desk;
    private final Thread thread;
    private volatile boolean running = true;

    // outbound thread only
    private final Map<String, Target> online = new HashMap<>();
    private final Map<String, SessionProfile> profiles = new HashMap<>();
    private final Map<String, Long> frozen = new HashMap<>();
    private final Map<String, Long> dirty = new HashMap<>();
    /** The last report of every order reported today, by OrderID. */
    private final Map<Long, ExecutionReport> lastReports = new HashMap<>();
    /** (session, any ClOrdID an order had today: its own, its replacements', its cancel's) to its OrderID. */
    private final Map<String, Long> orderIds = new HashMap<>();
    private final List<Retry> retries = new ArrayList<>();
    private final ReportRouter router;
    private long nextOffset;
    private long lastFlush = System.nanoTime();
    private long statusAnswers;

    /**
     * Creates the outbound path; call {@link #start} once the journal position to start from is known.
     *
     * @param accountFirm   account id to broker firm id (drop copy routing); returns null for unknown accounts
     * @param knownSymbol   whether a symbol is traded here (market data requests for others are rejected)
     * @param journal       the journal to re-read for resends and overflow gaps, or null (in-process only: no
     *                      resend, gaps are lost)
     * @param dataSource    where {@code fix_outbound_position} is (V6), or null to keep positions in memory only
     * @param sender        how messages reach sessions ({@link FixSender#QUICKFIXJ} in the gateway)
     * @param queueCapacity durable records buffered between the journal's I/O thread and the outbound thread
     */
    public Outbound(final Function<String, String> accountFirm, final Predicate<String> knownSymbol,
                    final JournalConfiguration journal, final DataSource dataSource, final FixSender sender,
                    final int queueCapacity) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("fix.outbound.queue-capacity must be positive, was " + queueCapacity);
        }
        this.accountFirm = accountFirm;
        this.journal = journal;
        this.positions = dataSource == null ? new PositionStore.InMemory()
            : new PositionStore.Async(new PositionStore.Jdbc(dataSource));
        this.sender = sender;
        this.records = new ArrayBlockingQueue<>(queueCapacity);
        this.desk = new MarketDataDesk(knownSymbol, sender);
        this.router = new ReportRouter(sender, online, accountFirm, new RouterContext());
        this.thread = new Thread(this::run, "fix-outbound");
        this.thread.setDaemon(true);
    }

    /**
     * Starts the outbound thread. Records before {@code fromOffset} are taken as handled by a previous run.
     *
     * @param fromOffset the first journal offset the engine runner will report live ({@code Recovery.Result.nextOffset})
     */
    public void start(final long fromOffset) {
        this.nextOffset = fromOffset;
        this.processedOffset.set(fromOffset - 1);
        frozen.putAll(positions.loadAll());
        thread.start();
    }

    /** Journal I/O thread: queues the record and returns; drops and counts it when the queue is full. */
    @Override
    public void onDurable(final long sequence, final long offset, final byte[] record) {
        if (!records.offer(new Durable(offset, record))) {
            overflows.incrementAndGet();
            highestDropped.accumulateAndGet(offset, Math::max);
        }
    }

    /** Stops the thread after writing the delivery positions. Reports still queued are sent at the next start. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        positions.close();
    }

    /**
     * The orders the engine rejected since this process started (at most the last 1,000), newest first.
     *
     * @param account only this account's, or null for all
     * @param limit   at most this many
     */
    public List<RejectedOrder> recentRejects(final String account, final int limit) {
        return recentRejects.stream().filter(r -> account == null || account.equals(r.account())).limit(limit)
            .toList();
    }

    /**
     * Adds live GTD orders known from before this process started (the book of record), so that
     * {@link #hasLiveGtdOrders()} covers them. Any thread.
     */
    public void knownLiveGtdOrders(final java.util.Collection<Long> orderIds) {
        liveGtdOrders.addAll(orderIds);
    }

    /**
     * @return whether a GTD order is live, as far as the reports seen (and {@link #knownLiveGtdOrders}) tell: the
     *         gateway's expiry tick runs only then. Any thread.
     */
    public boolean hasLiveGtdOrders() {
        return !liveGtdOrders.isEmpty();
    }

    /** Records dropped from the queue because it was full (later read back from the journal). Any thread. */
    public long overflows() {
        return overflows.get();
    }

    /** Records never delivered live and not recoverable (gaps without a journal configuration). Any thread. */
    public long lostRecords() {
        return lostRecords.get();
    }

    /** The last journal offset the outbound thread has handled, -1 before any. Any thread. */
    public long processedOffset() {
        return processedOffset.get();
    }

    // ---- called by session threads through the control queue -------------------------------------------------

    void sessionOnline(final SessionID sessionId, final SessionProfile profile) {
        control.add(() -> goOnline(sessionId, profile));
    }

    void sessionOffline(final SessionID sessionId, final SessionProfile profile) {
        control.add(() -> goOffline(profile.sessionId()));
    }

    void marketData(final MarketDataDesk.Request request) {
        control.add(() -> desk.request(request));
    }

    void answerPossResend(final SessionID sessionId, final String session, final String clOrdId) {
        control.add(() -> statusFromCache(sessionId, session, clOrdId));
    }

    void retry(final BooleanSupplier attempt, final String what) {
        control.add(() -> retries.add(new Retry(attempt, what, System.nanoTime() + RETRY_NANOS)));
    }

    void rememberTags(final String session, final String clOrdId, final OrderTags orderTags) {
        if (orderTags != null && clOrdId != null) {
            tags.put(key(session, clOrdId), orderTags);
        }
    }

    OrderTags tagsOf(final String session, final String clOrdId) {
        return clOrdId == null ? null : tags.get(key(session, clOrdId));
    }

    void rememberStatusRequest(final String session, final String clOrdId, final String symbol, final char side) {
        if (clOrdId != null) {
            statusHints.put(key(session, clOrdId), new ReportRouter.StatusHint(symbol, side));
        }
    }

    static String key(final String session, final CharSequence clOrdId) {
        return session + '\u0001' + clOrdId;
    }

    // ---- the outbound thread ------------------------------------------------------------------------------------

    private void run() {
        try {
            while (running) {
                Runnable action;
                while ((action = control.poll()) != null) {
                    action.run();
                }
                runRetries();
                final Durable next = records.poll(5, TimeUnit.MILLISECONDS);
                if (next != null) {
                    // a logon queued before this record arrived must take effect first
                    while ((action = control.poll()) != null) {
                        action.run();
                    }
                    live(next.offset(), JournalRecord.decode(next.record()));
                } else if (highestDropped.get() >= nextOffset) {
                    fillGap(highestDropped.get() + 1);
                }
                if (System.nanoTime() - lastFlush > FLUSH_NANOS) {
                    flushPositions();
                }
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (final RuntimeException ex) {
            LOG.error("outbound thread failed; reports stop until restart (they stay in the journal)", ex);
        }
        flushPositions();
    }

    private void live(final long offset, final JournalRecord record) {
        if (offset < nextOffset) {
            return;
        }
        if (offset > nextOffset) {
            fillGap(offset);
        }
        process(offset, record, null);
        nextOffset = offset + 1;
        processedOffset.set(offset);
    }

    private void fillGap(final long toOffset) {
        final long from = nextOffset;
        if (journal == null) {
            lostRecords.addAndGet(toOffset - from);
            LOG.error("journal offsets [{}, {}) were not delivered live and no journal is configured to read them",
                from, toOffset);
            nextOffset = toOffset;
            return;
        }
        LOG.warn("reading journal offsets [{}, {}) back after an outbound queue overflow", from, toOffset);
        JournalReader.readToEnd(journal, from, (record, offset) -> {
            if (offset >= nextOffset && offset < toOffset) {
                process(offset, record, null);
                nextOffset = offset + 1;
                processedOffset.set(offset);
            }
        });
        if (nextOffset < toOffset) {
            lostRecords.addAndGet(toOffset - nextOffset);
            nextOffset = toOffset;
        }
    }

    /**
     * Turns one record into messages: live ({@code resendTo} null) for every session it concerns, or as a resend
     * for one session only (nothing else changes then).
     */
    private void process(final long offset, final JournalRecord record, final Target resendTo) {
        final Command command = CommandCodec.decode(record.command());
        final RecordEvents events = new RecordEvents(resendTo == null ? desk : null);
        EventDecoder.decode(record.events(), 0, record.events().length, events);
        final List<String> undelivered = router.route(events, command instanceof MassStatus, resendTo);
        for (final String session : undelivered) {
            final Target target = online.remove(session);
            if (target != null) {
                LOG.warn("{}: send failed; reports from journal offset {} are re-sent at its next logon", session,
                    offset);
            }
            if (!frozen.containsKey(session)) {
                frozen.put(session, offset);
                dirty.put(session, offset);
            }
        }
        if (resendTo == null) {
            desk.publish();
            if (command instanceof ExpireDayOrders) {
                lastReports.clear();
                orderIds.clear();
                tags.clear();
                statusHints.clear();
            }
        }
    }

    private OrderTags tagsFor(final ExecutionReport r) {
        final String session = r.sessionId().toString();
        OrderTags found = r.clOrdId() == null ? null : tags.get(key(session, r.clOrdId()));
        if (found == null && r.origClOrdId() != null) {
            found = tags.get(key(session, r.origClOrdId()));
        }
        return found;
    }

    /** The router's view of the outbound thread's state. */
    private final class RouterContext implements ReportRouter.Context {
        @Override
        public void rejected(final ExecutionReport r) {
            recentRejects.addFirst(new RejectedOrder(java.time.Instant.ofEpochSecond(0, r.transactTime()),
                String.valueOf(r.sessionId()), r.clOrdId() == null ? null : r.clOrdId().toString(),
                r.account() == null ? null : r.account().toString(), r.symbol() == null ? null : r.symbol().toString(),
                r.side() == null ? '?' : r.side().fixValue(), r.orderQty(), r.price(),
                r.rejectCode() == null ? null : r.rejectCode().name(), r.text() == null ? null : r.text().toString()));
            while (recentRejects.size() > MAX_RECENT_REJECTS) {
                recentRejects.pollLast();
            }
        }

        @Override
        public OrderTags tagsFor(final ExecutionReport r) {
            return Outbound.this.tagsFor(r);
        }

        @Override
        public void remember(final ExecutionReport r) {
            if (r.orderId() != 0 && r.clOrdId() != null && r.execType() != ExecType.ORDER_STATUS) {
                final String session = r.sessionId().toString();
                lastReports.put(r.orderId(), r);
                orderIds.put(key(session, r.clOrdId()), r.orderId());
                if (r.origClOrdId() != null) {
                    orderIds.put(key(session, r.origClOrdId()), r.orderId());
                }
                if (r.tif() == TimeInForce.GTD) {
                    if (r.ordStatus().isDone()) {
                        liveGtdOrders.remove(r.orderId());
                    } else {
                        liveGtdOrders.add(r.orderId());
                    }
                }
            }
        }

        @Override
        public ExecutionReport substitute(final ExecutionReport r) {
            return r.orderId() != 0 || r.clOrdId() == null ? null : lastReport(r.sessionId().toString(), r.clOrdId());
        }

        @Override
        public ExecutionReport doneOrder(final CancelReject r) {
            if (r.orderId() != 0 || r.rejectCode() != RejectCode.UNKNOWN_ORDER || r.origClOrdId() == null) {
                return null;
            }
            final ExecutionReport last = lastReport(r.sessionId().toString(), r.origClOrdId());
            return last != null && last.ordStatus().isDone() ? last : null;
        }

        @Override
        public ReportRouter.StatusHint hint(final ExecutionReport r) {
            return r.clOrdId() == null ? null : statusHints.remove(key(r.sessionId().toString(), r.clOrdId()));
        }

        @Override
        public String firmOfSession(final String session) {
            final SessionProfile profile = profiles.get(session);
            return profile == null ? null : profile.firmId();
        }
    }

    private void goOnline(final SessionID sessionId, final SessionProfile profile) {
        final String session = profile.sessionId();
        profiles.put(session, profile);
        final Target target = new Target(session, sessionId, profile, FixVersion.of(sessionId));
        final Long from = frozen.remove(session);
        if (from != null && from < nextOffset) {
            resend(target, from, nextOffset);
        }
        online.put(session, target);
        dirty.put(session, nextOffset);
        flushPositions();
    }

    private void resend(final Target target, final long from, final long to) {
        if (journal == null) {
            LOG.error("{}: reports of journal offsets [{}, {}) cannot be re-sent: no journal configured", target.key(),
                from, to);
            return;
        }
        LOG.info("{}: re-sending reports of journal offsets [{}, {})", target.key(), from, to);
        JournalReader.readToEnd(journal, from, (record, offset) -> {
            if (offset < to) {
                process(offset, record, target);
            }
        });
    }

    private void goOffline(final String session) {
        if (online.remove(session) != null) {
            frozen.put(session, nextOffset);
            dirty.put(session, nextOffset);
            flushPositions();
        }
        desk.dropSession(session);
    }

    /** @return the latest report of the order that had {@code clOrdId} on {@code session} today, or null */
    private ExecutionReport lastReport(final String session, final CharSequence clOrdId) {
        final Long orderId = orderIds.get(key(session, clOrdId));
        return orderId == null ? null : lastReports.get(orderId);
    }

    private void statusFromCache(final SessionID sessionId, final String session, final String clOrdId) {
        final ExecutionReport last = lastReport(session, clOrdId);
        if (last == null) {
            LOG.info("{}: PossResend copy of ClOrdID {} ignored: its reports are still to come", session, clOrdId);
            return;
        }
        final Message status = ReportWriter.executionReport(FixVersion.of(sessionId), last, new ReportWriter.Extras(
            "S" + last.execId() + "-" + ++statusAnswers, true, false, tagsFor(last), false, (char) 0, null, 0, false,
            false));
        sender.send(status, sessionId);
    }

    private void runRetries() {
        if (retries.isEmpty()) {
            return;
        }
        retries.removeIf(retry -> {
            if (retry.attempt().getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > retry.deadline()) {
                LOG.error("gave up after 30 s of engine busy: {}", retry.what());
                return true;
            }
            return false;
        });
    }

    private void flushPositions() {
        lastFlush = System.nanoTime();
        for (final String session : online.keySet()) {
            dirty.put(session, nextOffset);
        }
        if (dirty.isEmpty()) {
            return;
        }
        try {
            positions.save(dirty);
            dirty.clear();
        } catch (final RuntimeException ex) {
            LOG.error("cannot store outbound positions; will retry", ex);
        }
    }
}
