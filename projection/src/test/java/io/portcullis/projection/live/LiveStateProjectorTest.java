package io.portcullis.projection.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.portcullis.config.Settings;
import io.portcullis.oms.domain.Side;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.engine.Position;
import io.portcullis.oms.event.EngineListener;
import io.portcullis.oms.journal.EventDecoder;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.JournalReader;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.oms.runner.EngineRunner;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The journal of a real engine run, projected into the real Redis: quotes, daily statistics, bars, the trade tape
 * and positions equal what the journal says (recomputed here from the journal) and what the engine holds; a
 * restarted projector resumes at the stored offset and applies nothing twice; an emptied Redis is rebuilt from the
 * journal to the same state; two projectors on the same keys apply every record once; the update channel carries
 * every trade once.
 */
@Timeout(300)
class LiveStateProjectorTest {
    private static JournalConfiguration journal;
    private static KafkaJournal kafka;
    private static OrderEngine engine;
    private static RedissonClient redis;
    private static LiveKeys keys;
    private static final List<LiveUpdate.Trade> PUBLISHED = new CopyOnWriteArrayList<>();
    private static long secondRunApplied;
    private static long totalRecords;

    @BeforeAll
    static void runEngineAndProject() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA, LocalStack.Service.REDIS);
        final Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(LocalStack.redisUrl());
        redis = Redisson.create(config);
        keys = new LiveKeys(Isolation.topicName(LiveStateProjectorTest.class, "live") + ":");
        journal = JournalConfiguration.from(Settings.of(Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap()),
            Map.of(), Map.of())).withTopic(Isolation.topicName(LiveStateProjectorTest.class, "journal"));
        kafka = KafkaJournal.open(journal);
        final RandomFlowAccess flow = new RandomFlowAccess(41);
        flow.journal(Recovery.recover(RandomFlowAccess.config(), null, journal), kafka, 5_000).close();
        try (LiveStateProjector projector = new LiveStateProjector(journal, redis, keys)) {
            projector.start();
            awaitCaughtUp(projector, 5_000);
        }
        // A second projector resumes at the stored offset while the engine journals more; its updates are watched.
        redis.getTopic(keys.updates()).addListener(String.class,
            (channel, message) -> PUBLISHED.addAll(LiveUpdate.decode(message).trades()));
        final Recovery.Result recovered = Recovery.recover(RandomFlowAccess.config(), null, journal);
        try (LiveStateProjector projector = new LiveStateProjector(journal, redis, keys)) {
            projector.start();
            final EngineRunner second = flow.journal(recovered, kafka, 3_000);
            second.close();
            engine = second.engine();
            awaitCaughtUp(projector, 8_000);
            secondRunApplied = projector.appliedRecords();
        }
        totalRecords = 8_000;
    }

    @AfterAll
    static void cleanUp() {
        redis.getKeys().deleteByPattern(keys.prefix() + "*");
        redis.shutdown();
        kafka.close();
    }

    @Test
    void theResumedProjectorAppliedOnlyTheNewRecords() {
        assertThat(secondRunApplied).isEqualTo(3_000);
        assertThat(new LiveState(redis, keys).offset(journal.topic())).isEqualTo(totalRecords);
    }

    @Test
    void quotesStatisticsBarsTapeAndPositionsEqualTheJournal() {
        assertEqualsJournal(new LiveState(redis, keys));
    }

    @Test
    void theUpdateChannelCarriedEveryTradeOfTheSecondRunOnce() {
        final Expected expected = Expected.fromJournal(5_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> PUBLISHED.size() >= expected.trades.size());
        assertThat(PUBLISHED).as("trades published").isEqualTo(expected.trades);
    }

    @Test
    void anEmptiedRedisIsRebuiltFromTheJournalToTheSameState() {
        final LiveKeys rebuilt = new LiveKeys(keys.prefix() + "rebuilt:");
        try (LiveStateProjector projector = new LiveStateProjector(journal, redis, rebuilt)) {
            projector.start();
            awaitCaughtUp(projector, totalRecords);
            assertThat(projector.appliedRecords()).isEqualTo(totalRecords);
        }
        assertEqualsJournal(new LiveState(redis, rebuilt));
    }

    @Test
    void twoProjectorsOnTheSameKeysNeverApplyARecordTwice() {
        final LiveKeys shared = new LiveKeys(keys.prefix() + "shared:");
        try (LiveStateProjector one = new LiveStateProjector(journal, redis, shared);
             LiveStateProjector two = new LiveStateProjector(journal, redis, shared)) {
            one.start();
            two.start();
            awaitCaughtUp(one, totalRecords);
            awaitCaughtUp(two, totalRecords);
            System.out.printf("two projectors: %,d and %,d records applied, %,d and %,d batches refused%n",
                one.appliedRecords(), two.appliedRecords(), one.conflicts(), two.conflicts());
            assertThat(one.appliedRecords() + two.appliedRecords()).as("records applied, by one or the other")
                .isEqualTo(totalRecords);
        }
        // The tape would hold a trade twice and the bars would count it twice if a record had been applied twice.
        assertEqualsJournal(new LiveState(redis, shared));
    }

    private static void assertEqualsJournal(final LiveState state) {
        final Expected expected = Expected.fromJournal(0);
        assertThat(expected.trades).as("trades in the journal").hasSizeGreaterThan(1_000);
        assertThat(state.symbols()).isEqualTo(new ArrayList<>(expected.quotes.keySet()));
        for (final LiveState.Quote quote : state.quotes()) {
            assertThat(quote).as(quote.symbol()).isEqualTo(expected.quotes.get(quote.symbol()).toQuote());
            final List<long[]> bars = expected.bars.getOrDefault(quote.symbol(), List.of());
            final List<LiveState.Bar> stored = bars.isEmpty() ? List.of()
                : state.bars(quote.symbol(), bars.getFirst()[0] - 86_400, bars.getLast()[0] + 86_400);
            assertThat(stored).as("bars of %s", quote.symbol()).hasSize(bars.size());
            for (int i = 0; i < bars.size(); i++) {
                final long[] b = bars.get(i);
                assertThat(stored.get(i)).isEqualTo(new LiveState.Bar(b[0], b[1], b[2], b[3], b[4], b[5]));
            }
            final List<LiveUpdate.Trade> tape = new ArrayList<>(expected.tradesOf(quote.symbol()));
            Collections.reverse(tape);
            assertThat(state.trades(quote.symbol(), 500)).as("tape of %s", quote.symbol())
                .isEqualTo(tape.subList(0, Math.min(tape.size(), LiveKeys.TRADES_KEPT)));
        }
        final List<LiveState.Position> positions = state.positions();
        assertThat(positions).hasSize(expected.positions);
        for (final LiveState.Position p : positions) {
            final Position engines = engine.position(p.account(), p.symbol());
            assertThat(p.netQty()).as("%s %s", p.account(), p.symbol()).isEqualTo(engines.netQty());
            assertThat(p.realizedPnl()).isEqualTo(engines.realizedPnl());
            assertThat(p.boughtQty() - p.soldQty()).isEqualTo(p.netQty());
        }
        assertThat(positions.stream().mapToLong(LiveState.Position::netQty).sum())
            .as("every share bought was sold by someone").isZero();
    }

    /** The state recomputed from the journal, independently of the projector. */
    private static final class Expected implements EngineListener {
        final Map<String, ExpectedQuote> quotes = new TreeMap<>();
        final Map<String, List<long[]>> bars = new HashMap<>();
        final List<LiveUpdate.Trade> trades = new ArrayList<>();
        final Map<String, Boolean> positionKeys = new HashMap<>();
        int positions;

        static Expected fromJournal(final long fromOffset) {
            final Expected expected = new Expected();
            JournalReader.readToEnd(journal, fromOffset, (record, offset) ->
                EventDecoder.decode(record.events(), 0, record.events().length, expected));
            expected.positions = expected.positionKeys.size();
            return expected;
        }

        List<LiveUpdate.Trade> tradesOf(final String symbol) {
            return trades.stream().filter(t -> t.symbol().equals(symbol)).toList();
        }

        @Override
        public void onTopOfBook(final CharSequence symbol, final long bidPx, final long bidQty, final long askPx,
                                final long askQty, final long transactTime) {
            final ExpectedQuote q = quotes.computeIfAbsent(symbol.toString(), ExpectedQuote::new);
            q.bid = bidPx;
            q.bidQty = bidQty;
            q.ask = askPx;
            q.askQty = askQty;
            q.updatedAt = transactTime;
        }

        @Override
        public void onDailyStats(final CharSequence symbol, final long open, final long high, final long low,
                                 final long last, final long volume, final long tradeCount, final long time) {
            final ExpectedQuote q = quotes.computeIfAbsent(symbol.toString(), ExpectedQuote::new);
            q.open = open;
            q.high = high;
            q.low = low;
            q.last = last;
            q.volume = volume;
            q.trades = tradeCount;
            q.lastTradeAt = time;
            q.updatedAt = time;
        }

        @Override
        public void onTrade(final CharSequence symbol, final long tradeId, final long price, final long qty,
                            final Side aggressorSide, final long takerOrderId, final long makerOrderId,
                            final long transactTime) {
            trades.add(new LiveUpdate.Trade(symbol.toString(), tradeId, price, qty,
                aggressorSide == Side.BUY ? "BUY" : "SELL", transactTime));
            quotes.computeIfAbsent(symbol.toString(), ExpectedQuote::new);
            final List<long[]> list = bars.computeIfAbsent(symbol.toString(), s -> new ArrayList<>());
            final long minute = transactTime / 60_000_000_000L * 60;
            final long[] last = list.isEmpty() ? null : list.getLast();
            if (last == null || last[0] != minute) {
                list.add(new long[] {minute, price, price, price, price, qty});
            } else {
                last[2] = Math.max(last[2], price);
                last[3] = Math.min(last[3], price);
                last[4] = price;
                last[5] += qty;
            }
        }

        @Override
        public void onPosition(final CharSequence account, final CharSequence symbol, final long netQty,
                               final long costBasis, final long realizedPnl, final long boughtQty,
                               final long soldQty, final long transactTime) {
            positionKeys.put(account + "|" + symbol, true);
        }
    }

    private static final class ExpectedQuote {
        final String symbol;
        long bid = io.portcullis.oms.domain.Prices.NONE;
        long bidQty;
        long ask = io.portcullis.oms.domain.Prices.NONE;
        long askQty;
        long open = io.portcullis.oms.domain.Prices.NONE;
        long high = io.portcullis.oms.domain.Prices.NONE;
        long low = io.portcullis.oms.domain.Prices.NONE;
        long last = io.portcullis.oms.domain.Prices.NONE;
        long volume;
        long trades;
        long lastTradeAt;
        long updatedAt;

        ExpectedQuote(final String symbol) {
            this.symbol = symbol;
        }

        LiveState.Quote toQuote() {
            return new LiveState.Quote(symbol, bid, bidQty, ask, askQty, open, high, low, last, volume, trades,
                lastTradeAt, updatedAt);
        }
    }

    private static void awaitCaughtUp(final LiveStateProjector projector, final long offset) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(projector.problem()).isNull();
            assertThat(projector.nextOffset()).isEqualTo(offset);
        });
    }
}
