package io.portcullis.oms.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.portcullis.oms.command.CancelOrder;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.command.NewOrder;
import io.portcullis.oms.command.ReplaceOrder;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import io.portcullis.oms.engine.EngineConfig;
import io.portcullis.oms.instrument.InstrumentRegistry;

/**
 * A seeded stream of realistic commands for journal and replay tests: limit, market, IOC and FOK orders around a
 * reference price, cancels and replaces of earlier orders, over three symbols and four accounts. Sequence numbers
 * are 1, 2, 3, ... (the runner re-assigns them anyway).
 */
final class RandomFlow {
    static final String SESSION = "FIX.4.4:PORTCULLIS->BROKER1";
    private static final String[] SYMBOLS = {"AAPL", "MSFT", "SPY"};
    private static final long[] REFERENCE = {1_872_500, 4_784_300, 6_687_300};
    private static final String[] ACCOUNTS = {"ALICE", "BOB", "CAROL", "DAVE"};

    private final SplittableRandom random;
    private final String prefix;
    private final List<String> clOrdIds = new ArrayList<>();
    private long sequence;
    private long time = 1_767_600_000_000_000_000L;

    RandomFlow(final long seed) {
        this(seed, "");
    }

    /** @param prefix put before every ClOrdID, so that two flows on one session never share one */
    RandomFlow(final long seed, final String prefix) {
        random = new SplittableRandom(seed);
        this.prefix = prefix;
    }

    static EngineConfig config() {
        final List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < SYMBOLS.length; i++) {
            instruments.add(new Instrument(SYMBOLS[i], SYMBOLS[i], "XNAS", true, 100, 1, REFERENCE[i],
                InstrumentStatus.ACTIVE));
        }
        final List<Account> accounts = new ArrayList<>();
        for (final String account : ACCOUNTS) {
            accounts.add(Account.customer(account, account.compareTo("C") < 0 ? "FIRMA" : "FIRMB"));
        }
        return new EngineConfig().instruments(InstrumentRegistry.of(instruments)).accounts(accounts)
            .expectedLiveOrders(1 << 16);
    }

    Command next() {
        sequence++;
        time += 1 + random.nextInt(50_000);
        final int roll = random.nextInt(100);
        if (roll < 15 && !clOrdIds.isEmpty()) {
            final String orig = clOrdIds.get(random.nextInt(clOrdIds.size()));
            return new CancelOrder(sequence, time, SESSION, prefix + "C" + sequence, orig, 0);
        }
        if (roll < 30 && !clOrdIds.isEmpty()) {
            final String orig = clOrdIds.get(random.nextInt(clOrdIds.size()));
            final int s = Integer.parseInt(orig.substring(orig.indexOf('-') + 1));
            final String id = prefix + "R" + orig.charAt(prefix.length() + 1) + sequence + "-" + s;
            clOrdIds.add(id);
            return new ReplaceOrder(sequence, time, SESSION, id, orig, 0, SYMBOLS[s],
                Side.values()[orig.charAt(prefix.length() + 1) - '0'], 100 * (1 + random.nextInt(10)),
                price(s), Prices.NONE);
        }
        final int s = random.nextInt(SYMBOLS.length);
        final int sideIndex = random.nextInt(2);
        final String id = prefix + "N" + sideIndex + sequence + "-" + s;
        clOrdIds.add(id);
        if (clOrdIds.size() > 2_000) {
            clOrdIds.remove(0);
        }
        final int kind = random.nextInt(100);
        final OrdType type = kind < 5 ? OrdType.MARKET : OrdType.LIMIT;
        final TimeInForce tif = kind < 5 ? TimeInForce.IOC : kind < 12 ? TimeInForce.IOC : kind < 15
            ? TimeInForce.FOK : kind < 70 ? TimeInForce.DAY : TimeInForce.GTC;
        return new NewOrder(sequence, time, SESSION, id, ACCOUNTS[random.nextInt(ACCOUNTS.length)], SYMBOLS[s],
            Side.values()[sideIndex], type, tif, 100 * (1 + random.nextInt(10)),
            type == OrdType.MARKET ? Prices.NONE : price(s), Prices.NONE, 0, NewOrder.NO_EXPIRY);
    }

    private long price(final int symbol) {
        return REFERENCE[symbol] + 100L * (random.nextInt(41) - 20);
    }
}
