package io.portcullis.bench.engine.workload;

import java.util.Random;

/**
 * Generates exchange-core's published single-symbol command mix from a seed: about 9% GTC place, 3% IOC, 6%
 * cancel and 82% move, with ~1,000 resting orders spread over several hundred price levels. Prices follow
 * exchange-core's {@code TestOrdersGenerator}: GTC orders land within a random deviation on their own side of
 * the last trade price, IOC orders sweep with a limit five deviations away, and a move pulls an order 1% of the
 * way towards the last trade price (at least one tick), so moves cross the spread now and then and trade.
 * Differences from that generator, all applied to both engines alike: no FOK-budget or reduce commands (outside
 * the stated mix), cancel and move targets are drawn uniformly from all resting orders, and a small feedback keeps
 * the book near its target size by turning a cancel into a GTC place (or back) when the book drifts more than 5%.
 *
 * <p>Deterministic: the same {@link WorkloadConfig} yields the same {@link Workload} on every JVM
 * ({@link java.util.Random} is specified bit for bit). Each user trades one side only, so no order can meet an
 * order of its own user: self-trade prevention (ours) never fires and cannot make the engines diverge.
 * Single-threaded; allocates (it is never measured).
 */
public final class WorkloadGenerator {

    private static final double CENTRAL_MOVE_ALPHA = 0.01;
    private static final int SAMPLE_EVERY = 1_000;

    private final WorkloadConfig config;
    private final Random rand;
    private final ReferenceBook book = new ReferenceBook();
    private final long priceDeviation;
    private final long minPrice;
    private final long maxPrice;
    private long lastTradePrice;
    private long nextOrderId = 1;

    private WorkloadGenerator(final WorkloadConfig config) {
        this.config = config.validate();
        this.rand = new Random(config.seed());
        this.lastTradePrice = config.startPrice();
        this.priceDeviation = Math.min(config.startPrice() / 20, 10_000L);
        this.minPrice = config.startPrice() - priceDeviation * 5;
        this.maxPrice = config.startPrice() + priceDeviation * 5;
        this.book.lastTradePrice = lastTradePrice;
    }

    /**
     * @param config the settings
     * @return the generated workload, checked against the reference book
     */
    public static Workload generate(final WorkloadConfig config) {
        return new WorkloadGenerator(config).run();
    }

    private Workload run() {
        final int fill = config.targetOrders();
        final int mix = config.mixCommands();
        final int[] counts = new int[MixCommand.values().length];
        final Workload w = new Workload(fill, mix, null);
        for (int i = 0; i < fill; i++) {
            placeGtc(w, i);
        }
        final long tradesBeforeMix = book.trades;
        long sumOrders = 0;
        long sumLevels = 0;
        int samples = 0;
        final int slack = Math.max(1, config.targetOrders() / 20);
        for (int i = fill; i < fill + mix; i++) {
            final MixCommand kind = choose(slack);
            counts[kind.ordinal()]++;
            switch (kind) {
                case PLACE_GTC -> placeGtc(w, i);
                case PLACE_IOC -> placeIoc(w, i);
                case CANCEL -> cancel(w, i);
                case MOVE -> move(w, i);
                default -> throw new IllegalStateException(kind.name());
            }
            if ((i - fill) % SAMPLE_EVERY == 0) {
                sumOrders += book.liveCount();
                sumLevels += book.levelCount();
                samples++;
            }
        }
        final WorkloadOutcome outcome = new WorkloadOutcome(book.trades, book.tradedQty, book.restingOrders(true),
            book.restingOrders(false), book.restingQty(true), book.restingQty(false),
            counts[MixCommand.PLACE_GTC.ordinal()], counts[MixCommand.PLACE_IOC.ordinal()],
            counts[MixCommand.CANCEL.ordinal()], counts[MixCommand.MOVE.ordinal()], book.trades - tradesBeforeMix,
            (double) sumOrders / samples, (double) sumLevels / samples);
        final Workload result = new Workload(fill, mix, outcome);
        System.arraycopy(w.type, 0, result.type, 0, w.size());
        System.arraycopy(w.orderId, 0, result.orderId, 0, w.size());
        System.arraycopy(w.buy, 0, result.buy, 0, w.size());
        System.arraycopy(w.price, 0, result.price, 0, w.size());
        System.arraycopy(w.qty, 0, result.qty, 0, w.size());
        System.arraycopy(w.uid, 0, result.uid, 0, w.size());
        return result;
    }

    private MixCommand choose(final int slack) {
        final int r = rand.nextInt(100);
        MixCommand kind = r < 9 ? MixCommand.PLACE_GTC
            : r < 12 ? MixCommand.PLACE_IOC
            : r < 18 ? MixCommand.CANCEL
            : MixCommand.MOVE;
        final int live = book.liveCount();
        if (kind == MixCommand.CANCEL && live < config.targetOrders() - slack) {
            kind = MixCommand.PLACE_GTC;
        } else if (kind == MixCommand.PLACE_GTC && live > config.targetOrders() + slack) {
            kind = MixCommand.CANCEL;
        }
        if (live == 0 && (kind == MixCommand.CANCEL || kind == MixCommand.MOVE)) {
            kind = MixCommand.PLACE_GTC;
        }
        return kind;
    }

    private void placeGtc(final Workload w, final int i) {
        final boolean buy = rand.nextInt(4) >= 2;
        final int uid = uid(buy);
        final int dev = 1 + (int) (Math.pow(rand.nextDouble(), 2) * priceDeviation);
        long p = 0;
        for (int k = 0; k < 4; k++) {
            p += rand.nextInt(dev);
        }
        p = p / 4 * 2 - dev;
        if (p > 0 ^ !buy) {
            p = -p;
        }
        final long price = Math.max(1, lastTradePrice + p);
        final long qty = 1 + rand.nextInt(6) * rand.nextInt(6) * rand.nextInt(6);
        final long id = nextOrderId++;
        record(w, i, MixCommand.PLACE_GTC, id, buy, price, qty, uid);
        book.place(id, buy, price, qty, uid, true);
        afterTrades();
    }

    private void placeIoc(final Workload w, final int i) {
        final boolean buy = rand.nextInt(4) >= 2;
        final int uid = uid(buy);
        final long price = buy ? maxPrice : minPrice;
        final long qty = 1 + rand.nextInt(6) * rand.nextInt(6) * rand.nextInt(6);
        final long id = nextOrderId++;
        record(w, i, MixCommand.PLACE_IOC, id, buy, price, qty, uid);
        book.place(id, buy, price, qty, uid, false);
        afterTrades();
    }

    private void cancel(final Workload w, final int i) {
        final ReferenceBook.RestingOrder o = book.liveAt(rand.nextInt(book.liveCount()));
        record(w, i, MixCommand.CANCEL, o.orderId, o.buy, o.price, o.qty, o.uid);
        book.cancel(o.orderId);
    }

    private void move(final Workload w, final int i) {
        final ReferenceBook.RestingOrder o = book.liveAt(rand.nextInt(book.liveCount()));
        final long prev = o.price;
        final double priceMove = (lastTradePrice - prev) * CENTRAL_MOVE_ALPHA;
        final long step;
        if (prev > lastTradePrice) {
            step = (long) Math.floor(priceMove);
        } else if (prev < lastTradePrice) {
            step = (long) Math.ceil(priceMove);
        } else {
            step = rand.nextInt(2) * 2 - 1;
        }
        long newPrice = Math.max(1, Math.min(prev + step, maxPrice));
        if (newPrice == prev) {
            // A same-price replace keeps priority in our engine but re-queues in exchange-core: never generate one.
            newPrice = prev - 1;
        }
        record(w, i, MixCommand.MOVE, o.orderId, o.buy, newPrice, o.qty, o.uid);
        book.move(o.orderId, newPrice);
        afterTrades();
    }

    private void afterTrades() {
        if (book.tradedLastCall) {
            lastTradePrice = Math.min(maxPrice, Math.max(minPrice, book.lastTradePrice));
        }
    }

    private int uid(final boolean buy) {
        final int user = rand.nextInt(config.usersPerSide());
        return buy ? 1 + user : 1 + config.usersPerSide() + user;
    }

    private static void record(final Workload w, final int i, final MixCommand kind, final long orderId,
                               final boolean buy, final long price, final long qty, final int uid) {
        w.type[i] = (byte) kind.ordinal();
        w.orderId[i] = orderId;
        w.buy[i] = buy;
        w.price[i] = price;
        w.qty[i] = qty;
        w.uid[i] = uid;
    }
}
