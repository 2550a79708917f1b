package io.portcullis.bench.fix;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.portcullis.fix.messages.PortcullisMessageFactory;
import io.portcullis.fix.messages.fix44.NewOrderSingle;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.ThreadedSocketInitiator;

/**
 * Open-loop FIX 4.4 order flow from a set of QuickFIX/J initiator sessions: orders are sent at fixed intended times
 * (one sender thread, round robin over the sessions in use), and every latency is measured from the order's
 * intended send time, not from when it was actually sent, so a stalled sender or target is charged in full
 * (no coordinated omission). The intended time and the step travel in the ClOrdID ({@code step.seq.nanos}), so
 * responses need no lookup table.
 *
 * <p>Order-to-ack is intended send time to the ExecutionReport with ExecType(150)=0 (New); order-to-fill to the one
 * with ExecType=F (Trade). Every order is a 1-share limit buy at a fixed price that the target fills at once (the bare
 * acceptor fills everything; the gateway holds a resting sell large enough for the whole run).
 *
 * <p>Threads: QuickFIX/J's session threads record responses into lock-free {@link Recorder}s; {@link #runStep} runs on
 * the caller's thread. Sessions log on with Username(553)/Password(554) and ResetSeqNumFlag(141)=Y.
 */
final class LoadGenerator implements Application, AutoCloseable {
    static final String TARGET_COMP_ID = "PORTCULLIS";
    static final String SYMBOL = "AAPL";
    static final BigDecimal PRICE = new BigDecimal("100.00");

    private final ThreadedSocketInitiator initiator;
    private final List<SessionID> sessionIds = new ArrayList<>();
    private final Set<SessionID> loggedOn = ConcurrentHashMap.newKeySet();
    private final String password;
    private final Recorder acks = new Recorder(3);
    private final Recorder fills = new Recorder(3);
    private final AtomicLong ackCount = new AtomicLong();
    private final AtomicLong fillCount = new AtomicLong();
    private final AtomicLong rejectCount = new AtomicLong();
    private final AtomicReference<String> firstReject = new AtomicReference<>();
    private volatile int measuredStep = -1;

    /** What one step at one offered rate gave. */
    record StepResult(int sessions, int offeredRate, long sent, double achievedRate, long acks, long fills,
                      long rejects, String firstReject, Histogram ack, Histogram fill, long maxSendLagNanos) {

        /** @return whether every order was acknowledged and filled and the sender kept to the offered rate */
        boolean sustained() {
            return acks == sent && fills == sent && rejects == 0 && achievedRate >= 0.97 * offeredRate;
        }
    }

    /**
     * @param compIds  the SenderCompIDs to log on with (also the Username)
     * @param password the sessions' password
     */
    LoadGenerator(final String host, final int port, final List<String> compIds, final String password)
        throws ConfigError {
        this.password = password;
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("SocketConnectHost", host);
        settings.setLong("SocketConnectPort", port);
        settings.setString("HeartBtInt", "30");
        settings.setString("ReconnectInterval", "2");
        settings.setString("NonStopSession", "Y");
        settings.setString("ResetOnLogon", "Y");
        settings.setString("UseDataDictionary", "N");
        settings.setString("PersistMessages", "N");
        settings.setString("SocketTcpNoDelay", "Y");
        for (final String compId : compIds) {
            final SessionID id = new SessionID("FIX.4.4", compId, TARGET_COMP_ID);
            settings.setString(id, "BeginString", "FIX.4.4");
            sessionIds.add(id);
        }
        this.initiator = new ThreadedSocketInitiator(this, new MemoryStoreFactory(), settings,
            new SLF4JLogFactory(settings), new PortcullisMessageFactory());
    }

    /** Connects every session and waits until all are logged on. */
    void logOn(final Duration timeout) throws ConfigError, InterruptedException {
        initiator.start();
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (loggedOn.size() < sessionIds.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(loggedOn.size() + " of " + sessionIds.size()
                    + " sessions logged on within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Sends one order and waits for its acknowledgement (used to place the gateway's resting liquidity).
     *
     * @return the number of acknowledgements received so far
     */
    long sendAndAwaitAck(final Message order, final Duration timeout) throws InterruptedException {
        final long before = ackCount.get() + rejectCount.get();
        Session.lookupSession(sessionIds.get(0)).send(order);
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (ackCount.get() + rejectCount.get() == before) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no acknowledgement within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(10);
        }
        if (rejectCount.get() > 0) {
            throw new IllegalStateException("order rejected: " + firstReject.get());
        }
        return ackCount.get();
    }

    /**
     * Offers {@code rate} orders per second for {@code seconds}, spread over the first {@code sessions} sessions, then
     * waits up to {@code drain} for the responses.
     *
     * @param step     a number unique per call; steps below 0 are warm-up (not recorded)
     */
    StepResult runStep(final int step, final int sessions, final int rate, final int seconds, final Duration drain)
        throws InterruptedException {
        final Session[] targets = new Session[sessions];
        for (int i = 0; i < sessions; i++) {
            targets[i] = Session.lookupSession(sessionIds.get(i));
        }
        acks.reset();
        fills.reset();
        final long acksBefore = ackCount.get();
        final long fillsBefore = fillCount.get();
        final long rejectsBefore = rejectCount.get();
        measuredStep = step;
        final long total = (long) rate * seconds;
        final long interval = 1_000_000_000L / rate;
        final long start = System.nanoTime() + 10_000_000L;
        final String prefix = step + ".";
        long maxLag = 0;
        long lastSent = start;
        for (long i = 0; i < total; i++) {
            final long due = start + i * interval;
            long now = System.nanoTime();
            while (now < due) {
                LockSupport.parkNanos(Math.min(50_000, due - now));
                now = System.nanoTime();
            }
            maxLag = Math.max(maxLag, now - due);
            targets[(int) (i % sessions)].send(order(prefix + i + "." + due));
            lastSent = System.nanoTime();
        }
        final double achieved = total / ((lastSent - start) / 1e9);
        final long deadline = System.nanoTime() + drain.toNanos();
        while ((ackCount.get() - acksBefore < total || fillCount.get() - fillsBefore < total)
            && rejectCount.get() == rejectsBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        measuredStep = Integer.MIN_VALUE;
        return new StepResult(sessions, rate, total, achieved, ackCount.get() - acksBefore,
            fillCount.get() - fillsBefore, rejectCount.get() - rejectsBefore, firstReject.get(),
            acks.getIntervalHistogram(), fills.getIntervalHistogram(), maxLag);
    }

    static NewOrderSingle order(final String clOrdId) {
        final NewOrderSingle order = new NewOrderSingle();
        order.setString(11, clOrdId);
        order.setString(55, SYMBOL);
        order.setChar(54, '1');
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC), true);
        order.setDecimal(38, BigDecimal.ONE);
        order.setChar(40, '2');
        order.setDecimal(44, PRICE);
        order.setChar(59, '0');
        return order;
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound {
        if (!"8".equals(message.getHeader().getString(35))) {
            return;
        }
        final char execType = message.getChar(150);
        final String clOrdId = message.getString(11);
        final int stepEnd = clOrdId.indexOf('.');
        final int seqEnd = clOrdId.indexOf('.', stepEnd + 1);
        final boolean measured = stepEnd > 0 && seqEnd > 0
            && Integer.parseInt(clOrdId, 0, stepEnd, 10) == measuredStep;
        switch (execType) {
            case '0' -> {
                ackCount.incrementAndGet();
                if (measured) {
                    acks.recordValue(Math.max(0, System.nanoTime() - Long.parseLong(clOrdId, seqEnd + 1,
                        clOrdId.length(), 10)));
                }
            }
            case 'F' -> {
                fillCount.incrementAndGet();
                if (measured) {
                    fills.recordValue(Math.max(0, System.nanoTime() - Long.parseLong(clOrdId, seqEnd + 1,
                        clOrdId.length(), 10)));
                }
            }
            case '8' -> {
                rejectCount.incrementAndGet();
                firstReject.compareAndSet(null, clOrdId + ": " + (message.isSetField(58) ? message.getString(58)
                    : "(no text)"));
            }
            default -> {
            }
        }
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        try {
            if ("A".equals(message.getHeader().getString(35))) {
                message.setString(553, sessionId.getSenderCompID());
                message.setString(554, password);
            }
        } catch (final FieldNotFound ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        loggedOn.add(sessionId);
    }

    @Override
    public void onLogout(final SessionID sessionId) {
        loggedOn.remove(sessionId);
    }

    @Override
    public void onCreate(final SessionID sessionId) {
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) {
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId) {
    }

    @Override
    public void close() {
        initiator.stop(true);
    }
}
