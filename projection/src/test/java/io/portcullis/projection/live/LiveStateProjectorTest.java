package io.portcullis.projection.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.portcullis.config.Settings;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.journal.JournalConfiguration;
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
        JournalTruth.assertEquals(new LiveState(redis, keys), journal, engine);
    }

    @Test
    void theUpdateChannelCarriedEveryTradeOfTheSecondRunOnce() {
        final JournalTruth expected = JournalTruth.read(journal, 5_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> PUBLISHED.size() >= expected.trades().size());
        assertThat(PUBLISHED).as("trades published").isEqualTo(expected.trades());
    }

    @Test
    void anEmptiedRedisIsRebuiltFromTheJournalToTheSameState() {
        final LiveKeys rebuilt = new LiveKeys(keys.prefix() + "rebuilt:");
        try (LiveStateProjector projector = new LiveStateProjector(journal, redis, rebuilt)) {
            projector.start();
            awaitCaughtUp(projector, totalRecords);
            assertThat(projector.appliedRecords()).isEqualTo(totalRecords);
        }
        JournalTruth.assertEquals(new LiveState(redis, rebuilt), journal, engine);
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
        JournalTruth.assertEquals(new LiveState(redis, shared), journal, engine);
    }

    private static void awaitCaughtUp(final LiveStateProjector projector, final long offset) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(projector.problem()).isNull();
            assertThat(projector.nextOffset()).isEqualTo(offset);
        });
    }
}
