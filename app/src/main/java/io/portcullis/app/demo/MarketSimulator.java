package io.portcullis.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.portcullis.fix.order.EnginePort;
import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.runner.CommandCallback;

/**
 * Synthetic liquidity for the demo: for each simulated symbol, a market maker keeps a bid and an offer a few ticks
 * around a randomly walking mid price (re-quoting every tick), and now and then a liquidity taker crosses the spread
 * with an IOC order, so that orders from brokers trade and the tape moves. Orders go straight to the engine under
 * session {@value #SESSION}; off in production, on in the demo.
 *
 * <p>Runs on its own scheduler thread. Deterministic for a given seed, except for timing.
 */
public final class MarketSimulator implements AutoCloseable {
    /** The engine session id the simulator's orders carry. */
    public static final String SESSION = "SIMULATOR";

    private static final CommandCallback IGNORE = new CommandCallback() {
        @Override
        public void onDurable(final long sequence, final long offset, final byte[] record) {
        }

        @Override
        public void onLost(final long sequence, final String reason) {
        }
    };

    private final EnginePort engine;
    private final String makerAccount;
    private final String takerAccount;
    private final LongSupplier clock;
    private final SplittableRandom random;
    private final List<Quote> quotes = new ArrayList<>();
    private final AtomicLong commands = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread thread = new Thread(r, "market-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private long ids;

    private static final class Quote {
        final Instrument instrument;
        long mid;
        String bidId;
        String askId;

        Quote(final Instrument instrument) {
            this.instrument = instrument;
            this.mid = instrument.referencePrice();
        }
    }

    /**
     * @param engine       where orders go
     * @param instruments  the symbols to make markets in
     * @param makerAccount the market maker's account (must be a configured account)
     * @param takerAccount the liquidity taker's account (another configured account)
     * @param clock        epoch nanos UTC for the commands' ingress time
     * @param seed         random seed
     */
    public MarketSimulator(final EnginePort engine, final List<Instrument> instruments, final String makerAccount,
                           final String takerAccount, final LongSupplier clock, final long seed) {
        this.engine = engine;
        this.makerAccount = makerAccount;
        this.takerAccount = takerAccount;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
        instruments.forEach(i -> quotes.add(new Quote(i)));
    }

    /** Starts quoting every {@code tickMillis}. */
    public void start(final long tickMillis) {
        scheduler.scheduleAtFixedRate(this::tick, 0, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** Commands submitted so far. Any thread. */
    public long commands() {
        return commands.get();
    }

    private void tick() {
        for (final Quote quote : quotes) {
            final long tick = quote.instrument.tickSize();
            quote.mid = Math.max(tick * 10, quote.mid + tick * (random.nextInt(5) - 2));
            final long halfSpread = tick * (1 + random.nextInt(3));
            cancel(quote.bidId);
            cancel(quote.askId);
            quote.bidId = place(quote.instrument, Side.BUY, OrdType.LIMIT, TimeInForce.DAY,
                quote.mid - halfSpread, makerAccount, lots(quote.instrument, 5));
            quote.askId = place(quote.instrument, Side.SELL, OrdType.LIMIT, TimeInForce.DAY,
                quote.mid + halfSpread, makerAccount, lots(quote.instrument, 5));
            if (random.nextInt(4) == 0) {
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                place(quote.instrument, side, OrdType.LIMIT, TimeInForce.IOC,
                    side == Side.BUY ? quote.mid + halfSpread : quote.mid - halfSpread, takerAccount,
                    lots(quote.instrument, 2));
            }
        }
    }

    /** 100 to 100 * maxLots shares, rounded down to the instrument's lot size (at least one lot). */
    private long lots(final Instrument instrument, final int maxLots) {
        final long shares = 100L * (1 + random.nextInt(maxLots));
        return Math.max(instrument.lotSize(), shares - shares % instrument.lotSize());
    }

    private String place(final Instrument instrument, final Side side, final OrdType type, final TimeInForce tif,
                         final long price, final String account, final long qty) {
        final String id = "SIM-" + (++ids);
        submit(new NewOrder(0, clock.getAsLong(), SESSION, id, account, instrument.symbol(), side, type, tif, qty,
            type == OrdType.MARKET ? Prices.NONE : price, Prices.NONE, 0, NewOrder.NO_EXPIRY));
        return id;
    }

    private void cancel(final String clOrdId) {
        if (clOrdId != null) {
            submit(new CancelOrder(0, clock.getAsLong(), SESSION, "SIMX-" + (++ids), clOrdId, 0));
        }
    }

    private void submit(final io.portcullis.oms.command.Command command) {
        if (engine.submit(command, IGNORE)) {
            commands.incrementAndGet();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
