package io.portcullis.app.demo;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.portcullis.fix.field.ClOrdID;
import io.portcullis.fix.field.ExecType;
import io.portcullis.fix.field.HandlInst;
import io.portcullis.fix.field.OrdType;
import io.portcullis.fix.field.OrderQty;
import io.portcullis.fix.field.Password;
import io.portcullis.fix.field.Price;
import io.portcullis.fix.field.Side;
import io.portcullis.fix.field.Symbol;
import io.portcullis.fix.field.TimeInForce;
import io.portcullis.fix.field.TransactTime;
import io.portcullis.fix.field.Username;
import io.portcullis.fix.messages.fix44.NewOrderSingle;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.Prices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;

/**
 * The demo's own trading client: a QuickFIX/J initiator session that logs on with its CompID and credentials and
 * sends marketable limit orders in a few symbols, counting the acknowledgements and fills it gets back. It uses a
 * CompID of its own so that the documented broker sessions stay free for a user's FIX client.
 *
 * <p>QuickFIX/J callbacks arrive on the session thread; orders are sent from a scheduler thread.
 */
public final class DemoTrader implements Application, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoTrader.class);

    private final String username;
    private final String password;
    private final List<Instrument> instruments;
    private final SplittableRandom random;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong fills = new AtomicLong();
    private final AtomicLong rejects = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread thread = new Thread(r, "demo-trader");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SessionID session;
    private long ids;

    /**
     * @param username    Username(553) sent on Logon
     * @param password    Password(554) sent on Logon
     * @param instruments the symbols it trades
     * @param seed        random seed
     */
    public DemoTrader(final String username, final String password, final List<Instrument> instruments,
                      final long seed) {
        this.username = username;
        this.password = password;
        this.instruments = List.copyOf(instruments);
        this.random = new SplittableRandom(seed);
    }

    /** Sends one order every {@code periodMillis} while logged on. */
    public void start(final long periodMillis) {
        scheduler.scheduleAtFixedRate(this::sendOrder, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void sendOrder() {
        final SessionID target = session;
        if (target == null) {
            return;
        }
        final Instrument instrument = instruments.get(random.nextInt(instruments.size()));
        final boolean buy = random.nextBoolean();
        final long offset = instrument.tickSize() * (random.nextInt(8) - 2);
        final long price = Math.max(instrument.tickSize(), instrument.referencePrice() + (buy ? offset : -offset));
        final NewOrderSingle order = new NewOrderSingle(new ClOrdID("DEMO-" + System.currentTimeMillis() + "-"
            + (++ids)), new Side(buy ? Side.BUY : Side.SELL), new TransactTime(LocalDateTime.now(ZoneOffset.UTC)),
            new OrdType(OrdType.LIMIT));
        order.set(new HandlInst(HandlInst.AUTOMATED_EXECUTION_ORDER_PRIVATE_NO_BROKER_INTERVENTION));
        order.set(new Symbol(instrument.symbol()));
        order.set(new OrderQty(BigDecimal.valueOf(100L * (1 + random.nextInt(3)))));
        order.set(new Price(Prices.toBigDecimal(price)));
        order.set(new TimeInForce(TimeInForce.DAY));
        try {
            if (Session.sendToTarget(order, target)) {
                sent.incrementAndGet();
            }
        } catch (final SessionNotFound ex) {
            LOG.warn("demo trader session gone: {}", ex.getMessage());
        }
    }

    /** Orders sent. */
    public long sent() {
        return sent.get();
    }

    /** Orders acknowledged (ExecType New). */
    public long acked() {
        return acked.get();
    }

    /** Fills received (ExecType Trade). */
    public long fills() {
        return fills.get();
    }

    /** Rejects received. */
    public long rejects() {
        return rejects.get();
    }

    /** True while logged on. */
    public boolean loggedOn() {
        return session != null;
    }

    @Override
    public void onCreate(final SessionID sessionId) {
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        session = sessionId;
        LOG.info("demo trader logged on as {}", sessionId);
    }

    @Override
    public void onLogout(final SessionID sessionId) {
        session = null;
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        try {
            if ("A".equals(message.getHeader().getString(35))) {
                message.setField(new Username(username));
                message.setField(new Password(password));
            }
        } catch (final FieldNotFound ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) {
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId) {
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound {
        if (!"8".equals(message.getHeader().getString(35))) {
            return;
        }
        switch (message.getChar(ExecType.FIELD)) {
            case ExecType.NEW -> acked.incrementAndGet();
            case ExecType.TRADE -> fills.incrementAndGet();
            case ExecType.REJECTED -> rejects.incrementAndGet();
            default -> {
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
