package io.portcullis.system.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.redisson.Redisson;
import org.redisson.api.RMap;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** The real Redis through Redisson: a map (the shape of distributed limits) and a topic (their change feed). */
@Timeout(60)
class RedissonClientTest {
    private static final String PREFIX = Isolation.indexPrefix(RedissonClientTest.class);
    private static RedissonClient redisson;

    @BeforeAll
    static void connect() {
        LocalStack.require(LocalStack.Service.REDIS);
        final Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(LocalStack.redisUrl()).setConnectionMinimumIdleSize(1)
            .setConnectionPoolSize(2).setSubscriptionConnectionMinimumIdleSize(1);
        redisson = Redisson.create(config);
    }

    @AfterAll
    static void disconnect() {
        redisson.getKeys().deleteByPattern(PREFIX + "*");
        redisson.shutdown();
    }

    @Test
    void aMapWrittenByOneClientIsReadBackWithVersionedUpdates() {
        final RMap<String, String> limits = redisson.getMap(PREFIX + "limits");
        limits.put("ACC1:MAX_ORDER_QTY", "10000");

        final boolean replaced = limits.replace("ACC1:MAX_ORDER_QTY", "10000", "5000");
        final boolean staleReplaced = limits.replace("ACC1:MAX_ORDER_QTY", "10000", "20000");

        assertThat(replaced).isTrue();
        assertThat(staleReplaced).isFalse();
        assertThat(limits.get("ACC1:MAX_ORDER_QTY")).isEqualTo("5000");
    }

    @Test
    void aMessagePublishedOnATopicReachesEverySubscriber() throws InterruptedException {
        final RTopic topic = redisson.getTopic(PREFIX + "limit-changes");
        final CountDownLatch received = new CountDownLatch(2);
        final CopyOnWriteArrayList<String> messages = new CopyOnWriteArrayList<>();
        topic.addListener(String.class, (channel, message) -> { messages.add("a:" + message); received.countDown(); });
        topic.addListener(String.class, (channel, message) -> { messages.add("b:" + message); received.countDown(); });

        final long receivers = topic.publish("ACC1:MAX_ORDER_QTY=5000");

        assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(receivers).isGreaterThanOrEqualTo(1);
        assertThat(messages).containsExactlyInAnyOrder("a:ACC1:MAX_ORDER_QTY=5000", "b:ACC1:MAX_ORDER_QTY=5000");
    }
}
