package io.portcullis.oms.journal;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The engine's journal on Kafka: one partition, an idempotent producer with {@code acks=all}, records appended in
 * command order. Group commit comes from the producer's batching ({@code linger.ms}): many records share one request
 * and one replication round, so durability costs latency, not throughput.
 *
 * <p>{@link #append} is called by the engine thread only; callbacks run on the producer's I/O thread in append order.
 * The first failure fails the journal for good ({@link #failure()}): records after a lost one must never become
 * durable out of order, so the engine stops and recovers from what the journal holds.
 */
public final class KafkaJournal implements AutoCloseable {
    private final JournalConfiguration configuration;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private KafkaJournal(final JournalConfiguration configuration, final KafkaProducer<byte[], byte[]> producer) {
        this.configuration = configuration;
        this.producer = producer;
    }

    /**
     * Opens the journal, creating its topic (one partition, unlimited retention) if it does not exist.
     *
     * @throws IllegalStateException naming the bootstrap servers when Kafka does not answer within 15 seconds
     */
    public static KafkaJournal open(final JournalConfiguration configuration) {
        ensureTopic(configuration);
        return new KafkaJournal(configuration, new KafkaProducer<>(producerProperties(configuration),
            new ByteArraySerializer(), new ByteArraySerializer()));
    }

    /** The producer settings the journal depends on for durability and order. */
    static Properties producerProperties(final JournalConfiguration configuration) {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configuration.bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(configuration.lingerMs()));
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "portcullis-journal-" + configuration.topic());
        return props;
    }

    private static void ensureTopic(final JournalConfiguration configuration) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, configuration.bootstrap(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"))) {
            final NewTopic topic = new NewTopic(configuration.topic(), 1, configuration.replicationFactor())
                .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "delete",
                    "min.insync.replicas", Integer.toString(Math.min(2, configuration.replicationFactor()))));
            admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
        } catch (final ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the journal topic " + configuration.topic() + " on "
                    + configuration.bootstrap() + ": " + ex.getCause().getMessage(), ex);
            }
        } catch (final TimeoutException ex) {
            throw new IllegalStateException("Kafka at " + configuration.bootstrap() + " did not answer within 15 s. "
                + "Is it running? For the local stack: ./portcullis stack up", ex);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the journal topic", ex);
        }
    }

    /**
     * Appends a record. Engine thread only.
     *
     * @param sequence the command sequence, reported back to {@code callback}
     * @param record   the encoded record; the journal keeps the array until it is sent, so it must not be reused
     * @param callback told when the record is durable or lost
     * @return false, without appending, if the journal has failed
     */
    public boolean append(final long sequence, final byte[] record, final JournalCallback callback) {
        if (failure.get() != null) {
            return false;
        }
        inFlight.incrementAndGet();
        producer.send(new ProducerRecord<>(configuration.topic(), 0, null, record),
            (metadata, error) -> {
                inFlight.decrementAndGet();
                if (error == null) {
                    callback.onDurable(sequence, metadata.offset());
                } else {
                    failure.compareAndSet(null, error);
                    callback.onFailed(sequence, error);
                }
            });
        return true;
    }

    /** True when fewer than {@code journal.max-in-flight} records await durability. Any thread. */
    public boolean hasCapacity() {
        return inFlight.get() < configuration.maxInFlight();
    }

    /** Records sent and not yet acknowledged. Any thread. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The error that failed the journal, or null while it is healthy. Any thread. */
    public Exception failure() {
        return failure.get();
    }

    /** Sends whatever is batched now and waits until every appended record is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** The configuration. */
    public JournalConfiguration configuration() {
        return configuration;
    }

    /** Flushes and closes the producer. */
    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(30));
    }
}
