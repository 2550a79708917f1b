package io.portcullis.oms.engine;

import io.portcullis.oms.book.LevelChangeSink;
import io.portcullis.oms.book.Order;
import io.portcullis.oms.book.OrderBook;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.risk.RiskStateful;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All mutable engine state and the bookkeeping that keeps its indexes consistent: orders by id (each entry
 * carrying the hash its order is filed under in the ClOrdID index), live orders by (session, ClOrdID), the
 * live-order list in order id order (so every walk over live orders is deterministic whatever the hash
 * layout), the order pool, the counters, the firm-wide totals the pre-trade checks read, and the stateful
 * pre-trade check if there is one. Engine thread only.
 */
final class EngineState {

    final EngineConfig config;
    final SymbolState[] symbols;
    final Map<String, SymbolState> symbolsByName = new HashMap<>();
    final AccountState[] accounts;
    final Map<String, AccountState> accountsByName = new HashMap<>();
    final BrokerFirmState[] brokerFirms;
    final Map<String, BrokerFirmState> brokerFirmsByName = new HashMap<>();
    /** The pre-trade check when it keeps state of its own, else null. */
    final RiskStateful risk;
    final OrderIdIndex ordersById;
    final ClOrdIdIndex liveByClOrdId;

    Order oldestLive;
    Order newestLive;
    int liveCount;

    long lastSequence;
    long lastTimestamp;
    long orderIdCounter;
    long execIdCounter;
    long tradeIdCounter;
    long internalErrors;

    long currentSequence;
    long now;

    /** Firm-wide totals over every account, in 1e-4 USD: open order notional and today's executed notional. */
    long openBuyNotional;
    long openSellNotional;
    long executedBuyNotional;
    long executedSellNotional;

    private Order[] pool;
    private int pooled;
    private Order[] finished = new Order[64];
    private int finishedCount;
    private SymbolState[] touched;
    private int touchedCount;

    EngineState(final EngineConfig config, final LevelChangeSink depthSink) {
        this.config = config;
        final List<Instrument> instruments = config.instruments().instruments();
        this.symbols = new SymbolState[instruments.size()];
        for (int i = 0; i < symbols.length; i++) {
            final Instrument instrument = instruments.get(i);
            final SymbolState symbol = new SymbolState(i, instrument, new OrderBook(instrument.symbol(), depthSink));
            symbol.halted = instrument.status() == InstrumentStatus.HALTED;
            symbols[i] = symbol;
            symbolsByName.put(instrument.symbol(), symbol);
        }
        final List<Account> accountList = config.accounts();
        this.accounts = new AccountState[accountList.size()];
        for (int i = 0; i < accounts.length; i++) {
            final Account account = accountList.get(i);
            BrokerFirmState firm = brokerFirmsByName.get(account.brokerFirmId());
            if (firm == null) {
                firm = new BrokerFirmState(brokerFirmsByName.size(), account.brokerFirmId());
                brokerFirmsByName.put(account.brokerFirmId(), firm);
            }
            accounts[i] = new AccountState(i, account, firm, symbols.length);
            accountsByName.put(account.accountId(), accounts[i]);
        }
        this.brokerFirms = new BrokerFirmState[brokerFirmsByName.size()];
        for (final BrokerFirmState firm : brokerFirmsByName.values()) {
            brokerFirms[firm.index] = firm;
        }
        this.risk = config.preTradeCheck() instanceof RiskStateful stateful ? stateful : null;
        this.ordersById = new OrderIdIndex(config.expectedLiveOrders());
        this.liveByClOrdId = new ClOrdIdIndex(config.expectedLiveOrders());
        this.pool = new Order[config.expectedLiveOrders()];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new Order();
        }
        this.pooled = pool.length;
        this.touched = new SymbolState[symbols.length];
    }

    SymbolState symbol(final String name) {
        return name == null ? null : symbolsByName.get(name);
    }

    AccountState account(final String name) {
        return name == null ? null : accountsByName.get(name);
    }

    /** @return a reset-able order from the pool; allocates only when more orders are live than ever before */
    Order acquire() {
        return pooled > 0 ? pool[--pooled] : new Order();
    }

    /** Makes an initialised order live: indexes it and appends it to the live list. */
    void register(final Order order) {
        final int hash = ClOrdIdIndex.hash(order.sessionId(), order.clOrdId());
        ordersById.put(order, hash);
        liveByClOrdId.put(order, hash);
        order.linkLive(newestLive);
        if (oldestLive == null) {
            oldestLive = order;
        }
        newestLive = order;
        liveCount++;
    }

    /** Removes a done order from every index; it returns to the pool when the command ends. */
    void retire(final Order order) {
        final int hash = ordersById.remove(order.orderId(), 0);
        liveByClOrdId.remove(order, hash);
        if (oldestLive == order) {
            oldestLive = order.newerLive();
        }
        if (newestLive == order) {
            newestLive = order.olderLive();
        }
        order.unlinkLive();
        liveCount--;
        if (finishedCount == finished.length) {
            finished = Arrays.copyOf(finished, finishedCount * 2);
        }
        finished[finishedCount++] = order;
    }

    /**
     * Moves an order's ClOrdID index entry after an accepted replace. The entry of the previous ClOrdID is
     * found by the hash kept beside the order in the OrderID index, so the old string is not read again.
     */
    void reindex(final Order order) {
        final int hash = ClOrdIdIndex.hash(order.sessionId(), order.clOrdId());
        liveByClOrdId.remove(order, ordersById.replacePayload(order.orderId(), hash));
        liveByClOrdId.put(order, hash);
    }

    Order findLive(final String sessionId, final String clOrdId, final long orderId) {
        if (orderId != 0) {
            return ordersById.get(orderId);
        }
        if (sessionId == null || clOrdId == null) {
            return null;
        }
        return liveByClOrdId.get(sessionId, clOrdId, ClOrdIdIndex.hash(sessionId, clOrdId));
    }

    boolean isLiveClOrdId(final String sessionId, final String clOrdId) {
        return liveByClOrdId.get(sessionId, clOrdId, ClOrdIdIndex.hash(sessionId, clOrdId)) != null;
    }

    void touch(final SymbolState symbol) {
        if (!symbol.touched) {
            symbol.touched = true;
            touched[touchedCount++] = symbol;
        }
    }

    int touchedCount() {
        return touchedCount;
    }

    SymbolState touchedAt(final int i) {
        return touched[i];
    }

    /** Ends a command: clears the touched set and returns finished orders to the pool. */
    void endCommand() {
        for (int i = 0; i < touchedCount; i++) {
            touched[i].touched = false;
            touched[i].tradedThisCommand = false;
            touched[i] = null;
        }
        touchedCount = 0;
        for (int i = 0; i < finishedCount; i++) {
            if (pooled == pool.length) {
                pool = Arrays.copyOf(pool, pooled * 2);
            }
            pool[pooled++] = finished[i];
            finished[i] = null;
        }
        finishedCount = 0;
    }
}
