package io.portcullis.projection.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.portcullis.config.Settings;
import io.portcullis.oms.engine.OrderEngine;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.oms.runner.EngineRunner;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import io.portcullis.testsupport.ThrowawayRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Redis killed (SIGKILL, no persistence) under a running live-state projector while the engine journals on: the
 * projector does not stop, says why it is behind and retries; when Redis comes back empty it rebuilds the whole state
 * from the journal, equal to what the journal says. Uses a redis-server of its own, never the stack's.
 */
@Timeout(300)
class LiveStateRedisOutageTest {
    @TempDir
    Path temp;

    @Test
    void theProjectorRidesOutARedisKillAndRebuildsTheEmptyRedisItFinds() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA);
        final JournalConfiguration journal = JournalConfiguration.from(Settings.of(Map.of("kafka.bootstrap",
            LocalStack.kafkaBootstrap()), Map.of(), Map.of()))
            .withTopic(Isolation.topicName(LiveStateRedisOutageTest.class, "journal"));
        final LiveKeys keys = new LiveKeys("outage:live:");
        final RandomFlowAccess flow = new RandomFlowAccess(43);
        try (ThrowawayRedis server = ThrowawayRedis.start(temp);
             KafkaJournal kafka = KafkaJournal.open(journal)) {
            final Config config = new Config();
            config.setCodec(StringCodec.INSTANCE);
            config.useSingleServer().setAddress(server.url()).setTimeout(1_000).setRetryAttempts(1);
            final RedissonClient redis = Redisson.create(config);
            try (LiveStateProjector projector = new LiveStateProjector(journal, redis, keys)) {
                flow.journal(Recovery.recover(RandomFlowAccess.config(), null, journal), kafka, 3_000).close();
                projector.start();
                awaitOffset(projector, 3_000, Duration.ofSeconds(60));

                server.kill();
                final EngineRunner second = flow.journal(Recovery.recover(RandomFlowAccess.config(), null, journal),
                    kafka, 2_000);
                second.close();
                final OrderEngine engine = second.engine();
                await().atMost(Duration.ofSeconds(60)).until(() -> projector.problem() != null
                    && projector.retries() > 0);
                System.out.println("while Redis is down: " + projector.problem());
                assertThat(projector.problem()).contains("Redis does not answer");
                assertThat(projector.nextOffset()).as("nothing applied without Redis").isEqualTo(3_000);

                server.restart();
                awaitOffset(projector, 5_000, Duration.ofSeconds(120));
                assertThat(projector.problem()).as("back to normal").isNull();
                System.out.printf("after the restart: %,d batches retried, %,d records applied in all%n",
                    projector.retries(), projector.appliedRecords());
                assertThat(projector.appliedRecords()).as("the empty Redis was rebuilt from the journal's start")
                    .isEqualTo(3_000 + 5_000);
                JournalTruth.assertEquals(new LiveState(redis, keys), journal, engine);
            } finally {
                redis.shutdown();
            }
        }
    }

    private static void awaitOffset(final LiveStateProjector projector, final long offset, final Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100))
            .untilAsserted(() -> assertThat(projector.nextOffset()).isEqualTo(offset));
    }
}
