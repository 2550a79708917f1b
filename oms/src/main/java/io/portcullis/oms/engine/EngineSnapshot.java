package io.portcullis.oms.engine;

import io.portcullis.oms.book.BookSide;
import io.portcullis.oms.book.Order;
import io.portcullis.oms.book.PriceLevel;
import io.portcullis.oms.domain.OrdType;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.domain.TimeInForce;
import org.agrona.collections.Long2ObjectHashMap;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Binary snapshot of the engine state, and the state hash (SHA-256 of the same bytes). Start-up and
 * maintenance only; allocates.
 *
 * <p>Format version {@value #VERSION}, big-endian ({@link DataOutputStream}); strings are modified UTF-8 with
 * a u16 length; a nullable string is a boolean then the string. Fields marked (v2) are absent from version 1,
 * which is still read (today's executed notionals then start at 0, orders have no locate id, the pre-trade check
 * starts from its empty state).
 * <pre>
 * i32 magic 'PCSN', u16 version
 * i64 lastSequence, lastTimestamp, orderIdCounter, execIdCounter, tradeIdCounter, internalErrors
 * i32 symbolCount; per symbol in registry order:
 *     str symbol, bool halted, i64 lastPrice, open, high, low, last, volume, tradeCount,
 *     i64 publishedBidPx, publishedBidQty, publishedAskPx, publishedAskQty
 * i32 accountCount; per account in configuration order:
 *     str accountId, i32 positionCount; per position: i32 symbolIndex, i64 netQty, costBasis, realizedPnl,
 *     boughtQty, soldQty; then (v2) i64 executedBuyNotional, executedSellNotional (today's)
 * i32 liveOrderCount; per live order in order id order:
 *     i64 orderId, str sessionId, str clOrdId, nstr origClOrdId, i32 accountIndex, i32 symbolIndex,
 *     u16 side, u16 ordType, u16 tif (FIX chars), i64 price, stopPx, orderQty, cumQty, cumNotional, minQty,
 *     expireTime, entryTime, bool triggered, (v2) nstr locateId
 * per symbol in registry order: for BUY then SELL: i32 levelCount; per level best first: i64 price,
 *     i32 orderCount, i64 orderId * orderCount (queue order); then i32 stopCount, i64 orderId * stopCount
 * (v2) bool hasRiskState; if true: i32 length, the stateful pre-trade check's own bytes (RiskStateful)
 * </pre>
 * Derived state (exposures, indexes, account totals, broker-firm and firm-wide totals) is rebuilt on read, not
 * stored. Instruments and accounts are configuration: the reader checks that symbols and account ids match. A
 * snapshot with risk state cannot be read into an engine without a stateful check (its limits would be lost
 * silently); one without risk state leaves the check as built.
 */
final class EngineSnapshot {

    static final int MAGIC = 0x5043534E;
    static final int VERSION = 2;

    private EngineSnapshot() {
    }

    static byte[] hash(final EngineState state) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                write(state, out);
            }
            return digest.digest();
        } catch (final NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot hash engine state", e);
        }
    }

    static void write(final EngineState state, final OutputStream target) throws IOException {
        final DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target, 1 << 16));
        out.writeInt(MAGIC);
        out.writeShort(VERSION);
        out.writeLong(state.lastSequence);
        out.writeLong(state.lastTimestamp);
        out.writeLong(state.orderIdCounter);
        out.writeLong(state.execIdCounter);
        out.writeLong(state.tradeIdCounter);
        out.writeLong(state.internalErrors);
        writeSymbols(state, out);
        writeAccounts(state, out);
        out.writeInt(state.liveCount);
        for (Order o = state.oldestLive; o != null; o = o.newerLive()) {
            writeOrder(o, out);
        }
        for (final SymbolState symbol : state.symbols) {
            writeSide(symbol.book.side(Side.BUY), out);
            writeSide(symbol.book.side(Side.SELL), out);
            out.writeInt(symbol.stops.size());
            for (Order o = symbol.stops.head(); o != null; o = o.next()) {
                out.writeLong(o.orderId());
            }
        }
        writeRisk(state, out);
        out.flush();
    }

    private static void writeRisk(final EngineState state, final DataOutputStream out) throws IOException {
        out.writeBoolean(state.risk != null);
        if (state.risk != null) {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 12);
            final DataOutputStream riskOut = new DataOutputStream(bytes);
            state.risk.writeSnapshot(riskOut);
            riskOut.flush();
            out.writeInt(bytes.size());
            bytes.writeTo(out);
        }
    }

    private static void readRisk(final EngineState state, final DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return;
        }
        final int length = in.readInt();
        if (length < 0) {
            throw new IOException("bad risk state length " + length);
        }
        final byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("truncated risk state");
        }
        if (state.risk == null) {
            throw new IllegalStateException("the snapshot holds pre-trade risk state but the engine's pre-trade check "
                + state.config.preTradeCheck().getClass().getName() + " keeps none: configure the risk engine");
        }
        final DataInputStream riskIn = new DataInputStream(new ByteArrayInputStream(bytes));
        state.risk.readSnapshot(riskIn);
        if (riskIn.available() != 0) {
            throw new IOException("risk state has " + riskIn.available() + " unread bytes");
        }
    }

    private static void writeSymbols(final EngineState state, final DataOutputStream out) throws IOException {
        out.writeInt(state.symbols.length);
        for (final SymbolState s : state.symbols) {
            out.writeUTF(s.symbol);
            out.writeBoolean(s.halted);
            for (final long v : new long[] {s.lastPrice, s.open, s.high, s.low, s.last, s.volume, s.tradeCount,
                s.publishedBidPx, s.publishedBidQty, s.publishedAskPx, s.publishedAskQty}) {
                out.writeLong(v);
            }
        }
    }

    private static void writeAccounts(final EngineState state, final DataOutputStream out) throws IOException {
        out.writeInt(state.accounts.length);
        for (final AccountState a : state.accounts) {
            out.writeUTF(a.account.accountId());
            int count = 0;
            for (final Position p : a.positions) {
                count += p == null ? 0 : 1;
            }
            out.writeInt(count);
            for (int i = 0; i < a.positions.length; i++) {
                final Position p = a.positions[i];
                if (p != null) {
                    out.writeInt(i);
                    out.writeLong(p.netQty());
                    out.writeLong(p.costBasis());
                    out.writeLong(p.realizedPnl());
                    out.writeLong(p.boughtQty());
                    out.writeLong(p.soldQty());
                }
            }
            out.writeLong(a.executedBuyNotional);
            out.writeLong(a.executedSellNotional);
        }
    }

    private static void writeOrder(final Order o, final DataOutputStream out) throws IOException {
        out.writeLong(o.orderId());
        out.writeUTF(o.sessionId());
        out.writeUTF(o.clOrdId());
        out.writeBoolean(o.origClOrdId() != null);
        if (o.origClOrdId() != null) {
            out.writeUTF(o.origClOrdId());
        }
        out.writeInt(o.accountIndex());
        out.writeInt(o.symbolIndex());
        out.writeChar(o.side().fixValue());
        out.writeChar(o.ordType().fixValue());
        out.writeChar(o.tif().fixValue());
        out.writeLong(o.price());
        out.writeLong(o.stopPx());
        out.writeLong(o.orderQty());
        out.writeLong(o.cumQty());
        out.writeLong(o.cumNotional());
        out.writeLong(o.minQty());
        out.writeLong(o.expireTime());
        out.writeLong(o.entryTime());
        out.writeBoolean(o.isTriggered());
        out.writeBoolean(o.locateId() != null);
        if (o.locateId() != null) {
            out.writeUTF(o.locateId());
        }
    }

    private static void writeSide(final BookSide side, final DataOutputStream out) throws IOException {
        out.writeInt(side.levelCount());
        for (int depth = 0; depth < side.levelCount(); depth++) {
            final PriceLevel level = side.levelAt(depth);
            out.writeLong(level.price());
            out.writeInt(level.orderCount());
            for (Order o = level.head(); o != null; o = o.next()) {
                out.writeLong(o.orderId());
            }
        }
    }

    static void read(final EngineState state, final Exposures exposures, final MarketData marketData,
                     final InputStream source) throws IOException {
        final DataInputStream in = new DataInputStream(source);
        if (in.readInt() != MAGIC) {
            throw new IOException("not an engine snapshot (bad magic)");
        }
        final int version = in.readUnsignedShort();
        if (version < 1 || version > VERSION) {
            throw new IOException("unsupported snapshot version " + version);
        }
        state.lastSequence = in.readLong();
        state.lastTimestamp = in.readLong();
        state.orderIdCounter = in.readLong();
        state.execIdCounter = in.readLong();
        state.tradeIdCounter = in.readLong();
        state.internalErrors = in.readLong();
        readSymbols(state, in);
        readAccounts(state, in, version);
        exposures.sumExecuted();
        final Long2ObjectHashMap<Order> byId = new Long2ObjectHashMap<>();
        final int live = in.readInt();
        for (int i = 0; i < live; i++) {
            final Order order = readOrder(state, in, version);
            state.register(order);
            exposures.add(order);
            byId.put(order.orderId(), order);
        }
        final MarketData muted = marketData;
        muted.muted = true;
        try {
            for (final SymbolState symbol : state.symbols) {
                readSide(symbol, in, byId);
                readSide(symbol, in, byId);
                final int stops = in.readInt();
                for (int i = 0; i < stops; i++) {
                    symbol.stops.append(require(byId, in.readLong()));
                }
            }
        } finally {
            muted.muted = false;
        }
        if (version >= 2) {
            readRisk(state, in);
        }
    }

    private static void readSymbols(final EngineState state, final DataInputStream in) throws IOException {
        final int count = in.readInt();
        if (count != state.symbols.length) {
            throw new IllegalStateException("snapshot has " + count + " symbols, configuration " + state.symbols.length);
        }
        for (final SymbolState s : state.symbols) {
            final String symbol = in.readUTF();
            if (!symbol.equals(s.symbol)) {
                throw new IllegalStateException("snapshot symbol " + symbol + " where configuration has " + s.symbol);
            }
            s.halted = in.readBoolean();
            s.lastPrice = in.readLong();
            s.open = in.readLong();
            s.high = in.readLong();
            s.low = in.readLong();
            s.last = in.readLong();
            s.volume = in.readLong();
            s.tradeCount = in.readLong();
            s.publishedBidPx = in.readLong();
            s.publishedBidQty = in.readLong();
            s.publishedAskPx = in.readLong();
            s.publishedAskQty = in.readLong();
        }
    }

    private static void readAccounts(final EngineState state, final DataInputStream in, final int version)
        throws IOException {
        final int count = in.readInt();
        if (count != state.accounts.length) {
            throw new IllegalStateException("snapshot has " + count + " accounts, configuration "
                + state.accounts.length);
        }
        for (final AccountState a : state.accounts) {
            final String id = in.readUTF();
            if (!id.equals(a.account.accountId())) {
                throw new IllegalStateException("snapshot account " + id + " where configuration has "
                    + a.account.accountId());
            }
            final int positions = in.readInt();
            for (int i = 0; i < positions; i++) {
                final Position p = a.position(in.readInt());
                p.restore(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
                a.realizedPnl += p.realizedPnl();
            }
            if (version >= 2) {
                a.executedBuyNotional = in.readLong();
                a.executedSellNotional = in.readLong();
            }
        }
    }

    private static Order readOrder(final EngineState state, final DataInputStream in, final int version)
        throws IOException {
        final long orderId = in.readLong();
        final String sessionId = in.readUTF();
        final String clOrdId = in.readUTF();
        final String origClOrdId = in.readBoolean() ? in.readUTF() : null;
        final AccountState account = state.accounts[in.readInt()];
        final SymbolState symbol = state.symbols[in.readInt()];
        final Side side = Side.fromFix(in.readChar());
        final OrdType type = OrdType.fromFix(in.readChar());
        final TimeInForce tif = TimeInForce.fromFix(in.readChar());
        final long price = in.readLong();
        final long stopPx = in.readLong();
        final long orderQty = in.readLong();
        final long cumQty = in.readLong();
        final long cumNotional = in.readLong();
        final long minQty = in.readLong();
        final long expireTime = in.readLong();
        final long entryTime = in.readLong();
        final boolean triggered = in.readBoolean();
        final String locateId = version >= 2 && in.readBoolean() ? in.readUTF() : null;
        if (side == null || type == null || tif == null || cumQty >= orderQty) {
            throw new IOException("corrupt order " + orderId + " in snapshot");
        }
        final Order order = state.acquire();
        order.init(orderId, sessionId, clOrdId, account.account, account.index, symbol.symbol, symbol.index, side,
            type, tif, price, stopPx, orderQty, minQty, expireTime, entryTime);
        order.restore(origClOrdId, cumQty, cumNotional, triggered);
        order.locateId(locateId);
        return order;
    }

    private static void readSide(final SymbolState symbol, final DataInputStream in,
                                 final Long2ObjectHashMap<Order> byId) throws IOException {
        final int levels = in.readInt();
        for (int l = 0; l < levels; l++) {
            final long price = in.readLong();
            final int count = in.readInt();
            for (int i = 0; i < count; i++) {
                final Order order = require(byId, in.readLong());
                if (order.price() != price) {
                    throw new IOException("order " + order.orderId() + " listed at level " + price);
                }
                symbol.book.add(order);
            }
        }
    }

    private static Order require(final Long2ObjectHashMap<Order> byId, final long orderId) throws IOException {
        final Order order = byId.get(orderId);
        if (order == null) {
            throw new IOException("snapshot references unknown order " + orderId);
        }
        return order;
    }
}
