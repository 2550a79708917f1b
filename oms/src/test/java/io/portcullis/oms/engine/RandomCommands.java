package io.portcullis.oms.engine;

import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.ExpireDayOrders;
import io.portcullis.oms.command.ExpireGtdOrders;
import io.portcullis.oms.command.HaltSymbol;
import io.portcullis.oms.command.MassCancel;
import io.portcullis.oms.command.MassScope;
import io.portcullis.oms.command.MassStatus;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.OrderStatusRequest;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.command.ResumeSymbol;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random order flow over a few symbols and accounts: limit DAY/GTC, market, IOC, FOK, cancels, and
 * replaces that move price, raise or lower quantity, plus a few invalid commands. Prices cluster around 100.00
 * within +-20 ticks so orders cross often. Half the orders are sells, a quarter of those short sales and a quarter
 * short sales exempt, which must trade exactly like long sales.
 */
final class RandomCommands {

    /** What the generator needs to know about a live order to target it. */
    record LiveOrder(long orderId, String session, String clOrdId, String symbol, Side side, long price, long qty,
                     long cum) {
    }

    static final List<String> SYMBOLS = List.of(EngineDriver.AAPL, EngineDriver.MSFT);
    static final List<String> ACCOUNTS = List.of(EngineDriver.ALICE, EngineDriver.BOB, EngineDriver.CAROL,
        EngineDriver.RESTING_STP, EngineDriver.BOTH_STP);
    static final List<String> SESSIONS = List.of(EngineDriver.SESSION, EngineDriver.OTHER_SESSION);
    private static final long MID = 1_000_000;
    private static final long TICK = 100;

    private final SplittableRandom random;
    private long sequence;
    private long time = EngineDriver.T0;
    private long clOrdIds;

    RandomCommands(final long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Picks a live order to target, deterministically from the random source; null when there is none. */
    interface Picker {
        LiveOrder pick(SplittableRandom random);
    }

    /** @return a picker over a list of live orders */
    static Picker from(final List<LiveOrder> live) {
        return r -> live.isEmpty() ? null : live.get(r.nextInt(live.size()));
    }

    /** The next command of the limit/market/IOC/FOK/cancel/replace flow. */
    Command next(final Picker live) {
        sequence++;
        time += 1 + random.nextInt(1_000_000);
        final int dice = random.nextInt(100);
        if (dice < 15) {
            final LiveOrder target = live.pick(random);
            if (target != null) {
                return new CancelOrder(sequence, time, target.session(), "x" + (++clOrdIds), target.clOrdId(),
                    target.orderId());
            }
        }
        if (dice < 17) {
            return new CancelOrder(sequence, time, EngineDriver.SESSION, "x" + (++clOrdIds), null,
                1_000_000 + random.nextInt(1000));
        }
        if (dice < 40) {
            final LiveOrder target = live.pick(random);
            if (target != null) {
                return replace(target);
            }
        }
        return newOrder(live);
    }

    /**
     * The same flow plus everything else: stops, GTD, MinQty, order and mass status, mass cancel, halt and
     * resume, DAY and GTD expiry.
     */
    Command nextAny(final Picker live) {
        final int dice = random.nextInt(1000);
        if (dice >= 60) {
            return next(live);
        }
        sequence++;
        time += 1 + random.nextInt(1_000_000);
        final String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
        final String account = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        final Side side = side();
        final long price = MID + (random.nextInt(41) - 20) * TICK;
        final String clOrdId = "e" + (++clOrdIds);
        if (dice < 25) {
            final boolean limit = random.nextBoolean();
            return new NewOrder(sequence, time, EngineDriver.SESSION, clOrdId, account, symbol, side,
                limit ? OrdType.STOP_LIMIT : OrdType.STOP, TimeInForce.GTC, 1 + random.nextInt(200),
                limit ? price : Prices.NONE, MID + (random.nextInt(21) - 10) * TICK, 0, NewOrder.NO_EXPIRY);
        }
        if (dice < 33) {
            return new NewOrder(sequence, time, EngineDriver.SESSION, clOrdId, account, symbol, side, OrdType.LIMIT,
                TimeInForce.GTD, 1 + random.nextInt(200), price, Prices.NONE, 0, time + random.nextInt(50_000_000));
        }
        if (dice < 41) {
            final long qty = 1 + random.nextInt(300);
            return new NewOrder(sequence, time, EngineDriver.SESSION, clOrdId, account, symbol, side, OrdType.LIMIT,
                TimeInForce.DAY, qty, price, Prices.NONE, 1 + random.nextInt((int) qty), NewOrder.NO_EXPIRY);
        }
        if (dice < 46) {
            final LiveOrder target = live.pick(random);
            return new OrderStatusRequest(sequence, time, EngineDriver.SESSION, clOrdId,
                target == null ? "none" : target.clOrdId(), target == null ? 0 : target.orderId());
        }
        if (dice < 49) {
            final MassScope scope =
                MassScope.values()[random.nextInt(5)];
            return new MassCancel(sequence, time, EngineDriver.SESSION, clOrdId, scope,
                scopeValue(scope, account, symbol));
        }
        if (dice < 51) {
            return new MassStatus(sequence, time, EngineDriver.SESSION, clOrdId,
                MassScope.ACCOUNT, account);
        }
        if (dice < 53) {
            return new HaltSymbol(sequence, time, symbol);
        }
        if (dice < 57) {
            return new ResumeSymbol(sequence, time, symbol);
        }
        if (dice < 58) {
            return new ExpireDayOrders(sequence, time);
        }
        return new ExpireGtdOrders(sequence, time, time);
    }

    /** Buys half the time; sells are long sales, short sales and short sales exempt (all sells to the book). */
    private Side side() {
        if (random.nextBoolean()) {
            return Side.BUY;
        }
        return switch (random.nextInt(4)) {
            case 0 -> Side.SELL_SHORT;
            case 1 -> Side.SELL_SHORT_EXEMPT;
            default -> Side.SELL;
        };
    }

    private String scopeValue(final MassScope scope, final String account,
                              final String symbol) {
        return switch (scope) {
            case ACCOUNT -> account;
            case BROKER_FIRM -> random.nextBoolean() ? "FIRMA" : "FIRMB";
            case SESSION -> SESSIONS.get(random.nextInt(SESSIONS.size()));
            case SYMBOL -> symbol;
            case ALL -> null;
        };
    }

    private Command replace(final LiveOrder target) {
        final String clOrdId = "r" + (++clOrdIds);
        final int kind = random.nextInt(100);
        long qty = target.qty();
        long price = target.price();
        Side side = target.side();
        if (kind < 40) {
            price = Math.max(TICK, price + (random.nextInt(11) - 5) * TICK);
        } else if (kind < 65) {
            qty = target.qty() + 1 + random.nextInt(200);
        } else if (kind < 92) {
            qty = target.cum() + random.nextInt((int) Math.max(1, target.qty() - target.cum()));
            qty = Math.max(qty, 1);
        } else if (kind < 94) {
            side = side.opposite();
        } else if (kind < 95) {
            side = side == Side.SELL ? Side.SELL_SHORT : Side.SELL;
        } else if (kind < 97) {
            price = price + TICK / 2;
        } else {
            qty = Math.max(0, target.cum() - 1);
        }
        return new ReplaceOrder(sequence, time, target.session(), clOrdId, target.clOrdId(), target.orderId(),
            target.symbol(), side, qty, price, Prices.NONE);
    }

    private Command newOrder(final Picker live) {
        final String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
        final String account = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        String session = SESSIONS.get(random.nextInt(SESSIONS.size()));
        final Side side = side();
        long qty = 1 + random.nextInt(300);
        long price = MID + (random.nextInt(41) - 20) * TICK;
        OrdType type = OrdType.LIMIT;
        TimeInForce tif = random.nextInt(3) == 0 ? TimeInForce.DAY : TimeInForce.GTC;
        String clOrdId = "c" + (++clOrdIds);
        final int kind = random.nextInt(100);
        if (kind < 10) {
            type = OrdType.MARKET;
            price = Prices.NONE;
        } else if (kind < 22) {
            tif = TimeInForce.IOC;
        } else if (kind < 30) {
            tif = TimeInForce.FOK;
        } else if (kind < 32) {
            qty = 0;
        } else if (kind < 34) {
            price += TICK / 4;
        } else if (kind < 36) {
            final LiveOrder other = live.pick(random);
            if (other != null) {
                clOrdId = other.clOrdId();
                session = other.session();
            }
        }
        return new NewOrder(sequence, time, session, clOrdId, account, symbol, side, type, tif, qty, price,
            Prices.NONE, 0, NewOrder.NO_EXPIRY);
    }
}
