package io.portcullis.oms.engine;

import io.portcullis.oms.domain.Account;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.instrument.InstrumentRegistry;
import io.portcullis.oms.risk.PassThroughCheck;
import io.portcullis.oms.risk.PreTradeCheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The engine's configuration (one object per component, Aeron {@code Context} style): each setting has a name
 * and a default, {@link #validate()} names the setting and the bad value, {@link #toString()} prints the
 * effective configuration. Instruments and accounts are configuration, not state: a restored or replaying
 * engine must be built with the same ones. Built on any thread before the engine starts; not thread-safe.
 */
public final class EngineConfig {

    /** Default {@code maxOrderQty}: 100,000,000 shares. */
    public static final long DEFAULT_MAX_ORDER_QTY = 100_000_000L;

    /** Default {@code maxPrice}: 1,000,000 USD in 1e-4 USD. */
    public static final long DEFAULT_MAX_PRICE = 10_000_000_000L;

    /** Default {@code expectedLiveOrders}. */
    public static final int DEFAULT_EXPECTED_LIVE_ORDERS = 16_384;

    private InstrumentRegistry instruments;
    private final List<Account> accounts = new ArrayList<>();
    private PreTradeCheck preTradeCheck = PassThroughCheck.INSTANCE;
    private EngineListener listener = EngineListener.NO_OP;
    private long maxOrderQty = DEFAULT_MAX_ORDER_QTY;
    private long maxPrice = DEFAULT_MAX_PRICE;
    private int expectedLiveOrders = DEFAULT_EXPECTED_LIVE_ORDERS;

    /**
     * @param registry {@code instruments}: the tradable symbols (required)
     * @return this
     */
    public EngineConfig instruments(final InstrumentRegistry registry) {
        this.instruments = registry;
        return this;
    }

    /**
     * @param list {@code accounts}: the accounts orders may name (required, at least one); order defines the
     *             dense account index used in snapshots
     * @return this
     */
    public EngineConfig accounts(final List<Account> list) {
        this.accounts.clear();
        this.accounts.addAll(list);
        return this;
    }

    /**
     * @param check {@code preTradeCheck}: default {@link PassThroughCheck}
     * @return this
     */
    public EngineConfig preTradeCheck(final PreTradeCheck check) {
        this.preTradeCheck = check;
        return this;
    }

    /**
     * @param engineListener {@code listener}: default {@link EngineListener#NO_OP}
     * @return this
     */
    public EngineConfig listener(final EngineListener engineListener) {
        this.listener = engineListener;
        return this;
    }

    /**
     * @param qty {@code maxOrderQty} in shares; default {@value #DEFAULT_MAX_ORDER_QTY}
     * @return this
     */
    public EngineConfig maxOrderQty(final long qty) {
        this.maxOrderQty = qty;
        return this;
    }

    /**
     * @param price {@code maxPrice} in 1e-4 USD; default {@value #DEFAULT_MAX_PRICE}
     * @return this
     */
    public EngineConfig maxPrice(final long price) {
        this.maxPrice = price;
        return this;
    }

    /**
     * @param count {@code expectedLiveOrders}: pre-sizes the order index and pool; default
     *              {@value #DEFAULT_EXPECTED_LIVE_ORDERS}
     * @return this
     */
    public EngineConfig expectedLiveOrders(final int count) {
        this.expectedLiveOrders = count;
        return this;
    }

    /**
     * Checks every setting.
     *
     * @return this
     * @throws IllegalArgumentException naming the setting and the bad value
     */
    public EngineConfig validate() {
        if (instruments == null || instruments.size() == 0) {
            throw new IllegalArgumentException("instruments: at least one instrument is required");
        }
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("accounts: at least one account is required");
        }
        final Set<String> ids = new HashSet<>();
        for (final Account account : accounts) {
            if (!ids.add(Objects.requireNonNull(account, "accounts: null entry").accountId())) {
                throw new IllegalArgumentException("accounts: duplicate account id " + account.accountId());
            }
        }
        Objects.requireNonNull(preTradeCheck, "preTradeCheck");
        Objects.requireNonNull(listener, "listener");
        if (maxOrderQty <= 0) {
            throw new IllegalArgumentException("maxOrderQty: must be positive, was " + maxOrderQty);
        }
        if (maxPrice <= 0) {
            throw new IllegalArgumentException("maxPrice: must be positive, was " + maxPrice);
        }
        if (Math.multiplyHigh(maxPrice, maxOrderQty) != 0 || maxPrice * maxOrderQty < 0) {
            throw new IllegalArgumentException("maxPrice * maxOrderQty overflows a long notional: maxPrice="
                + maxPrice + " maxOrderQty=" + maxOrderQty);
        }
        if (expectedLiveOrders < 16) {
            throw new IllegalArgumentException("expectedLiveOrders: must be at least 16, was " + expectedLiveOrders);
        }
        return this;
    }

    /** @return instruments */
    public InstrumentRegistry instruments() {
        return instruments;
    }

    /** @return accounts in index order; the live list */
    public List<Account> accounts() {
        return accounts;
    }

    /** @return the pre-trade check */
    public PreTradeCheck preTradeCheck() {
        return preTradeCheck;
    }

    /** @return the listener */
    public EngineListener listener() {
        return listener;
    }

    /** @return maximum order quantity in shares */
    public long maxOrderQty() {
        return maxOrderQty;
    }

    /** @return maximum price in 1e-4 USD */
    public long maxPrice() {
        return maxPrice;
    }

    /** @return expected number of live orders */
    public int expectedLiveOrders() {
        return expectedLiveOrders;
    }

    @Override
    public String toString() {
        return "EngineConfig{instruments=" + (instruments == null ? 0 : instruments.size())
            + ", accounts=" + accounts.size()
            + ", preTradeCheck=" + (preTradeCheck == null ? null : preTradeCheck.getClass().getName())
            + ", listener=" + (listener == null ? null : listener.getClass().getName())
            + ", maxOrderQty=" + maxOrderQty + ", maxPrice=" + maxPrice
            + ", expectedLiveOrders=" + expectedLiveOrders + '}';
    }
}
