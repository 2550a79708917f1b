package io.portcullis.fix.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.portcullis.fix.messages.PortcullisMessageFactory;
import io.portcullis.oms.domain.Prices;
import io.portcullis.oms.domain.Side;
import quickfix.Group;
import quickfix.Message;
import quickfix.SessionID;

/**
 * Market data for FIX sessions: a per-symbol book image (price levels with quantity and order count, last trade) fed
 * by the durable engine events, and the sessions' subscriptions. Answers a MarketDataRequest(V) with one
 * MarketDataSnapshotFullRefresh(W) per symbol, or MarketDataRequestReject(Y); then, after every journal record that
 * changed a subscribed symbol, sends MarketDataIncrementalRefresh(X) (or W when the request asked for full refreshes,
 * MDUpdateType(265)=0).
 *
 * <p>Incremental updates are by price level: for each subscription the desk keeps the levels it last told the
 * subscriber about (the top MarketDepth levels per side; 0 = all) and sends the difference: MDUpdateAction 0 NEW for a
 * level that entered, 1 CHANGE for a new size, 2 DELETE for a level that left (also when it only fell below the
 * requested depth). Trades are sent as NEW entries of MDEntryType 2. Outbound thread only; not thread-safe.
 *
 * <p>The image starts empty when the gateway starts: levels resting from before a restart appear when they next
 * change (not yet seeded from an engine snapshot).
 */
final class MarketDataDesk {
    private static final int TEXT = 58;
    private static final int SYMBOL = 55;
    private static final int MD_REQ_ID = 262;
    private static final int NO_MD_ENTRIES = 268;
    private static final int MD_ENTRY_TYPE = 269;
    private static final int MD_ENTRY_PX = 270;
    private static final int MD_ENTRY_SIZE = 271;
    private static final int MD_UPDATE_ACTION = 279;
    private static final int MD_REQ_REJ_REASON = 281;
    private static final int MD_ENTRY_POSITION_NO = 290;
    private static final int NUMBER_OF_ORDERS = 346;
    private static final PortcullisMessageFactory MESSAGES = new PortcullisMessageFactory();

    /**
     * A parsed MarketDataRequest(V). Immutable.
     *
     * @param subscriptionType SubscriptionRequestType(263): 0 snapshot, 1 snapshot + updates, 2 unsubscribe
     * @param depth            MarketDepth(264): 0 full book, 1 top of book, N levels
     * @param entryTypes       MDEntryType(269) values asked for
     * @param fullRefresh      MDUpdateType(265)=0: updates as W instead of X
     */
    record Request(SessionID sessionId, String session, FixVersion version, String mdReqId, char subscriptionType,
                   int depth, Set<Character> entryTypes, boolean fullRefresh, List<String> symbols) {
    }

    private static final class Book {
        final TreeMap<Long, long[]> bids = new TreeMap<>(Collections.reverseOrder());
        final TreeMap<Long, long[]> asks = new TreeMap<>();
        long lastPx = Prices.NONE;
        long lastQty;
    }

    private record Trade(String symbol, long price, long qty) {
    }

    private static final class Subscription {
        final Request request;
        /** Per symbol: the levels last sent, bids then asks (price -> size). */
        final Map<String, Map<Long, Long>> bidsSent = new HashMap<>();
        final Map<String, Map<Long, Long>> asksSent = new HashMap<>();

        Subscription(final Request request) {
            this.request = request;
        }
    }

    private final Predicate<String> knownSymbol;
    private final FixSender sender;
    private final Map<String, Book> books = new HashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private final List<Trade> trades = new ArrayList<>();

    MarketDataDesk(final Predicate<String> knownSymbol, final FixSender sender) {
        this.knownSymbol = knownSymbol;
        this.sender = sender;
    }

    void onDepthLevel(final String symbol, final Side side, final long price, final long qty, final int orders) {
        final Book book = books.computeIfAbsent(symbol, s -> new Book());
        final TreeMap<Long, long[]> levels = side == Side.BUY ? book.bids : book.asks;
        if (qty == 0) {
            levels.remove(price);
        } else {
            levels.put(price, new long[] {qty, orders});
        }
        touched.add(symbol);
    }

    void onTopOfBook(final String symbol, final long bidPx, final long bidQty, final long askPx, final long askQty) {
        // the depth levels carry everything; top of book is their first level
    }

    void onTrade(final String symbol, final long tradeId, final long price, final long qty, final long time) {
        final Book book = books.computeIfAbsent(symbol, s -> new Book());
        book.lastPx = price;
        book.lastQty = qty;
        trades.add(new Trade(symbol, price, qty));
        touched.add(symbol);
    }

    void onDailyStats(final String symbol, final long open, final long high, final long low, final long last,
                      final long volume) {
        // not distributed yet (MDEntryType 4/7/8/B are not offered)
    }

    /** Handles a V: unsubscribe, or reject, or snapshot (and subscribe for updates). */
    void request(final Request request) {
        if (request.subscriptionType() == '2') {
            subscriptions.removeIf(s -> s.request.session().equals(request.session())
                && s.request.mdReqId().equals(request.mdReqId()));
            return;
        }
        for (final String symbol : request.symbols()) {
            if (!knownSymbol.test(symbol)) {
                reject(request, '0', "Unknown symbol " + symbol);
                return;
            }
        }
        final Subscription subscription = new Subscription(request);
        for (final String symbol : request.symbols()) {
            snapshot(subscription, symbol);
        }
        if (request.subscriptionType() == '1') {
            subscriptions.add(subscription);
        }
    }

    /** Rejects a request (called by the session thread's validation too, through {@link #reject}). */
    void reject(final Request request, final char reason, final String text) {
        sender.send(rejectMessage(request.version(), request.mdReqId(), reason, text), request.sessionId());
    }

    static Message rejectMessage(final FixVersion version, final String mdReqId, final char reason,
                                 final String text) {
        final Message m = ReportWriter.create(version, "Y");
        m.setString(MD_REQ_ID, mdReqId);
        m.setChar(MD_REQ_REJ_REASON, reason);
        m.setString(TEXT, text);
        return m;
    }

    /** A session logged out: its subscriptions end. */
    void dropSession(final String session) {
        subscriptions.removeIf(s -> s.request.session().equals(session));
    }

    /** After a journal record: sends what changed to the subscribers of the symbols it touched. */
    void publish() {
        if (touched.isEmpty()) {
            return;
        }
        for (final Subscription s : subscriptions) {
            final FixVersion v = s.request.version();
            final List<Group> entries = new ArrayList<>();
            for (final String symbol : touched) {
                if (!s.request.symbols().contains(symbol)) {
                    continue;
                }
                if (s.request.fullRefresh()) {
                    snapshot(s, symbol);
                    continue;
                }
                if (s.request.entryTypes().contains('0')) {
                    diff(v, symbol, '0', books.get(symbol).bids, s.bidsSent, s.request.depth(), entries);
                }
                if (s.request.entryTypes().contains('1')) {
                    diff(v, symbol, '1', books.get(symbol).asks, s.asksSent, s.request.depth(), entries);
                }
                if (s.request.entryTypes().contains('2')) {
                    for (final Trade t : trades) {
                        if (t.symbol().equals(symbol)) {
                            entries.add(incremental(v, '0', '2', symbol, t.price(), t.qty()));
                        }
                    }
                }
            }
            if (!entries.isEmpty()) {
                final Message x = ReportWriter.create(v, "X");
                x.setString(MD_REQ_ID, s.request.mdReqId());
                for (final Group entry : entries) {
                    x.addGroup(entry);
                }
                sender.send(x, s.request.sessionId());
            }
        }
        touched.clear();
        trades.clear();
    }

    private void snapshot(final Subscription s, final String symbol) {
        final Request r = s.request;
        final Book book = books.computeIfAbsent(symbol, k -> new Book());
        final Message w = ReportWriter.create(r.version(), "W");
        w.setString(MD_REQ_ID, r.mdReqId());
        w.setString(SYMBOL, symbol);
        int count = 0;
        if (r.entryTypes().contains('0')) {
            count += levels(w, r, '0', book.bids, s.bidsSent.computeIfAbsent(symbol, k -> new LinkedHashMap<>()));
        }
        if (r.entryTypes().contains('1')) {
            count += levels(w, r, '1', book.asks, s.asksSent.computeIfAbsent(symbol, k -> new LinkedHashMap<>()));
        }
        if (r.entryTypes().contains('2') && book.lastPx != Prices.NONE) {
            final Group g = MESSAGES.create(r.version().beginString(), "W", NO_MD_ENTRIES);
            g.setChar(MD_ENTRY_TYPE, '2');
            g.setDecimal(MD_ENTRY_PX, ReportWriter.decimal(book.lastPx));
            g.setDecimal(MD_ENTRY_SIZE, BigDecimal.valueOf(book.lastQty));
            w.addGroup(g);
            count++;
        }
        if (count == 0) {
            w.setInt(NO_MD_ENTRIES, 0);
        }
        sender.send(w, r.sessionId());
    }

    private static int levels(final Message w, final Request r, final char type, final TreeMap<Long, long[]> book,
                              final Map<Long, Long> sent) {
        sent.clear();
        int position = 0;
        for (final Map.Entry<Long, long[]> level : book.entrySet()) {
            if (r.depth() > 0 && position >= r.depth()) {
                break;
            }
            position++;
            final Group g = MESSAGES.create(r.version().beginString(), "W", NO_MD_ENTRIES);
            g.setChar(MD_ENTRY_TYPE, type);
            g.setDecimal(MD_ENTRY_PX, ReportWriter.decimal(level.getKey()));
            g.setDecimal(MD_ENTRY_SIZE, BigDecimal.valueOf(level.getValue()[0]));
            g.setInt(NUMBER_OF_ORDERS, (int) level.getValue()[1]);
            g.setInt(MD_ENTRY_POSITION_NO, position);
            w.addGroup(g);
            sent.put(level.getKey(), level.getValue()[0]);
        }
        return position;
    }

    private static void diff(final FixVersion v, final String symbol, final char type,
                             final TreeMap<Long, long[]> book, final Map<String, Map<Long, Long>> sentBySymbol,
                             final int depth, final List<Group> entries) {
        final Map<Long, Long> sent = sentBySymbol.computeIfAbsent(symbol, k -> new LinkedHashMap<>());
        final Map<Long, Long> now = new LinkedHashMap<>();
        for (final Map.Entry<Long, long[]> level : book.entrySet()) {
            if (depth > 0 && now.size() >= depth) {
                break;
            }
            now.put(level.getKey(), level.getValue()[0]);
        }
        for (final Iterator<Map.Entry<Long, Long>> it = sent.entrySet().iterator(); it.hasNext();) {
            final Map.Entry<Long, Long> old = it.next();
            if (!now.containsKey(old.getKey())) {
                entries.add(incremental(v, '2', type, symbol, old.getKey(), old.getValue()));
                it.remove();
            }
        }
        for (final Map.Entry<Long, Long> level : now.entrySet()) {
            final Long before = sent.put(level.getKey(), level.getValue());
            if (before == null) {
                entries.add(incremental(v, '0', type, symbol, level.getKey(), level.getValue()));
            } else if (!before.equals(level.getValue())) {
                entries.add(incremental(v, '1', type, symbol, level.getKey(), level.getValue()));
            }
        }
    }

    private static Group incremental(final FixVersion v, final char action, final char type, final String symbol,
                                     final long price, final long size) {
        final Group g = MESSAGES.create(v.beginString(), "X", NO_MD_ENTRIES);
        g.setChar(MD_UPDATE_ACTION, action);
        g.setChar(MD_ENTRY_TYPE, type);
        g.setString(SYMBOL, symbol);
        g.setDecimal(MD_ENTRY_PX, ReportWriter.decimal(price));
        if (action != '2') {
            g.setDecimal(MD_ENTRY_SIZE, BigDecimal.valueOf(size));
        }
        return g;
    }
}
